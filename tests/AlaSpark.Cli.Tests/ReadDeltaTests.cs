using System.Text.Json;

namespace AlaSpark.Cli.Tests;

/// <summary><c>alaspark read --format delta</c> over the Delta golden tables.</summary>
public sealed class ReadDeltaTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static readonly DateTime Commit0 = new(2024, 1, 31, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Commit1 = new(2024, 1, 31, 11, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<string> Ids(int from, int to) => Enumerable.Range(from, to - from).Select(i => $"{{\"id\":{i}}}");

    /// <summary>JSON lines ordered by their "id" (a Delta scan does not promise an order).</summary>
    private static string[] ById(CliResult result) =>
        result.Lines.OrderBy(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()).ToArray();

    /// <summary>time-travel-start-start20 (ids 0-9 at version 0, 0-19 at version 1) copied under the
    /// tool's folder, committed at 10:00 and 11:00 UTC on 2024-01-31.</summary>
    private string TimedCopy()
    {
        var table = DeltaGolden.CopyTo("time-travel-start-start20", Path.Combine(_lake.Root, "tt"));
        DeltaGolden.SetCommitTimes(table, Commit0, Commit1);
        return table;
    }

    [Fact]
    public void Reads_the_latest_version_by_default()
    {
        var result = Cli.Run(_lake.Root, "read", "--format", "delta", DeltaGolden.Table("time-travel-start-start20"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ids(0, 20), ById(result));
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("0", 10)]
    [InlineData("1", 20)]
    public void Version_reads_the_table_as_of_that_version(string version, int rows)
    {
        var result = Cli.Run(_lake.Root, "read", "-f", "delta", DeltaGolden.Table("time-travel-start-start20"), "--version", version, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ids(0, rows), ById(result));
    }

    [Fact]
    public void Version_sees_the_rows_before_an_update()
    {
        var table = DeltaGolden.Table("basic-with-inserts-updates");
        var before = Cli.Run(_lake.Root, "read", "-f", "delta", table, "--version", "0", "--json");
        var after = Cli.Run(_lake.Root, "read", "-f", "delta", table, "--json");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        // UPDATE ... SET str = 'N/A' WHERE id < 50, at version 1.
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{{\"id\":{i},\"str\":\"val={i}\"}}"), ById(before));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"{{\"id\":{i},\"str\":\"{(i < 50 ? "N/A" : $"val={i}")}\"}}"), ById(after));
    }

    [Fact]
    public void A_version_that_does_not_exist_fails_naming_the_available_range()
    {
        var table = DeltaGolden.Table("time-travel-start-start20");
        var result = Cli.Run(_lake.Root, "read", "--format", "delta", table, "--version", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"error: Table {table} has no version 5: the latest available version is 1 (the earliest is 0).\n", result.Stderr);
    }

    [Theory]
    [InlineData("2024-01-31 10:00:00", 10)] // exactly version 0's commit
    [InlineData("2024-01-31 10:59:59.999", 10)]
    [InlineData("2024-01-31T11:00:00Z", 20)] // exactly version 1's commit
    [InlineData("2024-01-31T11:30:00+01:00", 10)] // 10:30 UTC
    [InlineData("2024-01-31T10:00:00-01:00", 20)] // 11:00 UTC
    [InlineData("2024-01-31 10:30", 10)]
    public void Timestamp_reads_the_latest_version_committed_at_or_before_it(string timestamp, int rows)
    {
        TimedCopy();
        var result = Cli.Run(_lake.Root, "read", "--format", "delta", "tt", "--timestamp", timestamp, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Ids(0, rows), ById(result));
    }

    [Fact]
    public void A_timestamp_outside_the_history_fails_naming_the_versions_and_their_times()
    {
        var table = TimedCopy();
        var before = Cli.Run(_lake.Root, "read", "--format", "delta", "tt", "--timestamp", "2024-01-31");
        var after = Cli.Run(_lake.Root, "read", "--format", "delta", "tt", "--timestamp", "2024-01-31 11:00:00.001");

        Assert.Equal(1, before.ExitCode);
        Assert.Equal("", before.Stdout);
        Assert.StartsWith($"error: Table {table} has no version as of 2024-01-31T00:00:00.000Z: that is before the earliest available version 0 (committed at 2024-01-31T10:00:00.000Z).", before.Stderr);
        Assert.Contains("The latest is version 1 (committed at 2024-01-31T11:00:00.000Z)", before.Stderr);
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("after the latest available version 1 (committed at 2024-01-31T11:00:00.000Z)", after.Stderr);
    }

    [Fact]
    public void Time_travel_may_also_be_given_as_reader_options()
    {
        TimedCopy();
        var byVersion = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", "--option", "versionAsOf=0", "--json");
        var byTime = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", "-o", "timestampAsOf=2024-01-31 10:15:00", "--json");

        Assert.True(byVersion.ExitCode == 0, byVersion.ToString());
        Assert.Equal(Ids(0, 10), ById(byVersion));
        Assert.True(byTime.ExitCode == 0, byTime.ToString());
        Assert.Equal(Ids(0, 10), ById(byTime));
    }

    [Fact]
    public void Reads_partition_values_of_every_type_and_nested_columns()
    {
        var result = Cli.Run(_lake.Root, "read", "--format", "delta", DeltaGolden.Table("data-reader-partition-values"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).OrderBy(r => r.GetProperty("value").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["as_int", "as_long", "as_byte", "as_short", "as_boolean", "as_float", "as_double", "as_string", "as_string_lit_null", "as_date",
             "as_timestamp", "as_big_decimal", "as_list_of_records", "as_nested_struct", "value"],
            rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            "{\"as_int\":1,\"as_long\":1,\"as_byte\":1,\"as_short\":1,\"as_boolean\":false,\"as_float\":1,\"as_double\":1,\"as_string\":\"1\",\"as_string_lit_null\":\"null\"," +
            "\"as_date\":\"2021-09-08\",\"as_timestamp\":\"2021-09-08 11:11:11\",\"as_big_decimal\":1,\"as_list_of_records\":[{\"val\":1},{\"val\":1},{\"val\":1}]," +
            "\"as_nested_struct\":{\"aa\":\"1\",\"ab\":\"1\",\"ac\":{\"aca\":1,\"acb\":1}},\"value\":\"1\"}",
            result.Lines.Single(l => l.EndsWith("\"value\":\"1\"}", StringComparison.Ordinal)));
        // The row written with null partition values.
        var nulls = rows[2];
        Assert.Equal("2", nulls.GetProperty("value").GetString());
        foreach (var column in new[] { "as_int", "as_long", "as_boolean", "as_string", "as_string_lit_null", "as_date", "as_timestamp", "as_big_decimal" })
            Assert.Equal(JsonValueKind.Null, nulls.GetProperty(column).ValueKind);
    }

    [Fact]
    public void Prints_a_table_by_default_and_takes_a_limit()
    {
        var table = DeltaGolden.Table("time-travel-start-start20");
        var shown = Cli.Run(_lake.Root, "read", "-f", "delta", table, "--version", "0");
        var limited = Cli.Run(_lake.Root, "read", "-f", "delta", table, "--limit", "3", "--json");
        var none = Cli.Run(_lake.Root, "read", "-f", "delta", table, "-n", "0");

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Equal(14, shown.Lines.Length);
        Assert.Equal(["+--+", "|id|", "+--+"], shown.Lines[..3]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"| {i}|").Order(StringComparer.Ordinal), shown.Lines[3..13].Order(StringComparer.Ordinal));
        Assert.Equal(3, limited.Lines.Length);
        Assert.Equal(["+--+", "|id|", "+--+", "+--+"], none.Lines);
    }

    [Fact]
    public void A_relative_path_is_taken_from_the_current_folder_and_the_lake_is_left_alone()
    {
        DeltaGolden.CopyTo("basic-with-inserts-updates", Path.Combine(_lake.Root, "data", "t"));
        var result = Cli.Run(_lake.Root, "read", "-f", "DELTA", "data/t", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(100, result.Lines.Length);
        Assert.False(Directory.Exists(_lake.Lake));
    }

    [Fact]
    public void A_folder_that_is_not_a_delta_table_fails()
    {
        var plain = DeltaGolden.Table("no-delta-log-folder");
        var notTable = Cli.Run(_lake.Root, "read", "--format", "delta", plain);
        var missing = Cli.Run(_lake.Root, "read", "--format", "delta", "nowhere");

        Assert.Equal(1, notTable.ExitCode);
        Assert.Equal("", notTable.Stdout);
        Assert.StartsWith($"error: No Delta table at {plain}: it has no _delta_log folder", notTable.Stderr);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains(Path.Combine(_lake.Root, "nowhere"), missing.Stderr);
        Assert.DoesNotContain("   at ", missing.Stderr);
    }

    [Fact]
    public void A_table_needing_an_unsupported_reader_feature_fails_naming_it()
    {
        var result = Cli.Run(_lake.Root, "read", "--format", "delta", DeltaGolden.Table("deltalog-invalid-protocol-version"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("reader version 99", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "read", "-f", "csv", "x.csv", "--version", "1" }, "--version is only valid with --format delta.")]
    [InlineData(new[] { "read", "-f", "parquet", "x", "--timestamp", "2024-01-31" }, "--timestamp is only valid with --format delta.")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--version", "1", "--timestamp", "2024-01-31" }, "--version and --timestamp can't be used together")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--version", "one" }, "--version must be a table version, a whole number 0 or more, not 'one'.")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--version", "-1" }, "--version must be a table version")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--version", "1.5" }, "--version must be a table version")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--timestamp", "yesterday" }, "--timestamp must be a time such as")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--timestamp", "31/01/2024" }, "--timestamp must be a time such as")]
    [InlineData(new[] { "read", "-f", "delta", "t", "--schema", "id INT" }, "--schema can't be used with --format delta")]
    [InlineData(new[] { "read", "-f", "delta", "t", "u" }, "--format delta reads one table: give one path, not 2.")]
    [InlineData(new[] { "read", "-f", "avro", "t" }, "--format must be csv, json, parquet or delta, not 'avro'.")]
    public void Misused_time_travel_options_are_usage_errors(string[] args, string message)
    {
        var result = Cli.Run(_lake.Root, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr);
        Assert.Contains("Run 'alaspark read --help' for usage.", result.Stderr);
    }

    [Theory]
    [InlineData("--version", "0", "versionAsOf=1")]
    [InlineData("--timestamp", "2024-01-31", "versionAsOf=1")]
    [InlineData("--version", "0", "timestampAsOf=2024-01-31")]
    public void Time_travel_given_twice_is_a_usage_error(string option, string value, string readerOption)
    {
        TimedCopy();
        var result = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", option, value, "--option", readerOption);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("both ask for time travel", result.Stderr);
    }

    [Theory]
    [InlineData("versionAsOf=x", "--option versionAsOf must be a table version")]
    [InlineData("timestampAsOf=soon", "--option timestampAsOf must be a time")]
    public void Bad_time_travel_reader_options_are_usage_errors(string readerOption, string message)
    {
        TimedCopy();
        var both = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", "-o", "versionAsOf=0", "-o", "timestampAsOf=2024-01-31");
        var bad = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", "-o", readerOption);

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("can't be used together", both.Stderr);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains(message, bad.Stderr);
    }
}

public sealed class DeltaTimeTravelTests
{
    [Theory]
    [InlineData("2024-01-31", "2024-01-31T00:00:00.0000000+00:00")]
    [InlineData("2024-01-31 10:00", "2024-01-31T10:00:00.0000000+00:00")]
    [InlineData("2024-01-31 10:00:00", "2024-01-31T10:00:00.0000000+00:00")]
    [InlineData("2024-01-31 10:00:00.123456", "2024-01-31T10:00:00.1234560+00:00")]
    [InlineData("2024-01-31T10:00:00", "2024-01-31T10:00:00.0000000+00:00")]
    [InlineData("2024-01-31T10:00:00Z", "2024-01-31T10:00:00.0000000+00:00")]
    [InlineData("2024-01-31T10:00:00.5+01:00", "2024-01-31T09:00:00.5000000+00:00")]
    [InlineData("2024-01-31 10:00:00-05:30", "2024-01-31T15:30:00.0000000+00:00")]
    [InlineData(" 2024-01-31 10:00:00 ", "2024-01-31T10:00:00.0000000+00:00")]
    public void Timestamps_are_utc_unless_they_name_an_offset(string text, string expected)
    {
        var parsed = Commands.DeltaTimeTravel.ParseTimestamp(text);

        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, parsed.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("now")]
    [InlineData("01/31/2024")]
    [InlineData("2024-1-31")]
    [InlineData("2024-01-31 25:00:00")]
    [InlineData("1706695200")]
    public void Other_spellings_of_a_time_are_refused(string text) =>
        Assert.Null(Commands.DeltaTimeTravel.ParseTimestamp(text));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-1", null)]
    [InlineData("+1", null)]
    [InlineData(" 1", null)]
    [InlineData("1e3", null)]
    public void Versions_are_whole_numbers_0_or_more(string text, long? expected) =>
        Assert.Equal(expected, Commands.DeltaTimeTravel.ParseVersion(text));
}
