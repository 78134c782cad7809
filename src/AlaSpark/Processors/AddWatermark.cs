namespace AlaSpark;

/// <summary>
/// Declares an event-time watermark, Spark's <c>withWatermark(eventTime, delay)</c>: events may arrive up to
/// <c>delay</c> (<c>"10 minutes"</c>) behind the latest event time seen. On a stream it bounds the state that
/// <see cref="DropDuplicates"/> and aggregations keep; on a batch, as in Spark, it changes no row. Either way
/// the column must be a timestamp (or a window) and the delay a Spark interval that is not negative.
/// </summary>
public sealed class AddWatermark(string eventTimeColumn, string delay) : ToTableProcessor
{
    public string EventTimeColumn { get; } = eventTimeColumn;
    public string Delay { get; } = delay;

    public override string DescribeArguments() => Arguments(EventTimeColumn, Delay);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, EventTimeColumn);
        var call = $"{Name}({Arguments(EventTimeColumn, Delay)}) in {Where(table)}";
        if (!IsEventTime(field.DataType))
            throw new AlaSparkException(
                $"{call}: the column '{field.Name}' is {field.DataType.SimpleString}; the event time of a watermark is a timestamp " +
                $"(or a window). Convert it first, for example with AlterDataType(\"{field.Name}\", \"timestamp\").");
        if (!SparkInterval.TryParse(Delay, out var interval, out var reason))
            throw new AlaSparkException(
                $"{call}: the delay \"{Delay}\" is not a Spark interval ({reason}). " +
                "Write a number and a unit, such as \"10 minutes\", \"1 hour\" or \"30 seconds\".");
        if (interval.IsNegative)
            throw new AlaSparkException($"{call}: the delay \"{Delay}\" is negative; a watermark's delay is zero or more, such as \"10 minutes\".");
        return table with { DataFrame = table.DataFrame.WithWatermark(field.Name, Delay) };
    }

    /// <summary>A timestamp, or a window: a struct whose <c>end</c> is a timestamp (what Spark's analyzer accepts).</summary>
    private static bool IsEventTime(Types.DataType type) => type switch
    {
        Types.TimestampType => true,
        Types.StructType window => window.Find("end")?.DataType is Types.TimestampType,
        _ => false,
    };
}
