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

/// <summary>
/// Moves a timestamp column's wall-clock time from one time zone to another: the time as read in <c>fromZone</c>,
/// shown in <c>toZone</c> (<c>ConvertTimezone("pickup_time", "America/New_York", "UTC")</c>). This is Spark's
/// <c>from_utc_timestamp(to_utc_timestamp(column, fromZone), toZone)</c>. Zones are written as Spark reads them: a
/// region (<c>Europe/Paris</c>), <c>UTC</c>, an offset (<c>+08:00</c>) or a Java short id (<c>PST</c>). A time that
/// falls in a daylight-saving gap of <c>fromZone</c> moves later by the gap; one in an overlap takes the earlier
/// offset (java.time's rules). Null stays null.
/// </summary>
public sealed class ConvertTimezone : ToTableProcessor
{
    public ConvertTimezone(string column, string fromZone, string toZone)
    {
        Column = RequireName(nameof(ConvertTimezone), nameof(column), column);
        FromZone = RequireZone(nameof(fromZone), fromZone);
        ToZone = RequireZone(nameof(toZone), toZone);
    }

    public string Column { get; }
    public string FromZone { get; }
    public string ToZone { get; }

    public override string DescribeArguments() => Arguments(Column, FromZone, ToZone);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column, t => t is Types.TimestampType, "ConvertTimezone works on a timestamp column",
            $"Parse text first, for example with ParseTimestamp(\"{Column}\", \"yyyy-MM-dd HH:mm:ss\").");
        var converted = Function("from_utc_timestamp", Function("to_utc_timestamp", ColumnRef(field.Name), Lit(FromZone)), Lit(ToZone));
        return Resolved(table, table.DataFrame.WithColumn(field.Name, converted));
    }

    private static string RequireZone(string parameter, string zone)
    {
        if (!SparkTimeZone.TryResolve(zone, out _, out var error))
            throw InvalidArgument(nameof(ConvertTimezone), $"{parameter}: {error}.");
        return zone;
    }
}
