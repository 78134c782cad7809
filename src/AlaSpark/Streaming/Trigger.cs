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
    /// A trigger as the sink attributes and <c>run --trigger</c> write it: <c>"available-now"</c> (also null or
    /// blank text), <c>"once"</c>, or a Spark interval (<c>"5 minutes"</c>, <c>"30 seconds"</c>) without months,
    /// not negative, for a processing-time trigger. The analyzers read the text with the same code (ALS4003).
    /// </summary>
    /// <exception cref="AlaSparkException">The text is none of these; the message says what is wrong and what to write.</exception>
    public static Trigger Parse(string text)
    {
        if (!TriggerText.TryParse(text, out var parsed, out var problem))
            throw new AlaSparkException($"The trigger \"{text}\" cannot be parsed: {problem}.");
        return parsed!.Kind switch
        {
            TriggerKind.AvailableNow => AvailableNow,
            TriggerKind.Once => Once,
            _ => new ProcessingTimeTrigger(parsed.Interval),
        };
    }
}

/// <summary>See <see cref="Trigger.AvailableNow"/>.</summary>
public sealed record AvailableNowTrigger : Trigger
{
    public override string ToString() => TriggerText.AvailableNow;
}

/// <summary>See <see cref="Trigger.Once"/>.</summary>
public sealed record OnceTrigger : Trigger
{
    public override string ToString() => TriggerText.Once;
}

/// <summary>See <see cref="Trigger.ProcessingTime(TimeSpan)"/>.</summary>
public sealed record ProcessingTimeTrigger : Trigger
{
    internal ProcessingTimeTrigger(TimeSpan interval) => Interval = interval;

    public TimeSpan Interval { get; }

    public override string ToString() => $"processing time {Interval}";
}
