namespace AlaSpark.Cli.Tests;

public sealed class UsageTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Theory]
    [InlineData(new string[0], "Required command was not provided", "alaspark --help")]
    [InlineData(new[] { "query" }, "Unrecognized command or argument 'query'", "alaspark --help")]
    [InlineData(new[] { "sql" }, "Required argument missing for command: 'sql'", "alaspark sql --help")]
    [InlineData(new[] { "sql", "SELECT 1", "--bogus" }, "Unrecognized command or argument '--bogus'", "alaspark sql --help")]
    [InlineData(new[] { "sql", "SELECT 1", "extra" }, "Unrecognized command or argument 'extra'", "alaspark sql --help")]
    [InlineData(new[] { "read", "x.csv" }, "Option '--format' is required", "alaspark read --help")]
    [InlineData(new[] { "read", "--format", "csv" }, "Required argument missing for command: 'read'", "alaspark read --help")]
    [InlineData(new[] { "read", "--format" }, "--format", "alaspark read --help")]
    [InlineData(new[] { "tables", "--lake" }, "Required argument missing for option: '--lake'", "alaspark tables --help")]
    [InlineData(new[] { "tables", "--json=yes" }, "Unrecognized command or argument 'yes'", "alaspark tables --help")]
    public void Usage_errors_exit_2_with_the_message_on_stderr(string[] args, string message, string help)
    {
        var result = Cli.Run(_lake.Root, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr);
        Assert.Contains($"Run '{help}' for usage.", result.Stderr);
    }

    [Fact]
    public void An_empty_query_or_lake_is_a_usage_error()
    {
        Assert.Equal(2, Cli.Run(_lake.Root, "sql", " ").ExitCode);
        Assert.Equal(2, Cli.Run(_lake.Root, "sql", "SELECT 1", "--lake", "").ExitCode);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_the_commands_on_stdout(string option)
    {
        var result = Cli.Run(_lake.Root, option);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("alaspark [command] [options]", result.Stdout);
        Assert.Contains("sql <query>", result.Stdout);
        Assert.Contains("read <path>", result.Stdout);
        Assert.Contains("tables", result.Stdout);
        Assert.Contains("history <path>", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Command_help_lists_the_options()
    {
        var result = Cli.Run(_lake.Root, "read", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--format", "--schema", "--option", "--bad-records", "--limit", "--version", "--timestamp", "--lake", "--json" })
            Assert.Contains(option, result.Stdout);
        Assert.Contains("csv|json|parquet|delta", result.Stdout);
    }

    [Fact]
    public void History_help_lists_the_options()
    {
        var result = Cli.Run(_lake.Root, "history", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("alaspark history <path> [options]", result.Stdout);
        foreach (var option in new[] { "--limit", "--json" })
            Assert.Contains(option, result.Stdout);
        Assert.DoesNotContain("--lake", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = Cli.Run(_lake.Root, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }
}
