using System.Diagnostics;
using System.Globalization;

namespace AlaSpark.Streaming.Tests;

/// <summary>
/// Exactly once under SIGKILL: a worker process streams 200 small CSV files (some with malformed rows) into a
/// Delta table, a batch of one or two files at a time, and is killed at random moments and started again.
/// </summary>
public sealed class CrashTests
{
    public const string IngestWorker = "ingest-worker";
    public const string ContinuousWorker = "continuous-worker";
    private const int Files = 200;
    private const int RowsPerFile = 4;

    /// <summary>Streams the lake at <paramref name="root"/> with available-now; prints "started" once the query runs.</summary>
    public static int RunIngestWorker(string root)
    {
        using var lake = new StreamLake(root);
        var query = lake.Start(Trigger.AvailableNow, r => r.MaxFilesPerTrigger = 2);
        Console.Out.WriteLine("started");
        Console.Out.Flush();
        query.AwaitTermination();
        Console.Out.WriteLine($"done {query.RecentProgress.Count}");
        return 0;
    }

    /// <summary>Streams the lake at <paramref name="root"/> with a processing-time trigger, one file a batch, until SIGTERM or SIGINT.</summary>
    public static int RunContinuousWorker(string root)
    {
        using var lake = new StreamLake(root);
        var query = lake.Start(Trigger.ProcessingTime(TimeSpan.FromMilliseconds(20)), r => r.MaxFilesPerTrigger = 1);
        using var signals = query.StopOnProcessSignals();
        Console.Out.WriteLine("started");
        Console.Out.Flush();
        query.AwaitTermination();
        Console.Out.WriteLine($"stopped after {query.RecentProgress.Count} batches");
        return 0;
    }

    [Fact]
    public void Sigterm_StopsAProcessingTimeQuery_AfterTheCurrentBatchCommits()
    {
        using var lake = new StreamLake();
        for (var f = 0; f < 60; f++) lake.AddRows($"part-{f.ToString("D2", CultureInfo.InvariantCulture)}.csv", f * 10, 3);
        using var worker = Start(lake.Root, ContinuousWorker);
        WaitForLine(worker, "started");
        // Signal once a few batches have committed, in the middle of the stream.
        var commitsFolder = Path.Combine(lake.CheckpointFolder, "commits");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (!Directory.Exists(commitsFolder) || Directory.GetFiles(commitsFolder).Length < 3)) Thread.Sleep(10);

        using (var kill = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();

        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(30)), "The worker did not stop after SIGTERM.");
        Assert.Equal(0, worker.ExitCode);
        Assert.StartsWith("stopped after", worker.StandardOutput.ReadLine());
        var offsets = Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "offsets")).Select(Path.GetFileName).Order().ToList();
        var commits = Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "commits")).Select(Path.GetFileName).Order().ToList();
        Assert.InRange(commits.Count, 1, 59); // stopped in the middle of the stream
        Assert.Equal(offsets, commits);
        Assert.Equal(commits.Count * 3, lake.TargetRows().Count);
    }

    [Fact]
    public void EveryRowLandsOnce_AndEveryMalformedRowIsQuarantinedOnce_ThroughSigkills()
    {
        using var lake = new StreamLake();
        var expectedRows = new List<string>();
        var expectedBad = new List<string>();
        for (var f = 0; f < Files; f++)
        {
            var lines = new List<string>();
            for (var r = 0; r < RowsPerFile; r++)
            {
                var id = f * RowsPerFile + r;
                lines.Add(StreamLake.Row(id));
                expectedRows.Add(StreamLake.Row(id));
            }
            if (f % 3 == 1)
            {
                var bad = $"not-a-number-{f.ToString(CultureInfo.InvariantCulture)},bad";
                lines.Insert(1, bad);
                expectedBad.Add(bad);
            }
            lake.AddFile($"part-{f.ToString("D3", CultureInfo.InvariantCulture)}.csv", lines);
        }

        var random = new Random(6);
        var kills = 0;
        var runs = 0;
        var finished = false;
        while (!finished)
        {
            runs++;
            Assert.True(runs < 200, "The worker did not finish after 200 runs.");
            using var worker = Start(lake.Root, IngestWorker);
            WaitForLine(worker, "started");
            if (kills < 24)
            {
                // Startup is done: kill within the next few batches (at most about three on a fast machine, so that
                // 24 kills come before the end of the 100 batches).
                Thread.Sleep(random.Next(0, 100));
                if (!worker.HasExited)
                {
                    worker.Kill();
                    worker.WaitForExit();
                    kills++;
                    continue;
                }
            }
            Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(60)), "The worker did not finish in 60 s.");
            var error = worker.StandardError.ReadToEnd();
            Assert.True(worker.ExitCode == 0, $"The worker failed ({worker.ExitCode}): {error}");
            finished = true;
        }

        Assert.True(kills >= 20, $"Only {kills} kills happened before the worker finished.");
        Assert.Equal(expectedRows.Order(StringComparer.Ordinal), lake.TargetRows());
        Assert.Equal(expectedBad.Order(StringComparer.Ordinal), lake.QuarantinedRecords());
        // Every batch of the checkpoint is committed, each once, in the table.
        var committed = Directory.GetFiles(Path.Combine(lake.CheckpointFolder, "commits")).Select(Path.GetFileName).Count(n => !n!.StartsWith('.'));
        Assert.Equal(Files / 2, committed);
    }

    private static Process Start(string root, string role)
    {
        var dll = typeof(CrashTests).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(role);
        info.ArgumentList.Add(root);
        return Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start.");
    }

    private static void WaitForLine(Process worker, string expected)
    {
        var line = worker.StandardOutput.ReadLine();
        if (line != expected)
            throw new InvalidOperationException($"The worker printed '{line}' instead of '{expected}': {worker.StandardError.ReadToEnd()}");
    }
}
