using System.Globalization;
using AlaSpark.Delta.Tests.Robustness;
using AlaSpark.Delta.Tests.Writing;

namespace AlaSpark.Delta.Tests;

/// <summary>
/// The entry point of the test assembly run as a program (the test runner does not use it): worker roles for
/// tests that need other processes.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 6 && args[0] == TestHost.AppendWorker)
            return TestHost.RunAppendWorker(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture),
                int.Parse(args[4], CultureInfo.InvariantCulture), args[5]);
        if (args.Length == 4 && args[0] == ProcessTests.TxnWorker)
            return ProcessTests.RunTxnWorker(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        Console.Error.WriteLine("usage: append-worker <table> <worker> <count> <rows> <go-file> | txn-worker <table> <count> <rows>");
        return 2;
    }
}
