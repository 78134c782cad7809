using System.Globalization;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>
/// Numbers as Java writes them (<c>Double.toString</c>, <c>Float.toString</c>), which is how Spark
/// casts a double to a string: the shortest digits that read back as the same value, plain
/// (<c>0.001</c>, <c>1234567.0</c>) from 10^-3 up to 10^7 and in scientific form (<c>1.0E7</c>,
/// <c>1.0E-4</c>) outside it.
/// </summary>
internal static class JavaText
{
    public static string Double(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : Format(d.ToString("R", CultureInfo.InvariantCulture), Math.Abs(d), d < 0 || double.IsNegative(d));

    public static string Float(float f) =>
        float.IsNaN(f) ? "NaN" : float.IsInfinity(f) ? (f > 0 ? "Infinity" : "-Infinity") : Format(f.ToString("R", CultureInfo.InvariantCulture), Math.Abs(f), float.IsNegative(f));

    private static string Format(string shortest, double magnitude, bool negative)
    {
        // The shortest representation as digits d1d2d3... and the power of ten of d1.
        var text = shortest.TrimStart('-');
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var all = whole + (point < 0 ? "" : text[(point + 1)..]);
        var digits = all.TrimStart('0');
        var power = whole.Length - 1 - (all.Length - digits.Length) + exponent;
        digits = digits.TrimEnd('0');
        var sign = negative ? "-" : "";
        if (digits.Length == 0) return sign + "0.0";
        if (magnitude is >= 1e-3 and < 1e7)
        {
            if (power < 0) return sign + "0." + new string('0', -power - 1) + digits;
            var integral = digits.Length > power + 1 ? digits[..(power + 1)] : digits.PadRight(power + 1, '0');
            var fraction = digits.Length > power + 1 ? digits[(power + 1)..] : "0";
            return sign + integral + "." + fraction;
        }
        return sign + digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + power.ToString(CultureInfo.InvariantCulture);
    }
}
