namespace AlaSpark.Generators.Tests;

/// <summary>
/// A corpus of malformed pipelines, combined from fragments at random with a fixed seed: wrong argument types,
/// missing arguments, unknown or abstract processors, broken schema records, invalid names, classes that can't
/// be pipelines. The generator's robustness test runs it; the analyzers' tests link this file and run it too.
/// Each source needs the global usings of <c>Samples.GlobalUsings</c> (<c>global using AlaSpark;</c>, <c>System</c>).
/// </summary>
internal static class MalformedPipelines
{
    private static readonly string[] PipelineAttributes =
    [
        """[Pipeline("p")]""", "[Pipeline]", "[Pipeline(42)]", "[Pipeline(null)]", """[Pipeline("Bad Name!")]""", "", """[Pipeline("p", "q")]""",
        """[Pipeline("")]""", "[Pipeline(\"" + new string('a', 300) + "\")]", """[Pipeline("RawToCooked")]""", """[Pipeline("a\u0000b")]""",
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
        """[CsvSource("raw__a", "b", Schema = typeof(Broken))]""",
        """[CsvSource("raw__a", "b", Schema = typeof(Empty))]""",
        """[JsonSource("raw__a", "b", Schema = typeof(Deep))]""",
        """[JsonSource("raw__a", "b", Schema = typeof(IntKeys))]""",
        """[ParquetSource("raw__a", "b", Schema = typeof(BadNames))]""",
        """[DeltaSource("raw__a", "b", Schema = typeof(NotARecord))]""",
        """[CsvSource("rawweb", "Some Table", Schema = typeof(Good))]""",
        """[CsvSource("Raw__A", "b", Path = "{{ missing", Options = new[] { "=", "noequals" })]""",
        """[CsvSource("raw__a", "b", Schema = typeof(Good), BadRecords = BadRecordsMode.Fail, Schema = typeof(Good))]""",
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
        "[Processor(typeof(AddPartition), 1, 2)]",
        """[Processor(typeof(AddPartition), "event_date")]""",
        """[Processor(typeof(AddPartition), "event_date", "name", (PartitionGranularity)77)]""",
        """[Processor(typeof(AlterDataType), "age", "decimal(10,")]""",
        """[Processor(typeof(AlterDataType), "age", "")]""",
        "[Processor(typeof(FilterRows))]",
        """[Processor(typeof(FilterRows), "age >")]""",
        """[Processor(typeof(WithColumn), "x", null)]""",
        "[Processor(typeof(SelectColumns), new string[0])]",
        """[Processor(typeof(DropColumns), "name", "age")]""",
        """[Processor(typeof(HashColumn), "name", "sha256")]""",
        """[Processor(typeof(HashColumn), "age")]""",
        """[Processor(typeof(AddCurrentTimestamp), "Processed At")]""",
        """[Processor(typeof(AddCurrentTimestamp), "name")]""",
        "[Processor(typeof(Custom))]",
        "[Processor(typeof(AbstractProcessor))]",
        "[Processor(typeof(NoPublicConstructor))]",
        "[Processor(typeof(ToTableProcessor))]",
        "[Processor(typeof(ProcessorBase))]",
        """[Processor(typeof(ParseJson), "payload", typeof(Good))]""",
        """[Processor(typeof(DropDuplicates), new[] { "name" }, new[] { "age" })]""",
        """[Processor(typeof(SelectColumns), new[] { "missing" })][Processor(typeof(HashColumn), "name")]""",
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
        """[DeltaSink("Cooked__A", "B C")]""",
        """[DeltaSink("cooked__a", "b", PartitionBy = new[] { "age", "age" })]""",
        """[DeltaSink("cooked__a", "b", PartitionBy = new[] { "name", "age" })]""",
        """[DeltaSink("cooked__a", "b", PartitionBy = new[] { "missing" })]""",
        """[DeltaStreamSink("cooked__a", "b", Trigger = "every so often")]""",
        """[DeltaSink("raw__a", "b", Mode = WriteMode.Overwrite)]""",
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
        public sealed record Broken(string A, NotAType B);
        public sealed record Empty();
        public sealed record Deep(Deep[] Children, System.Collections.Generic.List<Deep?>? More);
        public sealed record IntKeys(System.Collections.Generic.Dictionary<int, string> Map);
        public sealed record BadNames([property: Column("Bad Name")] string A, [property: Decimal(50, 60)] decimal D, [property: Column(null)] string B);
        public sealed class NotARecord { public string X { get; set; } = ""; }
        public sealed class Custom : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable table) => table; }
        public abstract class AbstractProcessor : ToTableProcessor { }
        public sealed class NoPublicConstructor : ToTableProcessor { private NoPublicConstructor() { } public override ProcessedTable Apply(ProcessedTable table) => table; }
        """;

    /// <summary>How many malformed pipelines the theory runs.</summary>
    public const int Count = 1_000;

    /// <summary>The pipelines, each a complete source file (with the support types), in a fixed order.</summary>
    public static IEnumerable<string> All()
    {
        var random = new Random(20240604);
        var seen = new HashSet<string>();
        while (seen.Count < Count)
        {
            string Pick(string[] options) => options[random.Next(options.Length)];
            var attributes = Pick(PipelineAttributes) + Pick(Sources) + Pick(Processors) + Pick(Processors) + Pick(Sinks);
            var declaration = Pick(Declarations);
            var source = declaration.Contains("[ATTRS]") ? declaration.Replace("[ATTRS]", attributes) : attributes + "\n" + declaration;
            if (seen.Add(source)) yield return Support + "\n" + source;
        }
    }
}
