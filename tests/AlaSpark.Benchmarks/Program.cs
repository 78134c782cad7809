using AlaSpark.Benchmarks;

if (args.Length > 0 && args[0] == "delta") return DeltaBenchmarks.Run(args[1..]);
if (args.Length > 0 && args[0] == "generator") return GeneratorBenchmarks.Run(args[1..]);
if (args.Length > 0 && args[0] == "streaming") return StreamingBenchmarks.Run(args[1..]);

// A timed end-to-end harness (not a unit test, not BenchmarkDotNet): see README.md.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

try
{
    return options.Side is not null ? ChildRun.RunSide(options) : Harness.Run(options, Console.Out);
}
catch (Exception e)
{
    Console.Error.WriteLine($"error: the benchmark failed ({e.GetType().Name}): {e.Message}");
    Console.Error.WriteLine(e.StackTrace);
    return 1;
}
