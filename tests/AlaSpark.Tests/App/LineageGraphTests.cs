using System.Text.Json;
using AlaSpark.Types;

namespace AlaSpark.Tests.App;

/// <summary>The lineage graph of a pipeline, with and without a split, as data and as Mermaid.</summary>
public class LineageGraphTests
{
    private static PipelineDefinition Orders(bool split)
    {
        var pipeline = new PipelineDefinition("raw_to_cooked")
            .ReadFrom<JsonReader>("raw__shop", "orders", path: "{{ source_path }}",
                schema: StructType.FromDdl("number STRING, items ARRAY<STRUCT<sku: STRING, tags: ARRAY<STRING>>>"));
        if (split) pipeline.Apply(new Relationalize("order"));
        return pipeline
            .WriteTo<ParquetWriter>("cooked__shop", "orders")
            .WriteTo<ParquetWriter>("archive__shop", "orders_copy");
    }

    private static LocalLake Lake()
    {
        var lake = new LocalLake("source_path = \"data/*.jsonl\"\n");
        lake.File(Path.Combine("job", "data", "orders.jsonl"), """{"number": "o-1", "items": [{"sku": "A", "tags": ["x"]}]}""" + "\n");
        return lake;
    }

    private static List<string> Edges(LineageGraph graph) =>
        graph.Edges.Select(e => e.Key is null ? $"{e.From} -> {e.To}" : $"{e.From} -> {e.To} by {e.Key}").ToList();

    [Fact]
    public void A_split_gives_every_sink_a_table_per_output_and_a_keyed_link_from_each_parent_to_each_child()
    {
        using var lake = Lake();

        var description = Orders(split: true).Describe(lake.Session);

        Assert.Equal(
        [
            new OutputDescription("order", null),
            new OutputDescription("items", new TableLink("order", "order_id")),
            new OutputDescription("items_tags", new TableLink("items", "items_id")),
        ], description.Outputs);
        var graph = description.Lineage;
        Assert.Equal(
        [
            "source raw__shop.orders", "step1 Relationalize(\"order\")",
            "sink1_order cooked__shop.orders_order", "sink1_items cooked__shop.orders_items", "sink1_items_tags cooked__shop.orders_items_tags",
            "sink2_order archive__shop.orders_copy_order", "sink2_items archive__shop.orders_copy_items", "sink2_items_tags archive__shop.orders_copy_items_tags",
        ], graph.Nodes.Select(n => $"{n.Id} {n.Label}"));
        Assert.Equal(
        [
            "source -> step1",
            "step1 -> sink1_order", "step1 -> sink1_items", "step1 -> sink1_items_tags",
            "sink1_order -> sink1_items by order_id", "sink1_items -> sink1_items_tags by items_id",
            "step1 -> sink2_order", "step1 -> sink2_items", "step1 -> sink2_items_tags",
            "sink2_order -> sink2_items by order_id", "sink2_items -> sink2_items_tags by items_id",
        ], Edges(graph));
        Assert.Contains("    sink2_items -.->|\"items_id\"| sink2_items_tags\n", graph.ToMermaid());
    }

    [Fact]
    public void A_split_whose_outputs_are_not_known_yet_shows_each_sink_as_a_pattern()
    {
        var graph = Orders(split: true).Description.Lineage;

        Assert.Null(Orders(split: true).Description.Outputs);
        Assert.Equal(["source", "step1", "sink1 cooked__shop.orders_*", "sink2 archive__shop.orders_copy_*"],
            graph.Nodes.Select(n => n.Kind == "table" && n.Id != "source" ? $"{n.Id} {n.Label}" : n.Id));
        Assert.Equal(["source -> step1", "step1 -> sink1", "step1 -> sink2"], Edges(graph));
    }

    [Fact]
    public void A_pipeline_without_a_split_is_described_as_before_and_its_json_edges_have_no_key()
    {
        using var lake = Lake();

        var description = Orders(split: false).Describe(lake.Session);

        Assert.False(description.SplitsTable);
        Assert.Null(description.Outputs);
        Assert.Equal("""
            flowchart LR
                source[("raw__shop.orders")]
                sink1[("cooked__shop.orders")]
                sink2[("archive__shop.orders_copy")]
                source --> sink1
                source --> sink2

            """, description.Lineage.ToMermaid());
        var edges = JsonDocument.Parse(description.Lineage.ToJson()).RootElement.GetProperty("edges");
        Assert.All(edges.EnumerateArray(), e => Assert.Equal(["from", "to"], e.EnumerateObject().Select(p => p.Name)));
    }
}
