using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

// The processors that combine this table with another of the catalog, and those that keep or order rows.
internal static partial class BuiltInProcessors
{
    private static readonly string[] JoinTypes = { "Inner", "Left", "Right", "Full", "LeftSemi", "LeftAnti" };

    /// <summary>
    /// Spark's <c>join(other, on, how)</c> with a table of the catalog, whose columns are not known at
    /// compile time. The <c>on</c> columns must exist here (ALS3001); they come first, then this table's
    /// other columns (nullable after a Right or Full join), then the other table's: the schema is not
    /// complete after it, except after LeftSemi and LeftAnti, which keep this table's columns only. A key
    /// is nullable where either side's is: the other side is unknown, so a key not nullable here has an
    /// unknown type (the tracker can't say whether it may be null). Partition marks stay.
    /// </summary>
    private static void JoinDataframe(ProcessorStep step)
    {
        CatalogTableName(step);
        var keys = step.RequireNames("on", allowEmpty: false).Select(k => k.Column).ToList();
        var how = step.Member("how") ?? "Inner";
        if (!JoinTypes.Contains(how))
            step.Invalid("how", how, "join on columns with Inner, Left, Right, Full, LeftSemi or LeftAnti");

        var outer = how is "Right" or "Full";
        var columns = keys.Select(k => k.Nullable && !k.Type.IsUnknown ? k : new ColumnModel(k.Name, "", ColumnType.Unknown, true)).ToList();
        columns.AddRange(step.Schema.Columns
            .Where(c => !keys.Any(k => Same(k.Name, c.Name)))
            .Select(c => outer ? c with { Nullable = true } : c));
        step.Schema.Replace(columns);
        if (how is not ("LeftSemi" or "LeftAnti")) step.Schema.MarkIncomplete();
    }

    /// <summary>
    /// Spark's <c>unionByName</c> with a table of the catalog: this table's columns stay, in order, each
    /// of the common type of both sides (unknown) and nullable. Without <c>allowMissingColumns</c> both
    /// tables have the same columns, so the schema stays complete; with it the other table's extra
    /// columns come last, and it is not. Partition marks stay.
    /// </summary>
    private static void UnionDataframe(ProcessorStep step)
    {
        CatalogTableName(step);
        step.Schema.Replace(step.Schema.Columns.Select(c => new ColumnModel(c.Name, "", ColumnType.Unknown, true)).ToList());
        if (step.Boolean("allowMissingColumns") == true) step.Schema.MarkIncomplete();
    }

    /// <summary>The other table's <c>database</c> and <c>table</c>: names the runtime requires.</summary>
    private static void CatalogTableName(ProcessorStep step)
    {
        step.Name("database", "give the database of the catalog table, such as \"cooked__shop\"");
        step.Name("table", "give the name of the catalog table, such as \"customers\"");
    }

    /// <summary>The latest row per key by <c>orderBy</c> (a column of single values that is not a key): the schema stays.</summary>
    private static void DeduplicateMicrobatch(ProcessorStep step)
    {
        var keys = step.RequireNames("keys", allowEmpty: false);
        var order = step.RequireName("orderBy", TypeRule.Atomic);
        if (order is not null && keys.Any(k => Same(k.Column.Name, order.Name)))
            step.Invalid("orderBy", ProcessorStep.Quote(order.Name), "it is also a key; order by a column that differs between rows of a key, such as an update time");
    }

    /// <summary>
    /// Sorts by columns, each written <c>"name"</c>, <c>"name ASC"</c> or <c>"name DESC"</c> (ALS3006
    /// otherwise, or for a column sorted by twice); a map can't be sorted by (ALS3004). The schema stays.
    /// </summary>
    private static void SortRows(ProcessorStep step)
    {
        var sorted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, element) in step.Names("columns", allowEmpty: false))
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var directed = words.Length == 2 && words[1].ToUpperInvariant() is "ASC" or "DESC";
            if (words.Length >= 2 && !directed)
            {
                step.Invalid("columns", ProcessorStep.Quote(text), "write a column name, optionally followed by ASC or DESC (\"event_time DESC\")", element);
                continue;
            }
            if (!sorted.Add(words[0]))
            {
                step.Invalid("columns", ProcessorStep.Quote(text), $"it sorts by '{words[0]}' again; name each column once", element);
                continue;
            }
            step.Require(words[0], "columns", element, TypeRule.NotMap);
        }
    }

    private static void LimitRows(ProcessorStep step)
    {
        if (step.Integer("n") is < 0 and var n)
            step.Invalid("n", n.ToString(CultureInfo.InvariantCulture), "it is the most rows to keep, 0 or more");
    }
}
