using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlaSpark.Generators;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AlaSpark.Benchmarks;

/// <summary>
/// Timed benchmark of the source generator and the analyzers on a compilation of 200 pipelines (and 50 unrelated files):
/// <code>dotnet run -c Release --project tests/AlaSpark.Benchmarks -- generator [--quick]</code>
/// 1. a full run (a fresh driver), against the baseline of compiling the same sources without the
///    generator (binding every file: <c>GetDiagnostics</c> on a fresh compilation), in the same process;
/// 2. the incremental run after a one-character edit in an unrelated file (target: under 5 ms), against
///    the full run;
/// 3. compiling the 200 pipelines and their generated code without and with the AlaSpark analyzer
///    (target: the analyzers add under 10%).
/// Medians of several timed repetitions after warm-up. Exit code 0 unless something throws or the
/// generated code does not compile.
/// </summary>
public static class GeneratorBenchmarks
{
    private const int Pipelines = 200;
    private const int UnrelatedFiles = 50;
    private const double IncrementalTargetMs = 5;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var repetitions = quick ? 5 : 25;
        Console.WriteLine($"AlaSpark generator benchmark ({(quick ? "quick" : "full")}), .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, " +
                          $"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
        var compilation = CreateCompilation();
        Console.WriteLine($"compilation: {Pipelines} [Pipeline] classes and {UnrelatedFiles} unrelated files ({compilation.SyntaxTrees.Count()} trees)");

        // Sanity: every pipeline generates a file, and the generated code compiles without a diagnostic.
        var check = NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generated = check.GetRunResult().GeneratedTrees.Length;
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (generated != Pipelines || problems.Count > 0)
        {
            Console.Error.WriteLine($"ERROR: {generated} files generated (expected {Pipelines}); {problems.Count} warnings/errors, first: {problems.FirstOrDefault()}");
            return 1;
        }

        // For a profiler: only the incremental runs of the generator (--incremental-only N).
        if (Array.IndexOf(args, "--incremental-only") is var at and >= 0)
        {
            var runs = at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, Inv, out var n) ? n : 500;
            var (median, trackedSteps) = Incremental(compilation, new PipelineGenerator(), runs, declarationEdit: args.Contains("--declaration"));
            Console.WriteLine($"incremental only, {runs} runs: median {median:F3} ms");
            foreach (var step in trackedSteps.OrderByDescending(step => step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)))
                Console.WriteLine($"  {step.Key}: {step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds):F3} ms over {step.Value.Length} runs of the step");
            return 0;
        }

        // 1. Full run vs compiling the same sources (a fresh compilation each time: nothing cached).
        var compile = Median(repetitions, () =>
        {
            var fresh = CreateCompilation();
            return Time(() => fresh.GetDiagnostics());
        });
        var full = Median(repetitions, () =>
        {
            var fresh = CreateCompilation();
            var driver = NewDriver();
            return Time(() => driver.RunGenerators(fresh));
        });

        // 2. Incremental: a warm driver, then a one-character edit in an unrelated file before each run; the
        //    same for the floor generator (ForAttributeWithMetadataName with a trivial transform).
        var (incremental, steps) = Incremental(compilation, new PipelineGenerator(), repetitions * 4);
        var (declaration, _) = Incremental(compilation, new PipelineGenerator(), repetitions * 4, declarationEdit: true);
        var (floor, _) = Incremental(compilation, new FloorGenerator(), repetitions * 4);
        var (syntaxFloor, _) = Incremental(compilation, new SyntaxFloorGenerator(), repetitions * 4);
        var reasons = steps.OrderByDescending(step => step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds)).Select(step => $"{step.Key}: " + string.Join(", ",
            step.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} {g.Count()}"))
            + $" ({step.Value.Sum(s => s.ElapsedTime.TotalMilliseconds).ToString("F3", Inv)} ms)");

        // 3. The analyzers' share of compile time: the same sources plus the generated code, compiled fresh
        //    (diagnostics and emit to memory, as csc does) without and with the AlaSpark analyzer, interleaved.
        //    With the analyzer, the emit runs on the analyzers' compilation (the one with the event queue
        //    the analyzer driver listens to), so the analyzer shares the bound symbols, as inside csc.
        var generatedTrees = check.GetRunResult().GeneratedTrees;
        CSharpCompilation Output() => CreateCompilation().AddSyntaxTrees(generatedTrees);
        var analyzer = new AlaSpark.Analyzers.PipelineAnalyzer();
        var analyzerDiagnostics = Output().WithAnalyzers([analyzer]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (analyzerDiagnostics.Length > 0)
        {
            Console.Error.WriteLine($"ERROR: the analyzer reports {analyzerDiagnostics.Length} diagnostics on valid pipelines, first: {analyzerDiagnostics[0]}");
            return 1;
        }
        var withoutAnalyzers = new List<double>();
        var withTrivial = new List<double>();
        var withAnalyzers = new List<double>();
        for (var i = 0; i < repetitions + 2; i++)
        {
            var plain = Output();
            var without = Time(() => Emit(plain));
            var trivial = EmitWith(Output(), new TrivialAnalyzer());
            var with = EmitWith(Output(), analyzer);
            if (i < 2) continue; // warm-up
            withoutAnalyzers.Add(without);
            withTrivial.Add(trivial);
            withAnalyzers.Add(with);
        }
        var compileWithout = withoutAnalyzers.Order().ElementAt(withoutAnalyzers.Count / 2);
        var compileTrivial = withTrivial.Order().ElementAt(withTrivial.Count / 2);
        var compileWith = withAnalyzers.Order().ElementAt(withAnalyzers.Count / 2);
        var added = compileWith / compileWithout - 1;
        var addedOverTrivial = compileWith / compileTrivial - 1;

        Console.WriteLine();
        Console.WriteLine($"[1] full generator run:      {full,8:F1} ms median   (compile without generator: {compile:F1} ms; ratio {full / compile:F2})");
        Console.WriteLine($"[2] incremental after edit:  {incremental,8:F3} ms median   target < {IncrementalTargetMs} ms: {(incremental < IncrementalTargetMs ? "PASS" : "FAIL")}");
        Console.WriteLine($"    after an edit that renames the unrelated class (a declaration): {declaration:F3} ms");
        Console.WriteLine($"    floor (ForAttributeWithMetadataName, trivial transform): {floor:F3} ms; ratio {incremental / floor:F2}; ratio to the full run {incremental / full:F4}");
        Console.WriteLine($"    a syntax-only provider (no semantic model), for comparison: {syntaxFloor:F3} ms");
        Console.WriteLine($"    steps after the last edit: {string.Join("; ", reasons)}");
        Console.WriteLine($"[3] compile with analyzers:  {compileWith,8:F1} ms median   (without: {compileWithout:F1} ms; ratio {compileWith / compileWithout:F3}) " +
                          $"analyzers add {added:P1}, target < 10%: {(added < 0.10 ? "PASS" : "FAIL")}");
        Console.WriteLine($"    over a build that already runs an analyzer (a trivial symbol analyzer: {compileTrivial:F1} ms): AlaSpark's adds {addedOverTrivial:P1}");
        return 0;
    }

    /// <summary>
    /// The median time of a run after a one-character edit in an unrelated file, and the steps of one
    /// more such run. The timed driver does not track steps, as csc and the IDE don't: Roslyn's step
    /// recording walks every output's inputs and costs far more than the generator itself.
    /// </summary>
    /// <remarks>
    /// With <paramref name="declarationEdit"/> the edit changes a declaration instead (the unrelated class
    /// is renamed), as typing a type's name or members does.
    /// </remarks>
    private static (double Median, ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> Steps) Incremental(
        CSharpCompilation compilation, IIncrementalGenerator generator, int repetitions, bool declarationEdit = false)
    {
        var driver = NewDriver(generator).RunGenerators(compilation);
        var current = compilation;
        var unrelated = current.SyntaxTrees.First(t => t.FilePath.StartsWith("Unrelated", StringComparison.Ordinal));
        var edits = 0;
        CSharpCompilation Edit()
        {
            var text = unrelated.GetText();
            var marker = declarationEdit ? "class Unrelated" : "Value = ";
            var position = text.ToString().IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            var edited = unrelated.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, declarationEdit ? 0 : 1), (edits++ % 9 + 1).ToString(Inv))));
            current = current.ReplaceSyntaxTree(unrelated, edited);
            unrelated = edited;
            return current;
        }
        // Warm up: an IDE runs the generator on every keystroke for hours, so what counts is the steady
        // state. With tiered compilation the JIT replaces Roslyn's and the generator's code with
        // optimized code only after many calls (a few hundred runs did not reach it here), so each
        // generator is run for three seconds (at most 3,000 runs) before the timed runs.
        var warmUp = Stopwatch.StartNew();
        for (var run = 0; run < 3000 && warmUp.Elapsed.TotalSeconds < 3; run++) driver = driver.RunGenerators(Edit());
        var median = Median(repetitions, () =>
        {
            var next = Edit();
            return Time(() => driver = driver.RunGenerators(next));
        });
        var tracked = NewDriver(generator, trackSteps: true).RunGenerators(current).RunGenerators(Edit());
        return (median, tracked.GetRunResult().Results.Single().TrackedSteps);
    }

    private static GeneratorDriver NewDriver(IIncrementalGenerator? generator = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create([(generator ?? new PipelineGenerator()).AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(PipelineAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(PipelineDefinition).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Delta.DeltaWriter).Assembly.Location),
    ];

    /// <summary>200 varied pipelines (sources, schemas, processors, sinks), one per file, and unrelated files.</summary>
    public static CSharpCompilation CreateCompilation()
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText("global using System; global using AlaSpark;", ParseOptions, path: "GlobalUsings.cs"),
        };
        for (var i = 0; i < Pipelines; i++)
            trees.Add(CSharpSyntaxTree.ParseText(PipelineSource(i), ParseOptions, path: $"Pipeline{i:D3}.cs"));
        for (var i = 0; i < UnrelatedFiles; i++)
            trees.Add(CSharpSyntaxTree.ParseText($$"""
                namespace Jobs.Support;
                public static class Unrelated{{i}}
                {
                    public const int Value = 1;
                    public static int Twice(int x) => x * 2 + Value;
                }
                """, ParseOptions, path: $"Unrelated{i:D3}.cs"));
        return CSharpCompilation.Create("TwoHundredPipelines", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string PipelineSource(int i)
    {
        var source = (i % 3) switch
        {
            0 => $"[CsvSource(\"raw__domain{i % 7}\", \"events_{i}\", Schema = typeof(Event{i}))]",
            1 => $"[JsonSource(\"raw__domain{i % 7}\", \"events_{i}\", Schema = typeof(Event{i}), BadRecords = BadRecordsMode.Drop)]",
            _ => $"[DeltaSource(\"raw__domain{i % 7}\", \"events_{i}\", Schema = typeof(Event{i}))]",
        };
        var processors = new StringBuilder();
        processors.AppendLine("[Processor(typeof(AddSourceFilename))]");
        if (i % 2 == 0) processors.AppendLine("[Processor(typeof(HashColumn), \"user_email\")]");
        processors.AppendLine("[Processor(typeof(AddPartition), \"event_date\", \"event_time\")]");
        if (i % 4 == 1) processors.AppendLine("[Processor(typeof(FilterRows), \"amount > 0\")]");
        if (i % 5 == 2) processors.AppendLine("[Processor(typeof(AlterDataType), \"amount\", \"decimal(12,2)\")]");
        processors.AppendLine("[Processor(typeof(DropDuplicates), new[] { \"event_id\" })]");
        processors.AppendLine("[Processor(typeof(AddCurrentTimestamp), \"processed_at\")]");
        return $$"""
            namespace Jobs.Domain{{i % 7}};

            public sealed record Event{{i}}(string EventId, string UserEmail, DateTime EventTime, decimal Amount, int? Quantity, string[] Tags);

            [Pipeline("pipeline_{{i}}")]
            {{source}}
            {{processors}}[DeltaSink("cooked__domain{{i % 7}}", "events_{{i}}", PartitionBy = new[] { "event_date" })]
            public partial class Pipeline{{i}};
            """;
    }

    /// <summary>Emits with <paramref name="analyzer"/> listening, as csc does; the time of the emit and the analysis.</summary>
    private static double EmitWith(Compilation compilation, DiagnosticAnalyzer analyzer) => Time(() =>
    {
        var analyzed = compilation.WithAnalyzers([analyzer]);
        Emit(analyzed.Compilation);
        analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    });

    private static void Emit(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success) throw new InvalidOperationException("The 200-pipeline compilation does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Two warm-up runs, then the median of <paramref name="repetitions"/> timed ones.</summary>
    private static double Median(int repetitions, Func<double> run)
    {
        run();
        run();
        var times = Enumerable.Range(0, repetitions).Select(_ => run()).Order().ToArray();
        return times[times.Length / 2];
    }
}

/// <summary>
/// The floor a [Pipeline] generator built on ForAttributeWithMetadataName pays on an edit: the same attribute with
/// a transform that only returns the class's name (Roslyn re-runs the transform of every match when the
/// compilation changes, because what a symbol means can change with any file).
/// </summary>

public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "AlaSpark.PipelineAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (c, _) => c.TargetSymbol.Name)
            .WithTrackingName("Names");
        context.RegisterSourceOutput(names, static (output, name) => output.AddSource(name + ".g.cs", "// " + name));
    }
}

/// <summary>
/// For comparison: a syntax-only provider (no semantic model: the transform reads the attribute's text), which
/// Roslyn can skip for unchanged files. What a generator would cost if it modelled pipelines from syntax alone.
/// </summary>
public sealed class SyntaxFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax { AttributeLists.Count: > 0 } c
                                    && c.AttributeLists.Any(l => l.Attributes.Any(a => a.Name.ToString() is "Pipeline" or "PipelineAttribute")),
                static (c, _) => ((Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax)c.Node).Identifier.ValueText)
            .WithTrackingName("Names");
        context.RegisterSourceOutput(names, static (output, name) => output.AddSource(name + ".g.cs", "// " + name));
    }
}

/// <summary>A do-nothing symbol analyzer: the cost any analyzer brings to a build (the compiler's event queue).</summary>
#pragma warning disable RS1001 // Not loaded by a compiler: the benchmark hands it to CompilationWithAnalyzers.
public sealed class TrivialAnalyzer : DiagnosticAnalyzer
{
    // A benchmark's stand-in, never shipped or reported: no release tracking.
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor Never = new("BENCH001", "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
    }
}
#pragma warning restore RS1001
