using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>Malformed pipelines, generated from fragments: the generator must never throw on them.</summary>
public class RobustnessTests
{
    private static readonly string[] PipelineAttributes =
    [
        """[Pipeline("p")]""", "[Pipeline]", "[Pipeline(42)]", "[Pipeline(null)]", """[Pipeline("Bad Name!")]""", "", """[Pipeline("p", "q")]""",
    ];

    private static readonly string[] Sources =
    [
        "",
        """[CsvSource("raw__a", "b")]""",
        """[CsvSource("raw__a")]""",
        "[CsvSource(1, 2)]",
        """[JsonSource("raw__a", "b", Schema = typeof(Missing))]""",
        """[DeltaSource("raw__a", "b", Schema = typeof(Loop))]""",
        """[DeltaSource("raw__a", "b", Schema = typeof(Unmappable))]""",
        """[ParquetSource("raw__a", "b", Options = new[] { "k=v", null })]""",
        """[CsvStreamSource("raw__a", "b", BadRecords = (BadRecordsMode)42, Schema = typeof(Good))]""",
        """[CsvSource("raw__a", "b")][JsonSource("raw__a", "c")]""",
        """[DeltaStreamSource(null, null, Path = null, Options = null, Schema = null)]""",
        """[ParquetStreamSource("raw__a", "b", Schema = typeof(int))]""",
        """[JsonStreamSource("raw__a", "b", Schema = typeof(System.Collections.Generic.List<>))]""",
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
        "[Processor(typeof(System.Collections.Generic.List<>))]",
        """[Processor(typeof(HashColumn), "a", HashAlgorithm.Md5, 'c', 1.5, 2L, 3f, typeof(string), null, (HashAlgorithm)99)]""",
        """[Processor(typeof(JoinDataframe), "raw__x", "y", new[] { "id" }, JoinType.Left)]""",
        """[Processor(typeof(AddPartition), "d", new object[] { new[] { 1 } })]""",
        """[Processor(typeof(Good), "x")][Processor(typeof(HashColumn), "y")]""",
    ];

    private static readonly string[] Sinks =
    [
        "",
        """[DeltaSink("cooked__a", "b")]""",
        """[DeltaSink("x")]""",
        """[DeltaStreamSink("a", "b", PartitionBy = null, Mode = (WriteMode)9, Trigger = null)]""",
        """[ParquetSink("served__a", "b", PartitionBy = new[] { "x", null }, OutputMode = OutputMode.Complete)]""",
        """[DeltaSink("cooked__a", "b", MergeSchema = 1)]""",
        """[DeltaSink("cooked__a", "b")][ParquetSink("cooked__a", "c", CheckpointLocation = "")]""",
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
    ];

    private const string Support = """
        using AlaSpark;
        public sealed record Good(string Name, int? Age);
        public sealed record Loop(string Name, Loop Next);
        public sealed record Unmappable(uint Count, char Letter, System.IntPtr Pointer);
        """;

    public static IEnumerable<object[]> MalformedPipelines()
    {
        var random = new Random(20240604);
        var seen = new HashSet<string>();
        while (seen.Count < 300)
        {
            string Pick(string[] options) => options[random.Next(options.Length)];
            var attributes = Pick(PipelineAttributes) + Pick(Sources) + Pick(Processors) + Pick(Processors) + Pick(Sinks);
            var declaration = Pick(Declarations);
            var source = declaration.Contains("[ATTRS]") ? declaration.Replace("[ATTRS]", attributes) : attributes + "\n" + declaration;
            if (seen.Add(source)) yield return [source];
        }
    }

    [Theory]
    [MemberData(nameof(MalformedPipelines))]
    public void The_generator_never_throws(string source)
    {
        // Against the real runtime (the generated code uses IPipeline, PipelineDefinition...); processors
        // it lacks (AddWatermark, JoinDataframe) leave their attributes unbound, which is malformed too.
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, Support + "\n" + source);

        var (driver, output, diagnostics) = TestCompilation.Run(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        // Whatever it emitted adds no error of its own to the user's.
        foreach (var generated in result.GeneratedSources)
        {
            Assert.DoesNotContain(output.GetDiagnostics(),
                d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == generated.SyntaxTree.FilePath);
        }
    }

    [Fact]
    public void There_are_enough_malformed_pipelines() => Assert.True(MalformedPipelines().Count() >= 200);
}
