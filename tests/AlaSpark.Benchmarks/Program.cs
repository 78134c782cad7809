if (args.Length > 0 && args[0] == "delta") return AlaSpark.Benchmarks.DeltaBenchmarks.Run(args[1..]);
return 0;
