using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using AlaSpark.Generators.Syntax;
using AlaSpark.Generators.Tracking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// The generator reads pipelines from syntax and falls back to symbols only where syntax can't
/// decide. These tests hold the two readers together: wherever the syntax reader answers, its model
/// equals the symbol reader's, and where it skips a class, the symbol reader finds no valid pipeline.
/// </summary>
public class SyntaxParityTests
{
    /// <summary>How the syntax reader answered over one compilation.</summary>
    private sealed record Tally(int Parsed, int Skipped, int FromSymbols);

    private static Tally CheckParity(Compilation compilation)
    {
        var files = compilation.SyntaxTrees.Select(tree => SyntaxReader.Read(tree, default)).ToList();
        var index = new SourceIndex(files.Select(f => f.Declarations).ToEquatableArray());
        var catalogue = Catalogue.Read(compilation,
            files.SelectMany(f => Catalogue.NamesUsedBy(f)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
            files.SelectMany(f => f.Declarations.Namespaces).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(), default);
        int parsed = 0, skipped = 0, fromSymbols = 0;
        foreach (var candidate in files.SelectMany(f => f.Pipelines))
        {
            var result = SyntaxParser.Parse(candidate, index, catalogue);
            var symbol = compilation.GetTypeByMetadataName(candidate.FullName);
            var isPipeline = symbol is not null && symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "AlaSpark.PipelineAttribute");
            var expected = isPipeline ? PipelineParser.Parse(symbol!, default) : null;
            switch (result.Outcome)
            {
                case SyntaxOutcome.Parsed:
                    Assert.True(isPipeline, $"{candidate.FullName}: read from syntax, but it is no pipeline");
                    Assert.Equal(Describe(expected!), Describe(result.Parsed!));
                    Assert.Equal(expected, result.Parsed);
                    parsed++;
                    break;
                case SyntaxOutcome.Skip:
                    Assert.False(expected is not null && PipelineChecker.Check(expected).IsValid, $"{candidate.FullName}: skipped, but the symbol reader finds a valid pipeline");
                    skipped++;
                    break;
                default:
                    fromSymbols++;
                    break;
            }
        }
        return new Tally(parsed, skipped, fromSymbols);
    }

    /// <summary>A model as text, so that a difference shows where it is.</summary>
    private static string Describe(ParsedPipeline pipeline) =>
        pipeline.Model is null ? "no model" : Emitting.ModelDescriber.Describe(PipelineChecker.Check(pipeline));

    public static TheoryData<string> Sources() =>
    [
        RuntimeSamples.WebEvents,
        BaselineSamples.JsonToSeveralSinks,
        Samples.WebEvents.Replace("[Processor(typeof(AddWatermark), \"event_time\", \"10 minutes\")]\n", ""),
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Samples_are_read_from_syntax_as_from_symbols(string source)
    {
        var tally = CheckParity(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source));

        Assert.Equal(new Tally(1, 0, 0), tally);
    }

    [Fact]
    public void A_pipeline_with_custom_processors_declared_in_source_is_read_from_syntax()
    {
        var tally = CheckParity(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, BaselineSamples.CustomProcessors));

        // The four processor classes carry attributes too: they are candidates that are no pipeline.
        Assert.Equal(new Tally(1, 3, 0), tally);
    }

    private const string Row = "public sealed record Row(string Id, string Email, DateTime At, string Payload, string? Note);";

    /// <summary>A pipeline over <see cref="Row"/> with the given attributes between the source and the sink.</summary>
    private static string Pipeline(string processors, string source = "[CsvSource(\"raw__a\", \"b\", Schema = typeof(Row))]",
        string sink = "[DeltaSink(\"cooked__a\", \"b\")]", string declaration = "public partial class P;", string head = "using AlaSpark;\nnamespace Jobs;", string row = Row) =>
        head + "\n" + row + "\n[Pipeline(\"p\")]\n" + source + "\n" + processors + "\n" + sink + "\n" + declaration + "\n";

    /// <summary>Pipelines and whether syntax decides them (true) or leaves them to the symbol reader (false).</summary>
    public static TheoryData<string, bool> Variants() => new()
    {
        // Arguments: literals converted to each parameter type, enums, arrays, typeof, overloads.
        { Pipeline("[Processor(typeof(MaskColumn), \"email\", 4, '#')]"), true },
        { Pipeline("[Processor(typeof(MaskColumn), \"email\", 'a')]"), true },
        { Pipeline("[Processor(typeof(MaskColumn), \"email\", 4u)]"), false },
        { Pipeline("[Processor(typeof(MaskColumn), \"email\", -2)]"), true },
        { Pipeline("[Processor(typeof(HashColumn), \"email\", HashAlgorithm.Sha512)]"), true },
        { Pipeline("[Processor(typeof(HashColumn), \"email\", AlaSpark.HashAlgorithm.Md5)]"), true },
        { Pipeline("[Processor(typeof(AddPartition), \"at_hour\", \"at\", PartitionGranularity.Hour)]"), true },
        { Pipeline("[Processor(typeof(ParseJson), \"payload\", typeof(Row))]"), true },
        { Pipeline("[Processor(typeof(ParseJson), \"payload\", \"a INT, b STRING\")]"), true },
        { Pipeline("[Processor(typeof(DropDuplicates), new string[] { \"id\" })]"), true },
        { Pipeline("[Processor(typeof(DropDuplicates), new[] { \"id\", \"email\" })]"), true },
        { Pipeline("[Processor(typeof(DropDuplicates), new object[] { new[] { \"id\" } })]"), false },
        { Pipeline("[Processor(typeof(WithColumn), new object[] { \"x\", \"1\" })]"), true },
        { Pipeline("[Processor(typeof(ExplodeColumn), \"email\", true)]"), true },
        { Pipeline("[Processor(typeof(AddSourceFilename)), Processor(typeof(AddCurrentTimestamp), \"t\")]"), true },
        { Pipeline("[Processor(typeof(HashColumn), nameof(Row.Email))]"), false },
        { Pipeline("[Processor(typeof(HashColumn), null)]"), false },
        { Pipeline("[Processor(typeof(HashColumn))]"), false },
        { Pipeline("[Processor(typeof(HashColumn), \"email\", 1)]"), false },
        // Names: qualified, global::, aliases, names also declared in source.
        { Pipeline("[global::AlaSpark.Processor(typeof(global::AlaSpark.HashColumn), \"email\")]", head: "namespace Jobs;",
            source: "[AlaSpark.CsvSource(\"raw__a\", \"b\", Schema = typeof(Row))]", sink: "[AlaSpark.DeltaSink(\"cooked__a\", \"b\")]").Replace("[Pipeline(", "[AlaSpark.PipelineAttribute("), true },
        { Pipeline("[Processor(typeof(H), \"email\")]", head: "using AlaSpark;\nusing H = AlaSpark.HashColumn;\nnamespace Jobs;"), false },
        { Pipeline("[Processor(typeof(HashColumn), \"email\")]", declaration: "public partial class P; public sealed class HashColumn { }"), false },
        { Pipeline("[Processor(typeof(HashColumn), \"email\")]", head: "using AlaSpark;\nusing static System.Math;\nnamespace Jobs;"), false },
        { Pipeline("[Processor(typeof(HashColumn), \"email\")]", head: "using AlaSpark;"), true },
        { Pipeline("[Processor(typeof(HashColumn), \"email\")]", head: "using AlaSpark;\nnamespace Jobs.Inner.Deep;"), true },
        // Classes: not partial, not public, abstract, constructors, other attributes, nested rows.
        { Pipeline("", declaration: "public class P { }"), true },
        { Pipeline("", declaration: "internal partial class P { }"), true },
        { Pipeline("", declaration: "public abstract partial class P { }"), true },
        { Pipeline("", declaration: "public partial class P { public P(int x) { } }"), true },
        { Pipeline("", declaration: "public partial class P { private P() { } public P(int x) { } }"), true },
        { Pipeline("[System.Obsolete(\"old\")]\n[System.ComponentModel.Description(\"d\")]"), true },
        { Pipeline("", declaration: "public partial class P<T>;"), true },
        { Pipeline("", declaration: "public static partial class P;"), true },
        { Pipeline("", source: "[CsvSource(\"raw__a\", \"b\", Schema = typeof(P.Nested))]", declaration: "public partial class P { public sealed record Nested(string Id, DateTime At); }"), true },
        { Pipeline("", source: "[CsvSource(\"raw__a\", \"b\", Schema = typeof(Nested))]", declaration: "public partial class P { public sealed record Nested(string Id, DateTime At); }"), false },
        // Sources and sinks with every property.
        { Pipeline("", source: "[JsonStreamSource(\"raw__a\", \"b\", Schema = typeof(Row), Path = \"in/b\", BadRecords = BadRecordsMode.Fail, Options = new[] { \"multiLine=true\" })]",
            sink: "[DeltaStreamSink(\"cooked__a\", \"b\", PartitionBy = new[] { \"id\" }, OutputMode = OutputMode.Append, MergeSchema = true, Trigger = \"1 minute\", CheckpointLocation = \"cp\")]"), true },
        { Pipeline("", source: "[ParquetSource(\"raw__a\", \"b\")]", sink: "[ParquetSink(\"cooked__a\", \"b\", Mode = WriteMode.Overwrite)]\n[DeltaSink(\"cooked__a\", \"c\", Mode = WriteMode.ErrorIfExists)]"), true },
        { Pipeline("", source: "[DeltaSource(\"raw__a\", \"b\", Schema = typeof(Row), Options = new string[0])]"), false },
        { Pipeline("", source: "[DeltaSource(\"raw__a\", \"b\", Schema = typeof(Row))]\n[CsvSource(\"raw__a\", \"c\")]"), true },
        { Pipeline("", sink: ""), true },
        // Schema records: every column type, [Column] and [Decimal] on parameters and properties, nesting.
        { Pipeline("", row: """
            public record Address(string Street, int? Number);
            public sealed record Row(
                [Column("row_id")] long Id, [property: Column("mail")] string Email, [Decimal(10, 2)] decimal Price, decimal Raw, decimal? Maybe,
                DateTime At, DateOnly Day, DateTimeOffset? Seen, byte[] Bytes, byte Small, sbyte Tiny, short Mid, float F, double D, bool B,
                string[] Tags, int?[] Scores, List<string> L1, IReadOnlyList<DateOnly> L2, IEnumerable<long> L3, IList<Address> L4,
                Dictionary<string, decimal> M1, IReadOnlyDictionary<string, Address?> M2, Address Home, Address? Work, System.String Q, global::System.DateTime G);
            """), true },
        { Pipeline("", row: "public sealed record Row { public string Id { get; init; } = \"\"; [Column(\"when\")] public DateTime At { get; init; } private int Hidden { get; init; } public static int S { get; set; } public string Upper => Id; }"), true },
        { Pipeline("", row: "public sealed class Row { public string? Id { get; set; } public List<Row>? Children { get; set; } }"), false },
        { Pipeline("", row: "internal sealed record Inner(string A); public sealed record Row(string Id, Inner In);"), true },
        { Pipeline("", row: "public record Base(string Id); public sealed record Row(string Id, DateTime At) : Base(Id);"), false },
        { Pipeline("", row: "public sealed record Row(string Id, Guid Key);"), false },
        { Pipeline("", row: "public sealed record Row(string Id, Dictionary<int, string> M);"), false },
        { Pipeline("", row: "#nullable disable\npublic sealed record Row(string Id);"), false },
        { Pipeline("", row: "public sealed record Row(string Id) { public Row() : this(\"\") { } }"), false },
        { Pipeline("", row: "public sealed record Row(string Id, DateTime DateTime);"), true },
        // Custom processors declared in source: constructors (primary, explicit, implicit), defaults, effects.
        { Pipeline("[Processor(typeof(Tag), \"x\", 3)]", declaration: "public partial class P; [AddsColumn(\"tag\", typeof(string)), AddsColumn(\"n\", typeof(int?))] public sealed class Tag(string tag, long n = 1, HashAlgorithm h = HashAlgorithm.Md5, string? note = null, bool on = true) : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }"), true },
        { Pipeline("[Processor(typeof(Tag))]", declaration: "public partial class P; [PreservesSchema] internal class Tag : ToTableProcessor { public Tag() { } public Tag(int a) { } private Tag(string b) { } public override ProcessedTable Apply(ProcessedTable t) => t; }"), true },
        { Pipeline("[Processor(typeof(Tag), \"a\", \"b\")]", declaration: "public partial class P; [RemovesColumn(\"note\")] [System.Obsolete] public sealed class Tag : ToTableProcessor { public Tag(params string[] names) { } public override ProcessedTable Apply(ProcessedTable t) => t; }"), true },
        { Pipeline("[Processor(typeof(Tag), new[] { \"a\" }, 2.5)]", declaration: "public partial class P; public sealed class Tag(string[] names, double? factor, decimal d = 2, char c = 'x', byte b = 7) : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }"), true },
        { Pipeline("[Processor(typeof(Tag), typeof(Row))]", declaration: "public partial class P; public sealed class Tag(Type schema) : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }"), true },
        { Pipeline("[Processor(typeof(Tag))]", declaration: "public partial class P; public sealed class Tag : Base { public override ProcessedTable Apply(ProcessedTable t) => t; } public abstract class Base : ToTableProcessor { }"), false },
        { Pipeline("[Processor(typeof(Tag))]", declaration: "public partial class P; public abstract class Tag : ToTableProcessor { }"), false },
        { Pipeline("[Processor(typeof(Tag), 1)]", declaration: "public partial class P; public sealed class Tag(object value) : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }"), false },
        { Pipeline("[Processor(typeof(Tag))]", declaration: "public partial class P; [AddsColumn(\"r\", typeof(Row))] public sealed class Tag : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }"), false },
        { Pipeline("[Processor(typeof(Tag))]", declaration: "public partial class P; public sealed class Tag : ToManyTablesProcessor { }"), false },
        { Pipeline("[Processor(typeof(Tag), \"a\")]", declaration: "public partial class P; public sealed class Tag : ToTableProcessor { public Tag(ref string a) { } public override ProcessedTable Apply(ProcessedTable t) => t; }"), false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variants_read_the_same_from_syntax_or_go_to_symbols(string source, bool decidedBySyntax)
    {
        var tally = CheckParity(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source));

        Assert.True(tally.Parsed + tally.Skipped + tally.FromSymbols >= 1);
        Assert.True(decidedBySyntax == (tally.FromSymbols == 0), $"{tally} for:\n{source}");
    }

    [Fact]
    public void A_referenced_assembly_that_shares_the_pipeline_namespace_sends_it_to_the_symbol_reader()
    {
        // Jobs.HashColumn in a referenced library hides AlaSpark.HashColumn inside namespace Jobs:
        // syntax can't see it, so names looked up from Jobs are left to the symbol reader.
        var library = CSharpCompilation.Create("SharedJobs",
            [CSharpSyntaxTree.ParseText("namespace Jobs { public sealed class HashColumn { } }", TestCompilation.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, Pipeline("[Processor(typeof(HashColumn), \"email\")]"))
            .AddReferences(library.ToMetadataReference());

        var tally = CheckParity(compilation);

        Assert.Equal(new Tally(0, 0, 1), tally);
        var symbol = compilation.GetTypeByMetadataName("Jobs.P")!;
        Assert.Contains(PipelineParser.Parse(symbol, default).Findings, f => f.Id == FindingIds.NotAProcessor);
    }

    [Fact]
    public void Without_nullable_annotations_reference_columns_are_nullable_in_both_readers()
    {
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, RuntimeSamples.WebEvents);
        compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));

        Assert.Equal(new Tally(1, 0, 0), CheckParity(compilation));
    }

    [Fact]
    public void A_thousand_malformed_pipelines_read_the_same_from_syntax_or_go_to_symbols()
    {
        var all = new Tally(0, 0, 0);
        foreach (var source in MalformedPipelines.All())
        {
            var tally = CheckParity(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source));
            all = new Tally(all.Parsed + tally.Parsed, all.Skipped + tally.Skipped, all.FromSymbols + tally.FromSymbols);
        }
        // Each answer kind occurs, so the comparison above ran on real cases of each.
        Assert.True(all.Parsed > 0 && all.Skipped > 0 && all.FromSymbols > 0, all.ToString());
    }
}
