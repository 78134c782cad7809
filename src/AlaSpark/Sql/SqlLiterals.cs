using System.Globalization;
using System.Numerics;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Sql;

/// <summary>Turns literal text into <see cref="Literal"/> values with Spark's typing rules.
/// Each method returns null with a reason in <c>error</c> when the text is not valid.</summary>
internal static class SqlLiterals
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A number token (<c>12</c>, <c>12L</c>, <c>1.5</c>, <c>1e3</c>, <c>1.5BD</c>), negated when
    /// a minus sign precedes it.</summary>
    public static Literal? Number(string text, bool negative, out string error)
    {
        error = "";
        var upper = text.ToUpperInvariant();
        var suffix = upper.EndsWith("BD", StringComparison.Ordinal) ? "BD"
            : upper.Length > 0 && char.IsAsciiLetter(upper[^1]) && upper[^1] != 'E' ? upper[^1..]
            : "";
        var body = (negative ? "-" : "") + upper[..^suffix.Length];
        var isFractional = body.Contains('.') || body.Contains('E');
        switch (suffix)
        {
            case "L":
                if (long.TryParse(body, NumberStyles.AllowLeadingSign, Invariant, out var l)) return new Literal(l, LongType.Instance);
                error = $"{Shown(text, negative)} does not fit in a bigint (range {long.MinValue} to {long.MaxValue})";
                return null;
            case "S":
                if (short.TryParse(body, NumberStyles.AllowLeadingSign, Invariant, out var s)) return new Literal(s, ShortType.Instance);
                error = $"{Shown(text, negative)} does not fit in a smallint (range {short.MinValue} to {short.MaxValue})";
                return null;
            case "Y":
                if (sbyte.TryParse(body, NumberStyles.AllowLeadingSign, Invariant, out var y)) return new Literal(y, ByteType.Instance);
                error = $"{Shown(text, negative)} does not fit in a tinyint (range {sbyte.MinValue} to {sbyte.MaxValue})";
                return null;
            case "D":
                if (double.TryParse(body, NumberStyles.Float, Invariant, out var d) && double.IsFinite(d)) return new Literal(d, DoubleType.Instance);
                error = $"{Shown(text, negative)} is out of range for a double";
                return null;
            case "F":
                if (float.TryParse(body, NumberStyles.Float, Invariant, out var f) && float.IsFinite(f)) return new Literal(f, FloatType.Instance);
                error = $"{Shown(text, negative)} is out of range for a float";
                return null;
            case "BD":
                return DecimalLiteral(body, text, negative, out error);
        }
        if (body.Contains('E'))
        {
            if (double.TryParse(body, NumberStyles.Float, Invariant, out var e) && double.IsFinite(e)) return new Literal(e, DoubleType.Instance);
            error = $"{Shown(text, negative)} is out of range for a double";
            return null;
        }
        if (isFractional) return DecimalLiteral(body, text, negative, out error);
        var integer = BigInteger.Parse(body, NumberStyles.AllowLeadingSign, Invariant);
        if (integer >= int.MinValue && integer <= int.MaxValue) return new Literal((int)integer, IntegerType.Instance);
        if (integer >= long.MinValue && integer <= long.MaxValue) return new Literal((long)integer, LongType.Instance);
        return DecimalLiteral(body, text, negative, out error);
    }

    /// <summary>A decimal literal typed as Spark types <c>BigDecimal</c>s: precision = significant
    /// digits, scale = digits after the point (<c>1.5</c> is <c>decimal(2,1)</c>).</summary>
    private static Literal? DecimalLiteral(string body, string text, bool negative, out string error)
    {
        error = "";
        if (!decimal.TryParse(body, NumberStyles.Float, Invariant, out var value) || !KeepsAllDigits(body, value))
        {
            error = $"{Shown(text, negative)} has more digits than a decimal literal can hold (28); add the suffix D for a double";
            return null;
        }
        return new Literal(value, DecimalTypeOf(value));
    }

    /// <summary>decimal.Parse rounds silently past 28 digits; a literal must not change.</summary>
    private static bool KeepsAllDigits(string body, decimal value)
    {
        if (body.Contains('E')) return true;
        var point = body.IndexOf('.');
        var scale = point < 0 ? 0 : body.Length - point - 1;
        return value.Scale == scale;
    }

    /// <summary>Spark's type of a decimal value: <c>decimal(max(digits, scale), scale)</c>.</summary>
    public static DecimalType DecimalTypeOf(decimal value)
    {
        var scale = value.Scale;
        var bits = decimal.GetBits(value);
        var unscaled = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var digits = unscaled.IsZero ? 1 : unscaled.ToString(Invariant).Length;
        return new DecimalType(Math.Max(digits, scale), scale);
    }

    private static string Shown(string text, bool negative) => (negative ? "-" : "") + text;

    /// <summary>Spark's date literal forms: <c>yyyy</c>, <c>yyyy-[m]m</c>, <c>yyyy-[m]m-[d]d</c>, optionally
    /// followed by a time (<c>T...</c> or a space and anything), which is ignored.</summary>
    public static DateOnly? Date(string text)
    {
        var t = text.Trim();
        var cut = t.IndexOfAny(['T', ' ']);
        if (cut >= 0) t = t[..cut];
        var parts = t.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4) return null;
        var numbers = new int[] { 0, 1, 1 };
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > (i == 0 ? 4 : 2) || !parts[i].All(char.IsAsciiDigit)) return null;
            numbers[i] = int.Parse(parts[i], Invariant);
        }
        if (numbers[0] < 1 || numbers[1] < 1 || numbers[1] > 12 || numbers[2] < 1 || numbers[2] > DateTime.DaysInMonth(numbers[0], numbers[1])) return null;
        return new DateOnly(numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Spark's timestamp literal: a date, optionally <c>T</c> or a space and
    /// <c>HH[:mm[:ss[.fraction]]]</c>, optionally a zone (<c>Z</c>, <c>UTC</c>, <c>+01:00</c>, a region).
    /// Without a zone the wall-clock time is read as UTC. Fractions keep microseconds, as Spark does.</summary>
    public static DateTime? Timestamp(string text, bool allowZone, out string error)
    {
        error = "";
        var t = text.Trim();
        var split = t.IndexOfAny(['T', ' ']);
        var datePart = split < 0 ? t : t[..split];
        var rest = split < 0 ? "" : t[(split + 1)..].TrimStart();
        if (datePart.Split('-').Length != 3 && rest.Length > 0) return null;
        if (Date(datePart) is not { } date) return null;
        var i = 0;
        var time = new int[3];
        long ticks = 0;
        for (var field = 0; field < 3 && i < rest.Length; field++)
        {
            if (field > 0)
            {
                if (rest[i] != ':') break;
                i++;
            }
            var start = i;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]) && i - start < 2) i++;
            if (i == start) return null;
            time[field] = int.Parse(rest.AsSpan(start, i - start), Invariant);
            if (field == 2 && i < rest.Length && rest[i] == '.')
            {
                i++;
                var fractionStart = i;
                while (i < rest.Length && char.IsAsciiDigit(rest[i])) i++;
                var fraction = rest[fractionStart..i];
                if (fraction.Length > 9) return null;
                // Microseconds (Spark's resolution), as 100-nanosecond ticks.
                var micros = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(6, '0')[..6], Invariant);
                ticks = micros * 10L;
            }
        }
        if (time[0] > 23 || time[1] > 59 || time[2] > 59) return null;
        var local = date.ToDateTime(new TimeOnly(time[0], time[1], time[2])).AddTicks(ticks);
        var zone = rest[i..].Trim();
        if (zone.Length == 0) return DateTime.SpecifyKind(local, allowZone ? DateTimeKind.Utc : DateTimeKind.Unspecified);
        if (!allowZone)
        {
            error = "a TIMESTAMP_NTZ literal has no time zone";
            return null;
        }
        if (ZoneOffset(zone, local) is not { } offset) return null;
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return null;
        return new DateTime(utcTicks, DateTimeKind.Utc);
    }

    private static TimeSpan? ZoneOffset(string zone, DateTime local)
    {
        var upper = zone.ToUpperInvariant();
        if (upper is "Z" or "UTC" or "GMT" or "UT") return TimeSpan.Zero;
        foreach (var prefix in new[] { "UTC", "GMT", "UT", "" })
        {
            if (!upper.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var s = upper[prefix.Length..];
            if (s.Length < 2 || s[0] is not ('+' or '-')) continue;
            var sign = s[0] == '-' ? -1 : 1;
            var digits = s[1..].Replace(":", "");
            if (digits.Length is not (1 or 2 or 4) || !digits.All(char.IsAsciiDigit)) return null;
            var hours = int.Parse(digits.Length == 4 ? digits[..2] : digits, Invariant);
            var minutes = digits.Length == 4 ? int.Parse(digits[2..], Invariant) : 0;
            if (hours > 18 || minutes > 59) return null;
            return sign * new TimeSpan(hours, minutes, 0);
        }
        if (!zone.Contains('/')) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary><c>X'0AFF'</c>: hex digits, two per byte; an odd count gets a leading zero, as in Spark.</summary>
    public static byte[]? Hex(string text)
    {
        if (!text.All(char.IsAsciiHexDigit)) return null;
        if (text.Length % 2 == 1) text = "0" + text;
        return Convert.FromHexString(text);
    }
}
