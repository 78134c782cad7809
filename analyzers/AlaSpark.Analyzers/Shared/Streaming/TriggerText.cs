// Shared source: written to be linked into other AlaSpark projects (the runtime's streaming
// writers, the generator) as the naming files are, so every part reads a trigger string the same
// way. Keep it free of dependencies on other files and of APIs newer than netstandard2.0.
#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlaSpark.Streaming;

/// <summary>When a streaming write runs its micro-batches.</summary>
public enum TriggerKind
{
    /// <summary>Process what is available now, in as many micro-batches as needed, then stop (the default).</summary>
    AvailableNow = 0,
    /// <summary>Process what is available now in one micro-batch, then stop.</summary>
    Once = 1,
    /// <summary>Run a micro-batch every <see cref="ParsedTrigger.Interval"/>.</summary>
    ProcessingTime = 2,
}

/// <summary>A trigger read from its text: its kind and, for <see cref="TriggerKind.ProcessingTime"/>, its interval.</summary>
public sealed class ParsedTrigger
{
    internal ParsedTrigger(TriggerKind kind, TimeSpan interval)
    {
        Kind = kind;
        Interval = interval;
    }

    /// <summary>The kind of trigger.</summary>
    public TriggerKind Kind { get; }

    /// <summary>The time between micro-batches of a processing-time trigger; zero otherwise.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Kind == TriggerKind.ProcessingTime ? "processing time " + Interval.ToString("c", CultureInfo.InvariantCulture)
        : Kind == TriggerKind.Once ? TriggerText.Once
        : TriggerText.AvailableNow;
}

/// <summary>
/// Reads the trigger strings of the sink attributes: <c>"available-now"</c>, <c>"once"</c>, or an
/// interval such as <c>"5 minutes"</c>, <c>"30 seconds"</c>, <c>"1 hour 30 minutes"</c> (Spark's
/// processing-time form; an optional leading <c>interval</c> is allowed). Units: millisecond, second,
/// minute, hour, day, singular or plural; numbers are whole and not negative. Keywords and units are
/// case-insensitive; spaces around the text are ignored. Parsing never throws for bad text.
/// </summary>
public static class TriggerText
{
    /// <summary>The text of the default trigger.</summary>
    public const string AvailableNow = "available-now";

    /// <summary>The text of the one-micro-batch trigger.</summary>
    public const string Once = "once";

    /// <summary>The accepted forms, for messages.</summary>
    public const string AcceptedForms =
        "write an interval such as \"5 minutes\" or \"30 seconds\" (units: milliseconds, seconds, minutes, hours, days), \"available-now\" or \"once\"";

    private static readonly Dictionary<string, long> TicksPerUnit = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        { "millisecond", TimeSpan.TicksPerMillisecond }, { "milliseconds", TimeSpan.TicksPerMillisecond },
        { "second", TimeSpan.TicksPerSecond }, { "seconds", TimeSpan.TicksPerSecond },
        { "minute", TimeSpan.TicksPerMinute }, { "minutes", TimeSpan.TicksPerMinute },
        { "hour", TimeSpan.TicksPerHour }, { "hours", TimeSpan.TicksPerHour },
        { "day", TimeSpan.TicksPerDay }, { "days", TimeSpan.TicksPerDay },
    };

    /// <summary>
    /// Reads <paramref name="text"/>. On success <paramref name="trigger"/> is set and
    /// <paramref name="problem"/> is null; otherwise <paramref name="problem"/> says what is wrong and
    /// what to write instead. Null or blank text is the default, <see cref="TriggerKind.AvailableNow"/>.
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

        var words = trimmed.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        var start = string.Equals(words[0], "interval", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (start == words.Length)
        {
            problem = "it has no number and unit; " + AcceptedForms;
            return false;
        }

        long ticks = 0;
        for (var i = start; i < words.Length; i += 2)
        {
            if (!long.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                problem = NotANumber(words[i]) + "; " + AcceptedForms;
                return false;
            }
            if (i + 1 >= words.Length)
            {
                problem = "the number " + words[i] + " has no unit; " + AcceptedForms;
                return false;
            }
            if (!TicksPerUnit.TryGetValue(words[i + 1], out var unit))
            {
                problem = "'" + words[i + 1] + "' is not a unit (milliseconds, seconds, minutes, hours, days); " + AcceptedForms;
                return false;
            }
            if (amount > (TimeSpan.MaxValue.Ticks - ticks) / unit)
            {
                problem = "the interval is too long; " + AcceptedForms;
                return false;
            }
            ticks += amount * unit;
        }

        trigger = new ParsedTrigger(TriggerKind.ProcessingTime, TimeSpan.FromTicks(ticks));
        return true;
    }

    private static string NotANumber(string word)
    {
        if (word.StartsWith("-", StringComparison.Ordinal)) return "the interval is negative";
        if (TicksPerUnit.ContainsKey(word)) return "the unit '" + word + "' has no number before it";
        var digits = 0;
        while (digits < word.Length && word[digits] >= '0' && word[digits] <= '9') digits++;
        if (digits > 0 && digits < word.Length && TicksPerUnit.ContainsKey(word.Substring(digits)))
            return "put a space between the number and the unit ('" + word.Substring(0, digits) + " " + word.Substring(digits) + "')";
        return "'" + word + "' is not a whole number";
    }

    // "AvailableNow", "available_now", "available now": close enough to say what was meant.
    private static bool IsAvailableNowVariant(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetter(c)) letters.Append(char.ToLowerInvariant(c));
        return letters.ToString() == "availablenow";
    }
}
