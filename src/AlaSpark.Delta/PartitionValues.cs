using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlaSpark.Types;

namespace AlaSpark.Delta;

/// <summary>
/// Turns partition values as the log stores them (strings, per the protocol's "Partition Value
/// Serialization") into the CLR values AlaSpark uses for the column's Spark type: <c>sbyte</c>, <c>short</c>,
/// <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>, <c>decimal</c>, <c>bool</c>, <c>string</c>,
/// <c>byte[]</c>, <see cref="DateOnly"/> for dates, <see cref="DateTime"/> (UTC) for timestamps and
/// <see cref="DateTime"/> (unspecified kind) for <c>timestamp_ntz</c>. A null or an empty string is null.
/// </summary>
public static partial class PartitionValues
{
    /// <summary>Parses one serialized partition value.</summary>
    /// <exception cref="FormatException">The text is not a value of the type; the message says which.</exception>
    public static object? Parse(string? text, DataType type)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var inv = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                StringType => text,
                BooleanType => text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                    : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : throw new FormatException("expected true or false"),
                ByteType => sbyte.Parse(text, NumberStyles.Integer, inv),
                ShortType => short.Parse(text, NumberStyles.Integer, inv),
                IntegerType => int.Parse(text, NumberStyles.Integer, inv),
                LongType => long.Parse(text, NumberStyles.Integer, inv),
                FloatType => float.Parse(text, NumberStyles.Float, inv),
                DoubleType => double.Parse(text, NumberStyles.Float, inv),
                DecimalType => decimal.Parse(text, NumberStyles.Float, inv),
                DateType => ParseDate(text),
                TimestampType => ParseTimestamp(text, ntz: false),
                TimestampNtzType => ParseTimestamp(text, ntz: true),
                BinaryType => text.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text),
                _ => throw new FormatException($"{type.SimpleString} can't be a partition column type"),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"'{text}' is not a {type.SimpleString} partition value: a field is out of range");
        }
        catch (OverflowException)
        {
            throw new FormatException($"'{text}' is out of the range of {type.SimpleString}" +
                (type is DecimalType ? " (a .NET decimal holds at most 28-29 significant digits)" : ""));
        }
        catch (FormatException e) when (!e.Message.StartsWith('\''))
        {
            throw new FormatException($"'{text}' is not a {type.SimpleString} partition value: {e.Message}");
        }
    }

    private static DateOnly ParseDate(string text)
    {
        var m = TimestampPattern().Match(text.Trim());
        if (!m.Success) throw new FormatException("expected {year}-{month}-{day}");
        return new DateOnly(Int(m, "y"), Int(m, "mo"), Int(m, "d"));
    }

    /// <summary>
    /// <c>{year}-{month}-{day} {hour}:{minute}:{second}[.{fraction}]</c> (read as UTC, as Delta Kernel does: the
    /// writer's time zone is not recorded) or ISO 8601 with <c>T</c> and a zone (<c>Z</c> or an offset), which is
    /// converted to UTC. A date alone is midnight (what a <c>date</c> widened to a timestamp holds).
    /// </summary>
    private static DateTime ParseTimestamp(string text, bool ntz)
    {
        var m = TimestampPattern().Match(text.Trim());
        if (!m.Success) throw new FormatException("expected {year}-{month}-{day} {hour}:{minute}:{second}[.{fraction}] or ISO 8601");
        var value = new DateTime(Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), DateTimeKind.Unspecified);
        if (m.Groups["f"].Success)
        {
            var digits = m.Groups["f"].Value.PadRight(7, '0')[..7]; // 100 ns ticks; finer digits are dropped
            value = value.AddTicks(long.Parse(digits, CultureInfo.InvariantCulture));
        }
        if (m.Groups["z"].Success && m.Groups["z"].Value != "Z")
        {
            var zone = m.Groups["z"].Value.Replace(":", "", StringComparison.Ordinal);
            var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..5], CultureInfo.InvariantCulture), 0);
            value = zone[0] == '+' ? value - offset : value + offset;
        }
        return DateTime.SpecifyKind(value, ntz ? DateTimeKind.Unspecified : DateTimeKind.Utc);
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[ T](?<h>\d{1,2}):(?<mi>\d{1,2})(?::(?<s>\d{1,2})(?:\.(?<f>\d{1,9}))?)?)?(?<z>Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimestampPattern();
}
