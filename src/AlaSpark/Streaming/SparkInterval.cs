// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file, with TriggerText.cs, so the analyzers and the runtime read intervals the same way.
// As in the Naming folder: no dependency on other AlaSpark files, no ranges or index operators, no
// records or init accessors, no BCL APIs newer than netstandard2.0; the types stay internal, so the
// two assemblies never show the same public type.
#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlaSpark;

/// <summary>
/// An interval written as Spark reads interval strings (<c>"10 minutes"</c>, <c>"1 hour 30 minutes"</c>,
/// <c>"interval 2 days"</c>): an optional <c>interval</c> prefix, then one or more signed numbers each
/// followed by a unit, singular or plural, in any case. Only seconds may have a fraction. Months, days
/// and microseconds are kept apart, as Spark keeps them. Parsing never throws for bad text.
/// </summary>
internal readonly struct SparkInterval : IEquatable<SparkInterval>
{
    /// <summary>Microseconds in a day.</summary>
    public const long MicrosPerDay = 86_400_000_000L;

    /// <summary>The units in Spark's spelling, for messages; each is also accepted with a trailing <c>s</c>.</summary>
    public const string UnitNames = "microsecond, millisecond, second, minute, hour, day, week, month, year";

    // One of each unit.
    private static readonly Dictionary<string, SparkInterval> Units = new Dictionary<string, SparkInterval>(StringComparer.OrdinalIgnoreCase)
    {
        { "year", new SparkInterval(12, 0, 0) },
        { "month", new SparkInterval(1, 0, 0) },
        { "week", new SparkInterval(0, 7, 0) },
        { "day", new SparkInterval(0, 1, 0) },
        { "hour", new SparkInterval(0, 0, 3_600_000_000L) },
        { "minute", new SparkInterval(0, 0, 60_000_000L) },
        { "second", new SparkInterval(0, 0, 1_000_000L) },
        { "millisecond", new SparkInterval(0, 0, 1_000L) },
        { "microsecond", new SparkInterval(0, 0, 1L) },
    };

    public SparkInterval(int months, int days, long microseconds)
    {
        Months = months;
        Days = days;
        Microseconds = microseconds;
    }

    public int Months { get; }

    public int Days { get; }

    public long Microseconds { get; }

    /// <summary>The whole length in microseconds, counting a month as 31 days as Spark's watermark does.</summary>
    public decimal TotalMicroseconds => ((decimal)Months * 31 + Days) * MicrosPerDay + Microseconds;

    /// <summary>True when the interval is shorter than zero (see <see cref="TotalMicroseconds"/>).</summary>
    public bool IsNegative => TotalMicroseconds < 0;

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong with it
    /// (without what to write instead: the callers know what the interval is for).
    /// </summary>
    public static bool TryParse(string? text, out SparkInterval interval, out string error)
    {
        interval = default;
        error = "";
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var i = words.Length > 0 && string.Equals(words[0], "interval", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (i == words.Length)
        {
            error = "it has no number and unit";
            return false;
        }
        int months = 0, days = 0;
        long micros = 0;
        try
        {
            while (i < words.Length)
            {
                var number = words[i++];
                if (number == "+" || number == "-")
                {
                    if (i == words.Length)
                    {
                        error = "the sign '" + number + "' has no number after it";
                        return false;
                    }
                    number += words[i++];
                }
                if (!TryParseNumber(number, out var whole, out var fractionMicros))
                {
                    error = NotANumber(number);
                    return false;
                }
                if (i == words.Length)
                {
                    error = "the number " + number + " has no unit after it";
                    return false;
                }
                var word = words[i++];
                if (!TryFindUnit(word, out var unit, out var singular))
                {
                    error = "'" + word + "' is not a unit (" + UnitNames + "; singular or plural)";
                    return false;
                }
                if (fractionMicros != 0 && singular != "second")
                {
                    error = "'" + number + " " + word + "' has a fraction; only seconds may have one";
                    return false;
                }
                checked
                {
                    months += (int)(whole * unit.Months);
                    days += (int)(whole * unit.Days);
                    micros += whole * unit.Microseconds + fractionMicros;
                }
            }
        }
        catch (OverflowException)
        {
            error = "the interval is too long";
            return false;
        }
        interval = new SparkInterval(months, days, micros);
        return true;
    }

    public bool Equals(SparkInterval other) => Months == other.Months && Days == other.Days && Microseconds == other.Microseconds;

    public override bool Equals(object? obj) => obj is SparkInterval other && Equals(other);

    public override int GetHashCode() => (Months * 397 ^ Days) * 397 ^ Microseconds.GetHashCode();

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} months {1} days {2} microseconds", Months, Days, Microseconds);

    private static bool TryFindUnit(string word, out SparkInterval unit, out string singular)
    {
        singular = word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && Units.ContainsKey(word.Substring(0, word.Length - 1))
            ? word.Substring(0, word.Length - 1)
            : word;
        singular = singular.ToLowerInvariant();
        return Units.TryGetValue(singular, out unit);
    }

    /// <summary>
    /// A signed whole number with an optional fraction of at most nine digits, kept to the microsecond;
    /// <paramref name="fractionMicros"/> is zero without a fraction and also when it is <c>.0</c>.
    /// </summary>
    /// <exception cref="OverflowException">The whole part does not fit in 64 bits.</exception>
    private static bool TryParseNumber(string text, out long whole, out long fractionMicros)
    {
        whole = 0;
        fractionMicros = 0;
        var negative = text[0] == '-';
        var body = text[0] == '-' || text[0] == '+' ? text.Substring(1) : text;
        var point = body.IndexOf('.');
        var digits = point < 0 ? body : body.Substring(0, point);
        if (!AllDigits(digits, allowEmpty: false)) return false;
        whole = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture); // too many digits: OverflowException
        if (point >= 0)
        {
            var fraction = body.Substring(point + 1);
            if (fraction.Length > 9 || !AllDigits(fraction, allowEmpty: true)) return false;
            fractionMicros = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0').Substring(0, 6), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        if (negative)
        {
            whole = -whole;
            fractionMicros = -fractionMicros;
        }
        return true;
    }

    private static bool AllDigits(string text, bool allowEmpty)
    {
        if (text.Length == 0) return allowEmpty;
        foreach (var c in text)
            if (c < '0' || c > '9') return false;
        return true;
    }

    // Says more than "not a number" for the usual slips: a unit without its number, a number and unit run together.
    private static string NotANumber(string word)
    {
        if (TryFindUnit(word, out _, out _)) return "the unit '" + word + "' has no number before it";
        var digits = 0;
        while (digits < word.Length && word[digits] >= '0' && word[digits] <= '9') digits++;
        if (digits > 0 && digits < word.Length && TryFindUnit(word.Substring(digits), out _, out _))
            return "put a space between the number and the unit ('" + word.Substring(0, digits) + " " + word.Substring(digits) + "')";
        return "'" + word + "' is not a number";
    }
}
