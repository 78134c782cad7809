using AlaSpark.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// Malformed pipelines, combined from fragments (unbound attributes, wrong argument types, broken
/// records, odd declarations, invalid names and settings): the analyzer never throws, neither out of
/// the analysis (AD0001) nor inside it (an exception its guard would swallow).
/// </summary>
public class RobustnessTests
{
    private const int Count = 1000;

    private static readonly string[] PipelineAttributes =
    [
        """[Pipeline("p")]""", "[Pipeline]", "[Pipeline(42)]", "[Pipeline(null)]", """[Pipeline("Bad Name!")]""", "",
        """[Pipeline("p", "q")]""", "[Pipeline(Names.Pipeline)]", """[Pipeline("")]""", """[Pipeline(name: "RawToCooked")]""",
    ];

    private static readonly string[] Sources =
    [
        "",
        """[CsvSource("raw__a", "b", Schema = typeof(Good))]""",
        """[CsvSource("raw__a")]""",
        "[CsvSource(1, 2)]",
        """[CsvSource(table: "t")]""",
        """[DeltaSource(database: null, table: "x")]""",
        """[JsonSource("raw__" + "a", "b", Schema = typeof(Missing))]""",
        """[DeltaSource("raw__a", "b", Schema = typeof(Loop))]""",
        """[DeltaSource("raw__a", "b", Schema = typeof(Weird))]""",
        """[ParquetSource("raw__a", "b", Options = new[] { "k=v", null })]""",
        """[CsvStreamSource("raw__a", "b", BadRecords = (BadRecordsMode)42, Schema = typeof(Good))]""",
        """[CsvSource("raw__a", "b")][JsonSource("Raw", "c")]""",
        """[DeltaStreamSource(null, null, Path = null, Options = null, Schema = null)]""",
        """[ParquetStreamSource("raw__a", "b", Schema = typeof(int[]))]""",
        """[JsonStreamSource("raw__a", "b", Schema = typeof(List<>))]""",
        """[CsvSource("raw__a", "b", Schema = typeof(Good), Schema = typeof(Weird))]""",
        """[CsvSource("served__x", "b", Schema = typeof(Generic<Weird>))]""",
        """[JsonSource("raw__a", "b", Schema = typeof(Schemas.Nested.Deep))]""",
        """[CsvSource("raw__a", "WebEvents", Schema = typeof(Good))]""",
    ];

    private static readonly string[] Processors =
    [
        "",
        """[Processor(typeof(HashColumn), "user_email")]""",
        "[Processor(typeof(HashColumn), 42)]",
        """[Processor(typeof(Unknown), "a")]""",
        "[Processor(typeof(HashColumn))]",
        "[Processor(null)]",
        "[Processor]",
        "[Processor(typeof(int), new[] { 1, 2 })]",
        "[Processor(typeof(DropDuplicates), new string[] { null })]",
        "[Processor(typeof(DropDuplicates), (string[])null)]",
        "[Processor(typeof(DropDuplicates), columns: null)]",
        "[Processor(typeof(List<>))]",
        """[Processor(typeof(HashColumn), "a", HashAlgorithm.Md5, 'c', 1.5, 2L, 3f, typeof(string), null, (HashAlgorithm)99)]""",
        """[Processor(typeof(AddPartition), "d", new object[] { new[] { 1 } })]""",
        """[Processor(processor: typeof(HashColumn), arguments: new object[] { "a" })]""",
        """[Processor(typeof(AddCurrentTimestamp), ["at"])]""",
    ];

    private static readonly string[] Sinks =
    [
        "",
        """[DeltaSink("cooked__a", "b")]""",
        """[DeltaSink("x")]""",
        """[DeltaStreamSink("a", "b", PartitionBy = null, Mode = (WriteMode)9, Trigger = null)]""",
        """[ParquetSink("served__a", "b", PartitionBy = new[] { "x", null, "x", "X" }, OutputMode = OutputMode.Complete)]""",
        """[DeltaSink("cooked__a", "b", MergeSchema = 1)]""",
        """[DeltaSink("cooked__a", "b")][ParquetSink("cooked__a", "c", CheckpointLocation = "")]""",
        """[DeltaStreamSink("raw__a", "b", Trigger = "5 parsecs")]""",
        """[DeltaStreamSink("cooked__a", "b", Trigger = 5)]""",
        """[DeltaStreamSink("cooked__a", "b", Trigger = "", PartitionBy = new string[0])]""",
        """[DeltaSink("Raw", "", PartitionBy = "a")]""",
        """[DeltaSink("cooked__a", "b", PartitionBy = ["a", .. Names.Columns])]""",
        """[DeltaSink(table: "b", database: "cooked__a", PartitionBy = new[] { Names.Pipeline, Names.Pipeline })]""",
        """[DeltaStreamSink("cooked__a", "b", Trigger = "99999999999999999999 days")]""",
        """[DeltaSink("cooked__a", "PageViews")]""",
    ];

    private static readonly string[] Declarations =
    [
        "public partial class P;",
        "public class P;",
        "partial class P<T>;",
        "static partial class P { }",
        "public class Outer { [ATTRS] public partial class P; }",
        "public partial class Outer2 { [ATTRS] private partial class P; }",
        "partial record P;",
        "partial class P : P;",
        "public partial class P { } public partial class P { }",
        "public partial struct P;",
        "abstract partial class P",
        "public record P(int X);",
        "partial interface P { }",
        "enum P { A }",
        "public partial class P : ToTableProcessor { }",
        "delegate void P();",
    ];

    private const string Support = """
        public static class Names { public const string Pipeline = "p"; public static readonly string[] Columns = { "c" }; }
        public sealed record Good(string Name, int? Age);
        public sealed record Loop(string Name, Loop Next, Loop[] Others);
        public sealed record Generic<T>(T Value, List<T> Values);
        public sealed record Weird([Column(null)] string A, [Column] string B, [Column(1)] string C, [Column("X Y")] string D)
        {
            public string 名前 { get; init; } = "";
            public string this[int i] => "";
            [Column("Bad"), Column("Worse")] public int E { get; init; }
        }
        namespace Schemas { public static class Nested { public sealed record Deep([Column("Deep ")] string Value); } }
        """;

    private static readonly IReadOnlyDictionary<string, string>[] Settings =
    [
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["alaspark.layers"] = "landing,bronze,silver,gold", ["alaspark.database_prefix"] = "glue_" },
        new Dictionary<string, string> { ["alaspark.layers"] = "Raw,,raw" },
        new Dictionary<string, string> { ["alaspark.layers"] = "", ["alaspark.database_prefix"] = "Bad-" },
    ];

    public static IEnumerable<object[]> MalformedPipelines()
    {
        var random = new Random(20251126);
        var seen = new HashSet<string>();
        while (seen.Count < Count)
        {
            string Pick(string[] options) => options[random.Next(options.Length)];
            var attributes = Pick(PipelineAttributes) + Pick(Sources) + Pick(Processors) + Pick(Processors) + Pick(Sinks) + Pick(Sinks);
            var declaration = Pick(Declarations);
            var source = declaration.Contains("[ATTRS]") ? declaration.Replace("[ATTRS]", attributes) : attributes + "\n" + declaration;
            var settings = random.Next(Settings.Length);
            if (seen.Add(settings + source)) yield return [source, settings];
        }
    }

    [Theory]
    [MemberData(nameof(MalformedPipelines))]
    public async Task The_analyzer_never_throws(string source, int settings)
    {
        var compilation = TestCompilation.Create(Support + "\n" + source);
        var swallowed = new List<Exception>();

        var (diagnostics, escaped) = await TestCompilation.AnalyzeAsync(
            compilation, Settings[settings], new PipelineAnalyzer(e => { lock (swallowed) swallowed.Add(e); }));

        Assert.Empty(escaped);
        Assert.Empty(swallowed);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task The_malformed_pipelines_reach_every_implemented_check()
    {
        var reported = new HashSet<string>();
        foreach (var row in MalformedPipelines().Take(300))
        {
            var (diagnostics, _) = await TestCompilation.AnalyzeAsync(TestCompilation.Create(Support + "\n" + (string)row[0]), Settings[(int)row[1]]);
            reported.UnionWith(diagnostics.Select(d => d.Id));
        }

        string[] implemented =
        [
            "ALS0001", "ALS0002", "ALS0003", "ALS1000", "ALS1001", "ALS1002", "ALS1003", "ALS1004", "ALS1005", "ALS1006",
            "ALS2004", "ALS4001", "ALS4003",
        ];
        Assert.Empty(implemented.Except(reported));
    }

    [Fact]
    public void There_are_a_thousand_distinct_malformed_pipelines() => Assert.Equal(Count, MalformedPipelines().Count());

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
