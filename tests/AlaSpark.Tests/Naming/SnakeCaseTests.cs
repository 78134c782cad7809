using System.Text.RegularExpressions;
using AlaSpark.Naming;

namespace AlaSpark.Tests.Naming;

public class SnakeCaseTests
{
    [Theory]
    [InlineData("event_id")]
    [InlineData("a")]
    [InlineData("web_events")]
    [InlineData("address2")]
    [InlineData("top10_items")]
    [InlineData("v_2")]
    [InlineData("ipv4_address")]
    public void Valid_snake_case_names_pass(string name)
    {
        var check = NamingRules.CheckSnakeCase(name, NameKind.Table);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(NamingViolation.None, check.Violation);
        Assert.Null(check.Problem);
        Assert.Null(check.Message);
    }

    [Theory]
    [InlineData("EventId", "upper-case")]
    [InlineData("2nd_place", "starts with a digit")]
    [InlineData("_private", "starts with an underscore")]
    [InlineData("trailing_", "ends with an underscore")]
    [InlineData("double__underscore", "consecutive underscores")]
    public void Names_that_are_not_snake_case_are_reported_with_the_reason(string name, string reason)
    {
        var check = NamingRules.CheckSnakeCase(name, NameKind.Column);

        Assert.False(check.IsValid);
        Assert.Equal(NamingViolation.NotSnakeCase, check.Violation);
        Assert.False(check.IsMetastoreViolation);
        Assert.Contains(reason, check.Problem);
        Assert.Contains($"'{name}'", check.Message);
        Assert.Contains("column names are snake_case", check.Message);
    }

    [Fact]
    public void An_empty_name_is_a_metastore_violation()
    {
        var check = NamingRules.CheckSnakeCase("", NameKind.Table);

        Assert.Equal(NamingViolation.Empty, check.Violation);
        Assert.True(check.IsMetastoreViolation);
        Assert.Contains("empty", check.Message);
    }

    [Fact]
    public void A_name_longer_than_255_characters_is_a_metastore_violation()
    {
        var ok = new string('a', 255);
        var tooLong = new string('a', 256);

        Assert.True(NamingRules.CheckSnakeCase(ok).IsValid);
        var check = NamingRules.CheckSnakeCase(tooLong, NameKind.Pipeline);
        Assert.Equal(NamingViolation.TooLong, check.Violation);
        Assert.True(check.IsMetastoreViolation);
        Assert.Contains("256 characters", check.Problem);
        Assert.Contains("pipeline", check.Message);
        Assert.Equal(ok, check.Suggestion);
    }

    [Theory]
    [InlineData("user-email", "'-'")]
    [InlineData("user email", "space")]
    [InlineData("x'; DROP TABLE tables; --", "\"'\"")]
    [InlineData("naïve", "'ï'")]
    [InlineData("tab\there", "U+0009")]
    public void Characters_a_metastore_refuses_are_named(string name, string shown)
    {
        var check = NamingRules.CheckSnakeCase(name, NameKind.Table);

        Assert.Equal(NamingViolation.InvalidCharacters, check.Violation);
        Assert.True(check.IsMetastoreViolation);
        Assert.Contains(shown, check.Problem);
        Assert.Contains("[A-Za-z0-9_]", check.Message);
        Assert.False(NamingRules.IsMetastoreSafe(name));
    }

    [Fact]
    public void The_metastore_check_accepts_upper_case_that_the_snake_case_check_rejects()
    {
        Assert.True(NamingRules.CheckMetastore("EventId").IsValid);
        Assert.False(NamingRules.CheckSnakeCase("EventId").IsValid);
        Assert.Equal(NamingViolation.InvalidCharacters, NamingRules.CheckMetastore("event-id").Violation);
    }

    [Theory]
    [InlineData("EventId", "event_id")]
    [InlineData("eventId", "event_id")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("user-Email ", "user_email")]
    [InlineData("userIDs", "user_ids")]
    [InlineData("URLsList", "urls_list")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("  Lots  of   SPACE ", "lots_of_space")]
    [InlineData("__x__y__", "x_y")]
    [InlineData("Address2", "address2")]
    [InlineData("Top10Items", "top10_items")]
    [InlineData("sha256Hash", "sha256_hash")]
    [InlineData("ABC123DEF456", "abc123_def456")]
    [InlineData("Ipv4Address", "ipv4_address")]
    [InlineData("2019 revenue", "n_2019_revenue")]
    [InlineData("Café Crème", "cafe_creme")]
    [InlineData("x'; DROP TABLE tables; --", "x_drop_table_tables")]
    [InlineData("ID", "id")]
    [InlineData("A", "a")]
    [InlineData("---", "")]
    [InlineData("", "")]
    public void ToSnakeCase_converts(string input, string expected)
    {
        var actual = NamingRules.ToSnakeCase(input);

        Assert.Equal(expected, actual);
        if (expected.Length > 0) Assert.True(NamingRules.IsSnakeCase(actual), actual);
    }

    [Fact]
    public void ToSnakeCase_cuts_long_names_to_255_characters_without_a_trailing_underscore()
    {
        var input = new string('a', 254) + "_bcd";

        var actual = NamingRules.ToSnakeCase(input);

        Assert.Equal(new string('a', 254), actual);
        Assert.True(NamingRules.IsSnakeCase(actual));
    }

    [Fact]
    public void The_suggested_fix_is_the_snake_case_name()
    {
        Assert.Equal("web_events", NamingRules.CheckSnakeCase("WebEvents", NameKind.Table).Suggestion);
        Assert.Contains("Suggested fix: rename it to 'web_events'", NamingRules.CheckSnakeCase("WebEvents", NameKind.Table).Message);
    }

    [Fact]
    public void The_hand_written_check_agrees_with_the_documented_regex()
    {
        var regex = new Regex(NamingRules.SnakeCasePattern, RegexOptions.CultureInvariant);
        var random = new Random(20240611);
        const string alphabet = "abz09_AZ-";
        for (var n = 0; n < 20000; n++)
        {
            var chars = new char[random.Next(0, 7)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            var name = new string(chars);

            Assert.True(regex.IsMatch(name) == NamingRules.IsSnakeCase(name), $"disagreement on '{name}'");
            // Whatever the input, the conversion gives a valid name or nothing.
            var converted = NamingRules.ToSnakeCase(name);
            Assert.True(converted.Length == 0 || regex.IsMatch(converted), $"'{name}' converted to '{converted}'");
        }
    }
}
