using System.Security.Cryptography;
using System.Text;
using static AlaSpark.Functions;
using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>Relationalize on nested JSON read from a file: the tables, their keys and links, and writing them all.</summary>
public class RelationalizeTests
{
    private const string Ddl =
        "id INT, customer STRUCT<name: STRING, addresses: ARRAY<STRUCT<city: STRING, zip: STRING>>>, " +
        "items ARRAY<STRUCT<sku: STRING, qty: INT, tags: ARRAY<STRING>>>, matrix ARRAY<ARRAY<INT>>, attrs MAP<STRING, STRING>";

    // Order 3 appears twice, equal in every column.
    private const string Json = """
        {"id": 1, "customer": {"name": "Zoë", "addresses": [{"city": "Zürich", "zip": "8001"}, {"city": null, "zip": null}]}, "items": [{"sku": "A-1", "qty": 2, "tags": ["new", "日本"]}, {"sku": "B-2", "qty": null, "tags": []}], "matrix": [[1, 2], [3]], "attrs": {"k": "v"}}
        {"id": 2, "customer": null, "items": [], "matrix": null, "attrs": null}
        {"id": 3, "customer": {"name": "Ann", "addresses": null}, "items": [null, {"sku": "C-3", "qty": 1, "tags": null}], "matrix": [[]], "attrs": {}}
        {"id": 3, "customer": {"name": "Ann", "addresses": null}, "items": [null, {"sku": "C-3", "qty": 1, "tags": null}], "matrix": [[]], "attrs": {}}
        """;

    private static ProcessedTable Orders(LocalLake lake) => FromJson(lake, Ddl, Json);

    private static Dictionary<string, ProcessedTable> Split(ProcessedTable table, string suffix = "root") =>
        table.Apply(new Relationalize(suffix)).ToDictionary(t => t.Suffix!);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static List<string> Rows(DataFrame frame) =>
        frame.Collect().Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Each_array_becomes_a_table_named_after_its_path_with_the_root_first_and_parents_before_children()
    {
        using var lake = new LocalLake();
        var outputs = Orders(lake).Apply(new Relationalize());
        Assert.Equal(["root", "customer_addresses", "items", "items_tags", "matrix", "matrix_value"], outputs.Select(o => o.Suffix));
        Assert.Equal(["orders_root", "orders_customer_addresses", "orders_items", "orders_items_tags", "orders_matrix", "orders_matrix_value"], outputs.Select(o => o.Name));
        Assert.Equal([null, "root", "root", "items", "root", "matrix"], outputs.Select(o => o.Parent?.ParentSuffix));
        Assert.Equal([null, "root_id", "root_id", "items_id", "root_id", "matrix_id"], outputs.Select(o => o.Parent?.KeyColumn));
        Assert.All(outputs, o => Assert.Equal("Relationalize(\"root\")", o.Lineage[^1].ToString()));

        var tables = outputs.ToDictionary(t => t.Suffix!);
        Assert.Equal("root_id string, id int, customer_name string, attrs map<string,string>", Schema(tables["root"]));
        Assert.Equal("root_id string, customer_addresses_index int, customer_addresses_id string, city string, zip string", Schema(tables["customer_addresses"]));
        Assert.Equal("root_id string, items_index int, items_id string, sku string, qty int", Schema(tables["items"]));
        Assert.Equal("items_id string, items_tags_index int, items_tags_id string, value string", Schema(tables["items_tags"]));
        Assert.Equal("root_id string, matrix_index int, matrix_id string", Schema(tables["matrix"]));
        Assert.Equal("matrix_id string, matrix_value_index int, matrix_value_id string, value int", Schema(tables["matrix_value"]));
    }

    [Fact]
    public void The_root_key_is_the_hash_of_the_whole_row_and_a_child_key_the_hash_of_its_parent_key_and_index()
    {
        using var lake = new LocalLake();
        var input = Orders(lake);
        var tables = Split(input);
        var all = input.DataFrame.Columns.ToArray();
        var expected = input.Apply(new AddSurrogateKey("k", all)).DataFrame.Select("id", "k").Collect()
            .Select(r => $"{r[0]}|{r[1]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Rows(tables["root"].DataFrame.Select("id", "root_id")));
        Assert.Equal(4, tables["root"].DataFrame.Count());
        Assert.Equal(3, tables["root"].DataFrame.Select("root_id").Distinct().Count());

        foreach (var row in tables["items"].DataFrame.Collect())
            Assert.Equal(Sha256($"64:{row["root_id"]}1:{row["items_index"]}"), row["items_id"]);
        foreach (var row in tables["items_tags"].DataFrame.Collect())
            Assert.Equal(Sha256($"64:{row["items_id"]}1:{row["items_tags_index"]}"), row["items_tags_id"]);
        Assert.Equal(Rows(tables["items"].DataFrame), Rows(Split(Orders(lake))["items"].DataFrame));
    }

    [Fact]
    public void Child_rows_link_to_their_parents_and_rows_equal_in_every_column_share_their_children()
    {
        using var lake = new LocalLake();
        var tables = Split(Orders(lake));
        var root = tables["root"].DataFrame.Select("root_id", "id").Distinct();
        var items = tables["items"].DataFrame.Join(root, ["root_id"]).Select("id", "items_index", "sku", "qty");
        Assert.Equal(["1|0|A-1|2", "1|1|B-2|NULL", "3|0|NULL|NULL", "3|1|C-3|1"], Rows(items));

        var tags = tables["items_tags"].DataFrame.Join(tables["items"].DataFrame, ["items_id"]).Join(root, ["root_id"]).Select("id", "sku", "items_tags_index", "value");
        Assert.Equal(["1|A-1|0|new", "1|A-1|1|日本"], Rows(tags));

        var addresses = tables["customer_addresses"].DataFrame.Join(root, ["root_id"]).Select("id", "customer_addresses_index", "city", "zip");
        Assert.Equal(["1|0|Zürich|8001", "1|1|NULL|NULL"], Rows(addresses));

        var cells = tables["matrix_value"].DataFrame.Join(tables["matrix"].DataFrame, ["matrix_id"]).Join(root, ["root_id"])
            .Select("id", "matrix_index", "matrix_value_index", "value");
        Assert.Equal(["1|0|0|1", "1|0|1|2", "1|1|0|3"], Rows(cells));
        Assert.Equal(3, tables["matrix"].DataFrame.Count());
        Assert.Equal(["1|Zoë|{k -> v}", "2|NULL|NULL", "3|Ann|{}", "3|Ann|{}"], Rows(tables["root"].DataFrame.Select("id", "customer_name", "attrs")));
    }

    [Fact]
    public void The_root_keeps_the_partitions_and_a_table_without_arrays_gives_the_root_alone()
    {
        using var lake = new LocalLake();
        var flat = FromRows(lake, "id INT, t TIMESTAMP", [1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)]).Apply(new AddPartition("day", "t"));
        var only = Assert.Single(flat.Apply(new Relationalize("main")));
        Assert.Equal("main", only.Suffix);
        Assert.Equal("main_id string, id int, t timestamp, day date", Schema(only));
        Assert.Equal(["day"], only.PartitionColumns);

        var partitioned = Split(Orders(lake).Apply(new AddConstantColumn("day", "2026-01-01", "date")).Apply(new AddPartition("day", "day")));
        Assert.Equal(["day"], partitioned["root"].PartitionColumns);
        Assert.Empty(partitioned["items"].PartitionColumns);

        var empty = Split(FromJson(lake, Ddl, ""));
        Assert.Equal(6, empty.Count);
        Assert.All(empty.Values, t => Assert.Equal(0, t.DataFrame.Count()));
    }

    [Fact]
    public void Names_that_collide_and_a_suffix_that_is_not_snake_case_are_refused()
    {
        Assert.Contains("rootTableSuffix \"Root Table\" is not snake_case", ConstructorFailure(() => new Relationalize("Root Table")));
        Assert.Contains("write it as \"root_table\"", ConstructorFailure(() => new Relationalize("Root Table")));
        using var lake = new LocalLake();
        var clash = FromJson(lake, "root_id STRING, items ARRAY<INT>", """{"root_id": "x", "items": [1]}""");
        var error = Assert.Throws<AlaSparkException>(() => clash.Apply(new Relationalize()));
        Assert.StartsWith("Relationalize(\"root\") in pipeline 'raw_to_cooked' (table raw__shop.orders): the table 'root' would have two columns named 'root_id'", error.Message);

        var reserved = FromJson(lake, "`__alaspark_item` INT", """{"__alaspark_item": 1}""");
        Assert.Contains("uses a name Relationalize keeps for itself", Assert.Throws<AlaSparkException>(() => reserved.Apply(new Relationalize())).Message);

        var flattened = FromJson(lake, "a_b INT, a STRUCT<b: INT>", "");
        Assert.Contains("would have two columns named 'a_b'", Assert.Throws<AlaSparkException>(() => flattened.Apply(new Relationalize())).Message);
    }

    [Fact]
    public void WriteAll_writes_and_registers_every_output_with_its_lineage()
    {
        using var lake = new LocalLake();
        var outputs = Orders(lake).Apply(new Relationalize()).Select(t => t.Apply(new AddCurrentTimestamp())).ToList();
        var written = outputs.WriteAll<ParquetWriter>(lake.Session.Catalog.Database("cooked__shop"), "orders");

        Assert.Equal(["orders_root", "orders_customer_addresses", "orders_items", "orders_items_tags", "orders_matrix", "orders_matrix_value"], written.Select(w => w.Name));
        Assert.Equal([4L, 2, 4, 2, 3, 3], written.Select(w => w.Rows));
        Assert.Equal([null, "cooked__shop.orders_root", "cooked__shop.orders_root", "cooked__shop.orders_items", "cooked__shop.orders_root", "cooked__shop.orders_matrix"],
            written.Select(w => w.ParentTable));
        Assert.Equal("items_id", written[3].ParentKey);
        Assert.All(written, w => Assert.Equal("raw__shop.orders", w.SourceTable));

        var tags = lake.Session.Catalog.GetTable("cooked__shop", "orders_items_tags");
        Assert.Equal("raw__shop.orders", tags.Properties[ProcessedTables.SourceProperty]);
        Assert.Equal("cooked__shop.orders_items", tags.Properties[ProcessedTables.ParentProperty]);
        Assert.Equal("items_id", tags.Properties[ProcessedTables.ParentKeyProperty]);
        Assert.Equal("Relationalize(\"root\") -> AddCurrentTimestamp(\"processed_at\")", tags.Properties[ProcessedTables.StepsProperty]);
        Assert.False(lake.Session.Catalog.GetTable("cooked__shop", "orders_root").Properties.ContainsKey(ProcessedTables.ParentProperty));
        Assert.Equal(2, lake.Session.Table("cooked__shop.orders_items_tags").Count());
    }

    [Fact]
    public void A_pipeline_splits_once_applies_later_processors_to_every_output_and_writes_each_table()
    {
        using var lake = new LocalLake();
        var file = lake.File("shipped/orders.json", Json);
        var pipeline = new PipelineDefinition("raw_to_cooked")
            .ReadFrom<JsonReader>("raw__shop", "orders", path: file, schema: Types.StructType.FromDdl(Ddl))
            .Apply(new Relationalize())
            .Apply(new AddIngestionDate())
            .WriteTo<ParquetWriter>("cooked__shop", "orders", new WriteOptions { Mode = WriteMode.Overwrite });
        Assert.Equal(["Relationalize", "AddIngestionDate"], pipeline.Description.Steps.Select(s => s.Processor));

        var seen = new List<(int Step, string? Suffix)>();
        var root = pipeline.Build(lake.Session, (step, table) => seen.Add((step, table.Suffix)));
        Assert.Equal("root", root.Suffix);
        Assert.Equal(13, seen.Count);
        Assert.All(pipeline.BuildAll(lake.Session), t => Assert.EndsWith("ingestion_date date", Schema(t)));

        var written = pipeline.Run(new PipelineContext(lake.Session, AlaSpark.Logging.PipelineLog.None));
        Assert.Equal(6, written.Count);
        Assert.Equal(4, lake.Session.Table("cooked__shop.orders_items").Count());
        Assert.Equal(["1", "2"], Rows(lake.Session.Table("cooked__shop.orders_items_tags").Select(Col("items_tags_index") + 1)));

        var again = Assert.Throws<AlaSparkException>(() => pipeline.Apply(new Relationalize("other")));
        Assert.Contains("already splits its table with Relationalize(\"root\")", again.Message);
    }
}
