using System.Globalization;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>Common ground of processors: a name for lineage and logs, and column checks.</summary>
public abstract partial class ProcessorBase
{
    /// <summary>The processor's name in lineage and logs (its type name).</summary>
    public virtual string Name => GetType().Name;

    /// <summary>The arguments, for lineage and logs. Never include secrets here.</summary>
    public virtual string DescribeArguments() => "";

    /// <summary>Fails with a clear error when <paramref name="column"/> is not in <paramref name="table"/> at this step.</summary>
    protected StructField RequireColumn(ProcessedTable table, string column)
    {
        var schema = table.DataFrame.Schema;
        return schema.Find(column) ?? throw new AlaSparkException(
            $"{Name}: the column '{column}' does not exist at this step of {Where(table)}. Columns here: {string.Join(", ", schema.FieldNames)}.");
    }

    protected string Where(ProcessedTable table) =>
        table.PipelineName is null ? $"table {table.Source.FullName}" : $"pipeline '{table.PipelineName}' (table {table.Source.FullName})";

    protected static string Quote(string value) => "\"" + value + "\"";

    protected static string Format(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(Quote)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    protected static string Arguments(params object?[] values) => string.Join(", ", values.Select(Format));
}

/// <summary>A 1:1 transformation of a table (the talk's ToTableProcessor).</summary>
public abstract class ToTableProcessor : ProcessorBase
{
    public abstract ProcessedTable Apply(ProcessedTable table);
}

/// <summary>A 1:* transformation: one table in, several tables out (the talk's ToManyTablesProcessor).</summary>
public abstract class ToManyTablesProcessor : ProcessorBase
{
    public abstract IReadOnlyList<ProcessedTable> Apply(ProcessedTable table);
}
