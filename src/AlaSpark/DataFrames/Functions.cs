using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// Spark's built-in functions (<c>pyspark.sql.functions</c>), by their Spark names. Each call builds
/// an <see cref="UnresolvedFunction"/>; the engine gives it Spark's semantics.
/// </summary>
public static class Functions
{
    private static Column Fn(string name, params Column[] args) =>
        new(new UnresolvedFunction(name, args.Select(a => a.Expression).ToArray()));

    private static Column<T> Fn<T>(string name, params Column[] args) =>
        new(new UnresolvedFunction(name, args.Select(a => a.Expression).ToArray()));

    /// <summary>A column by name; <c>a.b</c> addresses the field <c>b</c> of struct <c>a</c>;
    /// back-quotes keep dots in a name (<c>`a.b`</c>).</summary>
    public static Column Col(string name) =>
        name == "*" ? new Column(new UnresolvedStar()) : new Column(new UnresolvedAttribute(SplitName(name)));

    /// <summary>A typed column by name.</summary>
    public static Column<T> Col<T>(string name) => new(new UnresolvedAttribute(SplitName(name)));

    /// <summary>A constant. Supported: null, string, bool, byte, short, int, long, float, double,
    /// decimal, DateOnly, DateTime, DateTimeOffset, byte[] and <see cref="Column"/> (returned as is).</summary>
    public static Column Lit(object? value) => value switch
    {
        Column c => c,
        _ => new Column(LiteralOf(value)),
    };

    public static Column<T> Lit<T>(T value) => new(LiteralOf(value));

    internal static Literal LiteralOf(object? value) => value switch
    {
        null => Literal.Null,
        string s => new Literal(s, StringType.Instance),
        bool b => new Literal(b, BooleanType.Instance),
        sbyte b => new Literal(b, ByteType.Instance),
        byte b => new Literal((short)b, ShortType.Instance),
        short s => new Literal(s, ShortType.Instance),
        int i => new Literal(i, IntegerType.Instance),
        long l => new Literal(l, LongType.Instance),
        float f => new Literal(f, FloatType.Instance),
        double d => new Literal(d, DoubleType.Instance),
        decimal m => new Literal(m, DecimalLiteralType(m)),
        DateOnly d => new Literal(d, DateType.Instance),
        DateTime t => new Literal(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc), TimestampType.Instance),
        DateTimeOffset t => new Literal(t.UtcDateTime, TimestampType.Instance),
        byte[] bytes => new Literal(bytes, BinaryType.Instance),
        char c => new Literal(c.ToString(), StringType.Instance),
        _ => throw new AlaSparkException($"Lit() does not support values of type {value.GetType().Name}."),
    };

    /// <summary>Spark's type for a decimal literal: precision = digits, scale = digits after the point.</summary>
    internal static DecimalType DecimalLiteralType(decimal value)
    {
        var text = Math.Abs(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        var scale = point < 0 ? 0 : text.Length - point - 1;
        var digits = text.Replace(".", "").TrimStart('0').Length;
        var precision = Math.Max(Math.Max(digits, scale), 1);
        return new DecimalType(Math.Min(precision, DecimalType.MaxPrecision), Math.Min(scale, DecimalType.MaxPrecision));
    }

    internal static string[] SplitName(string name)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '`')
            {
                if (quoted && i + 1 < name.Length && name[i + 1] == '`') { current.Append('`'); i++; }
                else quoted = !quoted;
            }
            else if (c == '.' && !quoted) { parts.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        parts.Add(current.ToString());
        return parts.ToArray();
    }

    /// <summary>A Spark SQL expression fragment (<c>"upper(name) AS name_upper"</c>), parsed into the expression tree.</summary>
    public static Column Expr(string sql) => new(Sql.SparkSqlParser.ParseNamedExpression(sql));

    // ---- hashing -----------------------------------------------------------------------------
    public static Column<string> Sha2(Column column, int numBits) => Fn<string>("sha2", column, Lit(numBits));
    public static Column<string> Sha1(Column column) => Fn<string>("sha1", column);
    public static Column<string> Md5(Column column) => Fn<string>("md5", column);
    public static Column<long> Crc32(Column column) => Fn<long>("crc32", column);

    // ---- dates and times ---------------------------------------------------------------------
    public static Column<DateTime> CurrentTimestamp() => Fn<DateTime>("current_timestamp");
    public static Column<DateOnly> CurrentDate() => Fn<DateOnly>("current_date");
    public static Column<string> InputFileName() => Fn<string>("input_file_name");
    public static Column<DateOnly> ToDate(Column column) => Fn<DateOnly>("to_date", column);
    public static Column<DateOnly> ToDate(Column column, string format) => Fn<DateOnly>("to_date", column, Lit(format));
    public static Column<DateTime> ToTimestamp(Column column) => Fn<DateTime>("to_timestamp", column);
    public static Column<DateTime> ToTimestamp(Column column, string format) => Fn<DateTime>("to_timestamp", column, Lit(format));
    public static Column<string> DateFormat(Column column, string format) => Fn<string>("date_format", column, Lit(format));
    /// <summary>Spark's <c>date_trunc(format, timestamp)</c>: the unit comes first.</summary>
    public static Column<DateTime> DateTrunc(string unit, Column column) => Fn<DateTime>("date_trunc", Lit(unit), column);
    public static Column<DateOnly> Trunc(Column column, string unit) => Fn<DateOnly>("trunc", column, Lit(unit));
    public static Column<DateOnly> DateAdd(Column column, int days) => Fn<DateOnly>("date_add", column, Lit(days));
    public static Column<DateOnly> DateAdd(Column column, Column days) => Fn<DateOnly>("date_add", column, days);
    public static Column<DateOnly> DateSub(Column column, int days) => Fn<DateOnly>("date_sub", column, Lit(days));
    public static Column<int> DateDiff(Column end, Column start) => Fn<int>("datediff", end, start);
    public static Column<int> Year(Column column) => Fn<int>("year", column);
    public static Column<int> Month(Column column) => Fn<int>("month", column);
    public static Column<int> DayOfMonth(Column column) => Fn<int>("dayofmonth", column);
    public static Column<int> Hour(Column column) => Fn<int>("hour", column);
    public static Column<int> Minute(Column column) => Fn<int>("minute", column);
    public static Column<int> Second(Column column) => Fn<int>("second", column);

    // ---- strings -----------------------------------------------------------------------------
    public static Column<string> RegexpReplace(Column column, string pattern, string replacement) =>
        Fn<string>("regexp_replace", column, Lit(pattern), Lit(replacement));
    public static Column<string> RegexpExtract(Column column, string pattern, int group) =>
        Fn<string>("regexp_extract", column, Lit(pattern), Lit(group));
    public static Column<string[]> Split(Column column, string pattern) => Fn<string[]>("split", column, Lit(pattern));
    public static Column<string[]> Split(Column column, string pattern, int limit) => Fn<string[]>("split", column, Lit(pattern), Lit(limit));
    public static Column<string> Concat(params Column[] columns) => Fn<string>("concat", columns);
    public static Column<string> ConcatWs(string separator, params Column[] columns) =>
        Fn<string>("concat_ws", columns.Prepend(Lit(separator)).ToArray());
    public static Column<string> Upper(Column column) => Fn<string>("upper", column);
    public static Column<string> Lower(Column column) => Fn<string>("lower", column);
    public static Column<string> Trim(Column column) => Fn<string>("trim", column);
    public static Column<string> Trim(Column column, string trimCharacters) => Fn<string>("trim", column, Lit(trimCharacters));
    public static Column<string> LTrim(Column column) => Fn<string>("ltrim", column);
    public static Column<string> RTrim(Column column) => Fn<string>("rtrim", column);
    public static Column<string> Lpad(Column column, int length, string pad) => Fn<string>("lpad", column, Lit(length), Lit(pad));
    public static Column<string> Rpad(Column column, int length, string pad) => Fn<string>("rpad", column, Lit(length), Lit(pad));
    public static Column<string> Substring(Column column, int position, int length) =>
        Fn<string>("substring", column, Lit(position), Lit(length));
    public static Column<int> Length(Column column) => Fn<int>("length", column);
    public static Column<string> InitCap(Column column) => Fn<string>("initcap", column);
    public static Column<string> Replace(Column column, string search, string replacement) =>
        Fn<string>("replace", column, Lit(search), Lit(replacement));

    // ---- conditionals and nulls --------------------------------------------------------------
    public static Column Coalesce(params Column[] columns) => Fn("coalesce", columns);
    /// <summary>Starts a <c>CASE WHEN</c>; continue with <see cref="Column.When"/> and <see cref="Column.Otherwise"/>.</summary>
    public static Column When(Column condition, object? value) => Fn("when", condition, Lit(value));
    public static Column IsNull(Column column) => Fn("isnull", column);
    public static Column Greatest(params Column[] columns) => Fn("greatest", columns);
    public static Column Least(params Column[] columns) => Fn("least", columns);

    // ---- numbers -----------------------------------------------------------------------------
    /// <summary>Spark's <c>round</c>: HALF_UP rounding (2.5 -> 3, -2.5 -> -3).</summary>
    public static Column Round(Column column, int scale = 0) => Fn("round", column, Lit(scale));
    public static Column Abs(Column column) => Fn("abs", column);
    public static Column Floor(Column column) => Fn("floor", column);
    public static Column Ceil(Column column) => Fn("ceil", column);

    // ---- arrays, structs and JSON ------------------------------------------------------------
    public static Column Explode(Column column) => Fn("explode", column);
    public static Column ExplodeOuter(Column column) => Fn("explode_outer", column);
    public static Column Array(params Column[] columns) => Fn("array", columns);
    public static Column<int> Size(Column column) => Fn<int>("size", column);
    public static Column<bool> ArrayContains(Column column, object value) => Fn<bool>("array_contains", column, Lit(value));
    public static Column Struct(params Column[] columns) => Fn("struct", columns);
    public static Column FromJson(Column column, StructType schema) => Fn("from_json", column, Lit(schema.ToDdl()));
    public static Column FromJson(Column column, string ddlSchema) => Fn("from_json", column, Lit(ddlSchema));
    public static Column<string> ToJson(Column column) => Fn<string>("to_json", column);
    public static Column<string> GetJsonObject(Column column, string path) => Fn<string>("get_json_object", column, Lit(path));

    // ---- aggregates --------------------------------------------------------------------------
    public static Column<long> Count(Column column) => Fn<long>("count", column);
    public static Column Sum(Column column) => Fn("sum", column);
    public static Column Avg(Column column) => Fn("avg", column);
    public static Column Min(Column column) => Fn("min", column);
    public static Column Max(Column column) => Fn("max", column);
}
