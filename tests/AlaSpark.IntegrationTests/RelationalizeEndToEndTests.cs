using System.Text.Json;
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

    private (int ExitCode, string Out, string Error) Run() => Job("run", "raw_to_cooked");

    /// <summary>Runs the job's command line in process over the orders file and its config.</summary>
    private (int ExitCode, string Out, string Error) Job(params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(_root, "raw"));
        File.WriteAllText(Path.Combine(_root, "raw", "orders.jsonl"), Orders);
        var config = Path.Combine(_root, "job.toml");
        File.WriteAllText(config, "source_path = \"raw/*.jsonl\"\n");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = AlaSparkApp.Run([.. args, "--config", config, "--lake", Lake],
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

    [Fact]
    public void The_run_lists_every_table_written_with_its_parent()
    {
        var (code, stdout, stderr) = Run();
        Assert.True(code == 0, stderr);
        Assert.Equal(
        [
            "written:     cooked__shop.orders_root: 3 rows in 1 file(s), version 0",
            "written:     cooked__shop.orders_lines: 3 rows in 1 file(s), version 0",
            "parent:      cooked__shop.orders_root, linked by root_id",
            "written:     cooked__shop.orders_lines_discounts: 2 rows in 1 file(s), version 0",
            "parent:      cooked__shop.orders_lines, linked by lines_id",
            "written:     cooked__shop.orders_notes: 2 rows in 1 file(s), version 0",
            "parent:      cooked__shop.orders_root, linked by root_id",
        ], stdout.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("written:", StringComparison.Ordinal) || l.StartsWith("parent:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Describe_names_each_output_of_the_split_as_the_sink_writes_it_with_its_schema()
    {
        var (code, stdout, stderr) = Job("describe", "raw_to_cooked");
        Assert.True(code == 0, stderr);
        var schemas = stdout[stdout.IndexOf("Schema at each step:", StringComparison.Ordinal)..].ReplaceLineEndings("\n");
        Assert.Equal("""
            Schema at each step:
              source: order_id string, placed_at timestamp, customer struct<email:string,address:struct<city:string>>, lines array<struct<sku:string,qty:int,discounts:array<struct<code:string,pct:double>>>>, notes array<string>
              after step 1 (Relationalize):
                cooked__shop.orders_root: root_id string, order_id string, placed_at timestamp, customer_email string, customer_address_city string
                cooked__shop.orders_lines: root_id string, lines_index int, lines_id string, sku string, qty int
                cooked__shop.orders_lines_discounts: lines_id string, lines_discounts_index int, lines_discounts_id string, code string, pct double
                cooked__shop.orders_notes: root_id string, notes_index int, notes_id string, value string
              after step 2 (AddCurrentTimestamp):
                cooked__shop.orders_root: root_id string, order_id string, placed_at timestamp, customer_email string, customer_address_city string, processed_at timestamp
                cooked__shop.orders_lines: root_id string, lines_index int, lines_id string, sku string, qty int, processed_at timestamp
                cooked__shop.orders_lines_discounts: lines_id string, lines_discounts_index int, lines_discounts_id string, code string, pct double, processed_at timestamp
                cooked__shop.orders_notes: root_id string, notes_index int, notes_id string, value string, processed_at timestamp

            """, schemas);
        Assert.False(Directory.Exists(Path.Combine(Lake, "cooked__shop")), "describe writes nothing");
    }

    [Fact]
    public void Lineage_as_mermaid_shows_every_table_the_split_writes_and_the_keys_linking_them()
    {
        var (code, stdout, stderr) = Job("lineage", "raw_to_cooked");
        Assert.True(code == 0, stderr);
        Assert.Equal("""
            flowchart LR
                source[("raw__shop.orders")]
                step1["Relationalize(#quot;root#quot;)"]
                step2["AddCurrentTimestamp(#quot;processed_at#quot;)"]
                sink1_root[("cooked__shop.orders_root")]
                sink1_lines[("cooked__shop.orders_lines")]
                sink1_lines_discounts[("cooked__shop.orders_lines_discounts")]
                sink1_notes[("cooked__shop.orders_notes")]
                source --> step1
                step1 --> step2
                step2 --> sink1_root
                step2 --> sink1_lines
                step2 --> sink1_lines_discounts
                step2 --> sink1_notes
                sink1_root -.->|"root_id"| sink1_lines
                sink1_lines -.->|"lines_id"| sink1_lines_discounts
                sink1_root -.->|"root_id"| sink1_notes


            """, stdout.ReplaceLineEndings("\n"));
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Lineage_as_json_gives_the_tables_and_the_keyed_links_from_parent_to_child()
    {
        var (code, stdout, stderr) = Job("lineage", "raw_to_cooked", "--format", "json");
        Assert.True(code == 0, stderr);
        var graph = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("raw_to_cooked", graph.GetProperty("pipeline").GetString());
        Assert.Equal(
        [
            "source table raw__shop.orders",
            "step1 processor Relationalize(\"root\")",
            "step2 processor AddCurrentTimestamp(\"processed_at\")",
            "sink1_root table cooked__shop.orders_root",
            "sink1_lines table cooked__shop.orders_lines",
            "sink1_lines_discounts table cooked__shop.orders_lines_discounts",
            "sink1_notes table cooked__shop.orders_notes",
        ], graph.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("id")} {n.GetProperty("kind")} {n.GetProperty("label")}"));
        Assert.Equal(
        [
            "source -> step1", "step1 -> step2",
            "step2 -> sink1_root", "step2 -> sink1_lines", "step2 -> sink1_lines_discounts", "step2 -> sink1_notes",
            "sink1_root -> sink1_lines by root_id", "sink1_lines -> sink1_lines_discounts by lines_id", "sink1_root -> sink1_notes by root_id",
        ], graph.GetProperty("edges").EnumerateArray().Select(e =>
            $"{e.GetProperty("from")} -> {e.GetProperty("to")}{(e.TryGetProperty("key", out var key) ? " by " + key.GetString() : "")}"));
    }

    [Fact]
    public void Lineage_without_the_config_the_source_needs_shows_the_split_tables_as_a_pattern_and_says_why()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = AlaSparkApp.Run(["lineage", "raw_to_cooked", "--lake", Lake],
            new AlaSparkAppOptions { Pipelines = [Pipeline()], Out = stdout, Error = stderr, DefaultConfigFile = Path.Combine(_root, "absent.toml") });
        Assert.Equal(0, code);
        Assert.Contains("    step2 --> sink1\n", stdout.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("sink1[(\"cooked__shop.orders_*\")]", stdout.ToString());
        Assert.Contains("the tables the split gives are unknown", stderr.ToString());
        Assert.Contains("'source_path'", stderr.ToString());
    }
}
