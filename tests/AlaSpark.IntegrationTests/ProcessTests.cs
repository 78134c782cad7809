using System.Diagnostics;

namespace AlaSpark.IntegrationTests;

/// <summary>The job as a real process: the way the README runs it.</summary>
public class ProcessTests
{
    private static (int Exit, string Out, string Error) RunJob(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WebEvents.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the job did not finish in 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Without_arguments_the_job_runs_the_main_pipeline_into_lakehouse_under_the_working_directory()
    {
        using var job = new WebEventsJob();
        var (exit, stdout, stderr) = RunJob(job.Root);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Pipeline raw_to_cooked succeeded", stdout);
        Assert.True(Directory.Exists(Path.Combine(job.Root, "lakehouse", "cooked__web_events", "web_events")));
        Assert.Contains("Pipeline raw_to_cooked started", stderr);
    }

    [Fact]
    public void A_usage_error_exits_2_from_the_process()
    {
        using var job = new WebEventsJob();
        var (exit, _, stderr) = RunJob(job.Root, "run", "missing_pipeline");
        Assert.Equal(2, exit);
        Assert.Contains("missing_pipeline", stderr);
    }
}
