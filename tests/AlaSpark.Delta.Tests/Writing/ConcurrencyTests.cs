using System.Diagnostics;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using static AlaSpark.Delta.Tests.Writing.WriteTestData;

namespace AlaSpark.Delta.Tests.Writing;

/// <summary>Blind appends racing for versions, in threads and in separate processes.</summary>
public class ConcurrencyTests
{
    /// <summary>Every append is committed exactly once, at its own version, with all of its rows.</summary>
    private static void AssertEveryAppendOnce(DeltaTable table, IReadOnlyCollection<long> versions, int appends, int rowsPerAppend)
    {
        Assert.Equal(appends, versions.Count);
        Assert.Equal(Enumerable.Range(1, appends).Select(v => (long)v), versions.Order());
        var snapshot = table.LatestSnapshot();
        Assert.Equal(appends, snapshot.Version);
        Assert.Equal(appends, snapshot.Files.Count);
        Assert.Equal(Enumerable.Range(0, appends * rowsPerAppend).Select(i => (long)i), Ids(snapshot));
        // Each version's commit holds exactly one add, and no data file is added twice.
        var adds = table.GetChanges(1).Select(c => c.Actions.OfType<AddFile>().Single().Path).ToList();
        Assert.Equal(adds.Count, adds.Distinct().Count());
        Assert.True(File.Exists(Path.Combine(table.Log.LogPath, LogFileName.ClassicCheckpoint(10))));
    }

    [Fact]
    public void Threads_blind_appending_at_once_each_commit_once_at_distinct_versions()
    {
        const int threads = 8, perThread = 5, rows = 3;
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var versions = new System.Collections.Concurrent.ConcurrentBag<long>();
        var attempts = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var own = DeltaTable.ForPath(temp.Path);
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                var first = (t * perThread + i) * rows;
                var result = Append(own, $"t{t}-{i}", (t % 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Enumerable.Range(first, rows).Select(x => (long)x).ToArray());
                versions.Add(result.Version);
                attempts.Add(result.Attempts);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        AssertEveryAppendOnce(table, versions, threads * perThread, rows);
        Assert.Contains(attempts, a => a > 1); // the race did happen
    }

    [Fact]
    public void Processes_blind_appending_at_once_each_commit_once_at_distinct_versions()
    {
        const int processes = 3, perProcess = 6, rows = 2;
        using var temp = new TempTable();
        var table = Create(temp.Path);
        var go = Path.Combine(temp.Path, "_go");
        var children = Enumerable.Range(0, processes).Select(p => TestHost.Start(TestHost.AppendWorker,
            temp.Path, p.ToString(System.Globalization.CultureInfo.InvariantCulture), perProcess.ToString(System.Globalization.CultureInfo.InvariantCulture),
            rows.ToString(System.Globalization.CultureInfo.InvariantCulture), go)).ToList();
        Thread.Sleep(300);
        File.WriteAllText(go, "");
        var versions = new List<long>();
        foreach (var child in children)
        {
            var output = child.StandardOutput.ReadToEnd();
            var errors = child.StandardError.ReadToEnd();
            Assert.True(child.WaitForExit(120_000), "a worker process did not finish");
            Assert.True(child.ExitCode == 0, $"worker failed ({child.ExitCode}): {errors}{output}");
            versions.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, System.Globalization.CultureInfo.InvariantCulture)));
            child.Dispose();
        }
        File.Delete(go);
        AssertEveryAppendOnce(table, versions, processes * perProcess, rows);
    }
}

/// <summary>
/// The test assembly is also a small program (see Program.cs): <c>dotnet AlaSpark.Delta.Tests.dll append-worker ...</c>
/// runs blind appends in a process of its own, for the multi-process tests.
/// </summary>
public static class TestHost
{
    public const string AppendWorker = "append-worker";

    public static Process Start(params string[] args)
    {
        var dll = typeof(TestHost).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start.");
    }

    /// <summary>
    /// Waits for the go file, then appends <c>count</c> files of <c>rows</c> ids each (worker w's ids are
    /// w*count*rows onwards) and prints each committed version on a line.
    /// </summary>
    public static int RunAppendWorker(string tablePath, int worker, int count, int rows, string goFile)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(goFile) && DateTime.UtcNow < deadline) Thread.Sleep(5);
        var table = DeltaTable.ForPath(tablePath);
        for (var i = 0; i < count; i++)
        {
            var first = (worker * count + i) * rows;
            var result = Append(table, $"p{worker}-{i}", "w" + worker, Enumerable.Range(first, rows).Select(x => (long)x).ToArray());
            Console.Out.WriteLine(result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Console.Out.Flush();
        return 0;
    }
}
