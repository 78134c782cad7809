using System.Diagnostics;
using System.Globalization;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Delta.Tests.Writing;
using AlaSpark.Delta.Writing;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Robustness;

/// <summary>Real OS processes on one table: racing appenders, and a writer killed with SIGKILL at random moments.</summary>
public class ProcessTests
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Four_processes_appending_25_commits_each_leave_versions_0_to_100_and_every_row_once()
    {
        const int processes = 4, perProcess = 25, rows = 3;
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var go = Path.Combine(temp.Path, "_go");
        var children = Enumerable.Range(0, processes)
            .Select(p => TestHost.Start(TestHost.AppendWorker, temp.Path, S(p), S(perProcess), S(rows), go)).ToList();
        await Task.Delay(300);
        File.WriteAllText(go, "");
        var versions = new List<long>();
        foreach (var child in children)
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            Assert.True(child.WaitForExit(120_000), "a worker process did not finish");
            var (outText, errText) = (await output, await errors);
            Assert.True(child.ExitCode == 0, $"worker failed ({child.ExitCode}): {errText}{outText}");
            versions.AddRange(outText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture)));
            child.Dispose();
        }
        File.Delete(go);

        // Each worker saw its own 25 versions; together they are exactly 1..100.
        Assert.Equal(Enumerable.Range(1, processes * perProcess).Select(v => (long)v), versions.Order());
        var commits = Directory.EnumerateFiles(temp.Log, "*.json").Select(f => LogFileName.Parse(Path.GetFileName(f))).Where(n => n is { Kind: LogFileKind.Commit })
            .Select(n => n!.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(0, processes * perProcess + 1).Select(v => (long)v), commits);

        // Every append exactly once: one add per version, the file names p{worker}-{seq} form the full set.
        var names = table.GetChanges(1).Select(c => Path.GetFileNameWithoutExtension(c.Actions.OfType<AddFile>().Single().Path)).ToList();
        var expected = Enumerable.Range(0, processes).SelectMany(w => Enumerable.Range(0, perProcess).Select(i => $"p{w}-{i}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));

        // The data rows: worker w's ids w*count*rows.. in partition w{w}; the full multiset, read from the Parquet files.
        var snapshot = table.LatestSnapshot();
        Assert.Equal((100L, 100L), (snapshot.Version, snapshot.CheckpointVersion!.Value));
        Assert.Equal(Enumerable.Range(0, processes * perProcess * rows).Select(x => (long)x), Ids(snapshot));
        foreach (var file in snapshot.Files)
        {
            var worker = int.Parse(Path.GetFileName(file.Path)[1..].Split('-')[0], CultureInfo.InvariantCulture);
            Assert.Equal("w" + worker, snapshot.PartitionValue(file, "part"));
            Assert.Equal(rows, file.NumRecords);
        }
        ProtocolValidator.AssertValid(temp.Path);
    }

    [Fact]
    public async Task A_txn_writer_killed_at_random_moments_and_restarted_commits_each_batch_exactly_once()
    {
        const int batches = 50, rows = 4, kills = 6;
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var random = new Random(Environment.TickCount);
        var killed = 0;
        var log = new List<string>();
        for (var run = 0; ; run++)
        {
            Assert.True(run < 40, "the writer never finished");
            var child = TestHost.Start(TxnWorker, temp.Path, S(batches), S(rows));
            var stderr = child.StandardError.ReadToEndAsync();
            if (killed < kills)
            {
                // Wait for a random number of progress lines (0-2), then a random delay, then SIGKILL.
                var lines = random.Next(0, 3);
                for (var l = 0; l < lines && await child.StandardOutput.ReadLineAsync() is not null; l++) { }
                await Task.Delay(random.Next(0, 15));
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit();
                    killed++;
                    log.Add($"kill {killed} after {lines} lines: {Directory.EnumerateFiles(temp.Log, "*.json").Count()} commits");
                    child.Dispose();
                    continue;
                }
            }
            var rest = await child.StandardOutput.ReadToEndAsync();
            Assert.True(child.WaitForExit(120_000), "the writer did not finish");
            Assert.True(child.ExitCode == 0, $"writer failed ({child.ExitCode}): {await stderr}{rest}");
            child.Dispose();
            if (File.Exists(Path.Combine(temp.Path, "_done"))) break;
        }
        Assert.True(killed >= 2, $"only {killed} kills happened: {string.Join("; ", log)}");

        var snapshot = table.LatestSnapshot();
        Assert.Equal(batches, snapshot.Version);
        var commits = Directory.EnumerateFiles(temp.Log, "*.json").Select(f => LogFileName.Parse(Path.GetFileName(f))).Where(n => n is { Kind: LogFileKind.Commit })
            .Select(n => n!.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(0, batches + 1).Select(v => (long)v), commits);
        // Version v holds batch v-1: one add, its txn.
        foreach (var change in table.GetChanges(1))
        {
            var txn = change.Actions.OfType<SetTransaction>().Single();
            Assert.Equal(("crash-app", change.Version - 1), (txn.AppId, txn.Version));
            Assert.Single(change.Actions.OfType<AddFile>());
        }
        Assert.Equal(batches - 1, snapshot.TxnVersion("crash-app"));
        Assert.Equal(Enumerable.Range(0, batches * rows).Select(x => (long)x), Ids(snapshot));
        ProtocolValidator.AssertValid(temp.Path);
    }

    public const string TxnWorker = "txn-worker";

    /// <summary>
    /// Appends batches 0..count-1, each with the txn (crash-app, i), skipping those already committed; prints a
    /// line after each commit and writes <c>_done</c> in the table folder at the end. Batch i holds ids
    /// i*rows..i*rows+rows-1 in a data file of a new name (a killed run's file is left orphaned).
    /// </summary>
    public static int RunTxnWorker(string tablePath, int count, int rows)
    {
        var table = DeltaTable.ForPath(tablePath);
        var pace = new Random();
        for (var i = 0; i < count; i++)
        {
            Thread.Sleep(pace.Next(0, 5)); // other work between batches, so that a run lasts long enough to be killed several times
            var txn = table.StartTransaction();
            var id = new TransactionId("crash-app", i);
            if (txn.IsCommitted(id)) continue;
            txn.AddFile(DataFile(tablePath, $"b{i}-{Guid.NewGuid():N}", "p" + (i % 3), Enumerable.Range(i * rows, rows).Select(x => (long)x).ToArray()));
            txn.SetTransaction(id);
            var result = txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append", ["partitionBy"] = "[\"part\"]" });
            if (result.Skipped) throw new InvalidOperationException($"batch {i} was skipped at commit time although the snapshot did not have it");
            Console.Out.WriteLine(result.Version.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
        File.WriteAllText(Path.Combine(tablePath, "_done"), "");
        return 0;
    }
}
