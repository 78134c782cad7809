using System.Globalization;
using System.Text;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Tests.Parity;

/// <summary>
/// Formats a result value the way Spark's SQL shell (and its documented examples) print it
/// (Spark's <c>HiveResult.toHiveString</c>): NULL at the top level and null inside collections;
/// strings as they are at the top level and double-quoted inside arrays, maps and structs; arrays
/// as <c>[1,2]</c>; maps as <c>{k:v}</c>; structs as <c>{"a":1}</c>; doubles as Java prints them
/// (<c>1.0</c>, <c>1.0E10</c>); decimals with their scale; dates <c>yyyy-MM-dd</c>; timestamps
/// <c>yyyy-MM-dd HH:mm:ss[.fraction]</c> without trailing zeros; binary as UTF-8 text.
/// </summary>
public static class SparkShellFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Format(object? value, DataType type) => Format(value, type, nested: false);

    private static string Format(object? value, DataType type, bool nested)
    {
        if (value is null) return nested ? "null" : "NULL";
        switch (type)
        {
            case StringType:
                return nested ? "\"" + (string)value + "\"" : (string)value;
            case BinaryType:
                return Encoding.UTF8.GetString((byte[])value);
            case BooleanType:
                return (bool)value ? "true" : "false";
            case DoubleType:
                return JavaDouble((double)value);
            case FloatType:
                return JavaFloat((float)value);
            case DecimalType d:
                return ((decimal)value).ToString("F" + d.Scale.ToString(Invariant), Invariant);
            case DateType:
                return ((DateOnly)value).ToString("yyyy-MM-dd", Invariant);
            case TimestampType or TimestampNtzType:
                return ValueFormatter.FormatTimestamp((DateTime)value);
            case ArrayType a:
                return "[" + string.Join(",", ((System.Collections.IEnumerable)value).Cast<object?>().Select(e => Format(e, a.ElementType, true))) + "]";
            case MapType m:
                return "{" + string.Join(",", ((IReadOnlyDictionary<object, object?>)value).Select(kv =>
                    Format(kv.Key, m.KeyType, true) + ":" + Format(kv.Value, m.ValueType, true))) + "}";
            case StructType s:
            {
                var row = (Row)value;
                return "{" + string.Join(",", s.Fields.Select((f, i) => "\"" + f.Name + "\":" + Format(row[i], f.DataType, true))) + "}";
            }
            default:
                return Convert.ToString(value, Invariant) ?? "";
        }
    }

    /// <summary>Java's <c>Double.toString</c>: the shortest digits that round-trip, plain between 10^-3 and 10^7, else <c>d.dddE±n</c>.</summary>
    public static string JavaDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        return Java(d.ToString("R", Invariant), Math.Abs(d));
    }

    public static string JavaFloat(float f)
    {
        if (float.IsNaN(f)) return "NaN";
        if (float.IsInfinity(f)) return f > 0 ? "Infinity" : "-Infinity";
        return Java(f.ToString("R", Invariant), Math.Abs(f));
    }

    private static string Java(string roundTrip, double magnitude)
    {
        var negative = roundTrip.StartsWith('-');
        var text = negative ? roundTrip[1..] : roundTrip;
        // Split the shortest representation into its digits and the power of ten of the first digit.
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, Invariant);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        var integral = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        var digits = (integral + fraction).TrimStart('0');
        var leadingZeros = (integral + fraction).Length - digits.Length;
        var firstPower = integral.Length - 1 - leadingZeros + exponent;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return (negative ? "-" : "") + "0.0";
        string body;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (firstPower >= 0)
            {
                var whole = digits.Length > firstPower + 1 ? digits[..(firstPower + 1)] : digits.PadRight(firstPower + 1, '0');
                var rest = digits.Length > firstPower + 1 ? digits[(firstPower + 1)..] : "0";
                body = whole + "." + rest;
            }
            else
            {
                body = "0." + new string('0', -firstPower - 1) + digits;
            }
        }
        else
        {
            body = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + firstPower.ToString(Invariant);
        }
        return (negative ? "-" : "") + body;
    }
}
