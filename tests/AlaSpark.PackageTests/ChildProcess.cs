using System.Diagnostics;

namespace AlaSpark.PackageTests;

/// <summary>What a finished process printed and returned.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Out, string Error, TimeSpan Elapsed)
{
    /// <summary>Everything about the run, for an assertion message.</summary>
    public override string ToString() =>
        $"`{Command}` exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";

    public ProcessResult Succeeded()
    {
        Assert.True(ExitCode == 0, ToString());
        return this;
    }
}

/// <summary>Runs real processes (dotnet, the installed alaspark tool) with a time limit.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet host that runs these tests, so that the children use the same SDK install.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    public static Task<ProcessResult> Dotnet(string workingDirectory, TimeSpan timeout, params string[] args) =>
        Run(DotnetHost, workingDirectory, timeout, args);

    public static async Task<ProcessResult> Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // `dotnet test` hands its MSBuild settings to the test host; a child build must find its own.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        // No MSBuild node or compiler server outlives the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The installed tool's launcher finds the runtime through DOTNET_ROOT.
        if (Path.IsPathRooted(DotnetHost) && !start.Environment.ContainsKey("DOTNET_ROOT"))
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost);
        start.Environment.Remove("ALASPARK_DEBUG");

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', args)}";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` did not finish within {timeout.TotalMinutes} minute(s) (in {workingDirectory}).");
        }
        return new ProcessResult(command, process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
