using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// [Processor(typeof(T), args...)] binds its arguments to one public constructor of T, as C# binds
/// new T(args): positional, defaults, params, implicit conversions, enums, types; else ALS3002/ALS3003.
/// </summary>
public class BindingTests
{
    /// <summary>Test processors for the binding rules, next to the stubs of the built-in ones.</summary>
    private const string Processors = """
        namespace Rules
        {
            using AlaSpark;
            public sealed class Numbers : ToTableProcessor { public Numbers(long big, double ratio, byte small, decimal money, int code) { } }
            public sealed class Tags : ToTableProcessor { public Tags(string column, params string[] tags) { } }
            public sealed class Modes : ToTableProcessor { public Modes(HashAlgorithm algorithm, HashAlgorithm? other = null) { } }
            public sealed class Over : ToTableProcessor
            {
                public Over(int value) { }
                public Over(long value) { }
                public Over(object value) { }
            }
            public sealed class Boxes : ToTableProcessor { public Boxes(object value, System.Type type, char mask = '*', double ratio = 0.5, string? note = null) { } }
            public sealed class Views : ToTableProcessor { public Views(System.Collections.Generic.IReadOnlyList<string> columns) { } }
            public abstract class Abstract : ToTableProcessor { public Abstract(string column) { } }
            public sealed class Hidden : ToTableProcessor { internal Hidden(string column) { } }
        }
        """;

    private static CheckedPipeline Bind(string processor) =>
        Pipelines.WithProcessors(processor, extra: Processors);

    private static string Parameters(string processor)
    {
        var pipeline = Bind(processor);
        Assert.DoesNotContain(pipeline.Findings, f => f.Id is "ALS3002" or "ALS3003");
        return Pipelines.Parameters(Assert.Single(pipeline.Model!.Processors));
    }

    private static Finding NoConstructor(string processor)
    {
        var pipeline = Bind(processor);
        Assert.False(pipeline.IsValid);
        var finding = Pipelines.Single(pipeline, "ALS3002");
        Assert.Equal((FindingSeverity.Error, FindingTarget.Attribute, 2), (finding.Severity, finding.Target, finding.AttributeIndex));
        Assert.Null(Assert.Single(pipeline.Model!.Processors).Constructor);
        return finding;
    }

    [Theory]
    [InlineData("[Processor(typeof(AddSourceFilename))]", "column=\"source_filename\" (default)")]
    [InlineData("""[Processor(typeof(AddSourceFilename), "file")]""", "column=\"file\"")]
    [InlineData("[Processor(typeof(AddSourcePath))]", "column=\"source_path\" (default)")]
    [InlineData("[Processor(typeof(AddCurrentTimestamp))]", "column=\"processed_at\" (default)")]
    [InlineData("""[Processor(typeof(HashColumn), "email")]""", "column=\"email\", algorithm=Enum Sha256 (default)")]
    [InlineData("""[Processor(typeof(HashColumn), "email", HashAlgorithm.Md5)]""", "column=\"email\", algorithm=Enum Md5")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "event_time")]""", "column=\"d\", sourceColumn=\"event_time\", granularity=Enum Day (default)")]
    [InlineData("""[Processor(typeof(AddPartition), "m", "day", PartitionGranularity.Month)]""", "column=\"m\", sourceColumn=\"day\", granularity=Enum Month")]
    [InlineData("""[Processor(typeof(AddWatermark), "event_time", "10 minutes")]""", "eventTimeColumn=\"event_time\", delay=\"10 minutes\"")]
    [InlineData("""[Processor(typeof(DropDuplicates), new[] { "id" })]""", "columns=[\"id\"]")]
    [InlineData("""[Processor(typeof(SelectColumns), new[] { "id", "name" })]""", "columns=[\"id\", \"name\"]")]
    [InlineData("""[Processor(typeof(DropColumns), new[] { "email" })]""", "columns=[\"email\"]")]
    [InlineData("""[Processor(typeof(WithColumn), "upper_name", "upper(name)")]""", "column=\"upper_name\", expression=\"upper(name)\"")]
    [InlineData("""[Processor(typeof(FilterRows), "id > 1")]""", "condition=\"id > 1\"")]
    [InlineData("""[Processor(typeof(AlterDataType), "id", "bigint")]""", "column=\"id\", dataType=\"bigint\"")]
    [InlineData("""[Processor(typeof(JoinDataframe), "raw__x", "y", new[] { "id" })]""", "database=\"raw__x\", table=\"y\", on=[\"id\"], how=Enum Inner (default)")]
    [InlineData("""[Processor(typeof(MaskColumn), "name", 4)]""", "column=\"name\", keepLast=Int32 4, mask=Char * (default)")]
    public void Built_in_processors_bind_good_arguments(string processor, string expected)
    {
        Assert.Equal(expected, Parameters(processor));
    }

    [Theory]
    [InlineData("[Processor(typeof(HashColumn), 42)]", "argument 1, 42 (int), can't be the string 'column' of (string column, HashAlgorithm algorithm = HashAlgorithm.Sha256)")]
    [InlineData("[Processor(typeof(HashColumn))]", "the parameter 'column' of (string column, HashAlgorithm algorithm = HashAlgorithm.Sha256) has no default")]
    [InlineData("""[Processor(typeof(HashColumn), "a", "b")]""", "argument 2, \"b\" (string), can't be the HashAlgorithm 'algorithm'")]
    [InlineData("""[Processor(typeof(AddPartition), "a")]""", "the parameter 'sourceColumn'")]
    [InlineData("""[Processor(typeof(DropDuplicates), "id")]""", "argument 1, \"id\" (string), can't be the string[] 'columns'")]
    [InlineData("[Processor(typeof(DropDuplicates), new[] { 1, 2 })]", "argument 1, new[] { 1, 2 } (int[]), can't be the string[] 'columns'")]
    [InlineData("""[Processor(typeof(AddCurrentTimestamp), "a", "b")]""", "takes at most 1 argument(s), and 2 are given")]
    [InlineData("""[Processor(typeof(AlterDataType), "a", 5)]""", "argument 2, 5 (int), can't be the string 'dataType'")]
    [InlineData("[Processor(typeof(FilterRows), true)]", "argument 1, true (bool), can't be the string 'condition'")]
    [InlineData("""[Processor(typeof(WithColumn), "a", null, "b")]""", "takes at most 2 argument(s), and 3 are given")]
    [InlineData("""[Processor(typeof(AddWatermark), "event_time", 10)]""", "argument 2, 10 (int), can't be the string 'delay'")]
    public void Built_in_processors_refuse_bad_arguments_with_ALS3002(string processor, string reason)
    {
        var finding = NoConstructor(processor);

        Assert.Contains(reason, finding.Message);
        Assert.Contains("matches no public constructor", finding.Message);
    }

    [Fact]
    public void Implicit_numeric_and_constant_conversions_are_those_of_CSharp()
    {
        Assert.Equal("big=Int64 4, ratio=Double 2.5, small=Byte 7, money=Decimal 3, code=Int32 97",
            Parameters("[Processor(typeof(Rules.Numbers), 4, 2.5f, 7, 3, 'a')]"));
        Assert.Contains("argument 3, 300 (int), can't be the byte 'small'", NoConstructor("[Processor(typeof(Rules.Numbers), 4, 2, 300, 3, 1)]").Message);
        Assert.Contains("argument 1, 4.5 (double), can't be the long 'big'", NoConstructor("[Processor(typeof(Rules.Numbers), 4.5, 2, 3, 3, 1)]").Message);
        Assert.Contains("argument 4, 3.5 (double), can't be the decimal 'money'", NoConstructor("[Processor(typeof(Rules.Numbers), 4, 2, 3, 3.5, 1)]").Message);
    }

    [Fact]
    public void A_params_array_binds_expanded_normal_or_empty()
    {
        var expanded = Bind("""[Processor(typeof(Rules.Tags), "a", "x", "y")]""");
        var tags = expanded.Model!.Processors[0].Constructor!.Parameters[1];
        Assert.Equal(("[\"x\", \"y\"]", true, false, 1), (Pipelines.Value(tags.Value), tags.IsExpandedParams, tags.IsDefaulted, tags.ArgumentIndex));

        Assert.Equal("column=\"a\", tags=[] (default)", Parameters("""[Processor(typeof(Rules.Tags), "a")]"""));

        var normal = Bind("""[Processor(typeof(Rules.Tags), "a", new[] { "x", "y" })]""").Model!.Processors[0].Constructor!.Parameters[1];
        Assert.Equal(("[\"x\", \"y\"]", false, 1), (Pipelines.Value(normal.Value), normal.IsExpandedParams, normal.ArgumentIndex));

        Assert.Contains("argument 3, 1 (int), can't be an element of the params string[] 'tags'",
            NoConstructor("""[Processor(typeof(Rules.Tags), "a", "x", 1)]""").Message);
    }

    [Fact]
    public void A_lone_array_and_an_array_after_other_arguments_both_bind()
    {
        // (Type, string[]) carries the lone array; (Type, params object[]) the array after "raw__x", "y".
        Assert.Equal("columns=[\"id\", \"name\"]", Parameters("""[Processor(typeof(SelectColumns), new[] { "id", "name" })]"""));
        Assert.Equal("database=\"raw__x\", table=\"y\", on=[\"id\", \"day\"], how=Enum Left",
            Parameters("""[Processor(typeof(JoinDataframe), "raw__x", "y", new[] { "id", "day" }, JoinType.Left)]"""));
        // An explicit object[] is the arguments themselves.
        Assert.Equal("column=\"email\", algorithm=Enum Md5",
            Parameters("""[Processor(typeof(HashColumn), new object[] { "email", HashAlgorithm.Md5 })]"""));
        // A sequence interface takes an array.
        Assert.Equal("columns=[\"a\"]", Parameters("""[Processor(typeof(Rules.Views), new[] { "a" })]"""));
    }

    [Fact]
    public void Enums_bind_by_type_and_the_constant_zero_converts_to_any_enum()
    {
        Assert.Equal("algorithm=Enum Md5, other=null (default)", Parameters("[Processor(typeof(Rules.Modes), HashAlgorithm.Md5)]"));
        Assert.Equal("algorithm=Enum Sha256, other=Enum Sha512", Parameters("[Processor(typeof(Rules.Modes), 0, HashAlgorithm.Sha512)]"));
        Assert.Equal("algorithm=Enum Sha256, other=null", Parameters("[Processor(typeof(Rules.Modes), 0, null)]"));
        Assert.Contains("argument 1, 1 (int), can't be the HashAlgorithm 'algorithm'", NoConstructor("[Processor(typeof(Rules.Modes), 1)]").Message);
        Assert.Contains("argument 1, JoinType.Left (JoinType), can't be", NoConstructor("[Processor(typeof(Rules.Modes), JoinType.Left)]").Message);
    }

    [Fact]
    public void Types_chars_and_objects_bind_and_overloads_pick_the_better_constructor()
    {
        Assert.Equal("column=\"payload\", schema=Type global::Input", Parameters("""[Processor(typeof(ParseJson), "payload", typeof(Input))]"""));
        Assert.Equal("column=\"payload\", ddlSchema=\"a INT\"", Parameters("""[Processor(typeof(ParseJson), "payload", "a INT")]"""));
        Assert.Contains("the call is ambiguous between (string column, Type schema) and (string column, string ddlSchema)",
            NoConstructor("""[Processor(typeof(ParseJson), "payload", null)]""").Message);

        Assert.Equal("value=Int32 5", Parameters("[Processor(typeof(Rules.Over), 5)]"));
        Assert.Equal("value=Int64 5", Parameters("[Processor(typeof(Rules.Over), 5L)]"));
        Assert.Equal("value=\"x\"", Parameters("""[Processor(typeof(Rules.Over), "x")]"""));
        Assert.Equal("value=Int32 5", Parameters("[Processor(typeof(Rules.Over), (short)5)]"));

        Assert.Equal("value=Int32 1, type=Type string, mask=Char * (default), ratio=Double 0.5 (default), note=null (default)",
            Parameters("[Processor(typeof(Rules.Boxes), 1, typeof(string))]"));
        Assert.Equal("value=\"v\", type=Type int, mask=Char #, ratio=Double 2, note=\"n\"",
            Parameters("""[Processor(typeof(Rules.Boxes), "v", typeof(int), '#', 2, "n")]"""));
    }

    [Fact]
    public void Abstract_inaccessible_and_constructorless_processors_do_not_bind()
    {
        Assert.Contains("Abstract is abstract", NoConstructor("""[Processor(typeof(Rules.Abstract), "a")]""").Message);
        Assert.Contains("Hidden has no public constructor", NoConstructor("""[Processor(typeof(Rules.Hidden), "a")]""").Message);
    }

    [Fact]
    public void A_private_processor_nested_in_the_pipeline_class_binds()
    {
        var pipeline = Pipelines.Check("Mine", """
            using AlaSpark;
            [Pipeline("p")][CsvSource("raw__a", "b")][Processor(typeof(Mine.Secret))][DeltaSink("cooked__a", "b")]
            public partial class Mine { [PreservesSchema] private sealed class Secret : ToTableProcessor { } }
            """);

        Assert.Equal("", Pipelines.Parameters(Assert.Single(pipeline.Model!.Processors)));
        Assert.True(pipeline.IsValid, string.Join("\n", Pipelines.Findings(pipeline)));
    }

    [Theory]
    [InlineData("[Processor(typeof(Input))]", "Input")]
    [InlineData("[Processor(typeof(string))]", "string")]
    public void A_type_that_is_not_a_processor_is_ALS3003_at_the_type(string processor, string shown)
    {
        var pipeline = Bind(processor);

        var finding = Pipelines.Single(pipeline, "ALS3003");
        Assert.Equal((FindingTarget.ProcessorType, 2), (finding.Target, finding.AttributeIndex));
        Assert.StartsWith(shown + " does not derive from AlaSpark.ToTableProcessor", finding.Message);
        Assert.False(pipeline.IsValid);
        Assert.DoesNotContain(pipeline.Findings, f => f.Id == "ALS3002");
    }

    [Fact]
    public void A_ToManyTablesProcessor_is_ALS3003_with_a_message_that_says_how_to_split_tables()
    {
        var pipeline = Bind("[Processor(typeof(Relationalize))]");

        var finding = Pipelines.Single(pipeline, "ALS3003");
        Assert.Equal((FindingTarget.ProcessorType, 2), (finding.Target, finding.AttributeIndex));
        Assert.StartsWith("AlaSpark.Relationalize is a ToManyTablesProcessor", finding.Message);
        Assert.Contains("PipelineDefinition.Apply(new Relationalize(...))", finding.Message);
        Assert.False(pipeline.IsValid);
    }

    [Fact]
    public void An_unknown_processor_is_a_compiler_error_and_generates_nothing()
    {
        var compilation = TestCompilation.Create(Samples.GlobalUsings, """
            using AlaSpark;
            [Pipeline("p")][CsvSource("raw__a", "b")][Processor(typeof(Unknown), "a")][DeltaSink("cooked__a", "b")]
            public partial class P;
            """);

        var pipeline = Pipelines.CheckIn(compilation, "P");
        var (_, output, _) = TestCompilation.Run(compilation);

        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0246");
        Assert.True(pipeline.HasUnreadableAttributes);
        Assert.Empty(pipeline.Findings);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_processor_that_does_not_bind_generates_nothing()
    {
        var compilation = TestCompilation.Create(Samples.GlobalUsings, """
            using AlaSpark;
            [Pipeline("p")][CsvSource("raw__a", "b")][Processor(typeof(HashColumn), 42)][DeltaSink("cooked__a", "b")]
            public partial class P;
            """);

        var (_, output, diagnostics) = TestCompilation.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_code_passes_the_arguments_converted_and_named_and_compiles_against_the_runtime()
    {
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, """
            using AlaSpark;
            namespace Rules
            {
                public sealed class Numbers(long big, double ratio, byte small, decimal money, int code) : ToTableProcessor
                {
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                    public override string DescribeArguments() => $"{big} {ratio} {small} {money} {code}";
                }
                public sealed class Over : ToTableProcessor
                {
                    public Over(int value) { }
                    public Over(long value) { }
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                }
                public sealed class Tags(string column, params string[] tags) : ToTableProcessor
                {
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                    public override string DescribeArguments() => column + ":" + string.Join("|", tags);
                }
            }
            [Pipeline("p")][CsvSource("raw__a", "b")]
            [Processor(typeof(Rules.Numbers), 4, 2.5f, 7, 3, 'a')]
            [Processor(typeof(Rules.Over), 5L)]
            [Processor(typeof(Rules.Tags), "a", "x", "y")]
            [Processor(typeof(HashColumn), "email", 0)]
            [DeltaSink("cooked__a", "b")]
            public partial class P;
            """);

        var (_, output, diagnostics) = TestCompilation.Run(compilation);

        Assert.Empty(diagnostics);
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(".Apply(new global::Rules.Numbers(big: 4L, ratio: 2.5D, small: (byte)7, money: 3M, code: 97))", generated);
        Assert.Contains(".Apply(new global::Rules.Over(value: 5L))", generated);
        Assert.Contains(".Apply(new global::Rules.Tags(column: \"a\", tags: new string[] { \"x\", \"y\" }))", generated);
        Assert.Contains(".Apply(new global::AlaSpark.HashColumn(column: \"email\", algorithm: global::AlaSpark.HashAlgorithm.Sha256))", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
