// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file, with SparkInterval.cs: Trigger.Parse and analyzer ALS4003 accept and refuse the same
// texts with the same words. The rules of SparkInterval.cs apply here too.
#nullable enable

using System;
using System.Globalization;
using System.Text;

namespace AlaSpark;

/// <summary>When a streaming write runs its micro-batches.</summary>
internal enum TriggerKind
{
    /// <summary>Process what is available now, in as many micro-batches as needed, then stop (the default).</summary>
    AvailableNow = 0,
    /// <summary>Process what is available now in one micro-batch, then stop.</summary>
    Once = 1,
    /// <summary>Run a micro-batch every <see cref="ParsedTrigger.Interval"/>.</summary>
    ProcessingTime = 2,
}

/// <summary>A trigger read from its text: its kind and, for <see cref="TriggerKind.ProcessingTime"/>, its interval.</summary>
internal sealed class ParsedTrigger
{
    public ParsedTrigger(TriggerKind kind, TimeSpan interval)
    {
        Kind = kind;
        Interval = interval;
    }

    /// <summary>The kind of trigger.</summary>
    public TriggerKind Kind { get; }

    /// <summary>The time between micro-batches of a processing-time trigger; zero otherwise.</summary>
    public TimeSpan Interval { get; }

    public override string ToString() =>
        Kind == TriggerKind.ProcessingTime ? "processing time " + Interval.ToString("c", CultureInfo.InvariantCulture)
        : Kind == TriggerKind.Once ? TriggerText.Once
        : TriggerText.AvailableNow;
}

/// <summary>
/// Reads the trigger strings of the sink attributes and of <c>run --trigger</c>: <c>"available-now"</c>,
/// <c>"once"</c>, or a Spark interval (<see cref="SparkInterval"/>: <c>"5 minutes"</c>, <c>"1.5 seconds"</c>,
/// <c>"interval 1 hour 30 minutes"</c>) for a processing-time trigger. As in Spark's
/// <c>Trigger.ProcessingTime(String)</c>, the interval counts no months or years (their length varies)
/// and is not negative. Keywords are case-insensitive; spaces around the text are ignored; null or
/// blank text is the default, available-now. Parsing never throws for bad text.
/// </summary>
internal static class TriggerText
{
    /// <summary>The text of the default trigger.</summary>
    public const string AvailableNow = "available-now";

    /// <summary>The text of the one-micro-batch trigger.</summary>
    public const string Once = "once";

    /// <summary>The accepted forms, for messages.</summary>
    public const string AcceptedForms =
        "write an interval such as \"5 minutes\" or \"30 seconds\" (units: microseconds, milliseconds, seconds, minutes, hours, days, weeks), \"available-now\" or \"once\"";

    /// <summary>
    /// Reads <paramref name="text"/>. On success <paramref name="trigger"/> is set and
    /// <paramref name="problem"/> is null; otherwise <paramref name="trigger"/> is null and
    /// <paramref name="problem"/> says what is wrong and what to write instead.
    /// </summary>
    public static bool TryParse(string? text, out ParsedTrigger? trigger, out string? problem)
    {
        trigger = null;
        problem = null;
        var trimmed = text == null ? "" : text.Trim();
        if (trimmed.Length == 0 || string.Equals(trimmed, AvailableNow, StringComparison.OrdinalIgnoreCase))
        {
            trigger = new ParsedTrigger(TriggerKind.AvailableNow, TimeSpan.Zero);
            return true;
        }
        if (string.Equals(trimmed, Once, StringComparison.OrdinalIgnoreCase))
        {
            trigger = new ParsedTrigger(TriggerKind.Once, TimeSpan.Zero);
            return true;
        }
        if (IsAvailableNowVariant(trimmed))
        {
            problem = "write \"" + AvailableNow + "\" (with a hyphen)";
            return false;
        }
        if (!SparkInterval.TryParse(trimmed, out var interval, out var error))
        {
            problem = error + "; " + AcceptedForms;
            return false;
        }
        if (interval.Months != 0)
        {
            problem = "the interval counts months or years, whose length varies; write it in weeks, days, hours, minutes or seconds";
            return false;
        }
        if (interval.IsNegative)
        {
            problem = "the interval is negative; write one of zero or more, such as \"5 minutes\"";
            return false;
        }
        var ticks = interval.TotalMicroseconds * (TimeSpan.TicksPerMillisecond / 1000);
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            problem = "the interval is too long; " + AcceptedForms;
            return false;
        }
        trigger = new ParsedTrigger(TriggerKind.ProcessingTime, TimeSpan.FromTicks((long)ticks));
        return true;
    }

    // "AvailableNow", "available_now", "available now": close enough to say what was meant.
    private static bool IsAvailableNowVariant(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetter(c)) letters.Append(char.ToLowerInvariant(c));
        return letters.ToString() == "availablenow";
    }
}
