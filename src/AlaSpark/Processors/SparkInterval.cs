using System.Globalization;

namespace AlaSpark;

/// <summary>
/// An interval written as Spark reads interval strings (<c>"10 minutes"</c>, <c>"1 hour 30 minutes"</c>,
/// <c>"interval 2 days"</c>): an optional <c>interval</c> prefix, then one or more signed numbers each
/// followed by a unit, singular or plural, in any case. Only seconds may have a fraction. Months, days
/// and microseconds are kept apart, as Spark keeps them.
/// </summary>
internal readonly record struct SparkInterval(int Months, int Days, long Microseconds)
{
    private const long MicrosPerMillisecond = 1_000;
    private const long MicrosPerSecond = 1_000_000;
    private const long MicrosPerMinute = 60 * MicrosPerSecond;
    private const long MicrosPerHour = 60 * MicrosPerMinute;
    private const long MicrosPerDay = 24 * MicrosPerHour;

    /// <summary>The units in Spark's spelling, singular; each also takes a trailing <c>s</c>.</summary>
    public static IReadOnlyList<string> Units { get; } =
        ["year", "month", "week", "day", "hour", "minute", "second", "millisecond", "microsecond"];

    /// <summary>True when the interval is shorter than zero, counting a month as 31 days as Spark's watermark does.</summary>
    public bool IsNegative => (decimal)Months * 31 * MicrosPerDay + (decimal)Days * MicrosPerDay + Microseconds < 0;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong with it.</summary>
    public static bool TryParse(string? text, out SparkInterval interval, out string error)
    {
        interval = default;
        var words = (text ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var i = words.Length > 0 && words[0] == "interval" ? 1 : 0;
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
                if (number is "+" or "-")
                {
                    if (i == words.Length)
                    {
                        error = $"the sign '{number}' has no number after it";
                        return false;
                    }
                    number += words[i++];
                }
                if (!TryParseNumber(number, out var whole, out var fractionMicros))
                {
                    error = $"'{number}' is not a number";
                    return false;
                }
                if (i == words.Length)
                {
                    error = $"the number '{number}' has no unit after it (one of {string.Join(", ", Units)})";
                    return false;
                }
                var word = words[i++];
                var unit = word.EndsWith('s') && Units.Contains(word[..^1]) ? word[..^1] : word;
                if (!Units.Contains(unit))
                {
                    error = $"'{word}' is not a unit (one of {string.Join(", ", Units)}, singular or plural)";
                    return false;
                }
                if (fractionMicros is not null && unit != "second")
                {
                    error = $"'{number} {word}' has a fraction; only seconds may have one";
                    return false;
                }
                checked
                {
                    switch (unit)
                    {
                        case "year": months += (int)(whole * 12); break;
                        case "month": months += (int)whole; break;
                        case "week": days += (int)(whole * 7); break;
                        case "day": days += (int)whole; break;
                        case "hour": micros += whole * MicrosPerHour; break;
                        case "minute": micros += whole * MicrosPerMinute; break;
                        case "second": micros += whole * MicrosPerSecond + (fractionMicros ?? 0); break;
                        case "millisecond": micros += whole * MicrosPerMillisecond; break;
                        default: micros += whole; break;
                    }
                }
            }
        }
        catch (OverflowException)
        {
            error = "it is too large";
            return false;
        }
        interval = new SparkInterval(months, days, micros);
        error = "";
        return true;
    }

    /// <summary>A signed whole number with an optional fraction of at most nine digits (kept to the microsecond).</summary>
    /// <exception cref="OverflowException">The whole part does not fit in 64 bits.</exception>
    private static bool TryParseNumber(string text, out long whole, out long? fractionMicros)
    {
        whole = 0;
        fractionMicros = null;
        var negative = text.StartsWith('-');
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        var point = body.IndexOf('.');
        var digits = point < 0 ? body : body[..point];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return false;
        whole = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture); // too many digits: OverflowException
        if (point >= 0)
        {
            var fraction = body[(point + 1)..];
            if (fraction.Length > 9 || !fraction.All(char.IsAsciiDigit)) return false;
            fractionMicros = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0')[..6], CultureInfo.InvariantCulture);
        }
        if (negative)
        {
            whole = -whole;
            fractionMicros = -fractionMicros;
        }
        return true;
    }
}
