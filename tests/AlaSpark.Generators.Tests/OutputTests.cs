using System.Reflection;
using AlaSpark.Types;

namespace AlaSpark.Generators.Tests;

/// <summary>The generated Output and OutputRow for column names that don't map simply to C# names, and for odd class names.</summary>
public class OutputTests
{
    private const string Source = """
        using AlaSpark;
        namespace Odd;
        public sealed record Raw(string Name);
        [Pipeline("odd_names")]
        [CsvSource("raw__odd", "names", Schema = typeof(Raw))]
        [Processor(typeof(WithColumn), "a__b", "1")]
        [Processor(typeof(WithColumn), "a_b", "2")]
        [Processor(typeof(WithColumn), "1st", "'first'")]
        [Processor(typeof(WithColumn), "to_string", "true")]
        [Processor(typeof(WithColumn), "output_row", "2.5D")]
        [Processor(typeof(WithColumn), "Ünïcode_name", "7L")]
        [Processor(typeof(WithColumn), "guess", "name || '!'")]
        [DeltaSink("cooked__odd", "names")]
        public partial class OddPipeline;
        """;

    [Fact]
    public void Column_names_become_unique_valid_properties_that_read_back_to_their_columns()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, Source));
        Assert.Empty(diagnostics);
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToString();
        var pipeline = TempLake.Load(output).GetType("Odd.OddPipeline", throwOnError: true)!;

        var outputType = pipeline.GetNestedType("Output")!;
        Assert.Equal(
            ["Name Column`1", "AB Column`1", "AB2 Column`1", "Column1st Column`1", "ToStringColumn Column`1", "OutputRowColumn Column`1", "ÜnïcodeName Column`1", "Guess Column"],
            outputType.GetProperties().Select(p => p.Name + " " + p.PropertyType.Name));
        Assert.Contains("[global::AlaSpark.Column(\"a__b\")] int AB,", generated);
        Assert.Contains("[global::AlaSpark.Column(\"a_b\")] int AB2,", generated);
        Assert.Contains("object? Guess);", generated);

        var rowType = pipeline.GetNestedType("OutputRow")!;
        var schema = new StructType(
            new StructField("name", StringType.Instance), new StructField("a__b", IntegerType.Instance), new StructField("a_b", IntegerType.Instance),
            new StructField("1st", StringType.Instance), new StructField("to_string", BooleanType.Instance), new StructField("output_row", DoubleType.Instance),
            new StructField("Ünïcode_name", LongType.Instance), new StructField("guess", StringType.Instance));
        var row = new Row(schema, ["n", 1, 2, "first", true, 2.5, 7L, "n!"]);
        var record = typeof(Row).GetMethod(nameof(Row.As))!.MakeGenericMethod(rowType).Invoke(row, null)!;
        Assert.Equal(
            "OutputRow { Name = n, AB = 1, AB2 = 2, Column1st = first, ToStringColumn = True, OutputRowColumn = 2.5, ÜnïcodeName = 7, Guess = n! }",
            record.ToString());
        Assert.Equal("a__b", ((Column)outputType.GetProperty("AB")!.GetValue(null)!).ToString());
    }

    [Fact]
    public void A_pipeline_class_named_Output_gets_no_nested_Output()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, """
            using AlaSpark;
            public sealed record Raw(string Name);
            [Pipeline("output")][CsvSource("raw__a", "b", Schema = typeof(Raw))][DeltaSink("cooked__a", "b")]
            public partial class Output;
            """));

        Assert.Empty(diagnostics);
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("// No Output or OutputRow: a class named Output can't contain a type of its own name.", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
