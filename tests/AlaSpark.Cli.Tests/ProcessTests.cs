using System.Diagnostics;

namespace AlaSpark.Cli.Tests;

/// <summary>Runs the real tool (AlaSpark.Cli.dll, copied next to the tests) as a separate process.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private CliResult RunProcess(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "AlaSpark.Cli.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = _lake.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("ALASPARK_DEBUG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("alaspark did not finish within 2 minutes");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

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
}
