using System.Text;

namespace AlaSpark.Plan;

/// <summary>Prints a plan as an indented tree, in the style of Spark's <c>explain()</c>.</summary>
public static class PlanPrinter
{
    public static string Print(Relation relation)
    {
        var sb = new StringBuilder();
        Append(sb, relation, "", true, isRoot: true);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Relation relation, string indent, bool last, bool isRoot = false)
    {
        sb.Append(indent);
        if (!isRoot) sb.Append("+- ");
        sb.AppendLine(Describe(relation));
        var children = Children(relation).ToList();
        var childIndent = isRoot ? "" : indent + (last ? "   " : ":  ");
        for (var i = 0; i < children.Count; i++) Append(sb, children[i], childIndent, i == children.Count - 1);
    }

    private static string List(IEnumerable<Expression> expressions) => string.Join(", ", expressions.Select(ExpressionPrinter.Print));

    private static string Describe(Relation r) => r switch
    {
        Read { Source: { } s } read => $"Read {s.Format}{(read.IsStreaming ? " (stream)" : "")} [{string.Join(", ", s.Paths)}]{(s.Schema is null ? "" : " " + s.Schema.SimpleString)}{(s.Options.Count == 0 ? "" : " " + s.Options)}",
        Read read => $"Read table {read.TableName}{(read.IsStreaming ? " (stream)" : "")}",
        Project p => $"Project [{List(p.Expressions)}]",
        Filter f => $"Filter {ExpressionPrinter.Print(f.Condition)}",
        WithColumns w => $"WithColumns [{string.Join(", ", w.Aliases.Select(a => $"{ExpressionPrinter.Print(a.Child)} AS {a.Name}"))}]",
        Drop d => $"Drop [{string.Join(", ", d.ColumnNames)}]",
        Deduplicate d => $"Deduplicate [{string.Join(", ", d.ColumnNames)}]{(d.WithinWatermark ? " within watermark" : "")}",
        Join j => $"Join {j.JoinType}{(j.Condition is null ? "" : " " + ExpressionPrinter.Print(j.Condition))}{(j.UsingColumns.Count == 0 ? "" : " using [" + string.Join(", ", j.UsingColumns) + "]")}",
        SetOperation s => $"{s.Type}{(s.IsAll ? " All" : "")}{(s.ByName ? " ByName" : "")}{(s.AllowMissingColumns ? " (allow missing columns)" : "")}",
        WithWatermark w => $"WithWatermark {w.EventTime}, {w.Delay}",
        Sort s => $"Sort [{List(s.Order)}]",
        Limit l => $"Limit {l.Count}",
        Aggregate a => $"Aggregate [{List(a.Grouping)}], [{List(a.Aggregates)}]",
        Sql s => $"Sql {s.Query}",
        ToDF t => $"ToDF [{string.Join(", ", t.ColumnNames)}]",
        WithColumnsRenamed w => $"WithColumnsRenamed [{string.Join(", ", w.Renames.Select(x => $"{x.From} -> {x.To}"))}]",
        LocalRelation l => $"LocalRelation {l.Schema.SimpleString}, {l.Rows.Count} row(s)",
        OneRowRelation => "OneRowRelation",
        SubqueryAlias a => $"SubqueryAlias {a.Alias}",
        _ => r.GetType().Name,
    };

    /// <summary>The inputs of a relation (for walking a plan).</summary>
    public static IEnumerable<Relation> Children(Relation r) => r switch
    {
        Project p => [p.Input],
        Filter f => [f.Input],
        WithColumns w => [w.Input],
        Drop d => [d.Input],
        Deduplicate d => [d.Input],
        Join j => [j.Left, j.Right],
        SetOperation s => [s.Left, s.Right],
        WithWatermark w => [w.Input],
        Sort s => [s.Input],
        Limit l => [l.Input],
        Aggregate a => [a.Input],
        ToDF t => [t.Input],
        WithColumnsRenamed w => [w.Input],
        SubqueryAlias a => [a.Input],
        _ => [],
    };

    /// <summary>Every relation of the plan, root first.</summary>
    public static IEnumerable<Relation> Walk(Relation root)
    {
        yield return root;
        foreach (var child in Children(root))
            foreach (var r in Walk(child))
                yield return r;
    }
}
