using System.Globalization;
using System.Text.Json;

namespace AlaSpark.Cli.Tests;

/// <summary><c>alaspark history</c> over the Delta golden tables.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private static readonly string[] Keys = ["version", "timestamp", "operation", "operationParameters", "operationMetrics", "engineInfo"];

    private static List<JsonElement> Parse(CliResult result) => result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static DateTime ParseTimestamp(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [Fact]
    public void Prints_one_row_per_version_newest_first()
    {
        var table = DeltaGolden.CopyTo("time-travel-start-start20", Path.Combine(_lake.Root, "tt"));
        DeltaGolden.SetCommitTimes(table, new DateTime(2020, 10, 26, 14, 53, 39, 870), new DateTime(2020, 10, 26, 14, 53, 41, 190));
        var result = Cli.Run(_lake.Root, "history", "tt");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
        [
            "+-------+-----------------------+---------+------------------------------------+----------------+----------+",
            "|version|              timestamp|operation|                 operationParameters|operationMetrics|engineInfo|",
            "+-------+-----------------------+---------+------------------------------------+----------------+----------+",
            "|      1|2020-10-26 14:53:41.190|    WRITE|{\"mode\":\"Append\",\"partitionBy\":\"[]\"}|              {}|      NULL|",
            "|      0|2020-10-26 14:53:39.870|    WRITE|{\"mode\":\"Append\",\"partitionBy\":\"[]\"}|              {}|      NULL|",
            "+-------+-----------------------+---------+------------------------------------+----------------+----------+",
        ], result.Lines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Json_prints_one_object_per_version_with_parameters_and_metrics_as_objects()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("basic-with-inserts-updates"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Lines.Length);
        Assert.All(result.Stdout.Split('\n')[..^1], line => Assert.DoesNotContain('\r', line));
        Assert.EndsWith("\n", result.Stdout);
        var rows = Parse(result);
        foreach (var row in rows) Assert.Equal(Keys, row.EnumerateObject().Select(p => p.Name));

        var update = rows[0];
        Assert.Equal(JsonValueKind.Number, update.GetProperty("version").ValueKind);
        Assert.Equal(1, update.GetProperty("version").GetInt64());
        Assert.Equal("UPDATE", update.GetProperty("operation").GetString());
        Assert.Equal(JsonValueKind.Object, update.GetProperty("operationParameters").ValueKind);
        Assert.Equal("[\"(id#480 < 50)\"]", update.GetProperty("operationParameters").GetProperty("predicate").GetString());
        var metrics = update.GetProperty("operationMetrics");
        Assert.Equal(JsonValueKind.Object, metrics.ValueKind);
        Assert.Equal(13, metrics.EnumerateObject().Count());
        Assert.Equal("50", metrics.GetProperty("numUpdatedRows").GetString());
        Assert.Equal("1", metrics.GetProperty("numRemovedFiles").GetString());
        Assert.Equal("Apache-Spark/3.5.0 Delta-Lake/3.0.0-SNAPSHOT", update.GetProperty("engineInfo").GetString());

        var write = rows[1];
        Assert.Equal(0, write.GetProperty("version").GetInt64());
        Assert.Equal("WRITE", write.GetProperty("operation").GetString());
        Assert.Equal("{\"mode\":\"ErrorIfExists\",\"partitionBy\":\"[]\"}", write.GetProperty("operationParameters").GetRawText());
        Assert.Equal("{\"numFiles\":\"2\",\"numOutputRows\":\"100\",\"numOutputBytes\":\"2191\"}", write.GetProperty("operationMetrics").GetRawText());
        // Compact, with characters such as < and " as they are (not \u003C).
        Assert.Contains("\"operationParameters\":{\"predicate\":\"[\\\"(id#480 < 50)\\\"]\"}", result.Lines[0]);
    }

    [Fact]
    public void Timestamps_are_the_commit_times_in_utc_to_the_millisecond()
    {
        var table = DeltaGolden.CopyTo("basic-with-inserts-updates", Path.Combine(_lake.Root, "t"));
        DeltaGolden.SetCommitTimes(table, new DateTime(2023, 10, 18, 0, 9, 8, 16), new DateTime(2023, 10, 18, 0, 9, 22, 295));
        var result = Cli.Run(_lake.Root, "history", "t", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["2023-10-18 00:09:22.295", "2023-10-18 00:09:08.016"], Parse(result).Select(r => r.GetProperty("timestamp").GetString()));
    }

    [Fact]
    public void Timestamps_of_a_table_in_place_increase_with_the_version()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("commit-info-containing-arbitrary-operationParams-types"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Parse(result);
        Assert.Equal([2L, 1L, 0L], rows.Select(r => r.GetProperty("version").GetInt64()));
        var times = rows.Select(r => ParseTimestamp(r.GetProperty("timestamp").GetString()!)).ToList();
        Assert.True(times[0] > times[1] && times[1] > times[2], string.Join(", ", times));
    }

    [Fact]
    public void Parameters_keep_their_json_types()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("commit-info-containing-arbitrary-operationParams-types"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Parse(result);
        Assert.Equal(["OPTIMIZE", "WRITE", "CREATE TABLE AS SELECT"], rows.Select(r => r.GetProperty("operation").GetString()));
        Assert.Equal("{\"predicate\":\"[]\",\"zOrderBy\":\"[\\\"id\\\"]\",\"clusterBy\":\"[]\",\"auto\":false}", rows[0].GetProperty("operationParameters").GetRawText());
        Assert.Equal(JsonValueKind.False, rows[0].GetProperty("operationParameters").GetProperty("auto").ValueKind);
        var create = rows[2].GetProperty("operationParameters");
        Assert.Equal(JsonValueKind.Null, create.GetProperty("description").ValueKind);
        Assert.Equal("{\"delta.enableChangeDataFeed\":\"true\"}", create.GetProperty("properties").GetString());
        Assert.Equal("Apache-Spark/3.5.3 Delta-Lake/3.4.0-SNAPSHOT", rows[2].GetProperty("engineInfo").GetString());
    }

    [Fact]
    public void The_table_output_shows_parameters_and_metrics_as_compact_json()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("commit-info-containing-arbitrary-operationParams-types"), "--limit", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, result.Lines.Length);
        var cells = result.Lines[3].Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal("2", cells[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$", cells[1]);
        Assert.Equal("OPTIMIZE", cells[2]);
        Assert.Equal("{\"predicate\":\"[]\",\"zOrderBy\":\"[\\\"id\\\"]\",\"clusterBy\":\"[]\",\"auto\":false}", cells[3]);
        Assert.StartsWith("{\"numRemovedFiles\":\"2\",\"numRemovedBytes\":\"904\",", cells[4]);
        Assert.Equal("Apache-Spark/3.5.3 Delta-Lake/3.4.0-SNAPSHOT", cells[5]);
    }

    [Fact]
    public void A_commit_info_with_every_field_shows_the_listed_ones()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("deltalog-commit-info"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(Parse(result));
        Assert.Equal(Keys, row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, row.GetProperty("version").GetInt64());
        Assert.Equal("WRITE", row.GetProperty("operation").GetString());
        Assert.Equal("{\"test\":\"test\"}", row.GetProperty("operationParameters").GetRawText());
        Assert.Equal("{\"test\":\"test\"}", row.GetProperty("operationMetrics").GetRawText());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("engineInfo").ValueKind);
    }

    [Fact]
    public void A_partitioned_write_lists_its_partition_columns()
    {
        var result = Cli.Run(_lake.Root, "history", DeltaGolden.Table("data-reader-partition-values"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(Parse(result));
        Assert.Equal("ErrorIfExists", row.GetProperty("operationParameters").GetProperty("mode").GetString());
        Assert.StartsWith("[\"as_int\",\"as_long\",", row.GetProperty("operationParameters").GetProperty("partitionBy").GetString());
        Assert.Equal("{\"numFiles\":\"3\",\"numOutputBytes\":\"5832\",\"numOutputRows\":\"3\"}", row.GetProperty("operationMetrics").GetRawText());
    }

    [Fact]
    public void A_commit_without_commit_info_has_no_operation()
    {
        var table = DeltaGolden.CopyTo("time-travel-start-start20", Path.Combine(_lake.Root, "tt"));
        var commit = DeltaGolden.CommitFile(table, 1);
        File.WriteAllLines(commit, File.ReadAllLines(commit).Where(l => !l.Contains("\"commitInfo\"", StringComparison.Ordinal)));
        var json = Cli.Run(_lake.Root, "history", "tt", "--json", "--limit", "1");
        var text = Cli.Run(_lake.Root, "history", "tt", "--limit", "1");

        Assert.True(json.ExitCode == 0, json.ToString());
        var row = Assert.Single(Parse(json));
        Assert.Equal(1, row.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("operation").ValueKind);
        Assert.Equal("{}", row.GetProperty("operationParameters").GetRawText());
        Assert.Equal("{}", row.GetProperty("operationMetrics").GetRawText());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("engineInfo").ValueKind);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(["1", "NULL", "{}", "{}", "NULL"], text.Lines[3].Trim('|').Split('|').Select(c => c.Trim()).Where((_, i) => i != 1));
    }

    [Fact]
    public void Limit_keeps_the_newest_versions()
    {
        var table = DeltaGolden.Table("basic-with-inserts-deletes-checkpoint");
        var all = Cli.Run(_lake.Root, "history", table, "--json");
        var three = Cli.Run(_lake.Root, "history", table, "--json", "-n", "3");
        var none = Cli.Run(_lake.Root, "history", table, "--json", "--limit", "0");
        var header = Cli.Run(_lake.Root, "history", table, "--limit", "0");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(Enumerable.Range(0, 14).Reverse().Select(v => (long)v), Parse(all).Select(r => r.GetProperty("version").GetInt64()));
        Assert.Equal([13L, 12L, 11L], Parse(three).Select(r => r.GetProperty("version").GetInt64()));
        Assert.Equal(0, none.ExitCode);
        Assert.Equal("", none.Stdout);
        Assert.Equal(0, header.ExitCode);
        Assert.Equal(4, header.Lines.Length);
    }

    [Fact]
    public void The_history_timestamps_are_the_ones_read_timestamp_takes()
    {
        var table = DeltaGolden.CopyTo("time-travel-start-start20", Path.Combine(_lake.Root, "tt"));
        DeltaGolden.SetCommitTimes(table, new DateTime(2024, 5, 1, 8, 0, 0, 123), new DateTime(2024, 5, 1, 8, 0, 0, 456));
        var history = Parse(Cli.Run(_lake.Root, "history", "tt", "--json"));
        var oldest = history.Single(r => r.GetProperty("version").GetInt64() == 0).GetProperty("timestamp").GetString()!;

        var read = Cli.Run(_lake.Root, "read", "-f", "delta", "tt", "--timestamp", oldest, "--json");

        Assert.Equal("2024-05-01 08:00:00.123", oldest);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(10, read.Lines.Length);
    }

    [Fact]
    public void A_path_that_is_not_a_delta_table_fails()
    {
        var plain = DeltaGolden.Table("no-delta-log-folder");
        var emptyLog = Directory.CreateDirectory(Path.Combine(_lake.Root, "empty", "_delta_log")).Parent!.FullName;
        var file = _lake.File("notes.txt", "hello");

        var notTable = Cli.Run(_lake.Root, "history", plain);
        var missing = Cli.Run(_lake.Root, "history", "nowhere");
        var noCommits = Cli.Run(_lake.Root, "history", "empty", "--json");
        var aFile = Cli.Run(_lake.Root, "history", "notes.txt");

        foreach (var result in new[] { notTable, missing, noCommits, aFile })
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Equal("", result.Stdout);
            Assert.StartsWith("error: No Delta table at ", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        Assert.Equal($"error: No Delta table at {plain}: it has no _delta_log folder, so it is not a Delta table (a plain Parquet folder is read with the Parquet reader).\n", notTable.Stderr);
        Assert.Equal($"error: No Delta table at {Path.Combine(_lake.Root, "nowhere")}: the folder does not exist.\n", missing.Stderr);
        Assert.Equal($"error: No Delta table at {emptyLog}: its _delta_log folder has no commits and no checkpoints.\n", noCommits.Stderr);
        Assert.Equal($"error: No Delta table at {file}: it is a file; a Delta table is a folder holding a _delta_log folder.\n", aFile.Stderr);
    }

    [Theory]
    [InlineData(new[] { "history" }, "Required argument missing for command: 'history'")]
    [InlineData(new[] { "history", "t", "--limit", "-1" }, "--limit must be a whole number, 0 or more, not '-1'.")]
    [InlineData(new[] { "history", "t", "--limit", "ten" }, "--limit must be a whole number")]
    [InlineData(new[] { "history", "t", "u" }, "Unrecognized command or argument 'u'")]
    [InlineData(new[] { "history", "t", "--version", "1" }, "Unrecognized command or argument '--version'")]
    public void Usage_errors_exit_2(string[] args, string message)
    {
        var result = Cli.Run(_lake.Root, args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr);
        Assert.Contains("Run 'alaspark history --help' for usage.", result.Stderr);
    }

    [Fact]
    public void An_empty_path_is_a_usage_error()
    {
        var result = Cli.Run(_lake.Root, "history", " ");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The path is empty", result.Stderr);
    }
}
