using AlaSpark.Naming;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// Removes a partition column: its data and its partition marking. The column must be a partition at this step
/// (an ordinary column is removed with <see cref="DropColumns"/>).
/// </summary>
public sealed class DropPartition(string column) : ToTableProcessor
{
    public string Column { get; } = RequireName(nameof(DropPartition), nameof(column), column);

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column);
        if (!table.PartitionColumns.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            throw Failure(table,
                $"the column '{field.Name}' is not a partition column here (partitions: {(table.PartitionColumns.Count == 0 ? "none" : string.Join(", ", table.PartitionColumns))}). " +
                $"Remove an ordinary column with DropColumns([\"{field.Name}\"]).");
        return table with
        {
            DataFrame = table.DataFrame.Drop(field.Name),
            PartitionColumns = table.PartitionColumns.Where(p => !string.Equals(p, field.Name, StringComparison.OrdinalIgnoreCase)).ToList(),
        };
    }
}

/// <summary>
/// Renames columns, all at once (<c>["a=b", "b=a"]</c> swaps two names), keeping their place, type and partition
/// marking. Each pair is <c>"old=new"</c>; an attribute can't take a dictionary, so the map is written as pairs.
/// </summary>
public sealed class RenameColumns : ToTableProcessor
{
    public RenameColumns(string[] pairs)
    {
        Renames = ParsePairs(nameof(RenameColumns), nameof(pairs), pairs, "[\"userId=user_id\", \"ts=event_time\"]");
        foreach (var (old, name) in Renames)
            if (name.Length == 0)
                throw InvalidArgument(nameof(RenameColumns), $"the pair for '{old}' has no new name; write \"{old}=new_name\".");
        var repeated = Renames.GroupBy(r => r.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw InvalidArgument(nameof(RenameColumns), $"two columns ({string.Join(", ", repeated.Select(r => r.Key))}) would be renamed '{repeated.Key}'; give each a name of its own.");
    }

    /// <summary>Old name to new name, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Renames { get; }

    public override string DescribeArguments() => Arguments(Renames.Select(r => $"{r.Key}={r.Value}").ToList());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var renames = Renames.ToDictionary(r => RequireColumn(table, r.Key).Name, r => r.Value, StringComparer.OrdinalIgnoreCase);
        return RenameAll(table, renames);
    }
}

/// <summary>
/// Casts several columns, each to a Spark type (<c>["amount=decimal(10,2)", "day=date"]</c>), with Spark's CAST rules:
/// the effect of <see cref="AlterDataType"/> for each pair.
/// </summary>
public sealed class CastColumns : ToTableProcessor
{
    public CastColumns(string[] casts)
    {
        var pairs = ParsePairs(nameof(CastColumns), nameof(casts), casts, "[\"amount=decimal(10,2)\", \"event_date=date\"]");
        Casts = pairs.Select(p =>
        {
            try
            {
                return new KeyValuePair<string, DataType>(p.Key, DataType.Parse(p.Value));
            }
            catch (AlaSparkException e)
            {
                throw InvalidArgument(nameof(CastColumns), $"the type \"{p.Value}\" for '{p.Key}' is not a Spark type ({e.Message}). Write a type such as int, string, date or decimal(10,2).");
            }
        }).ToList();
    }

    /// <summary>Column to type, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, DataType>> Casts { get; }

    public override string DescribeArguments() => Arguments(Casts.Select(c => $"{c.Key}={c.Value.SimpleString}").ToList());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var frame = table.DataFrame;
        foreach (var (column, type) in Casts)
        {
            var field = RequireColumn(table, column);
            frame = frame.WithColumn(field.Name, ColumnRef(field.Name).Cast(type));
        }
        return Resolved(table, frame);
    }
}

/// <summary>
/// Renames every top-level column to snake_case with the naming standard's rules (<c>UserID</c> → <c>user_id</c>,
/// <c>Top 10 Items</c> → <c>top_10_items</c>, <c>café</c> → <c>cafe</c>), keeping the partition marking. Fields inside
/// structs keep their names (flatten them first with <c>FlattenSchema</c>).
/// </summary>
public sealed class StandardiseColumnNames : ToTableProcessor
{
    public override ProcessedTable Apply(ProcessedTable table)
    {
        var renames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in table.DataFrame.Schema.FieldNames)
        {
            var standard = NamingRules.ToSnakeCase(name);
            if (standard.Length == 0)
                throw Failure(table, $"the column '{name}' has no letter or digit to make a snake_case name of; rename it first with RenameColumns([\"{name}=a_name\"]).");
            if (standard != name) renames[name] = standard;
        }
        return RenameAll(table, renames);
    }
}
