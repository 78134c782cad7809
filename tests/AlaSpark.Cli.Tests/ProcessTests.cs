using System.Diagnostics;

namespace AlaSpark.Cli.Tests;

/// <summary>Runs the real tool (AlaSpark.Cli.dll, copied next to the tests) as a separate process.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private CliResult RunProcess(params string[] args) => CliProcess.Run(_lake.Root, args);

    [Fact]
    public void Sql_prints_json_lines_on_stdout_and_exits_0()
    {
        var result = RunProcess("sql", "SELECT sha2('Spark', 256) AS hash, array(1, 2) AS xs, DATE '2024-01-31' AS `a day`", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"hash\":\"529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b\",\"xs\":[1,2],\"a day\":\"2024-01-31\"}\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Read_puts_rows_on_stdout_and_the_quarantine_note_on_stderr()
    {
        _lake.File("people.csv", "id,name\n1,alice\n2\n");
        var result = RunProcess("read", "--format", "csv", "people.csv", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"id\":\"1\",\"name\":\"alice\"}\n", result.Stdout);
        Assert.StartsWith($"1 malformed row(s) of people.csv quarantined under {Path.Combine(_lake.Lake, "_bad_records", "cli")}", result.Stderr);
    }

    [Fact]
    public void Failures_and_usage_errors_set_the_exit_code()
    {
        var unsupported = RunProcess("sql", "SELECT 1 UNION SELECT 2");
        var usage = RunProcess("sql", "SELECT 1", "--no-such-option");

        Assert.Equal(1, unsupported.ExitCode);
        Assert.Equal("", unsupported.Stdout);
        Assert.Contains("UNION", unsupported.Stderr);
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("", usage.Stdout);
        Assert.Contains("--no-such-option", usage.Stderr);
    }

    [Fact]
    public void History_prints_json_lines_on_stdout_and_exits_0()
    {
        var table = DeltaGolden.CopyTo("basic-with-inserts-updates", Path.Combine(_lake.Root, "t"));
        DeltaGolden.SetCommitTimes(table, new DateTime(2023, 10, 18, 0, 9, 8, 16), new DateTime(2023, 10, 18, 0, 9, 22, 295));
        var result = RunProcess("history", "t", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "{\"version\":1,\"timestamp\":\"2023-10-18 00:09:22.295\",\"operation\":\"UPDATE\",\"operationParameters\":{\"predicate\":\"[\\\"(id#480 < 50)\\\"]\"}," +
            "\"operationMetrics\":{\"numRemovedFiles\":\"1\",\"numRemovedBytes\":\"1091\",\"numCopiedRows\":\"0\",\"numDeletionVectorsAdded\":\"0\",\"numDeletionVectorsRemoved\":\"0\"," +
            "\"numAddedChangeFiles\":\"0\",\"executionTimeMs\":\"4190\",\"numDeletionVectorsUpdated\":\"0\",\"scanTimeMs\":\"3438\",\"numAddedFiles\":\"1\",\"numUpdatedRows\":\"50\"," +
            "\"numAddedBytes\":\"912\",\"rewriteTimeMs\":\"750\"},\"engineInfo\":\"Apache-Spark/3.5.0 Delta-Lake/3.0.0-SNAPSHOT\"}\n" +
            "{\"version\":0,\"timestamp\":\"2023-10-18 00:09:08.016\",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"ErrorIfExists\",\"partitionBy\":\"[]\"}," +
            "\"operationMetrics\":{\"numFiles\":\"2\",\"numOutputRows\":\"100\",\"numOutputBytes\":\"2191\"},\"engineInfo\":\"Apache-Spark/3.5.0 Delta-Lake/3.0.0-SNAPSHOT\"}\n",
            result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void History_of_a_folder_that_is_not_a_table_exits_1()
    {
        var result = RunProcess("history", DeltaGolden.Table("no-delta-log-folder"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: No Delta table at ", result.Stderr);
    }

    [Fact]
    public void Read_delta_at_a_version_exits_0_and_a_missing_version_exits_1()
    {
        var table = DeltaGolden.Table("time-travel-start-start20");
        var old = RunProcess("read", "--format", "delta", table, "--version", "0", "--json");
        var missing = RunProcess("read", "--format", "delta", table, "--version", "2");

        Assert.True(old.ExitCode == 0, old.ToString());
        Assert.Equal(10, old.Lines.Length);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("", missing.Stdout);
        Assert.Contains("has no version 2: the latest available version is 1 (the earliest is 0)", missing.Stderr);
    }
}
