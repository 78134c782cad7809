namespace AlaSpark;

/// <summary>When a streaming query runs its micro-batches.</summary>
public abstract record Trigger
{
    private protected Trigger()
    {
    }

    /// <summary>Everything available when the query starts, in as many batches as the source's limits need; then the query stops.</summary>
    public static Trigger AvailableNow { get; } = new AvailableNowTrigger();

    /// <summary>One batch with everything available, ignoring the source's per-batch limits; then the query stops.</summary>
    public static Trigger Once { get; } = new OnceTrigger();

    /// <summary>A batch every <paramref name="interval"/> (when there is new data), until the query is stopped.</summary>
    public static Trigger ProcessingTime(TimeSpan interval) =>
        interval >= TimeSpan.Zero
            ? new ProcessingTimeTrigger(interval)
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A processing-time trigger's interval is zero or more.");

    /// <summary>
    /// A trigger as the sink attributes write it: <c>"available-now"</c>, <c>"once"</c>, or an interval
    /// (<c>"5 minutes"</c>, <c>"30 seconds"</c>) for a processing-time trigger.
    /// </summary>
    public static Trigger Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Equals("available-now", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("availableNow", StringComparison.OrdinalIgnoreCase)) return AvailableNow;
        if (trimmed.Equals("once", StringComparison.OrdinalIgnoreCase)) return Once;
        if (!SparkInterval.TryParse(trimmed, out var interval, out var reason))
            throw new AlaSparkException(
                $"The trigger \"{text}\" is neither \"available-now\", \"once\" nor an interval ({reason}). Write \"available-now\", \"once\", or an interval such as \"5 minutes\".");
        if (interval.Months != 0)
            throw new AlaSparkException($"The trigger \"{text}\" counts months, whose length varies. Write it in days, hours, minutes or seconds.");
        var micros = interval.Days * 86_400_000_000L + interval.Microseconds;
        if (micros < 0) throw new AlaSparkException($"The trigger \"{text}\" is negative. Write an interval of zero or more, such as \"5 minutes\".");
        return new ProcessingTimeTrigger(TimeSpan.FromMicroseconds(micros));
    }
}

/// <summary>See <see cref="Trigger.AvailableNow"/>.</summary>
public sealed record AvailableNowTrigger : Trigger
{
    public override string ToString() => "available-now";
}

/// <summary>See <see cref="Trigger.Once"/>.</summary>
public sealed record OnceTrigger : Trigger
{
    public override string ToString() => "once";
}

/// <summary>See <see cref="Trigger.ProcessingTime(TimeSpan)"/>.</summary>
public sealed record ProcessingTimeTrigger : Trigger
{
    internal ProcessingTimeTrigger(TimeSpan interval) => Interval = interval;

    public TimeSpan Interval { get; }

    public override string ToString() => $"processing time {Interval}";
}
