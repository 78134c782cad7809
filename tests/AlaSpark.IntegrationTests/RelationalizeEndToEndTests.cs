using AlaSpark.Delta;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.IntegrationTests;

/// <summary>
/// A ToManyTablesProcessor end to end through the job's command line: nested JSON lines relationalized into a root
/// table and child tables, each written as Delta, registered in the catalog with the lineage of which table came
/// from which, and linked by keys that are the same on a second run.
/// </summary>
public sealed class RelationalizeEndToEndTests : IDisposable
{
    private const string Ddl =
        "order_id STRING, placed_at TIMESTAMP, customer STRUCT<email: STRING, address: STRUCT<city: STRING>>, " +
        "lines ARRAY<STRUCT<sku: STRING, qty: INT, discounts: ARRAY<STRUCT<code: STRING, pct: DOUBLE>>>>, notes ARRAY<STRING>";

    private const string Orders = """
        {"order_id": "o-1", "placed_at": "2026-04-01T09:30:00Z", "customer": {"email": "zoë@example.com", "address": {"city": "Zürich"}}, "lines": [{"sku": "A", "qty": 2, "discounts": [{"code": "SPRING", "pct": 10.0}, {"code": "VIP", "pct": 5.0}]}, {"sku": "B", "qty": 1, "discounts": []}], "notes": ["gift", "日本へ"]}
        {"order_id": "o-2", "placed_at": "2026-04-01T10:00:00Z", "customer": {"email": null, "address": null}, "lines": [{"sku": "C", "qty": null, "discounts": null}], "notes": []}
        {"order_id": "o-3", "placed_at": "2026-04-02T08:00:00Z", "customer": null, "lines": [], "notes": null}
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "alaspark-it-" + Guid.NewGuid().ToString("N"));

    private string Lake => Path.Combine(_root, "lake");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private static PipelineDefinition Pipeline() =>
        new PipelineDefinition("raw_to_cooked")
            .ReadFrom<JsonReader>("raw__shop", "orders", path: "{{ source_path }}", schema: StructType.FromDdl(Ddl))
            .Apply(new Relationalize())
            .Apply(new AddCurrentTimestamp())
            .WriteTo<DeltaWriter>("cooked__shop", "orders", new WriteOptions { Mode = WriteMode.Overwrite });

    private (int ExitCode, string Out, string Error) Run()
    {
        Directory.CreateDirectory(Path.Combine(_root, "raw"));
        File.WriteAllText(Path.Combine(_root, "raw", "orders.jsonl"), Orders);
        var config = Path.Combine(_root, "job.toml");
        File.WriteAllText(config, "source_path = \"raw/*.jsonl\"\n");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = AlaSparkApp.Run(["run", "raw_to_cooked", "--config", config, "--lake", Lake],
            new AlaSparkAppOptions { Pipelines = [Pipeline()], Out = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Rows(DataFrame frame) =>
        frame.Collect().Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_nested_orders_become_linked_Delta_tables_registered_with_their_lineage()
    {
        var (code, stdout, stderr) = Run();
        Assert.True(code == 0, stderr);
        foreach (var (table, rows) in new[] { ("orders_root", 3), ("orders_lines", 3), ("orders_lines_discounts", 2), ("orders_notes", 2) })
            Assert.Contains($"written:     cooked__shop.{table}: {rows} rows", stdout);

        using var session = LocalSession.Create(new SessionOptions { LakeRoot = Lake });
        var catalog = session.Catalog;
        Assert.Equal(["orders_lines", "orders_lines_discounts", "orders_notes", "orders_root"], catalog.ListTables("cooked__shop").Select(t => t.Name));
        foreach (var entry in catalog.ListTables("cooked__shop"))
        {
            Assert.Equal("delta", entry.Format);
            Assert.True(Directory.Exists(Path.Combine(entry.Location, "_delta_log")), entry.FullName);
            Assert.Equal("raw__shop.orders", entry.Properties[ProcessedTables.SourceProperty]);
            Assert.Equal("Relationalize(\"root\") -> AddCurrentTimestamp(\"processed_at\")", entry.Properties[ProcessedTables.StepsProperty]);
        }

        // Lineage: which table came from which, and the column that links them.
        string? Parent(string table) => catalog.GetTable("cooked__shop", table).Properties.GetValueOrDefault(ProcessedTables.ParentProperty);
        string? ParentKey(string table) => catalog.GetTable("cooked__shop", table).Properties.GetValueOrDefault(ProcessedTables.ParentKeyProperty);
        Assert.Null(Parent("orders_root"));
        Assert.Equal("cooked__shop.orders_root", Parent("orders_lines"));
        Assert.Equal("root_id", ParentKey("orders_lines"));
        Assert.Equal("cooked__shop.orders_lines", Parent("orders_lines_discounts"));
        Assert.Equal("lines_id", ParentKey("orders_lines_discounts"));
        Assert.Equal("cooked__shop.orders_root", Parent("orders_notes"));

        var root = session.Table("cooked__shop.orders_root");
        Assert.Equal("root_id string, order_id string, placed_at timestamp, customer_email string, customer_address_city string, processed_at timestamp",
            string.Join(", ", root.Schema.Fields.Select(f => $"{f.Name} {f.DataType.SimpleString}")));
        Assert.Equal(
            ["o-1|2026-04-01 09:30:00|zoë@example.com|Zürich", "o-2|2026-04-01 10:00:00|NULL|NULL", "o-3|2026-04-02 08:00:00|NULL|NULL"],
            Rows(root.Select("order_id", "placed_at", "customer_email", "customer_address_city")));

        // Every child row finds its parent through the keys.
        var orders = root.Select("root_id", "order_id");
        var lines = session.Table("cooked__shop.orders_lines");
        Assert.Equal(["o-1|0|A|2", "o-1|1|B|1", "o-2|0|C|NULL"], Rows(lines.Join(orders, ["root_id"]).Select("order_id", "lines_index", "sku", "qty")));
        var discounts = session.Table("cooked__shop.orders_lines_discounts")
            .Join(lines.Select("lines_id", "root_id", "sku"), ["lines_id"]).Join(orders, ["root_id"]);
        Assert.Equal(["o-1|A|0|SPRING|10.0", "o-1|A|1|VIP|5.0"], Rows(discounts.Select("order_id", "sku", "lines_discounts_index", "code", "pct")));
        var notes = session.Table("cooked__shop.orders_notes").Join(orders, ["root_id"]);
        Assert.Equal(["o-1|0|gift", "o-1|1|日本へ"], Rows(notes.Select("order_id", "notes_index", "value")));
        Assert.Equal(0, session.Table("cooked__shop.orders_lines").Join(orders, ["root_id"], JoinType.LeftAnti).Count());
        Assert.Equal(0, session.Table("cooked__shop.orders_lines_discounts").Join(lines, ["lines_id"], JoinType.LeftAnti).Count());
    }

    [Fact]
    public void A_second_run_gives_the_same_keys_as_a_new_version_of_each_table()
    {
        Assert.Equal(0, Run().ExitCode);
        List<string> Keys()
        {
            using var session = LocalSession.Create(new SessionOptions { LakeRoot = Lake });
            return Rows(session.Table("cooked__shop.orders_lines_discounts").Select(Col("lines_id"), Col("lines_discounts_id"), Col("code")));
        }
        var first = Keys();
        Assert.Equal(2, first.Count);
        var (code, stdout, _) = Run();
        Assert.Equal(0, code);
        Assert.Contains("cooked__shop.orders_lines_discounts: 2 rows in 1 file(s), version 1", stdout);
        Assert.Equal(first, Keys());
    }
}
