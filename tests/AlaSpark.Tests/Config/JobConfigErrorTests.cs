using AlaSpark.Config;

namespace AlaSpark.Tests.Config;

public sealed class JobConfigErrorTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoVariables = new();

    private readonly TempConfigFile _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void MissingEnvironmentVariable_NamesKeyVariableAndFile()
    {
        var path = _files.Write(JobConfigTests.SpecExample);

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Load(path, environmentVariables: NoVariables));

        Assert.Contains("'deploy_env'", ex.Message);
        Assert.Contains("DEPLOY_ENV", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void EnvironmentVariableSetToNull_CountsAsMissing()
    {
        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(
            "x = \"{{ env.HOME_DIR }}\"", "job.toml", environmentVariables: new Dictionary<string, string?> { ["HOME_DIR"] = null }));

        Assert.Contains("HOME_DIR", ex.Message);
    }

    [Fact]
    public void MissingEnvironmentVariable_ReachedThroughAnotherKey_NamesTheChain()
    {
        const string toml = """
            path = "@jinja {{ this.root }}/x"
            root = "{{ env.ROOT }}"
            """;

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(toml, "job.toml", environmentVariables: NoVariables));

        Assert.Contains("key 'root' reads environment variable 'ROOT'", ex.Message);
        Assert.Contains("path -> root", ex.Message);
    }

    [Fact]
    public void UnknownThisKey_NamesTemplateKeyMissingKeyAndFile()
    {
        var path = _files.Write("""
            lake_root = "/lake"
            source_path = "@jinja {{ this.lake_rot }}/raw"
            """);

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Load(path, environmentVariables: NoVariables));

        Assert.Contains("'source_path'", ex.Message);
        Assert.Contains("lake_rot", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("did you mean 'lake_root'", ex.Message);
    }

    [Fact]
    public void UnknownKeyInSection_NamesDottedKey()
    {
        const string toml = """
            x = "{{ this.catalog.nope }}"
            [catalog]
            kind = "local"
            """;

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(toml, "job.toml", environmentVariables: NoVariables));

        Assert.Contains("catalog.nope", ex.Message);
        Assert.Contains("'x'", ex.Message);
    }

    [Fact]
    public void Cycle_NamesTheChainOfKeys()
    {
        var path = _files.Write("""
            a = "{{ this.b }}"
            b = "@jinja {{ this.c }}"
            c = "{{ this.A }}"
            """);

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Load(path, environmentVariables: NoVariables));

        Assert.Contains("a -> b -> c -> a", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void SelfReference_IsACycle()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse("a = \"x{{ this.a }}\"", "job.toml", environmentVariables: NoVariables));

        Assert.Contains("a -> a", ex.Message);
    }

    [Fact]
    public void TomlSyntaxError_NamesFileLineAndColumn()
    {
        var path = _files.Write("""
            a = 1
            b = "ok"
            c =
            """);

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Load(path, environmentVariables: NoVariables));

        Assert.Contains(path, ex.Message);
        Assert.Contains("line 3, column", ex.Message);
    }

    [Fact]
    public void DuplicateTomlKey_IsASyntaxError()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse("a = 1\na = 2", "/cfg/job.toml", environmentVariables: NoVariables));

        Assert.Contains("/cfg/job.toml", ex.Message);
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void KeysDifferingOnlyByCase_AreAnError()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse("Lake_Root = 1\nlake_root = 2", "job.toml", environmentVariables: NoVariables));

        Assert.Contains("lake_root", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("more than once", ex.Message);
    }

    [Fact]
    public void MissingFile_NamesThePath()
    {
        var path = _files.PathOf("absent.toml");

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Load(path));

        Assert.Contains(path, ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Fact]
    public void InvalidTemplateSyntax_NamesKey()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse("bad = \"@jinja {% if x %}\"", "job.toml", environmentVariables: NoVariables));

        Assert.Contains("'bad'", ex.Message);
        Assert.Contains("invalid template", ex.Message);
    }

    [Fact]
    public void UndefinedTemplateVariable_IsAnErrorNotAnEmptyString()
    {
        var ex = Assert.Throws<ConfigurationException>(
            () => JobConfig.Parse("x = \"{{ schema_name }}\"", "job.toml", environmentVariables: NoVariables));

        Assert.Contains("'x'", ex.Message);
        Assert.Contains("schema_name", ex.Message);
    }

    [Fact]
    public void MemberOfAPlainValue_IsAnErrorNamingTheKey()
    {
        const string toml = """
            x = "{{ this.catalog.kind.part }}"
            [catalog]
            kind = "local"
            """;

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(toml, "job.toml", environmentVariables: NoVariables));

        Assert.Contains("'x'", ex.Message);
        Assert.Contains("has no members", ex.Message);
    }

    [Fact]
    public void RenderingASectionAsAValue_IsAnError()
    {
        const string toml = """
            x = "{{ this.catalog }}"
            [catalog]
            kind = "local"
            """;

        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(toml, "job.toml", environmentVariables: NoVariables));

        Assert.Contains("this.catalog", ex.Message);
        Assert.Contains("'x'", ex.Message);
    }

    [Theory]
    [InlineData("when = 1979-05-27", "date/time")]
    [InlineData("sizes = [1, 2]", "only arrays of strings")]
    [InlineData("[[steps]]\nname = \"a\"", "array of tables")]
    [InlineData("env = \"prod\"", "reserved")]
    [InlineData("catalog = \"x\"\n[env.prod.catalog]\nkind = \"glue\"", "both as a value and as a section")]
    public void UnsupportedShapes_AreReported(string toml, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => JobConfig.Parse(toml, "job.toml", "prod", NoVariables));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void GetRequiredString_MissingKey_NamesKeyAndFile()
    {
        var path = _files.Write("a = 1");
        var config = JobConfig.Load(path, environmentVariables: NoVariables);

        var ex = Assert.Throws<ConfigurationException>(() => config.GetRequiredString("catalog.kind"));

        Assert.Contains("'catalog.kind'", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void GetRequiredString_EmptyValue_IsAnError()
    {
        var config = JobConfig.Parse("name = \"\"", "job.toml", environmentVariables: NoVariables);

        var ex = Assert.Throws<ConfigurationException>(() => config.GetRequiredString("name"));

        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Get_WithUnconvertibleValue_NamesKeyAndExpectedType()
    {
        var config = JobConfig.Parse("batch = \"lots\"\nbig = 9000000000\ntags = [\"a\"]", "job.toml", environmentVariables: NoVariables);

        Assert.Contains("whole number", Assert.Throws<ConfigurationException>(() => config.Get("batch", 0)).Message);
        Assert.Contains("32-bit", Assert.Throws<ConfigurationException>(() => config.Get("big", 0)).Message);
        Assert.Contains("true or false", Assert.Throws<ConfigurationException>(() => config.Get("batch", false)).Message);
        Assert.Contains("list", Assert.Throws<ConfigurationException>(() => config.GetString("tags")).Message);
        Assert.Contains("list", Assert.Throws<ConfigurationException>(() => config.GetStringList("batch")).Message);
        Assert.Throws<NotSupportedException>(() => config.Get("batch", DateTime.MinValue));
    }

    [Fact]
    public void ValidateKnownKeys_UnknownKey_NamesKeyFileAndKnownKeys()
    {
        var path = _files.Write("""
            lake_root = "/lake"
            lake_rot = "/typo"
            [catalog]
            kind = "local"
            """);
        var config = JobConfig.Load(path, environmentVariables: NoVariables);

        var ex = Assert.Throws<ConfigurationException>(() => config.ValidateKnownKeys(["lake_root", "catalog.*"]));

        Assert.Contains("'lake_rot'", ex.Message);
        Assert.Contains("did you mean 'lake_root'", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("Known keys: lake_root, catalog.*", ex.Message);
        Assert.DoesNotContain("'catalog.kind'", ex.Message);
    }

    [Fact]
    public void ValidateKnownKeys_ExactSectionKeyDoesNotAdmitItsSiblings()
    {
        var config = JobConfig.Parse("[catalog]\nkind = \"glue\"\nregion = \"x\"", "job.toml", environmentVariables: NoVariables);

        var ex = Assert.Throws<ConfigurationException>(() => config.ValidateKnownKeys(["catalog.kind"]));

        Assert.Contains("'catalog.region'", ex.Message);
    }

    [Fact]
    public void ValidateKnownKeys_ChecksEveryEnvironmentSection()
    {
        const string toml = """
            lake_root = "./lake"
            [env.prod]
            lake_root = "/data"
            [env.staging]
            lake_rooot = "/staging"
            """;
        var config = JobConfig.Parse(toml, "job.toml", "prod", NoVariables);

        var ex = Assert.Throws<ConfigurationException>(() => config.ValidateKnownKeys(["lake_root"]));

        Assert.Contains("'lake_rooot' in section [env.staging]", ex.Message);
    }

    [Fact]
    public void SecretValues_NeverAppearInErrorMessages()
    {
        const string secret = "s3cr3t-salt-value";
        var variables = new Dictionary<string, string?> { ["HASH_SALT"] = secret };
        var messages = new List<string>();

        void Capture(Action action) => messages.Add(Assert.Throws<ConfigurationException>(action).Message);

        // Rendering fails after the secret was read.
        Capture(() => JobConfig.Parse("salt = \"{{ env.HASH_SALT }}{{ this.nope }}\"", "job.toml", environmentVariables: variables));
        Capture(() => JobConfig.Parse("salt = \"{{ env.HASH_SALT }}{{ env.NOPE }}\"", "job.toml", environmentVariables: variables));
        Capture(() => JobConfig.Parse("salt = \"{{ env.HASH_SALT }}{{ this.b }}\"\nb = \"{{ this.salt }}\"", "job.toml", environmentVariables: variables));
        Capture(() => JobConfig.Parse("salt = \"{{ env.HASH_SALT | divided_by: 0 }}\"", "job.toml", environmentVariables: variables));

        // Accessors fail on a resolved secret.
        var config = JobConfig.Parse("hash_salt = \"{{ env.HASH_SALT }}\"", "job.toml", environmentVariables: variables);
        Assert.Equal(secret, config.GetString("hash_salt"));
        Capture(() => config.Get("hash_salt", 0));
        Capture(() => config.Get("hash_salt", 0.0));
        Capture(() => config.Get("hash_salt", false));
        Capture(() => config.ValidateKnownKeys([]));

        Assert.Equal(8, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain(secret, m));
        Assert.All(messages.Take(4), m => Assert.Contains("salt", m));
        Assert.All(messages.Skip(4), m => Assert.Contains("hash_salt", m));
    }
}
