using System.Collections.Concurrent;
using System.Diagnostics;
using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Tests.Catalog;

/// <summary>What each concurrent writer does: its own instance over the shared file, many upserts.</summary>
internal static class CatalogWorkload
{
    public const string Database = "raw__concurrency";
    public const string HotTable = "hot";

    public static void Run(string lakeRoot, int worker, int tables)
    {
        var catalog = LocalCatalog.Open(lakeRoot);
        catalog.CreateDatabaseIfNotExists(Database);
        var schema = StructType.FromDdl("id BIGINT, worker INT, day DATE");
        for (var i = 0; i < tables; i++)
        {
            var name = TableName(worker, i);
            var table = new CatalogTable(Database, name, Path.Combine(lakeRoot, Database, name), "parquet", schema, new[] { "day" },
                new Dictionary<string, string> { ["worker"] = worker.ToString(), ["round"] = "1" });
            catalog.CreateOrUpdateTable(table);
            // Every writer also rewrites one shared row, and updates its own row again.
            catalog.CreateOrUpdateTable(table with { Name = HotTable, Properties = new Dictionary<string, string> { ["worker"] = worker.ToString() } });
            catalog.CreateOrUpdateTable(table with { Properties = new Dictionary<string, string> { ["worker"] = worker.ToString(), ["round"] = "2" } });
            // Reads interleave with the other writers.
            if (!catalog.TableExists(Database, name)) throw new InvalidOperationException($"{name} vanished");
        }
    }

    public static string TableName(int worker, int i) => $"w{worker}_t{i}";

    public static void AssertAllPresent(string lakeRoot, int workers, int tables)
    {
        var catalog = LocalCatalog.Open(lakeRoot);
        var listed = catalog.ListTables(Database);
        Assert.Equal(workers * tables + 1, listed.Count);
        for (var w = 0; w < workers; w++)
        for (var i = 0; i < tables; i++)
        {
            var table = catalog.GetTable(Database, TableName(w, i));
            Assert.Equal("2", table.Properties["round"]);
            Assert.Equal(w.ToString(), table.Properties["worker"]);
            Assert.True(table.UpdatedTime >= table.CreatedTime);
        }
        Assert.True(catalog.TableExists(Database, HotTable));
    }
}

public sealed class LocalCatalogConcurrencyTests : IDisposable
{
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Many_threads_each_with_its_own_instance_upsert_into_one_new_file()
    {
        const int workers = 16;
        const int tables = 15;
        var errors = new ConcurrentQueue<Exception>();
        using var start = new Barrier(workers);
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(); // all open the not-yet-existing catalog at once
                CatalogWorkload.Run(_lake.Root, w, tables);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(errors.IsEmpty, string.Join("\n\n", errors));
        CatalogWorkload.AssertAllPresent(_lake.Root, workers, tables);
    }

    [Fact]
    public void Many_threads_can_share_one_instance()
    {
        var catalog = LocalCatalog.Open(_lake.Root);
        catalog.CreateDatabaseIfNotExists("raw__shared");

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            catalog.CreateOrUpdateTable(new CatalogTable("raw__shared", $"t{i % 50}", $"/lake/t{i}", "csv"));
            catalog.TryGetTable("raw__shared", $"t{(i * 7) % 50}", out _);
        });

        Assert.Equal(50, catalog.ListTables("raw__shared").Count);
    }

    [Fact]
    public async Task Several_processes_upsert_into_one_new_file()
    {
        const int workers = 4;
        const int tables = 20;
        var testAssembly = typeof(CatalogWorkload).Assembly.Location;
        var directory = Path.GetDirectoryName(testAssembly)!;
        var name = Path.GetFileNameWithoutExtension(testAssembly);

        var processes = Enumerable.Range(0, workers).Select(w =>
        {
            var info = new ProcessStartInfo(DotnetHost())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "exec",
                         "--runtimeconfig", Path.Combine(directory, name + ".runtimeconfig.json"),
                         "--depsfile", Path.Combine(directory, name + ".deps.json"),
                         testAssembly,
                     })
                info.ArgumentList.Add(arg);
            info.Environment["DOTNET_STARTUP_HOOKS"] = testAssembly;
            info.Environment[StartupHook.WorkerVariable] = $"{_lake.Root}|{w}|{tables}";
            return Process.Start(info)!;
        }).ToList();

        foreach (var process in processes)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var (output, errors) = (await stdout, await stderr);
            Assert.True(process.ExitCode == 0 && output.Trim() == "ok",
                $"worker exited with {process.ExitCode}; stdout: {output}; stderr: {errors}");
            process.Dispose();
        }
        CatalogWorkload.AssertAllPresent(_lake.Root, workers, tables);
    }

    // The host that runs this test (dotnet), or the one the SDK advertises, or 'dotnet' on the PATH.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
