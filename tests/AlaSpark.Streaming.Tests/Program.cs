namespace AlaSpark.Streaming.Tests;

/// <summary>
/// The entry point of the test assembly run as a program (the test runner does not use it): worker roles for
/// tests that need other processes.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == CrashTests.IngestWorker)
            return CrashTests.RunIngestWorker(args[1]);
        if (args.Length == 2 && args[0] == CrashTests.ContinuousWorker)
            return CrashTests.RunContinuousWorker(args[1]);
        Console.Error.WriteLine($"usage: {CrashTests.IngestWorker} | {CrashTests.ContinuousWorker} <lake folder>");
        return 2;
    }
}
