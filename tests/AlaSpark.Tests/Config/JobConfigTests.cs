using AlaSpark.Config;

namespace AlaSpark.Tests.Config;

public sealed class JobConfigTests : IDisposable
{
    internal const string SpecExample = """
        deploy_env = "{{ env.DEPLOY_ENV }}"
        schema_name = "web_events"
        pipeline_name = "raw_to_cooked"
        lake_root = "./lakehouse"
        source_path = "@jinja {{ this.LAKE_ROOT }}/raw/{{ this.SCHEMA_NAME }}"
        bad_records_path = "@jinja {{ this.LAKE_ROOT }}/bad_records/{{ this.SCHEMA_NAME }}/{{ this.PIPELINE_NAME }}"

        [catalog]
        kind = "local"            # local | glue | spark

        [env.prod]
        lake_root = "/data/lake"
        """;

    private static readonly Dictionary<string, string?> DeployEnv = new() { ["DEPLOY_ENV"] = "staging" };

    private readonly TempConfigFile _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void SpecExample_FromFile_RendersEveryTemplate()
    {
        var path = _files.Write(SpecExample);

        var config = JobConfig.Load(path, environmentVariables: DeployEnv);

        Assert.Equal(path, config.SourceName);
        Assert.Null(config.Environment);
        Assert.Equal("staging", config.GetString("deploy_env"));
        Assert.Equal("web_events", config.GetString("schema_name"));
        Assert.Equal("./lakehouse", config.GetString("lake_root"));
        Assert.Equal("./lakehouse/raw/web_events", config.GetString("source_path"));
        Assert.Equal("./lakehouse/bad_records/web_events/raw_to_cooked", config.GetString("bad_records_path"));
        Assert.Equal("local", config.GetString("catalog.kind"));
        Assert.Equal(
            ["deploy_env", "schema_name", "pipeline_name", "lake_root", "source_path", "bad_records_path", "catalog.kind"],
            config.Values.Keys);
    }

    [Fact]
    public void SpecExample_ProdEnvironment_OverridesKeyAndTemplatesThatReadIt()
    {
        var path = _files.Write(SpecExample);

        var config = JobConfig.Load(path, "prod", DeployEnv);

        Assert.Equal("prod", config.Environment);
        Assert.Equal("/data/lake", config.GetString("lake_root"));
        Assert.Equal("/data/lake/raw/web_events", config.GetString("source_path"));
        Assert.Equal("/data/lake/bad_records/web_events/raw_to_cooked", config.GetString("bad_records_path"));
        Assert.False(config.TryGet("env.prod.lake_root", out _));
    }

    [Fact]
    public void EnvironmentName_IsMatchedCaseInsensitively()
    {
        var config = JobConfig.Parse(SpecExample, "job.toml", "PROD", DeployEnv);

        Assert.Equal("/data/lake", config.GetString("lake_root"));
    }

    [Fact]
    public void EnvironmentSection_CanOverrideKeysOfNestedSections()
    {
        const string toml = """
            [catalog]
            kind = "local"
            database = "dev_db"

            [env.prod.catalog]
            kind = "glue"
            """;

        var config = JobConfig.Parse(toml, "job.toml", "prod", new Dictionary<string, string?>());

        Assert.Equal("glue", config.GetString("catalog.kind"));
        Assert.Equal("dev_db", config.GetString("catalog.database"));
    }

    [Fact]
    public void UnknownEnvironment_WhenFileDefinesEnvironments_IsAnErrorListingThem()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse(SpecExample, "/cfg/job.toml", "prdo", DeployEnv));

        Assert.Contains("/cfg/job.toml", ex.Message);
        Assert.Contains("[env.prdo]", ex.Message);
        Assert.Contains("prod", ex.Message);
    }

    [Fact]
    public void Environment_WhenFileDefinesNoEnvironments_IsAccepted()
    {
        var config = JobConfig.Parse("a = 1", "job.toml", "prod", new Dictionary<string, string?>());

        Assert.Equal("prod", config.Environment);
        Assert.Equal(1L, config.Values["a"]);
    }

    [Fact]
    public void ThisReferences_IgnoreCase()
    {
        const string toml = """
            schema_name = "web_events"
            upper = "{{ this.SCHEMA_NAME }}"
            mixed = "{{ this.Schema_Name }}"
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("web_events", config.GetString("upper"));
        Assert.Equal("web_events", config.GetString("mixed"));
        Assert.Equal("web_events", config.GetString("UPPER"));
    }

    [Fact]
    public void ChainedTemplates_ResolveInDependencyOrderWhateverTheFileOrder()
    {
        const string toml = """
            table_path = "@jinja {{ this.schema_path }}/{{ this.table }}"
            schema_path = "@jinja {{ this.root }}/{{ this.schema }}"
            root = "{{ env.LAKE }}"
            schema = "sales"
            table = "orders"
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?> { ["LAKE"] = "/lake" });

        Assert.Equal("/lake", config.GetString("root"));
        Assert.Equal("/lake/sales", config.GetString("schema_path"));
        Assert.Equal("/lake/sales/orders", config.GetString("table_path"));
    }

    [Fact]
    public void SectionKeys_AreReadableFromTemplatesWithDottedNames()
    {
        const string toml = """
            description = "catalog {{ this.catalog.kind }} in {{ this.CATALOG.Region }}"

            [catalog]
            kind = "glue"
            region = "eu-west-1"
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("catalog glue in eu-west-1", config.GetString("description"));
    }

    [Fact]
    public void JinjaPrefix_IsStripped_AndPlainValuesAreLeftAlone()
    {
        const string toml = """
            prefixed = "@jinja no placeholders"
            plain = "just text with a } brace"
            filtered = "@jinja {{ this.plain | upcase }}"
            not_a_prefix = "@jinjax {{ this.plain }}"
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("no placeholders", config.GetString("prefixed"));
        Assert.Equal("just text with a } brace", config.GetString("plain"));
        Assert.Equal("JUST TEXT WITH A } BRACE", config.GetString("filtered"));
        Assert.Equal("@jinjax just text with a } brace", config.GetString("not_a_prefix"));
    }

    [Fact]
    public void RawBlock_WritesLiteralBraces()
    {
        var config = JobConfig.Parse(
            "x = \"{% raw %}{{ not a template }}{% endraw %}\"", "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("{{ not a template }}", config.GetString("x"));
    }

    [Fact]
    public void EnvironmentVariables_PreferExactName_ThenASingleCaseInsensitiveMatch()
    {
        const string toml = """
            exact = "{{ env.Path }}"
            loose = "{{ env.home }}"
            """;
        var variables = new Dictionary<string, string?> { ["PATH"] = "upper", ["Path"] = "mixed", ["HOME"] = "/home/me" };

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: variables);

        Assert.Equal("mixed", config.GetString("exact"));
        Assert.Equal("/home/me", config.GetString("loose"));
    }

    [Fact]
    public void Templates_AreNotHtmlEncoded()
    {
        const string toml = """
            query = "a & b < 'c'"
            copy = "{{ this.query }}"
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("a & b < 'c'", config.GetString("copy"));
    }

    [Fact]
    public void TypedValues_KeepTheirTomlTypes()
    {
        const string toml = """
            batch_size = 500
            ratio = 0.25
            enabled = true
            tags = ["a", "b"]
            port_text = "{{ env.PORT }}"
            typed_in_template = "{{ this.batch_size }}-{{ this.enabled }}"

            [limits]
            max_rows = 9000000000
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?> { ["PORT"] = "5432" });

        Assert.Equal(500L, config.Values["batch_size"]);
        Assert.Equal(0.25, config.Values["ratio"]);
        Assert.Equal(true, config.Values["enabled"]);
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IReadOnlyList<string>>(config.Values["tags"]));
        Assert.Equal(500, config.Get("batch_size", 0));
        Assert.Equal(500L, config.Get("batch_size", 0L));
        Assert.Equal(500.0, config.Get("batch_size", 0.0));
        Assert.Equal(0.25, config.Get("ratio", 0.0));
        Assert.True(config.Get("enabled", false));
        Assert.Equal("true", config.GetString("enabled"));
        Assert.Equal("500", config.Get("batch_size", ""));
        Assert.Equal(9_000_000_000L, config.Get("limits.max_rows", 0L));
        Assert.Equal(5432, config.Get("port_text", 0));
        Assert.Equal("5432", config.Values["port_text"]);
        Assert.Equal("500-true", config.GetString("typed_in_template"));
        Assert.Equal(["a", "b"], config.GetStringList("tags"));
        Assert.Empty(config.GetStringList("missing"));
    }

    [Fact]
    public void Get_ReturnsDefaultForMissingKeys()
    {
        var config = JobConfig.Parse("a = 1", "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal(42, config.Get("missing", 42));
        Assert.Equal("fallback", config.Get("missing", "fallback"));
        Assert.Null(config.Get<int?>("missing", null));
        Assert.Equal(1, config.Get<int?>("a", null));
        Assert.Null(config.GetString("missing"));
        Assert.False(config.TryGet("missing", out var value));
        Assert.Null(value);
    }

    [Fact]
    public void StringArrays_RenderTemplatesInEachElement()
    {
        const string toml = """
            schema = "sales"
            paths = ["{{ this.schema }}/a", "@jinja {{ this.schema }}/b", "plain"]
            """;

        var config = JobConfig.Parse(toml, "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal(["sales/a", "sales/b", "plain"], config.GetStringList("paths"));
    }

    [Fact]
    public void GetRequiredString_ReturnsPresentValue()
    {
        var config = JobConfig.Parse("[catalog]\nkind = \"glue\"", "job.toml", environmentVariables: new Dictionary<string, string?>());

        Assert.Equal("glue", config.GetRequiredString("Catalog.Kind"));
    }

    [Fact]
    public void Load_WithoutVariables_ReadsTheProcessEnvironment()
    {
        var name = "ALASPARK_CONFIG_TEST_" + Guid.NewGuid().ToString("N");
        System.Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            var path = _files.Write($"value = \"{{{{ env.{name} }}}}\"");

            var config = JobConfig.Load(path);

            Assert.Equal("from-process", config.GetString("value"));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Empty_HasNoValues()
    {
        Assert.Empty(JobConfig.Empty.Values);
        Assert.Null(JobConfig.Empty.Environment);
        Assert.Null(JobConfig.Empty.GetString("anything"));
        JobConfig.Empty.ValidateKnownKeys(["anything"]);
    }

    [Fact]
    public void ValidateKnownKeys_AcceptsExactKeysAndSectionWildcards()
    {
        var config = JobConfig.Parse(SpecExample, "job.toml", environmentVariables: DeployEnv);

        config.ValidateKnownKeys(
        [
            "DEPLOY_ENV", "schema_name", "pipeline_name", "lake_root", "source_path", "bad_records_path", "catalog.*",
        ]);
    }
}
