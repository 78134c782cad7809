using System.Text.RegularExpressions;
using AlaSpark.Catalog;
using AlaSpark.Types;
using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>
/// Every processor of the catalogue at once: each is documented, and each gives on an empty input the schema it gives
/// on data (the schema at a step never depends on the rows), with no row.
/// </summary>
public partial class ProcessorCatalogueTests
{
    private const string Ddl =
        "id INT, name STRING, email STRING, amount DOUBLE, qty INT, event_time TIMESTAMP, raw_time STRING, payload STRING, " +
        "tags ARRAY<STRING>, customer STRUCT<city: STRING, zip: STRING>";

    private const string Row = """
        {"id": 1, "name": " Zoë ", "email": "zoë@exämple.com", "amount": 1.5, "qty": 2, "event_time": "2026-03-01T10:00:00Z", "raw_time": "2026-03-01 11:00", "payload": "{\"a\": 7}", "tags": ["日本", null], "customer": {"city": "Zürich", "zip": null}}
        """;

    /// <summary>One instance of every processor, with arguments that fit the table above (partitioned by <c>event_date</c>).</summary>
    private static readonly Dictionary<string, Func<ProcessorBase>> Processors = new()
    {
        ["AddPartition"] = () => new AddPartition("event_hour", "event_time", PartitionGranularity.Hour),
        ["SelectColumns"] = () => new SelectColumns(["id", "name"]),
        ["DropColumns"] = () => new DropColumns(["email"]),
        ["WithColumn"] = () => new WithColumn("double_qty", "qty * 2"),
        ["FilterRows"] = () => new FilterRows("qty > 0"),
        ["HashColumn"] = () => new HashColumn("email"),
        ["AddCurrentTimestamp"] = () => new AddCurrentTimestamp(),
        ["AddSourceFilename"] = () => new AddSourceFilename(),
        ["AddSourcePath"] = () => new AddSourcePath(),
        ["DropDuplicates"] = () => new DropDuplicates(["id"]),
        ["AddWatermark"] = () => new AddWatermark("event_time", "10 minutes"),
        ["AlterDataType"] = () => new AlterDataType("qty", "bigint"),
        ["DropPartition"] = () => new DropPartition("event_date"),
        ["JoinDataframe"] = () => new JoinDataframe("cooked__shop", "tiers", ["id"], JoinType.Left),
        ["UnionDataframe"] = () => new UnionDataframe("cooked__shop", "extras", allowMissingColumns: true),
        ["DeduplicateMicrobatch"] = () => new DeduplicateMicrobatch(["id"], "event_time"),
        ["MaskColumn"] = () => new MaskColumn("email", 4),
        ["NullColumn"] = () => new NullColumn("name"),
        ["ReplaceCharacter"] = () => new ReplaceCharacter("name", "[aeiou]", "*"),
        ["FlattenSchema"] = () => new FlattenSchema(),
        ["ParseJson"] = () => new ParseJson("payload", "a INT"),
        ["ExplodeColumn"] = () => new ExplodeColumn("tags"),
        ["Relationalize"] = () => new Relationalize(),
        ["RenameColumns"] = () => new RenameColumns(["name=full_name", "event_date=day"]),
        ["CastColumns"] = () => new CastColumns(["qty=string", "amount=decimal(10,2)"]),
        ["FillNulls"] = () => new FillNulls(["name=unknown", "qty=0"]),
        ["TrimStrings"] = () => new TrimStrings([]),
        ["StandardiseColumnNames"] = () => new StandardiseColumnNames(),
        ["AddIngestionDate"] = () => new AddIngestionDate(),
        ["AddSurrogateKey"] = () => new AddSurrogateKey("order_key", ["id", "name"]),
        ["AddRowHash"] = () => new AddRowHash("row_hash", []),
        ["SplitColumn"] = () => new SplitColumn("email", "@", ["user", "domain"]),
        ["ExtractJsonField"] = () => new ExtractJsonField("payload", "$.a", "a"),
        ["CoalesceColumns"] = () => new CoalesceColumns("contact", ["email", "name"]),
        ["RegexExtract"] = () => new RegexExtract("email", "@(.+)$", 1, "domain"),
        ["ParseTimestamp"] = () => new ParseTimestamp("raw_time", "yyyy-MM-dd HH:mm"),
        ["ConvertTimezone"] = () => new ConvertTimezone("event_time", "UTC", "Europe/Paris"),
        ["FilterNulls"] = () => new FilterNulls(["name"]),
        ["AddConstantColumn"] = () => new AddConstantColumn("batch", "7", "int"),
        ["SortRows"] = () => new SortRows(["id DESC"]),
        ["LimitRows"] = () => new LimitRows(5),
    };

    private static IEnumerable<Type> ProcessorTypes() => typeof(ProcessorBase).Assembly.GetExportedTypes()
        .Where(t => t.IsSubclassOf(typeof(ProcessorBase)) && !t.IsAbstract);

    public static TheoryData<string> Names() => [.. Processors.Keys];

    [Fact]
    public void Every_processor_type_is_in_this_test_and_the_catalogue_has_35_or_more()
    {
        Assert.Equal(ProcessorTypes().Select(t => t.Name).Order(StringComparer.Ordinal), Processors.Keys.Order(StringComparer.Ordinal));
        Assert.True(Processors.Count >= 35, $"{Processors.Count} processors");
    }

    [Fact]
    public void Every_processor_is_documented_with_its_constructors_and_the_count_is_right()
    {
        var doc = File.ReadAllText(DocsFile());
        foreach (var type in ProcessorTypes())
        {
            Assert.True(doc.Contains($"| `{type.Name}` |", StringComparison.Ordinal), $"docs/processors.md has no row for {type.Name}");
            foreach (var constructor in type.GetConstructors())
            {
                var parameters = string.Join(", ", constructor.GetParameters().Select(p => p.Name));
                Assert.True(constructor.GetParameters().All(p => doc.Contains(p.Name!, StringComparison.Ordinal)),
                    $"docs/processors.md does not name the parameters of {type.Name}({parameters})");
            }
        }
        Assert.Matches(CountLine(), doc);
        Assert.Equal(ProcessorTypes().Count().ToString(System.Globalization.CultureInfo.InvariantCulture), CountLine().Match(doc).Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void An_empty_input_gives_no_row_and_the_schema_it_gives_on_data(string name)
    {
        using var lake = new LocalLake();
        RegisterOtherTables(lake);
        var withData = Tables(lake, Row);
        var empty = Tables(lake, "");
        for (var i = 0; i < withData.Count; i++)
        {
            Assert.Equal(Schema(withData[i]), Schema(empty[i]));
            Assert.Equal(withData[i].PartitionColumns, empty[i].PartitionColumns);
            Assert.Empty(Rows(empty[i]));
            Assert.Equal(name, empty[i].Lineage[^1].Processor);
        }
        Assert.NotEmpty(withData.SelectMany(Rows));

        List<ProcessedTable> Tables(LocalLake l, string json)
        {
            var table = FromJson(l, Ddl, json).Apply(new AddPartition("event_date", "event_time"));
            return Processors[name]() switch
            {
                ToManyTablesProcessor split => [.. table.Apply(split)],
                ToTableProcessor processor => [table.Apply(processor)],
                var other => throw new InvalidOperationException(other.Name),
            };
        }
    }

    private static void RegisterOtherTables(LocalLake lake)
    {
        lake.Session.Catalog.CreateDatabaseIfNotExists("cooked__shop");
        foreach (var (name, ddl, json) in new[] { ("tiers", "id INT, tier INT", """{"id": 1, "tier": 2}"""), ("extras", "id INT, extra STRING", "") })
        {
            var file = lake.File($"tables/{name}/part-0.json", json);
            lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("cooked__shop", name, Path.GetDirectoryName(file)!, "json", StructType.FromDdl(ddl)));
        }
    }

    /// <summary>docs/processors.md, found from the test's folder up to the repository root.</summary>
    private static string DocsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "processors.md");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("docs/processors.md was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"The catalogue has (\d+) processors")]
    private static partial Regex CountLine();
}
