using AlaSpark.Analyzers.Locating;
using AlaSpark.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// <see cref="AttributeLocator"/>: from a class, an attribute index and an argument to the text of the
/// argument, for every way an argument can be written.
/// </summary>
public class AttributeLocatorTests
{
    private const string Pipeline = """
        public sealed class Custom(string a, string b, string[] c, int d) : ToTableProcessor
        {
            public override ProcessedTable Apply(ProcessedTable table) => table;
        }

        [Pipeline("p")]                                                                     // 0
        [CsvSource(table: "t", database: "raw__d", Schema = typeof(Row))]                   // 1
        [Processor(typeof(HashColumn), "user_email")]                                       // 2
        [Processor(typeof(AddPartition), "day", "event_time", PartitionGranularity.Month)]  // 3
        [Processor(typeof(DropDuplicates), new[] { "a", "b" })]                             // 4
        [Processor(typeof(Custom), "raw__x", "y", new[] { "id" }, 3)]                       // 5
        [Processor(typeof(AddCurrentTimestamp), new object[] { "at" })]                     // 6
        [Processor(typeof(AddSourceFilename))]                                              // 7
        [DeltaSink("cooked__d", "t", PartitionBy = new[] { "x", "y" })]                     // 8
        [DeltaSink("cooked__d", "u", PartitionBy = ["x", "y"], Trigger = "once")]           // 9
        [Processor(typeof(Custom), new object[] { "raw__x", "y", new[] { "id", "key" }, 3 })]   // 10
        [Processor(processor: typeof(DropDuplicates), columns: new[] { "a", "b" })]           // 11
        public partial class P;

        public sealed record Row(string UserEmail, DateTime EventTime);
        """;

    [Theory]
    [InlineData(0, "constructor", 0, -1, "\"p\"")]
    [InlineData(1, "constructor", 0, -1, "\"raw__d\"")]
    [InlineData(1, "constructor", 1, -1, "\"t\"")]
    [InlineData(1, "Schema", -1, -1, "typeof(Row)")]
    [InlineData(2, "constructor", 0, -1, "typeof(HashColumn)")]
    [InlineData(2, "processor", 0, -1, "\"user_email\"")]
    [InlineData(3, "processor", 2, -1, "PartitionGranularity.Month")]
    [InlineData(3, "constructor", 1, -1, "\"day\", \"event_time\", PartitionGranularity.Month")]
    [InlineData(4, "processor", 0, 1, "\"b\"")]
    [InlineData(4, "processor", 0, -1, "new[] { \"a\", \"b\" }")]
    [InlineData(4, "constructor", 1, 1, "\"b\"")]
    [InlineData(4, "constructor", 1, -1, "new[] { \"a\", \"b\" }")]
    [InlineData(5, "processor", 2, -1, "new[] { \"id\" }")]
    [InlineData(5, "processor", 2, 0, "\"id\"")]
    [InlineData(5, "processor", 3, -1, "3")]
    [InlineData(6, "processor", 0, -1, "\"at\"")]
    [InlineData(10, "processor", 1, -1, "\"y\"")]
    [InlineData(10, "processor", 2, 1, "\"key\"")]
    [InlineData(11, "processor", 0, 0, "\"a\"")]
    [InlineData(8, "PartitionBy", -1, 1, "\"y\"")]
    [InlineData(8, "PartitionBy", -1, -1, "new[] { \"x\", \"y\" }")]
    [InlineData(9, "PartitionBy", -1, 0, "\"x\"")]
    [InlineData(9, "Trigger", -1, -1, "\"once\"")]
    public void An_argument_is_located_on_its_expression(int attribute, string kind, int index, int element, string expected)
    {
        var argument = kind switch
        {
            "constructor" => AttributeArgument.Constructor(index, element),
            "processor" => AttributeArgument.ProcessorArgument(index, element),
            _ => AttributeArgument.Named(kind, element),
        };

        Assert.Equal(expected, LocatedText(attribute, argument));
    }

    [Theory]
    [InlineData(7, "processor", 0, "Processor(typeof(AddSourceFilename))")]
    [InlineData(8, "Trigger", -1, "DeltaSink(\"cooked__d\", \"t\", PartitionBy = new[] { \"x\", \"y\" })")]
    [InlineData(2, "processor", 5, "Processor(typeof(HashColumn), \"user_email\")")]
    [InlineData(4, "processor", 1, "Processor(typeof(DropDuplicates), new[] { \"a\", \"b\" })")]
    public void An_argument_that_is_not_written_falls_back_to_the_attribute(int attribute, string kind, int index, string expected)
    {
        var argument = kind == "processor" ? AttributeArgument.ProcessorArgument(index) : AttributeArgument.Named(kind);

        Assert.Equal(expected, LocatedText(attribute, argument));
    }

    [Fact]
    public void An_element_past_the_end_of_a_written_array_falls_back_to_the_array() =>
        Assert.Equal("new[] { \"x\", \"y\" }", LocatedText(8, AttributeArgument.Named("PartitionBy", 7)));

    [Fact]
    public void The_whole_attribute_is_its_syntax_without_brackets() =>
        Assert.Equal("Pipeline(\"p\")", LocatedText(0, AttributeArgument.Attribute));

    [Fact]
    public void An_attribute_index_out_of_range_falls_back_to_the_class_name()
    {
        Assert.Equal("P", LocatedText(42, AttributeArgument.Constructor(0)));
        Assert.Equal("P", LocatedText(-1, AttributeArgument.Constructor(0)));
    }

    [Fact]
    public void Attribute_indexes_follow_source_order_across_partial_declarations()
    {
        var compilation = TestCompilation.Create("""
            [Pipeline("p")]
            public partial class P;

            [CsvSource("raw__a", "b")]
            [DeltaSink("cooked__a", "b")]
            public partial class P;
            """);
        var type = compilation.GetTypeByMetadataName("P")!;

        var located = AttributeLocator.Locate(type, 2, AttributeArgument.Constructor(0), CancellationToken.None);

        Assert.Equal("\"cooked__a\"", Text(located));
    }

    [Fact]
    public void Arguments_name_themselves_in_words()
    {
        Assert.Equal("processor argument 2", AttributeArgument.ProcessorArgument(2).ToString());
        Assert.Equal("processor argument 0 element 1", AttributeArgument.ProcessorArgument(0, 1).ToString());
        Assert.Equal("constructor argument 1 element 2", AttributeArgument.Constructor(1, 2).ToString());
        Assert.Equal(AttributeArgument.ProcessorArgument(3), AttributeArgument.ProcessorArgument(3, 1).WholeArgument);
        Assert.NotEqual(AttributeArgument.ProcessorArgument(0, 1), AttributeArgument.Constructor(1, 1));
        Assert.Equal("PartitionBy", AttributeArgument.Named("PartitionBy").ToString());
        Assert.Equal(AttributeArgument.Named("PartitionBy"), AttributeArgument.Named("PartitionBy", 3).WholeArgument);
        Assert.True(AttributeArgument.Attribute.IsAttribute);
    }

    private static string LocatedText(int attribute, AttributeArgument argument)
    {
        var compilation = TestCompilation.Create(Pipeline);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = compilation.GetTypeByMetadataName("P")!;
        return Text(AttributeLocator.Locate(type, attribute, argument, CancellationToken.None));
    }

    private static string Text(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);
}
