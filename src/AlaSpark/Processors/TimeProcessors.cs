using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>Adds (or replaces) the date of processing, a <c>date</c> (Spark's <c>current_date()</c>, one value per run, in UTC).</summary>
public sealed class AddIngestionDate(string column = "ingestion_date") : ToTableProcessor
{
    public string Column { get; } = RequireName(nameof(AddIngestionDate), nameof(column), column);

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.WithColumn(Column, CurrentDate()) };
}

/// <summary>
/// Parses a string column into a <c>timestamp</c> with a Spark datetime pattern (<c>"dd/MM/yyyy HH:mm"</c>): Spark's
/// <c>to_timestamp(column, format)</c>, in the session time zone (UTC). The result replaces the column, or goes to
/// <c>target</c> when one is given. Null gives null; text that doesn't match fails the pipeline with ANSI mode on (the
/// default), and gives null with <c>spark.sql.ansi.enabled = false</c>.
/// </summary>
public sealed class ParseTimestamp : ToTableProcessor
{
    public ParseTimestamp(string column, string format, string? target = null)
    {
        Column = RequireName(nameof(ParseTimestamp), nameof(column), column);
        if (string.IsNullOrWhiteSpace(format))
            throw InvalidArgument(nameof(ParseTimestamp), $"format is {(format is null ? "null" : "blank")}; give a Spark datetime pattern such as \"yyyy-MM-dd HH:mm:ss\".");
        TimestampFormat = format;
        if (target is not null) RequireName(nameof(ParseTimestamp), nameof(target), target);
        Target = target;
    }

    public string Column { get; }
    /// <summary>The Spark datetime pattern (the constructor's <c>format</c>).</summary>
    public string TimestampFormat { get; }
    public string? Target { get; }

    public override string DescribeArguments() => Target is null ? Arguments(Column, TimestampFormat) : Arguments(Column, TimestampFormat, Target);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        return Resolved(table, table.DataFrame.WithColumn(Target ?? field.Name, ToTimestamp(ColumnRef(field.Name), TimestampFormat)));
    }
}
