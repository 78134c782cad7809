namespace AlaSpark.IntegrationTests;

/// <summary>Exit codes: 0 success, 1 the pipeline failed, 2 usage or configuration error (message on stderr).</summary>
public class ExitCodeTests
{
    [Fact]
    public void An_unknown_pipeline_is_a_usage_error_that_lists_the_pipelines()
    {
        using var job = new WebEventsJob();
        Assert.Equal(2, job.Run("run", "nope"));
        Assert.Contains("There is no pipeline named 'nope'. Pipelines: raw_to_cooked.", job.Error.ToString());
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown command 'frobnicate'")]
    [InlineData(new[] { "run", "raw_to_cooked", "--bogus", "1" }, "Unknown option '--bogus'")]
    [InlineData(new[] { "run", "raw_to_cooked", "--config" }, "The option '--config' needs a value")]
    [InlineData(new[] { "run" }, "'run' needs a pipeline name")]
    [InlineData(new[] { "lineage", "raw_to_cooked", "--format", "dot" }, "--format must be mermaid or json")]
    [InlineData(new[] { "run", "raw_to_cooked", "--engine", "spark" }, "spark engine")]
    public void Usage_errors_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        using var job = new WebEventsJob();
        Assert.Equal(2, job.Run(args));
        Assert.Contains(message, job.Error.ToString());
    }

    [Fact]
    public void A_missing_config_file_exits_2_naming_it()
    {
        using var job = new WebEventsJob();
        var missing = Path.Combine(job.Root, "missing.toml");
        Assert.Equal(2, job.Run("run", "raw_to_cooked", "--config", missing));
        Assert.Contains(missing, job.Error.ToString());
    }

    [Fact]
    public void A_config_error_exits_2_naming_the_key_and_the_file()
    {
        using var job = new WebEventsJob();
        var config = job.WriteConfig("""
            lake_root = "x"
            source_path = "@jinja {{ env.ALASPARK_TEST_SURELY_UNSET_VARIABLE }}/raw"
            """, readShippedData: false);
        Assert.Equal(2, job.Run("run", "raw_to_cooked", "--config", config));
        var error = job.Error.ToString();
        Assert.Contains("source_path", error);
        Assert.Contains(config, error);
        Assert.Contains("ALASPARK_TEST_SURELY_UNSET_VARIABLE", error);
    }

    [Fact]
    public void A_hash_salt_variable_that_is_not_set_exits_2_naming_the_key()
    {
        using var job = new WebEventsJob();
        var config = job.WriteConfig("hash_salt_env = \"ALASPARK_TEST_UNSET_SALT\"\n");
        Assert.Equal(2, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("hash_salt_env", job.Error.ToString());
        Assert.Contains("ALASPARK_TEST_UNSET_SALT", job.Error.ToString());
    }

    [Fact]
    public void A_source_path_missing_from_the_config_exits_2_naming_the_key()
    {
        using var job = new WebEventsJob();
        var config = job.WriteConfig("lake_root = \"x\"\n", readShippedData: false);
        Assert.Equal(2, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("the key 'source_path' is not in the job's config", job.Error.ToString());
        Assert.Contains(config, job.Error.ToString());
    }

    [Fact]
    public void A_failing_pipeline_exits_1_with_the_reason()
    {
        using var job = new WebEventsJob();
        var raw = Path.Combine(job.Root, "raw");
        Directory.CreateDirectory(raw);
        foreach (var file in Directory.GetFiles(WebEventsJob.ShippedData, "*.csv")) File.Copy(file, Path.Combine(raw, Path.GetFileName(file)));
        var config = job.WriteConfig("source_path = 'raw'\n", readShippedData: false);
        Assert.Equal(0, job.Run("run", "raw_to_cooked", "--config", config));

        // Remove the raw folder: the pipeline fails, the job exits 1.
        Directory.Delete(raw, recursive: true);
        Assert.Equal(1, job.Run("run", "raw_to_cooked", "--config", config));
        Assert.Contains("error: the pipeline 'raw_to_cooked' failed", job.Error.ToString());
        Assert.Contains($"reads the folder '{raw}', which does not exist", job.Error.ToString());
    }
}
