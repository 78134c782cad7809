using AlaSpark.Naming;

namespace AlaSpark.Tests.Naming;

public class DatabaseNameTests
{
    [Theory]
    [InlineData("raw__web_events", "raw", "web_events")]
    [InlineData("cooked__factory", "cooked", "factory")]
    [InlineData("served__menu_2024", "served", "menu_2024")]
    public void Layer_and_domain_are_read_from_a_valid_name(string name, string layer, string domain)
    {
        var check = NamingRules.CheckDatabase(name);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(layer, check.Layer);
        Assert.Equal(domain, check.Domain);
        Assert.Equal("", check.Prefix);
        Assert.Equal(NamingOptions.Default.Layers.ToList().IndexOf(layer), check.LayerIndex);
    }

    [Theory]
    [InlineData("web_events", NamingViolation.MissingLayer, "'__'", null)]
    [InlineData("raw_web_events", NamingViolation.MissingLayer, "'__'", "raw__web_events")]
    [InlineData("bronze__web_events", NamingViolation.UnknownLayer, "'bronze' is not a configured layer", null)]
    [InlineData("Raw__WebEvents", NamingViolation.UnknownLayer, "'Raw'", "raw__web_events")]
    [InlineData("raw__WebEvents", NamingViolation.InvalidDomain, "upper-case", "raw__web_events")]
    [InlineData("raw__", NamingViolation.InvalidDomain, "domain after '__' is empty", null)]
    [InlineData("__web", NamingViolation.UnknownLayer, "layer before '__' is empty", null)]
    [InlineData("raw__web__events", NamingViolation.InvalidDomain, "consecutive underscores", "raw__web_events")]
    [InlineData("raw__web-events", NamingViolation.InvalidCharacters, "'-'", "raw__web_events")]
    public void Invalid_names_say_what_is_wrong_and_suggest_a_fix(string name, NamingViolation violation, string problem, string? suggestion)
    {
        var check = NamingRules.CheckDatabase(name);

        Assert.Equal(violation, check.Violation);
        Assert.Contains(problem, check.Problem);
        Assert.Equal(suggestion, check.Suggestion);
        Assert.StartsWith($"Invalid database name '{name}'", check.Message);
        if (suggestion is not null) Assert.True(NamingRules.CheckDatabase(suggestion).IsValid);
    }

    [Fact]
    public void A_configured_prefix_is_required_and_read()
    {
        var options = new NamingOptions(new[] { "raw", "cooked", "served" }, "glue_");

        var ok = NamingRules.CheckDatabase("glue_raw__databricks_summit", options);
        Assert.True(ok.IsValid, ok.Message);
        Assert.Equal("glue_", ok.Prefix);
        Assert.Equal("raw", ok.Layer);
        Assert.Equal("databricks_summit", ok.Domain);

        var missing = NamingRules.CheckDatabase("raw__databricks_summit", options);
        Assert.Equal(NamingViolation.MissingPrefix, missing.Violation);
        Assert.Contains("'glue_'", missing.Problem);
        Assert.Contains("alaspark.database_prefix", missing.Message);
        Assert.Equal("glue_raw__databricks_summit", missing.Suggestion);
    }

    [Fact]
    public void Without_a_prefix_configured_a_prefixed_name_has_an_unknown_layer()
    {
        var check = NamingRules.CheckDatabase("glue_raw__databricks_summit");

        Assert.Equal(NamingViolation.UnknownLayer, check.Violation);
        Assert.Contains("'glue_raw'", check.Problem);
    }

    [Fact]
    public void Custom_layers_replace_the_default_ones()
    {
        var options = new NamingOptions(new[] { "bronze", "silver", "gold" });

        var check = NamingRules.CheckDatabase("silver__orders", options);
        Assert.True(check.IsValid, check.Message);
        Assert.Equal(1, check.LayerIndex);

        var raw = NamingRules.CheckDatabase("raw__orders", options);
        Assert.Equal(NamingViolation.UnknownLayer, raw.Violation);
        Assert.Contains("bronze, silver, gold", raw.Rule);
        Assert.Contains("e.g. 'bronze__web_events'", raw.Rule);
    }

    [Fact]
    public void Check_dispatches_on_the_kind()
    {
        Assert.IsType<DatabaseNameCheck>(NamingRules.Check(NameKind.Database, "raw__x"));
        Assert.True(NamingRules.Check(NameKind.Database, "raw__x").IsValid);
        Assert.False(NamingRules.Check(NameKind.Database, "plain_name").IsValid);
        Assert.True(NamingRules.Check(NameKind.Table, "plain_name").IsValid);
    }

    [Fact]
    public void Hostile_database_names_are_metastore_violations_without_a_suggestion()
    {
        var check = NamingRules.CheckDatabase("x'; DROP TABLE tables; --");

        Assert.Equal(NamingViolation.InvalidCharacters, check.Violation);
        Assert.True(check.IsMetastoreViolation);
        Assert.Null(check.Suggestion);
        Assert.Contains("Rename it to follow the rule", check.Message);
    }
}
