using System.Globalization;

namespace AlaSpark.Benchmarks;

/// <summary>The harness's command line (see README.md).</summary>
internal sealed record HarnessOptions
{
    public const int DefaultRows = 5_000_000;
    public const int QuickRows = 200_000;

    public int Rows { get; init; } = DefaultRows;
    public int Files { get; init; } = 20;
    public int Runs { get; init; } = 3;

    /// <summary>Rows of the warm-up data set (run once per side before measuring).</summary>
    public int WarmupRows { get; init; } = 100_000;

    /// <summary>The work folder (CSV files, lakes, outputs); a new temp folder when null.</summary>
    public string? Work { get; init; }

    public bool Keep { get; init; }
    public bool Quick { get; init; }

    /// <summary>Also measure where side A spends its time (query trace, profiles, counterfactuals).</summary>
    public bool Breakdown { get; init; }

    /// <summary>Measure each side's own peak memory in a child process (on by default).</summary>
    public bool Children { get; init; } = true;

    /// <summary>Before each measured run, wait up to this long for other processes to leave the CPUs alone (0: don't wait).</summary>
    public int QuietWaitSeconds { get; init; } = 60;

    /// <summary>Child mode: run one side once and print its figures (<c>alaspark</c> or <c>sql</c>).</summary>
    public string? Side { get; init; }

    /// <summary>Child mode: the folder of CSV files.</summary>
    public string? Csv { get; init; }

    /// <summary>Child mode: the output folder (the lake for side A, the Parquet folder for side B).</summary>
    public string? Out { get; init; }

    /// <summary>Child mode: DuckDB's memory_limit for the run (side A then runs through PipelineDefinition.Run).</summary>
    public string? MemoryLimit { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/AlaSpark.Benchmarks -- [options]
          --rows N          data rows to generate (default 5,000,000; --quick: 200,000)
          --files K         CSV files to split them over (default 20)
          --runs R          measured runs of each side, interleaved A/B (default 3; --quick: 1)
          --work DIR        work folder (default: a new temp folder)
          --keep            keep the work folder (CSV files are then reused by a later run with the same --work)
          --quick           smoke run: 200,000 rows, 1 run
          --breakdown       also trace and profile side A to show where its time goes
          --no-children     skip the child-process runs that measure each side's own peak memory
          --warmup-rows N   rows of the warm-up data set (default 100,000)
          --quiet-wait S    before each measured run, wait up to S seconds until other processes use
                            < 10% of the CPUs (default 60; 0 = don't wait)
        child mode (launched by the harness itself):
          --side alaspark|sql|sql-staged --csv DIR --out DIR [--memory-limit 1GB]
        """;

    public static HarnessOptions Parse(string[] args)
    {
        var o = new HarnessOptions();
        int? rows = null, runs = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"The option '{arg}' needs a value.");
            switch (arg)
            {
                case "--rows": rows = Number(arg, Value()); break;
                case "--files": o = o with { Files = Number(arg, Value()) }; break;
                case "--runs": runs = Number(arg, Value()); break;
                case "--warmup-rows": o = o with { WarmupRows = Number(arg, Value()) }; break;
                case "--work": o = o with { Work = Value() }; break;
                case "--keep": o = o with { Keep = true }; break;
                case "--quick": o = o with { Quick = true }; break;
                case "--breakdown": o = o with { Breakdown = true }; break;
                case "--no-children": o = o with { Children = false }; break;
                case "--quiet-wait": o = o with { QuietWaitSeconds = Number(arg, Value()) }; break;
                case "--side": o = o with { Side = Value() }; break;
                case "--csv": o = o with { Csv = Value() }; break;
                case "--out": o = o with { Out = Value() }; break;
                case "--memory-limit": o = o with { MemoryLimit = Value() }; break;
                default: throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }
        o = o with
        {
            Rows = rows ?? (o.Quick ? QuickRows : DefaultRows),
            Runs = runs ?? (o.Quick ? 1 : 3),
        };
        if (o.Rows < 1) throw new ArgumentException("--rows must be at least 1.");
        if (o.Files < 1) throw new ArgumentException("--files must be at least 1.");
        if (o.Runs < 1) throw new ArgumentException("--runs must be at least 1.");
        if (o.WarmupRows < 1) throw new ArgumentException("--warmup-rows must be at least 1.");
        if (o.Side is not (null or "alaspark" or "sql" or "sql-staged")) throw new ArgumentException("--side must be alaspark or sql (or sql-staged).");
        if (o.Side is not null && (o.Csv is null || o.Out is null)) throw new ArgumentException("--side needs --csv and --out.");
        return o;
    }

    /// <summary>A count; 5000000, 5_000_000 and 5,000,000 are all accepted.</summary>
    private static int Number(string option, string text)
    {
        var digits = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"The option '{option}' needs a whole number, not '{text}'.");
    }
}
