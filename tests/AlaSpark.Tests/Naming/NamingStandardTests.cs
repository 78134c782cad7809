using AlaSpark.Naming;

namespace AlaSpark.Tests.Naming;

public class NamingStandardTests
{
    [Theory]
    [InlineData(NameKind.Table, "WebEvents", "table", "web_events")]
    [InlineData(NameKind.Column, "EventId", "column", "event_id")]
    [InlineData(NameKind.Pipeline, "Load-Orders", "pipeline", "load_orders")]
    [InlineData(NameKind.Database, "raw__WebEvents", "database", "raw__web_events")]
    public void Enforce_throws_naming_the_name_the_kind_the_rule_and_the_fix(NameKind kind, string name, string kindWord, string fix)
    {
        var error = Assert.Throws<AlaSparkException>(() => NamingStandard.Enforce(kind, name, NamingOptions.Default));

        Assert.Contains($"Invalid {kindWord} name '{name}'", error.Message);
        Assert.Contains("Rule: ", error.Message);
        Assert.Contains($"Suggested fix: rename it to '{fix}'", error.Message);
    }

    [Theory]
    [InlineData(NameKind.Table, "web_events")]
    [InlineData(NameKind.Column, "event_id")]
    [InlineData(NameKind.Pipeline, "load_orders")]
    [InlineData(NameKind.Database, "raw__web_events")]
    public void Enforce_accepts_valid_names(NameKind kind, string name) =>
        NamingStandard.Enforce(kind, name, NamingOptions.Default);

    [Fact]
    public void Options_are_read_from_settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["alaspark.layers"] = " landing , raw,cooked,served ",
            ["alaspark.database_prefix"] = "glue_",
        };

        var options = NamingOptions.FromSettings(key => settings.GetValueOrDefault(key));

        Assert.Equal(new[] { "landing", "raw", "cooked", "served" }, options.Layers);
        Assert.Equal("glue_", options.DatabasePrefix);
        NamingStandard.Enforce(NameKind.Database, "glue_landing__web", options);
    }

    [Fact]
    public void Missing_or_blank_settings_mean_the_defaults()
    {
        var blank = NamingOptions.FromSettings(key => key == "alaspark.layers" ? "  " : "");
        var missing = NamingOptions.FromSettings(_ => null);

        foreach (var options in new[] { blank, missing })
        {
            Assert.Equal(new[] { "raw", "cooked", "served" }, options.Layers);
            Assert.Equal("", options.DatabasePrefix);
        }
        Assert.Equal(NamingOptions.Default.Layers, missing.Layers);
    }

    [Theory]
    [InlineData("alaspark.layers", "Raw,cooked", "not snake_case")]
    [InlineData("alaspark.layers", "raw,cooked,raw", "listed twice")]
    [InlineData("alaspark.layers", " , ", null)]
    [InlineData("alaspark.database_prefix", "Glue-", "database prefix")]
    public void Invalid_settings_are_configuration_errors_naming_the_key(string key, string value, string? reason)
    {
        var settings = new Dictionary<string, string> { [key] = value };

        var error = Assert.Throws<ConfigurationException>(() => NamingStandard.LoadOptions(k => settings.GetValueOrDefault(k)));

        Assert.Contains(key, error.Message);
        if (reason is not null) Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("(Parameter", error.Message);
    }

    [Fact]
    public void The_options_constructor_validates()
    {
        Assert.Throws<ArgumentException>(() => new NamingOptions(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new NamingOptions(new[] { "raw__x" }));
        Assert.Throws<ArgumentException>(() => new NamingOptions(new[] { "raw" }, "1st_"));
    }
}
