using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddDateTime(Adder add, Aliaser alias)
    {
        const string cat = "dates and times";
        // Timestamps are held as UTC wall-clock TIMESTAMPs (the session time zone is UTC).
        add(cat, "current_timestamp", 0, 0, c => c.Result("CAST(get_current_timestamp() AS TIMESTAMP)", TimestampType.Instance, false));
        alias("now", "current_timestamp");
        add(cat, "current_date", 0, 0, c => c.Result("CAST(get_current_timestamp() AS DATE)", DateType.Instance, false));
        alias("curdate", "current_date");
        add(cat, "input_file_name", 0, 0, c => c.Scope.InputFileRef is { } file
            ? c.Result($"('file://' || {file})", StringType.Instance, false)
            : c.Result("''", StringType.Instance, false));
        // Not a Spark function: the input file's name without its folder (AddSourceFilename).
        add(cat, "alaspark_input_file_basename", 0, 0, c => c.Scope.InputFileRef is { } file
            ? c.Result($"parse_filename({file})", StringType.Instance, false)
            : c.Result("''", StringType.Instance, false));
        add(cat, "to_date", 1, 2, c => c.Count == 1
            ? c.Result(c.Date(0), DateType.Instance)
            : c.Result($"CAST({Parse(c, c.LiteralString(1, "format"))} AS DATE)", DateType.Instance));
        add(cat, "to_timestamp", 1, 2, c => c.Count == 1
            ? c.Result(c.Timestamp(0), TimestampType.Instance)
            : c.Result(Parse(c, c.LiteralString(1, "format")), TimestampType.Instance));
        // Spark: like to_timestamp, but NULL instead of an error, with ANSI on or off.
        add(cat, "try_to_timestamp", 1, 2, c => c.Count == 1
            ? c.Result(CastCompiler.Cast(c.Arg(0) is { Type: DateType or TimestampType or TimestampNtzType } v ? new TypedSql(c.AsTimestamp(v), TimestampType.Instance, v.Nullable) : c.Arg(0), TimestampType.Instance, CastMode.Try).Sql, TimestampType.Instance, true)
            : c.Result(Parse(c, c.LiteralString(1, "format"), fail: false), TimestampType.Instance, true));
        add(cat, "date_format", 2, 2, c => c.Result(
            $"strftime({c.Timestamp(0)}, {SqlText.String(JavaDateTimePattern.ToStrftime(c.LiteralString(1, "format")))})", StringType.Instance));
        add(cat, "date_trunc", 2, 2, c =>
        {
            var unit = TruncUnit(c.LiteralString(0, "unit"), forTimestamp: true);
            return unit is null
                ? c.Result("CAST(NULL AS TIMESTAMP)", TimestampType.Instance, true)
                : c.Result($"date_trunc('{unit}', {c.Timestamp(1)})", TimestampType.Instance);
        });
        add(cat, "trunc", 2, 2, c =>
        {
            var unit = TruncUnit(c.LiteralString(1, "unit"), forTimestamp: false);
            return unit is null
                ? c.Result("CAST(NULL AS DATE)", DateType.Instance, true)
                : c.Result($"CAST(date_trunc('{unit}', {c.Date(0)}) AS DATE)", DateType.Instance);
        });
        add(cat, "date_add", 2, 2, c => c.Result($"CAST({c.Date(0)} + CAST({c.Arg(1).Sql} AS INTEGER) AS DATE)", DateType.Instance));
        alias("dateadd", "date_add");
        add(cat, "date_sub", 2, 2, c => c.Result($"CAST({c.Date(0)} - CAST({c.Arg(1).Sql} AS INTEGER) AS DATE)", DateType.Instance));
        add(cat, "datediff", 2, 2, c => c.Result($"CAST({c.Date(0)} - {c.Date(1)} AS INTEGER)", IntegerType.Instance));
        add(cat, "add_months", 2, 2, c => c.Result(
            $"CAST({c.Date(0)} + to_months(CAST({c.Arg(1).Sql} AS INTEGER)) AS DATE)", DateType.Instance));
        add(cat, "last_day", 1, 1, c => c.Result($"last_day({c.Date(0)})", DateType.Instance));
        add(cat, "make_date", 3, 3, c =>
        {
            // Spark: an invalid month or day is NULL without ANSI, else DATETIME_FIELD_OUT_OF_BOUNDS.
            var (y, m, d) = (c.Arg(0).Sql, c.Arg(1).Sql, c.Arg(2).Sql);
            var date = $"TRY(make_date(CAST({y} AS BIGINT), CAST({m} AS BIGINT), CAST({d} AS BIGINT)))";
            if (!c.Ansi) return c.Result(date, DateType.Instance, true);
            var error = $"error('[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid date: year ' || {y} || ', month ' || {m} || ', day ' || {d} || '. " +
                        "If necessary set spark.sql.ansi.enabled to \"false\" to bypass this error.')";
            return c.Result($"CASE WHEN {y} IS NULL OR {m} IS NULL OR {d} IS NULL THEN NULL ELSE coalesce({date}, {error}) END", DateType.Instance);
        });
        foreach (var (name, part) in new[]
                 {
                     ("year", "year"), ("month", "month"), ("dayofmonth", "day"), ("day", "day"), ("quarter", "quarter"),
                     ("dayofyear", "dayofyear"), ("weekofyear", "week"),
                 })
            add(cat, name, 1, 1, c => c.Result($"CAST({part}({c.Date(0)}) AS INTEGER)", IntegerType.Instance));
        // Spark: 1 = Sunday ... 7 = Saturday.
        add(cat, "dayofweek", 1, 1, c => c.Result($"CAST(dayofweek({c.Date(0)}) + 1 AS INTEGER)", IntegerType.Instance));
        add(cat, "weekday", 1, 1, c => c.Result($"CAST(isodow({c.Date(0)}) - 1 AS INTEGER)", IntegerType.Instance));
        foreach (var name in new[] { "hour", "minute", "second" })
            add(cat, name, 1, 1, c => c.Result($"CAST({name}({c.Timestamp(0)}) AS INTEGER)", IntegerType.Instance));
        add(cat, "unix_timestamp", 0, 2, c => c.Count == 0
            ? c.Result("CAST(epoch(get_current_timestamp()) AS BIGINT)", LongType.Instance, false)
            : c.Result($"CAST(epoch({(c.Arg(0).Type is StringType ? Parse(c, c.Count == 2 ? c.LiteralString(1, "format") : "yyyy-MM-dd HH:mm:ss") : c.Timestamp(0))}) AS BIGINT)", LongType.Instance));
        alias("to_unix_timestamp", "unix_timestamp");
        add(cat, "from_unixtime", 1, 2, c => c.Result(
            $"strftime(CAST(to_timestamp(CAST({c.Arg(0).Sql} AS DOUBLE)) AS TIMESTAMP), {SqlText.String(JavaDateTimePattern.ToStrftime(c.Count == 2 ? c.LiteralString(1, "format") : "yyyy-MM-dd HH:mm:ss"))})",
            StringType.Instance));
        // Spark: a UTC timestamp's wall-clock time in a zone, and back, with java.time's rules for gaps and overlaps.
        add(cat, "from_utc_timestamp", 2, 2, c => TimeZoneConversion(c, Udfs.FromUtcTimestamp));
        add(cat, "to_utc_timestamp", 2, 2, c => TimeZoneConversion(c, Udfs.ToUtcTimestamp));
        add(cat, "timestamp_seconds", 1, 1, c => c.Result($"CAST(to_timestamp(CAST({c.Arg(0).Sql} AS DOUBLE)) AS TIMESTAMP)", TimestampType.Instance));
        add(cat, "months_between", 2, 3, c =>
        {
            var (a, b) = (c.Timestamp(0), c.Timestamp(1));
            var roundOff = c.Count < 3 || c.Arg(2).Sql == "true";
            // Spark: whole months when both are the same day of month or both month ends; else days/31 for the rest.
            var raw = $"(CASE WHEN day({a}) = day({b}) OR (day({a}) = day(last_day({a})) AND day({b}) = day(last_day({b}))) " +
                      $"THEN CAST((year({a}) - year({b})) * 12 + month({a}) - month({b}) AS DOUBLE) " +
                      $"ELSE (year({a}) - year({b})) * 12 + month({a}) - month({b}) + " +
                      $"((day({a}) - day({b})) * 86400 + (epoch({a}) % 86400) - (epoch({b}) % 86400)) / (31.0 * 86400) END)";
            return c.Result(roundOff ? $"round({raw}, 8)" : raw, DoubleType.Instance);
        });
        add(cat, "extract", 2, 2, c => DatePart(c, c.LiteralString(0, "field"), 1));
        add(cat, "date_part", 2, 2, c => DatePart(c, c.LiteralString(0, "field"), 1));
    }

    /// <summary>Parses a string with a Spark datetime pattern: an error under ANSI when it doesn't match, else null.</summary>
    private static string Parse(FunctionContext c, string javaPattern) => Parse(c, javaPattern, c.Ansi);

    private static string Parse(FunctionContext c, string javaPattern, bool fail)
    {
        var value = c.Arg(0);
        if (value.Type is DateType or TimestampType or TimestampNtzType) return c.AsTimestamp(value);
        var format = SqlText.String(JavaDateTimePattern.ToStrftime(javaPattern));
        var hasZone = javaPattern.IndexOfAny(['X', 'x', 'Z', 'z']) >= 0;
        var parse = $"try_strptime({FunctionContext.AsString(value)}, {format})";
        if (hasZone) parse = $"CAST({parse} AS TIMESTAMP)";
        if (!fail) return parse;
        var message = $"'[CANNOT_PARSE_TIMESTAMP] Text ''' || {FunctionContext.AsString(value)} || ''' could not be parsed with the pattern {javaPattern.Replace("'", "''")}. Use try_to_timestamp to get NULL instead, or set spark.sql.ansi.enabled=false.'";
        return $"(CASE WHEN ({value.Sql}) IS NULL THEN NULL ELSE coalesce({parse}, error({message})) END)";
    }

    private static string? TruncUnit(string unit, bool forTimestamp) => unit.ToUpperInvariant() switch
    {
        "YEAR" or "YYYY" or "YY" => "year",
        "QUARTER" => "quarter",
        "MONTH" or "MM" or "MON" => "month",
        "WEEK" => "week",
        "DAY" or "DD" when forTimestamp => "day",
        "HOUR" when forTimestamp => "hour",
        "MINUTE" when forTimestamp => "minute",
        "SECOND" when forTimestamp => "second",
        "MILLISECOND" when forTimestamp => "millisecond",
        "MICROSECOND" when forTimestamp => "microsecond",
        _ => null,
    };

    private static TypedSql DatePart(FunctionContext c, string field, int sourceIndex)
    {
        var source = c.Arg(sourceIndex);
        var part = field.ToUpperInvariant() switch
        {
            "YEAR" or "Y" or "YEARS" or "YR" or "YRS" => "year",
            "QUARTER" or "QTR" => "quarter",
            "MONTH" or "MON" or "MONS" or "MONTHS" => "month",
            "WEEK" or "W" or "WEEKS" => "week",
            "DAY" or "D" or "DAYS" => "day",
            "DAYOFWEEK" or "DOW" => "dow1",
            "DOY" => "dayofyear",
            "HOUR" or "H" or "HOURS" or "HR" or "HRS" => "hour",
            "MINUTE" or "M" or "MIN" or "MINS" or "MINUTES" => "minute",
            "SECOND" or "S" or "SEC" or "SECONDS" or "SECS" => "second",
            _ => throw new AlaSparkException($"[INVALID_EXTRACT_FIELD] Cannot extract '{field}' from {source.Type.SimpleString}."),
        };
        if (part == "dow1") return c.Result($"CAST(dayofweek({c.AsDate(source)}) + 1 AS INTEGER)", IntegerType.Instance);
        if (part == "second")
            return c.Result($"CAST(second({c.AsTimestamp(source)}) + microsecond({c.AsTimestamp(source)}) % 1000000 / 1000000.0 AS DECIMAL(8,6))", new DecimalType(8, 6));
        var input = part is "hour" or "minute" ? c.AsTimestamp(source) : c.AsDate(source);
        return c.Result($"CAST({part}({input}) AS INTEGER)", IntegerType.Instance);
    }

    /// <summary>from_utc_timestamp and to_utc_timestamp: a constant zone is checked here, so a wrong one fails before any row is read.</summary>
    private static TypedSql TimeZoneConversion(FunctionContext c, string udf)
    {
        if ((c.Raw(1) is Plan.Alias a ? a.Child : c.Raw(1)) is Plan.Literal { Value: null })
            return c.Result("CAST(NULL AS TIMESTAMP)", TimestampType.Instance, true);
        if (c.IsLiteral(1) && !SparkTimeZone.TryResolve(c.LiteralString(1, "time zone"), out _, out var error))
            throw new AlaSparkException($"[INVALID_TIMEZONE] {c.Name}(): {error}.");
        return c.Result($"{udf}({c.Timestamp(0)}, {c.String(1)})", TimestampType.Instance);
    }
}
