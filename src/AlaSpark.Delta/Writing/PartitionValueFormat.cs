using System.Globalization;
using System.Text;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>
/// Writes partition values the way the protocol's "Partition Value Serialization" says, so any reader gets the
/// typed value back: numbers in invariant form (decimals with the column's scale), <c>true</c>/<c>false</c>,
/// dates <c>yyyy-MM-dd</c>, timestamps as ISO 8601 adjusted to UTC with microseconds
/// (<c>1970-01-01T00:00:00.123456Z</c>, what the protocol recommends), <c>timestamp_ntz</c> as
/// <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>, strings as they are. A null — and an empty string, which the protocol
/// reads as null — is written as null.
/// </summary>
public static class PartitionValueFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Serializes a typed value (<see cref="PartitionValues.Parse"/>'s CLR types) of the column's type.</summary>
    public static string? Serialize(object? value, DataType type)
    {
        switch (value)
        {
            case null: return null;
            case string s: return s.Length == 0 ? null : type is StringType ? s : FromText(s, type);
            case bool b: return b ? "true" : "false";
            case DateOnly d: return d.ToString("yyyy-MM-dd", Inv);
            case DateTime dt when type is TimestampNtzType: return Ntz(dt);
            case DateTime dt: return Utc(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : DateTime.SpecifyKind(dt, DateTimeKind.Utc));
            case DateTimeOffset dto when type is TimestampNtzType: return Ntz(dto.DateTime);
            case DateTimeOffset dto: return Utc(dto.UtcDateTime);
            case decimal m when type is DecimalType dec: return m.ToString("F" + dec.Scale.ToString(Inv), Inv);
            case float f: return f.ToString("R", Inv);
            case double d: return d.ToString("R", Inv);
            case byte[] bytes: return Encoding.Latin1.GetString(bytes);
            case IFormattable f: return f.ToString(null, Inv);
            default: return Convert.ToString(value, Inv);
        }
    }

    /// <summary>
    /// Serializes a partition value an engine reported as text (its own spelling: <c>2024-01-01 10:00:00+00</c>,
    /// <c>1.50</c>, <c>True</c>...), after reading it as the column's type. An empty text is null.
    /// </summary>
    /// <exception cref="FormatException">The text is not a value of the type.</exception>
    public static string? FromText(string? text, DataType type)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (type is StringType) return text;
        var trimmed = text.Trim();
        // "+00" and "+0530" style zones: the reader's pattern takes +hh:mm or +hhmm.
        if (type is TimestampType && System.Text.RegularExpressions.Regex.IsMatch(trimmed, @"[+-]\d{2}$"))
            trimmed += ":00";
        var value = type is BooleanType
            ? trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed == "1" ? true
              : trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed == "0" ? false
              : throw new FormatException($"'{text}' is not a boolean partition value")
            : PartitionValues.Parse(trimmed, type);
        return value is string s ? s : Serialize(value, type);
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", Inv);

    private static string Ntz(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString("yyyy-MM-dd HH:mm:ss", Inv)
            : value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", Inv);
}
