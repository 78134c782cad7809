using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlaSpark;

/// <summary>A node of a lineage graph: a table or a processor step.</summary>
public sealed record LineageNode(string Id, string Kind, string Label);

/// <summary>An edge of a lineage graph.</summary>
public sealed record LineageEdge(string From, string To);

/// <summary>The lineage of a pipeline as data, with Mermaid and JSON renderings.</summary>
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
            var node = new LineageNode($"sink{i + 1}", "table", $"{sink.Database}.{sink.Table}");
            nodes.Add(node);
            edges.Add(new LineageEdge(previous, node.Id));
        }
        return new LineageGraph(description.Name, nodes, edges);
    }

    public string ToMermaid()
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var n in Nodes)
        {
            var label = n.Label.Replace("\"", "#quot;");
            sb.Append("    ").Append(n.Id).Append(n.Kind == "table" ? $"[(\"{label}\")]" : $"[\"{label}\"]").Append('\n');
        }
        foreach (var e in Edges) sb.Append("    ").Append(e.From).Append(" --> ").Append(e.To).Append('\n');
        return sb.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });
}
