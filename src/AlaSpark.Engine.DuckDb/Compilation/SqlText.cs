using System.Globalization;
using System.Text;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>
/// The only place SQL text is made from names and values: identifiers are always double-quoted
/// (a quote inside is doubled) and literals always escaped, so a hostile column name or value is
/// data, never SQL.
/// </summary>
internal static class SqlText
{
    public static string Ident(string name)
    {
        if (name.Contains('\0')) throw new AlaSparkException("A name may not contain the NUL character.");
        return "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    public static string String(string value) =>
        value.Contains('\0')
            ? "(" + string.Join(" || chr(0) || ", value.Split('\0').Select(Quote)) + ")"
            : Quote(value);

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>A SQL literal of the given Spark type.</summary>
    public static string Literal(object? value, DataType type)
    {
        if (value is null) return type is NullType ? "NULL" : $"CAST(NULL AS {TypeMapping.ToDuckDb(type)})";
        return value switch
        {
            string s => String(s),
            bool b => b ? "true" : "false",
            sbyte v => $"CAST({v} AS TINYINT)",
            byte v => $"CAST({v} AS SMALLINT)",
            short v => $"CAST({v} AS SMALLINT)",
            // DuckDB reads -2147483648 as the negation of a bigint; keep negative ints typed.
            int v => v < 0 ? $"CAST({v.ToString(CultureInfo.InvariantCulture)} AS INTEGER)" : v.ToString(CultureInfo.InvariantCulture),
            long v => $"CAST({v.ToString(CultureInfo.InvariantCulture)} AS BIGINT)",
            float f => float.IsFinite(f) ? $"CAST({f.ToString("R", CultureInfo.InvariantCulture)} AS FLOAT)" : $"CAST('{SpecialFloat(f)}' AS FLOAT)",
            double d when d == 0 && double.IsNegative(d) => "CAST('-0.0' AS DOUBLE)",
            double d => double.IsFinite(d) ? $"CAST({d.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE)" : $"CAST('{SpecialFloat(d)}' AS DOUBLE)",
            decimal m => $"CAST('{m.ToString(CultureInfo.InvariantCulture)}' AS {TypeMapping.ToDuckDb(type)})",
            DateOnly d => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'",
            DateTime t => $"TIMESTAMP '{t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}'",
            byte[] bytes => "from_hex('" + Convert.ToHexString(bytes) + "')",
            _ => throw new AlaSparkException($"Literals of type {value.GetType().Name} are not supported by the embedded engine."),
        };
    }

    private static string SpecialFloat(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

    public static string List(IEnumerable<string> items) => string.Join(", ", items);

    public static string StringList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    public static string Indent(string sql) => sql.Replace("\n", "\n  ");

    public static StringBuilder AppendLineIndented(this StringBuilder sb, string text) => sb.Append("  ").AppendLine(text);
}
