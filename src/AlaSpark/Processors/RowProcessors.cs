using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Keeps the latest row per key: among rows with equal <c>keys</c> (nulls equal to nulls, as in
/// <see cref="DropDuplicates"/>), the one with the largest <c>orderBy</c>. A null <c>orderBy</c> is older than any
/// value. Rows that tie on the latest value keep one of them, the same on every run. On a stream this runs on each
/// micro-batch (Spark's <c>foreachBatch</c> idiom); on a batch, the whole batch is the micro-batch.
/// </summary>
public sealed class DeduplicateMicrobatch : ToTableProcessor
{
    private const string HiddenPrefix = "__alaspark_latest_";

    public DeduplicateMicrobatch(string[] keys, string orderBy)
    {
        Keys = RequireNames(nameof(DeduplicateMicrobatch), nameof(keys), keys, allowEmpty: false);
        OrderBy = RequireName(nameof(DeduplicateMicrobatch), nameof(orderBy), orderBy);
        if (Keys.Contains(orderBy, StringComparer.OrdinalIgnoreCase))
            throw InvalidArgument(nameof(DeduplicateMicrobatch), $"orderBy '{orderBy}' is also a key; order by a column that differs between rows of a key, such as an update time.");
    }

    public IReadOnlyList<string> Keys { get; }
    public string OrderBy { get; }

    public override string DescribeArguments() => Arguments(Keys, OrderBy);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var keys = Keys.Select(k => RequireColumn(table, k).Name).ToList();
        var order = RequireColumn(table, OrderBy, IsAtomic, "the latest row is found by a column of single values (a time, a number, a string)").Name;
        if (table.DataFrame.Schema.FieldNames.FirstOrDefault(n => n.StartsWith(HiddenPrefix, StringComparison.OrdinalIgnoreCase)) is { } taken)
            throw Failure(table, $"the column '{taken}' uses a name {Name} keeps for itself; rename it first.");

        // The latest value per key, joined back null-safely: rows holding it survive; ties then keep one row.
        string KeyAlias(int i) => $"{HiddenPrefix}key{i}";
        const string latest = HiddenPrefix + "value";
        var latestPerKey = table.DataFrame.GroupBy(keys.Select(ColumnRef).ToArray())
            .Agg(Max(ColumnRef(order)).Alias(latest))
            .Select([.. keys.Select((k, i) => ColumnRef(k).Alias(KeyAlias(i))), ColumnRef(latest)]);
        var condition = keys.Select((k, i) => ColumnRef(k).EqNullSafe(ColumnRef(KeyAlias(i))))
            .Aggregate(ColumnRef(order).EqNullSafe(ColumnRef(latest)), (all, next) => all.And(next));
        var result = table.DataFrame.Join(latestPerKey, condition)
            .Drop([.. keys.Select((_, i) => KeyAlias(i)), latest])
            .DropDuplicates([.. keys]);
        return Resolved(table, result);
    }
}

/// <summary>
/// Keeps the rows where none of the columns is null (no columns named: none of all columns). NaN is a value, not a
/// null, and is kept.
/// </summary>
public sealed class FilterNulls(string[] columns) : ToTableProcessor
{
    public IReadOnlyList<string> Columns { get; } = RequireNames(nameof(FilterNulls), nameof(columns), columns, allowEmpty: true);

    public override string DescribeArguments() => Arguments(Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var names = Columns.Count == 0 ? table.DataFrame.Schema.FieldNames.ToList() : Columns.Select(c => RequireColumn(table, c).Name).ToList();
        if (names.Count == 0) return table;
        var condition = names.Select(n => ColumnRef(n).IsNotNull()).Aggregate((all, next) => all.And(next));
        return table with { DataFrame = table.DataFrame.Filter(condition) };
    }
}

/// <summary>
/// Sorts the rows by columns, each ascending unless written <c>"name DESC"</c> (<c>"name ASC"</c> is the default);
/// nulls come first in ascending order and last in descending order, as in Spark. Batch only: a stream has no
/// whole table to sort (ALS4004). A partitioned write keeps the order within each file, not across partitions.
/// </summary>
public sealed class SortRows : ToTableProcessor
{
    public SortRows(string[] columns)
    {
        var names = RequireNames(nameof(SortRows), nameof(columns), columns, allowEmpty: false);
        Order = names.Select(Parse).ToList();
        var repeated = Order.GroupBy(o => o.Column, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw InvalidArgument(nameof(SortRows), $"columns sorts by '{repeated.Key}' twice; name each column once.");
    }

    /// <summary>The sort order: each column and whether it is ascending.</summary>
    public IReadOnlyList<(string Column, bool Ascending)> Order { get; }

    public override string DescribeArguments() => Arguments(Order.Select(o => o.Ascending ? o.Column : o.Column + " DESC").ToList());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        RequireBatch(table);
        var order = Order.Select(o =>
        {
            var field = RequireColumn(table, o.Column, t => t is not MapType, "a map can't be sorted by");
            return o.Ascending ? ColumnRef(field.Name).Asc() : ColumnRef(field.Name).Desc();
        }).ToArray();
        return table with { DataFrame = table.DataFrame.OrderBy(order) };
    }

    private static (string Column, bool Ascending) Parse(string text)
    {
        var words = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && words[1].ToUpperInvariant() is "ASC" or "DESC")
            return (words[0], words[1].Equals("ASC", StringComparison.OrdinalIgnoreCase));
        if (words.Length >= 2)
            throw InvalidArgument(nameof(SortRows), $"\"{text}\" is not a column to sort by; write a column name, optionally followed by ASC or DESC (\"event_time DESC\").");
        return (text.Trim(), true);
    }
}

/// <summary>
/// Keeps at most <c>n</c> rows (Spark's <c>limit</c>); which rows, unless a <see cref="SortRows"/> comes first, is not
/// defined. Batch only: on a stream it would stop the stream (ALS4004).
/// </summary>
public sealed class LimitRows : ToTableProcessor
{
    public LimitRows(int n)
    {
        if (n < 0) throw InvalidArgument(nameof(LimitRows), $"n is {n}; it is the most rows to keep, 0 or more.");
        N = n;
    }

    public int N { get; }

    public override string DescribeArguments() => Arguments(N);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        RequireBatch(table);
        return table with { DataFrame = table.DataFrame.Limit(N) };
    }
}
