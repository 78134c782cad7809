using AlaSpark.Analyzers.Tests.Support;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// Every processor of the runtime's catalogue, given a wrong argument in a pipeline: the analyzer reports it
/// (a missing column ALS3001, arguments that fit no constructor ALS3002, not a ToTableProcessor ALS3003,
/// a column of the wrong type ALS3004, a value the processor can't use ALS3006) on the processor's line.
/// </summary>
public class CatalogueArgumentTests
{
    /// <summary>Processor, its attribute's arguments after the type, the id expected.</summary>
    public static TheoryData<string, string, string> WrongArguments => new()
    {
        { "AddCurrentTimestamp", "1", "ALS3002" },
        { "AddConstantColumn", "\"c\", \"x\", \"not a type\"", "ALS3006" },
        { "AddIngestionDate", "1", "ALS3002" },
        { "AddPartition", "\"d\", \"missing\"", "ALS3001" },
        { "AddRowHash", "\"h\", new[] { \"missing\" }", "ALS3001" },
        { "AddSourceFilename", "1", "ALS3002" },
        { "AddSourcePath", "1", "ALS3002" },
        { "AddSurrogateKey", "\"sk\", new[] { \"missing\" }", "ALS3001" },
        { "AddWatermark", "\"name\", \"10 minutes\"", "ALS3004" },
        { "AlterDataType", "\"missing\", \"int\"", "ALS3001" },
        { "CastColumns", "new[] { \"missing=int\" }", "ALS3001" },
        { "CoalesceColumns", "\"c\", new[] { \"missing\" }", "ALS3001" },
        { "ConvertTimezone", "\"name\", \"UTC\", \"Europe/London\"", "ALS3004" },
        { "DeduplicateMicrobatch", "new[] { \"missing\" }, \"event_time\"", "ALS3001" },
        { "DropColumns", "new[] { \"missing\" }", "ALS3001" },
        { "DropDuplicates", "new[] { \"missing\" }", "ALS3001" },
        { "DropPartition", "\"missing\"", "ALS3001" },
        { "ExplodeColumn", "\"name\"", "ALS3004" },
        { "ExtractJsonField", "\"missing\", \"$.a\", \"a\"", "ALS3001" },
        { "FillNulls", "\"missing\", \"x\"", "ALS3001" },
        { "FilterNulls", "new[] { \"missing\" }", "ALS3001" },
        { "FilterRows", "true", "ALS3002" },
        { "FlattenSchema", "1", "ALS3002" },
        { "HashColumn", "\"id\"", "ALS3004" },
        { "JoinDataframe", "\"raw__other\", \"t\", new[] { \"missing\" }", "ALS3001" },
        { "LimitRows", "\"ten\"", "ALS3002" },
        { "MaskColumn", "\"id\"", "ALS3004" },
        { "NullColumn", "\"missing\"", "ALS3001" },
        { "ParseJson", "\"id\", \"a INT\"", "ALS3004" },
        { "ParseTimestamp", "\"id\", \"yyyy-MM-dd\"", "ALS3004" },
        { "Relationalize", "", "ALS3003" },
        { "RegexExtract", "\"missing\", \"a\", 0, \"t\"", "ALS3001" },
        { "RenameColumns", "new[] { \"missing=x\" }", "ALS3001" },
        { "ReplaceCharacter", "\"id\", \"a\", \"b\"", "ALS3004" },
        { "SelectColumns", "new[] { \"missing\" }", "ALS3001" },
        { "SortRows", "new[] { \"missing\" }", "ALS3001" },
        { "SplitColumn", "\"id\", \",\", new[] { \"a\", \"b\" }", "ALS3004" },
        { "StandardiseColumnNames", "1", "ALS3002" },
        { "TrimStrings", "new[] { \"id\" }", "ALS3004" },
        { "UnionDataframe", "\"raw__other\", 42", "ALS3002" },
        { "WithColumn", "1, \"x\"", "ALS3002" },
    };

    [Theory]
    [MemberData(nameof(WrongArguments))]
    public async Task A_wrong_argument_is_reported_on_the_processor(string processor, string arguments, string id)
    {
        var attribute = $"[Processor(typeof({processor}){(arguments.Length == 0 ? "" : ", " + arguments)})]";
        var source = $$"""
            using AlaSpark;
            public sealed record Event(int Id, string Name, string? Note, DateTime EventTime, string[] Tags);
            [Pipeline("p")]
            [CsvSource("raw__t", "t", Schema = typeof(Event))]
            {{attribute}}
            [DeltaSink("cooked__t", "t")]
            public partial class P;
            """;

        var (diagnostics, exceptions) = await TestCompilation.AnalyzeAsync(TestCompilation.Create(source));

        Assert.Empty(exceptions);
        var reported = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(reported.Count > 0, $"{attribute}: expected {id}, got {string.Join(", ", diagnostics.Select(d => d.Id + " " + d.GetMessage()))}");
        // On the processor's attribute (line 5), nowhere else.
        Assert.All(reported, d => Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line));
    }

    [Fact]
    public void Every_processor_of_the_runtime_has_a_wrong_argument_case()
    {
        var processors = typeof(ToTableProcessor).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsPublic && (typeof(ToTableProcessor).IsAssignableFrom(t) || typeof(ToManyTablesProcessor).IsAssignableFrom(t)))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(processors, WrongArguments.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }
}
