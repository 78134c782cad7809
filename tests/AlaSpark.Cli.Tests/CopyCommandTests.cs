using System.Diagnostics;
using System.Text.Json;
using AlaSpark.Delta;

namespace AlaSpark.Cli.Tests;

/// <summary><c>alaspark copy</c>: files or a Delta table into a Delta table at a path.</summary>
public sealed class CopyCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private const string People = "id,name,day\n1,alice,2024-01-01\n2,bob,2024-01-02\n3,carol,2024-01-01\n";
    private const string PeopleDdl = "id INT, name STRING, day DATE";

    private string Table(string name = "people") => Path.Combine(_lake.Root, name);

    private static JsonElement Summary(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.Lines);
        return JsonDocument.Parse(line).RootElement;
    }

    /// <summary>The table's rows as JSON lines, ordered by "id".</summary>
    private string[] Rows(string table, params string[] extra)
    {
        var result = Cli.Run(_lake.Root, ["read", "--format", "delta", table, "--json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Lines.OrderBy(l => JsonDocument.Parse(l).RootElement.GetProperty("id").ToString(), StringComparer.Ordinal).ToArray();
    }

    private JsonElement[] History(string table)
    {
        var result = Cli.Run(_lake.Root, "history", table, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
    }

    [Fact]
    public void Csv_into_a_new_partitioned_table_that_read_and_history_show()
    {
        _lake.File("in/people.csv", People);
        var result = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "in/people.csv", "--to", "people",
            "--schema", PeopleDdl, "--partition-by", "day", "--json");

        var summary = Summary(result);
        Assert.Equal(Table(), summary.GetProperty("table").GetString());
        Assert.Equal("append", summary.GetProperty("mode").GetString());
        Assert.Equal((3L, 0L, 3L, 2, 0L, false), (
            summary.GetProperty("rowsRead").GetInt64(), summary.GetProperty("rowsQuarantined").GetInt64(), summary.GetProperty("rowsWritten").GetInt64(),
            summary.GetProperty("files").GetInt32(), summary.GetProperty("version").GetInt64(), summary.GetProperty("skipped").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("txn").ValueKind);
        Assert.Equal(["day"], summary.GetProperty("partitionColumns").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("", result.Stderr);

        Assert.Equal(
        [
            """{"id":1,"name":"alice","day":"2024-01-01"}""",
            """{"id":2,"name":"bob","day":"2024-01-02"}""",
            """{"id":3,"name":"carol","day":"2024-01-01"}""",
        ], Rows("people"));
        Assert.True(Directory.Exists(Path.Combine(Table(), "day=2024-01-01")));
        Assert.True(Directory.Exists(Path.Combine(Table(), "day=2024-01-02")));

        var snapshot = DeltaTable.ForPath(Table()).LatestSnapshot();
        Assert.Equal("id INT, name STRING, day DATE", snapshot.Schema.ToDdl(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["day"], snapshot.PartitionColumns);

        var history = Assert.Single(History("people"));
        Assert.Equal(0, history.GetProperty("version").GetInt64());
        Assert.Equal("WRITE", history.GetProperty("operation").GetString());
        Assert.Equal("Append", history.GetProperty("operationParameters").GetProperty("mode").GetString());
        Assert.Equal("3", history.GetProperty("operationMetrics").GetProperty("numOutputRows").GetString());
    }

    [Fact]
    public void Csv_without_a_schema_has_a_header_and_string_columns_and_prints_a_text_summary()
    {
        _lake.File("people.csv", People);
        var result = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            $"table: {Table()}\nmode: append\nrows read: 3\nrows quarantined: 0\nrows written: 3\nfiles: 1\nversion: 0\n",
            result.Stdout);
        Assert.Equal("""{"id":"1","name":"alice","day":"2024-01-01"}""", Rows("people")[0]);
        Assert.Equal("id STRING, name STRING, day STRING", DeltaTable.ForPath(Table()).LatestSnapshot().Schema.ToDdl(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Malformed_rows_are_quarantined_and_reported()
    {
        _lake.File("people.csv", People + "4\n5,eve,not-a-date\n");
        var result = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--schema", PeopleDdl, "--json");

        var summary = Summary(result);
        Assert.Equal((5L, 2L, 3L), (summary.GetProperty("rowsRead").GetInt64(), summary.GetProperty("rowsQuarantined").GetInt64(), summary.GetProperty("rowsWritten").GetInt64()));
        var badRecords = summary.GetProperty("badRecords").GetString()!;
        Assert.StartsWith(Path.Combine(_lake.Lake, "_bad_records", "cli"), badRecords);
        Assert.Equal(2, Directory.GetFiles(badRecords, "*.json", SearchOption.AllDirectories)
            .Sum(f => File.ReadAllLines(f).Count(l => l.Length > 0)));
        Assert.StartsWith($"2 malformed row(s) of people.csv quarantined under {badRecords}", result.Stderr);
        Assert.Equal(3, Rows("people").Length);
    }

    [Fact]
    public void Bad_records_folder_can_be_chosen()
    {
        _lake.File("people.csv", People + "4\n");
        var result = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--bad-records", "quarantine");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"rows quarantined: 1 (under {Path.Combine(_lake.Root, "quarantine")}", result.Stdout);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_lake.Root, "quarantine"), "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Append_then_overwrite_keeps_the_old_rows_for_time_travel()
    {
        _lake.File("a.csv", "id,name\n1,alice\n2,bob\n");
        _lake.File("b.csv", "id,name\n3,carol\n");
        _lake.File("c.csv", "id,name\n9,zed\n");
        string[] Copy(string file, params string[] extra) =>
            [.. new[] { "copy", "--from-format", "csv", "--from", file, "--to", "people", "--schema", "id INT, name STRING", "--json" }, .. extra];

        var first = Summary(Cli.Run(_lake.Root, Copy("a.csv")));
        var second = Summary(Cli.Run(_lake.Root, Copy("b.csv", "--mode", "append")));
        var third = Summary(Cli.Run(_lake.Root, Copy("c.csv", "--mode", "OVERWRITE")));

        Assert.Equal([0L, 1L, 2L], new[] { first, second, third }.Select(s => s.GetProperty("version").GetInt64()));
        Assert.Equal("overwrite", third.GetProperty("mode").GetString());
        Assert.Equal(["""{"id":9,"name":"zed"}"""], Rows("people"));
        Assert.Equal(
            ["""{"id":1,"name":"alice"}""", """{"id":2,"name":"bob"}""", """{"id":3,"name":"carol"}"""],
            Rows("people", "--version", "1"));
        Assert.Equal(2, Rows("people", "--version", "0").Length);

        var history = History("people");
        Assert.Equal([2L, 1L, 0L], history.Select(h => h.GetProperty("version").GetInt64()));
        Assert.All(history, h => Assert.Equal("WRITE", h.GetProperty("operation").GetString()));
        Assert.Equal(["Overwrite", "Append", "Append"], history.Select(h => h.GetProperty("operationParameters").GetProperty("mode").GetString()));
        Assert.Equal("2", history[0].GetProperty("operationMetrics").GetProperty("numRemovedFiles").GetString());
    }

    [Fact]
    public void An_append_keeps_the_tables_partitioning_and_a_different_schema_fails()
    {
        _lake.File("a.csv", "id,day\n1,2024-01-01\n");
        _lake.File("b.csv", "id,day\n2,2024-01-02\n");
        var first = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "a.csv", "--to", "t", "--partition-by", "day");
        var second = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "b.csv", "--to", "t");
        var typed = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "b.csv", "--to", "t", "--schema", "id INT, day DATE");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(Directory.Exists(Path.Combine(Table("t"), "day=2024-01-02")));
        Assert.Equal(1, typed.ExitCode);
        Assert.Equal("", typed.Stdout);
        Assert.Contains("column 'id' changes type from string to int", typed.Stderr);
        Assert.Equal(2, Rows("t").Length);
    }

    [Fact]
    public void The_same_txn_twice_writes_the_rows_once()
    {
        _lake.File("people.csv", People);
        string[] args = ["copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--txn", "nightly:7"];

        var first = Cli.Run(_lake.Root, [.. args, "--json"]);
        var again = Cli.Run(_lake.Root, args);
        var againJson = Cli.Run(_lake.Root, [.. args, "--json"]);
        var older = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--txn", "nightly:6", "--json");
        var next = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--txn", "nightly:8", "--json");

        Assert.False(Summary(first).GetProperty("skipped").GetBoolean());
        Assert.Equal("nightly:7", Summary(first).GetProperty("txn").GetString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal($"table: {Table()}\nmode: append\nskipped: transaction nightly:7 already committed (the table is at version 0)\n", again.Stdout);
        var skipped = Summary(againJson);
        Assert.Equal((true, 0L, 0L, 0), (skipped.GetProperty("skipped").GetBoolean(), skipped.GetProperty("version").GetInt64(),
            skipped.GetProperty("rowsWritten").GetInt64(), skipped.GetProperty("files").GetInt32()));
        Assert.True(Summary(older).GetProperty("skipped").GetBoolean());
        Assert.Equal((false, 1L), (Summary(next).GetProperty("skipped").GetBoolean(), Summary(next).GetProperty("version").GetInt64()));

        Assert.Equal(6, Rows("people").Length);
        Assert.Equal(2, History("people").Length);
        Assert.Equal(8L, DeltaTable.ForPath(Table()).LatestSnapshot().TxnVersion("nightly"));
    }

    [Fact]
    public void Parquet_and_json_sources()
    {
        _lake.ParquetFolder("pq", "id INT, name STRING", [[1, "alice"], [2, "bob"]]);
        _lake.File("events.json", "{\"id\":3,\"name\":\"carol\"}\n{\"id\":4,\"name\":\"dan\"}\n");

        var parquet = Summary(Cli.Run(_lake.Root, "copy", "--from-format", "parquet", "--from", "pq", "--to", "people", "--json"));
        var json = Summary(Cli.Run(_lake.Root, "copy", "--from-format", "json", "--from", "events.json", "--to", "people",
            "--schema", "id INT, name STRING", "--json"));

        Assert.Equal((2L, 0L), (parquet.GetProperty("rowsWritten").GetInt64(), parquet.GetProperty("version").GetInt64()));
        Assert.Equal((2L, 1L), (json.GetProperty("rowsWritten").GetInt64(), json.GetProperty("version").GetInt64()));
        Assert.Equal(
        [
            """{"id":1,"name":"alice"}""", """{"id":2,"name":"bob"}""", """{"id":3,"name":"carol"}""", """{"id":4,"name":"dan"}""",
        ], Rows("people"));
    }

    [Fact]
    public void Json_types_are_inferred_without_a_schema()
    {
        _lake.File("events.json", "{\"id\":3,\"name\":\"carol\"}\n");
        var result = Summary(Cli.Run(_lake.Root, "copy", "--from-format", "json", "--from", "events.json", "--to", "events", "--json"));

        Assert.Equal(1L, result.GetProperty("rowsWritten").GetInt64());
        Assert.Equal("id BIGINT, name STRING", DeltaTable.ForPath(Table("events")).LatestSnapshot().Schema.ToDdl(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_delta_source_is_copied_at_its_latest_version_or_an_older_one()
    {
        var golden = DeltaGolden.Table("basic-with-inserts-updates");
        var goldenLog = Directory.GetFiles(golden, "*", SearchOption.AllDirectories).Length;

        var latest = Summary(Cli.Run(_lake.Root, "copy", "--from-format", "delta", "--from", golden, "--to", "copy", "--json"));
        var old = Summary(Cli.Run(_lake.Root, "copy", "--from-format", "delta", "--from", golden, "--to", "old", "-o", "versionAsOf=0", "--json"));

        Assert.Equal((100L, 100L), (latest.GetProperty("rowsRead").GetInt64(), latest.GetProperty("rowsWritten").GetInt64()));
        Assert.Equal(100L, old.GetProperty("rowsWritten").GetInt64());
        var source = Cli.Run(_lake.Root, "read", "--format", "delta", golden, "--json").Lines.Order(StringComparer.Ordinal);
        var copied = Cli.Run(_lake.Root, "read", "--format", "delta", "copy", "--json").Lines.Order(StringComparer.Ordinal);
        Assert.Equal(source, copied);
        Assert.Contains("""{"id":0,"str":"N/A"}""", copied);
        Assert.Contains("""{"id":0,"str":"val=0"}""", Cli.Run(_lake.Root, "read", "--format", "delta", "old", "--json").Lines);
        Assert.Equal(DeltaTable.ForPath(golden).LatestSnapshot().Schema, DeltaTable.ForPath(Table("copy")).LatestSnapshot().Schema);
        // The golden table is only read.
        Assert.Equal(goldenLog, Directory.GetFiles(golden, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData(new[] { "--txn", "nightly" }, "--txn must be APP_ID:VERSION")]
    [InlineData(new[] { "--txn", ":3" }, "--txn must be APP_ID:VERSION")]
    [InlineData(new[] { "--txn", "nightly:-1" }, "--txn must be APP_ID:VERSION")]
    [InlineData(new[] { "--txn", "nightly:x" }, "--txn must be APP_ID:VERSION")]
    [InlineData(new[] { "--mode", "merge" }, "--mode must be append or overwrite, not 'merge'")]
    [InlineData(new[] { "--partition-by", "day,,id" }, "--partition-by 'day,,id' is not a comma-separated list")]
    [InlineData(new[] { "--option", "header" }, "--option 'header' is not key=value")]
    public void Usage_errors_exit_2_and_write_nothing(string[] extra, string message)
    {
        _lake.File("people.csv", People);
        var result = Cli.Run(_lake.Root, ["copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr);
        Assert.Contains("alaspark copy --help", result.Stderr);
        Assert.False(Directory.Exists(Table()));
    }

    [Theory]
    [InlineData(new[] { "--partition-by", "nope" }, "error: --partition-by: The partition column 'nope'")]
    [InlineData(new[] { "--partition-by", "day,day" }, "error: --partition-by: The partition column 'day'")]
    [InlineData(new[] { "--schema", "id INTEGRAL" }, "error: --schema:")]
    [InlineData(new[] { "--option", "mode=LENIENT" }, "error: --option mode=LENIENT: the mode must be PERMISSIVE, DROPMALFORMED or FAILFAST.")]
    [InlineData(new[] { "--bad-records", "a", "--option", "badRecordsPath=b" }, "error: --bad-records 'a' and --option badRecordsPath=b disagree")]
    public void Configuration_errors_exit_2_and_write_nothing(string[] extra, string message)
    {
        _lake.File("people.csv", People);
        var result = Cli.Run(_lake.Root, ["copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(message, result.Stderr);
        Assert.False(Directory.Exists(Table()));
    }

    [Fact]
    public void Required_options_and_delta_only_rules_are_usage_errors()
    {
        var noTo = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "x.csv");
        var noFormat = Cli.Run(_lake.Root, "copy", "--from", "x.csv", "--to", "t");
        var badFormat = Cli.Run(_lake.Root, "copy", "--from-format", "xml", "--from", "x.csv", "--to", "t");
        var deltaSchema = Cli.Run(_lake.Root, "copy", "--from-format", "delta", "--from", "d", "--to", "t", "--schema", "id INT");
        var deltaTwo = Cli.Run(_lake.Root, "copy", "--from-format", "delta", "--from", "d", "--from", "e", "--to", "t");

        Assert.All(new[] { noTo, noFormat, badFormat, deltaSchema, deltaTwo }, r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("--to", noTo.Stderr);
        Assert.Contains("--from-format", noFormat.Stderr);
        Assert.Contains("--from-format must be csv, json, parquet or delta, not 'xml'", badFormat.Stderr);
        Assert.Contains("--schema can't be used with --from-format delta", deltaSchema.Stderr);
        Assert.Contains("copies one table: give one --from, not 2", deltaTwo.Stderr);
    }

    [Fact]
    public void Failures_exit_1()
    {
        _lake.File("people.csv", People + "4\n");
        _lake.File("plain/data.txt", "not a table");
        var missing = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "nothing.csv", "--to", "t");
        var failFast = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "t", "-o", "mode=FAILFAST");
        var notDelta = Cli.Run(_lake.Root, "copy", "--from-format", "delta", "--from", "plain", "--to", "t");
        var intoFolder = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "plain");
        var intoFile = Cli.Run(_lake.Root, "copy", "--from-format", "csv", "--from", "people.csv", "--to", "people.csv");

        Assert.All(new[] { missing, failFast, notDelta, intoFolder, intoFile }, r =>
        {
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Equal("", r.Stdout);
            Assert.StartsWith("error: ", r.Stderr);
        });
        Assert.Contains("MALFORMED_RECORD", failFast.Stderr);
        Assert.Contains("is a folder that is not a Delta table", intoFolder.Stderr);
        Assert.Contains("is a file", intoFile.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Table("t"), "_delta_log")));
        Assert.Equal(["data.txt"], Directory.GetFileSystemEntries(Table("plain")).Select(Path.GetFileName));
    }

    [Fact]
    public void Help_describes_the_command()
    {
        var result = Cli.Run(_lake.Root, "copy", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--from-format", "--from", "--to", "--mode", "--partition-by", "--schema", "--option", "--bad-records", "--txn", "--merge-schema", "--lake", "--json" })
            Assert.Contains(option, result.Stdout);
        Assert.Contains("copy", Cli.Run(_lake.Root, "--help").Stdout);
    }

    [Fact]
    public void The_real_tool_copies_and_then_skips_the_same_txn()
    {
        _lake.File("people.csv", People);
        string[] args = ["copy", "--from-format", "csv", "--from", "people.csv", "--to", "people", "--partition-by", "day", "--txn", "load:1", "--json"];

        var first = RunProcess(args);
        var second = RunProcess(args);

        var summary = Summary(first);
        Assert.Equal((3L, 0L, false), (summary.GetProperty("rowsWritten").GetInt64(), summary.GetProperty("version").GetInt64(), summary.GetProperty("skipped").GetBoolean()));
        Assert.Equal("", first.Stderr);
        Assert.True(Summary(second).GetProperty("skipped").GetBoolean());
        Assert.Equal(3, Rows("people").Length);
    }

    private CliResult RunProcess(params string[] args) => CliProcess.Run(_lake.Root, args);
}
