using AlaSpark.Analyzers.Tests.Support;
using AlaSpark.Generators.Tests;
using AlaSpark.Generators.Tracking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// The generator's corpus of 1,000 malformed pipelines (<see cref="MalformedPipelines"/>, linked from the
/// generator tests: wrong argument types, missing arguments, unknown or abstract processors, broken
/// records, invalid names, classes that can't be pipelines), each with one of four naming settings: the
/// analyzer never throws, neither out of the analysis (AD0001) nor inside it (an exception its guard,
/// or the shared schema tracker's, would swallow).
/// </summary>
public class RobustnessTests
{
    /// <summary>The global usings the corpus's sources are written for (<c>Samples.GlobalUsings</c> of the generator tests).</summary>
    private const string CorpusUsings = """
        global using System;
        global using System.Collections.Generic;
        """;

    private static readonly IReadOnlyDictionary<string, string>[] Settings =
    [
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["alaspark.layers"] = "landing,bronze,silver,gold", ["alaspark.database_prefix"] = "glue_" },
        new Dictionary<string, string> { ["alaspark.layers"] = "Raw,,raw" },
        new Dictionary<string, string> { ["alaspark.layers"] = "", ["alaspark.database_prefix"] = "Bad-" },
    ];

    /// <summary>Each source of the corpus, with the settings it runs under (in turn).</summary>
    public static IEnumerable<object[]> Corpus() => MalformedPipelines.All().Select((source, i) => new object[] { source, i % Settings.Length });

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task The_analyzer_never_throws(string source, int settings)
    {
        var compilation = TestCompilation.Create(source, CorpusUsings);
        var swallowed = new List<Exception>();

        var (diagnostics, escaped) = await TestCompilation.AnalyzeAsync(
            compilation, Settings[settings], new PipelineAnalyzer(e => { lock (swallowed) swallowed.Add(e); }));

        Assert.Empty(escaped);
        Assert.Empty(swallowed);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // The tracker swallows what it can't follow and leaves a model without steps: none may.
        foreach (var pipeline in PipelineClasses(compilation))
            Assert.False(PipelineChecker.Check(pipeline, CancellationToken.None) is { Model: not null, Steps.IsEmpty: true }, "The schema tracker failed on " + pipeline.Name);
    }

    [Fact]
    public async Task The_corpus_reaches_the_checks()
    {
        var reported = new HashSet<string>();
        foreach (var row in Corpus())
        {
            var (diagnostics, _) = await TestCompilation.AnalyzeAsync(TestCompilation.Create((string)row[0], CorpusUsings), Settings[(int)row[1]]);
            reported.UnionWith(diagnostics.Select(d => d.Id));
        }

        // What the corpus's fragments can reach: it has no backward layer, no batch-only processor on a
        // stream, no float or timestamp partition column, and its bad table and column names have spaces
        // (ALS1005, not ALS1003/ALS1004). Every other id is reported at least once.
        string[] reached =
        [
            "ALS0001", "ALS0002", "ALS0003", "ALS1000", "ALS1001", "ALS1002", "ALS1005",
            "ALS2001", "ALS2002", "ALS2004", "ALS2005", "ALS3001", "ALS3002", "ALS3003", "ALS3004", "ALS3005", "ALS3006",
            "ALS4001", "ALS4002", "ALS4003",
        ];
        Assert.Equal([], reached.Except(reported));
    }

    [Fact]
    public void The_corpus_has_a_thousand_pipelines() => Assert.Equal(MalformedPipelines.Count, Corpus().Count());

    /// <summary>The classes of the compilation's source with a <c>[Pipeline]</c> attribute, nested ones too.</summary>
    private static IEnumerable<INamedTypeSymbol> PipelineClasses(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is not INamespaceOrTypeSymbol container) continue;
                pending.Push(container);
                if (container is INamedTypeSymbol type && type.GetAttributes().Any(a => a.AttributeClass?.Name == "PipelineAttribute"))
                    yield return type;
            }
        }
    }

    [Fact]
    public async Task A_thrown_exception_would_be_seen()
    {
        // The guard's callback is what the theory relies on: prove it is called when a check fails.
        var compilation = TestCompilation.Create("""[Pipeline("p")] public partial class P;""");
        var swallowed = new List<Exception>();
        var analyzer = new PipelineAnalyzer(e => { lock (swallowed) swallowed.Add(e); });

        var (_, escaped) = await TestCompilation.AnalyzeAsync(compilation, new Dictionary<string, string>(), analyzer, new ThrowingOptions());

        Assert.Empty(escaped);
        Assert.Single(swallowed);
    }

    /// <summary>Options whose alaspark.* keys throw when read: the analysis of a pipeline fails inside its guard.</summary>
    private sealed class ThrowingOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new();

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                if (key.StartsWith("alaspark.", StringComparison.Ordinal)) throw new InvalidOperationException("boom");
                value = "";
                return false;
            }
        }
    }
}
