using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlaSpark;

/// <summary>A node of a lineage graph: a table or a processor step.</summary>
public sealed record LineageNode(string Id, string Kind, string Label);

/// <summary>An edge of a lineage graph: data flowing from one node to the next, or a link from a parent table to a child table.</summary>
public sealed record LineageEdge(string From, string To)
{
    /// <summary>For a link from a parent table to a child table: the key column joining a child row to its parent row.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }
}

/// <summary>
/// The lineage of a pipeline as data, with Mermaid and JSON renderings. A pipeline that splits its table has a table
/// node per output and sink (<c>sink1_root</c>, <c>sink1_items</c>), each fed by the last step, and a keyed edge
/// from each parent table to each child table.
/// </summary>
public sealed record LineageGraph(string Pipeline, IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges)
{
    public static LineageGraph Of(PipelineDescription description)
    {
        var nodes = new List<LineageNode>();
        var edges = new List<LineageEdge>();
        var source = new LineageNode("source", "table", $"{description.Source.Database}.{description.Source.Table}");
        nodes.Add(source);
        var previous = source.Id;
        for (var i = 0; i < description.Steps.Count; i++)
        {
            var step = description.Steps[i];
            var node = new LineageNode($"step{i + 1}", "processor",
                step.Arguments.Length == 0 ? step.Processor : $"{step.Processor}({step.Arguments})");
            nodes.Add(node);
            edges.Add(new LineageEdge(previous, node.Id));
            previous = node.Id;
        }
        for (var i = 0; i < description.Sinks.Count; i++)
        {
            var sink = description.Sinks[i];
            var id = $"sink{i + 1}";
            if (!description.SplitsTable)
                AddTable(id, sink.Table);
            else if (description.Outputs is not { } outputs)
                AddTable(id, sink.Table + "_*");
            else
            {
                string OutputId(string? suffix) => suffix is null ? id : $"{id}_{suffix}";
                foreach (var output in outputs) AddTable(OutputId(output.Suffix), ProcessedTables.TableName(sink.Table, output.Suffix));
                foreach (var output in outputs)
                    if (output.Parent is { } parent)
                        edges.Add(new LineageEdge(OutputId(parent.ParentSuffix), OutputId(output.Suffix)) { Key = parent.KeyColumn });
            }

            void AddTable(string nodeId, string table)
            {
                nodes.Add(new LineageNode(nodeId, "table", $"{sink.Database}.{table}"));
                edges.Add(new LineageEdge(previous, nodeId));
            }
        }
        return new LineageGraph(description.Name, nodes, edges);
    }

    public string ToMermaid()
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var n in Nodes)
        {
            var label = Escape(n.Label);
            sb.Append("    ").Append(n.Id).Append(n.Kind == "table" ? $"[(\"{label}\")]" : $"[\"{label}\"]").Append('\n');
        }
        foreach (var e in Edges)
            sb.Append("    ").Append(e.From).Append(e.Key is null ? " --> " : $" -.->|\"{Escape(e.Key)}\"| ").Append(e.To).Append('\n');
        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("\"", "#quot;");

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });
}
