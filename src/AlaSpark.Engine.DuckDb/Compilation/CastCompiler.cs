using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>
/// Spark's CAST rules on DuckDB. DuckDB differs in ways that matter: it rounds when casting 1.7 or
/// '1.5' to an integer (Spark truncates or, under ANSI, refuses the string), it does not accept
/// Spark's lenient date strings, and its booleans accept other words. With ANSI on, a value that
/// can't be cast is an error that names it (Spark's <c>CAST_INVALID_INPUT</c>); with ANSI off or
/// for <c>try_cast</c> it is null.
/// </summary>
/// <summary>How a cast treats a value it can't convert: Spark's <c>EvalMode</c>.</summary>
internal enum CastMode
{
    /// <summary>spark.sql.ansi.enabled=false: null (and lenient parsing: '1.9' as int is 1).</summary>
    Legacy,

    /// <summary>spark.sql.ansi.enabled=true: an error naming Spark's error class.</summary>
    Ansi,

    /// <summary>try_cast: ANSI's strict parsing, but null instead of the error.</summary>
    Try,
}

internal static class CastCompiler
{
    public static TypedSql Cast(TypedSql value, DataType to, bool ansi) => Cast(value, to, ansi ? CastMode.Ansi : CastMode.Legacy);

    public static TypedSql Cast(TypedSql value, DataType to, CastMode mode)
    {
        var from = value.Type;
        if (from.Equals(to)) return value;
        if (mode == CastMode.Ansi && from.IsIntegral && to is BinaryType)
            throw new AlaSparkException(
                $"[DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION] Cannot cast {from.SimpleString} to {to.SimpleString} with ANSI mode on. " +
                "If you have to cast it, you can set spark.sql.ansi.enabled as 'false'.");
        if (from is DateType && to.IsNumeric)
        {
            // Spark: a date is not a number; without ANSI the cast is allowed and gives NULL.
            if (mode == CastMode.Ansi)
                throw new AlaSparkException(
                    $"[DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION] Cannot cast date to {to.SimpleString}. To convert values from date to {to.SimpleString}, you can use the function UNIX_DATE instead.");
            return new TypedSql($"CAST(NULL AS {TypeMapping.ToDuckDb(to)})", to, true);
        }
        var tryCast = TryCast(value.Sql, from, to, mode);
        if (tryCast is null)
            throw new AlaSparkException($"[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot cast {from.SimpleString} to {to.SimpleString}.");
        if (mode != CastMode.Ansi || !CanFail(from, to)) return new TypedSql(tryCast, to, value.Nullable || CanFail(from, to));
        var shown = from is StringType ? value.Sql : ToText(value.Sql, from);
        var (fromName, toName) = (from.SimpleString.ToUpperInvariant(), to.SimpleString.ToUpperInvariant());
        var invalid =
            $"'[CAST_INVALID_INPUT] The value ''' || {shown} || ''' of the type \"{fromName}\" cannot be cast to \"{toName}\" because it is malformed. " +
            "Correct the value as per the syntax, or change its target type. Use try_cast to tolerate malformed input and return NULL instead. " +
            "If necessary set spark.sql.ansi.enabled to \"false\" to bypass this error.'";
        var outOfRange = to is DecimalType d
            ? $"'[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] ' || {shown} || ' cannot be represented as Decimal({d.Precision}, {d.Scale}). " +
              "If necessary set spark.sql.ansi.enabled to \"false\" to bypass this error, and return NULL instead.'"
            : $"'[CAST_OVERFLOW] The value ' || {shown} || ' of the type \"{fromName}\" cannot be cast to \"{toName}\" due to an overflow. " +
              "Use try_cast to tolerate overflow and return NULL instead. If necessary set spark.sql.ansi.enabled to \"false\" to bypass this error.'";
        // A number that doesn't fit is an overflow; text that isn't a number is malformed, except
        // for a decimal target, where a well-formed number that doesn't fit is out of range too.
        var error = from.IsNumeric
            ? $"error({outOfRange})"
            : to is DecimalType
                ? $"CASE WHEN TRY_CAST(alaspark_trim({value.Sql}) AS DOUBLE) IS NOT NULL THEN error({outOfRange}) ELSE error({invalid}) END"
                : $"error({invalid})";
        return new TypedSql(
            $"(CASE WHEN ({value.Sql}) IS NULL THEN NULL ELSE coalesce({tryCast}, {error}) END)", to, value.Nullable);
    }

    private static bool CanFail(DataType from, DataType to) =>
        from is StringType && to is not (StringType or BinaryType) || (from.IsNumeric && to.IsNumeric && !Widens(from, to));

    private static bool Widens(DataType from, DataType to) => (from, to) switch
    {
        (ByteType, ShortType or IntegerType or LongType or FloatType or DoubleType) => true,
        (ShortType, IntegerType or LongType or FloatType or DoubleType) => true,
        (IntegerType, LongType or FloatType or DoubleType) => true,
        (LongType, FloatType or DoubleType) => true,
        (FloatType, DoubleType) => true,
        (DecimalType, DoubleType) => true,
        (ByteType or ShortType or IntegerType or LongType, DecimalType d) => d.Precision - d.Scale >= Numeric.AsDecimal(from).Precision,
        (DecimalType a, DecimalType b) => b.Scale >= a.Scale && b.Precision - b.Scale >= a.Precision - a.Scale,
        _ => false,
    };

    /// <summary>A cast that yields NULL where the cast fails; null when the cast is not allowed.</summary>
    private static string? TryCast(string sql, DataType from, DataType to, CastMode mode)
    {
        var duck = TypeMapping.ToDuckDb(to);
        if (from is NullType) return $"CAST(NULL AS {duck})";
        switch (to)
        {
            case StringType:
                return ToText(sql, from);
            case ByteType or ShortType or IntegerType or LongType:
                return from switch
                {
                    // Spark trims whitespace; without ANSI a fraction is allowed and dropped ('-4.56' is -4).
                    StringType when mode == CastMode.Legacy =>
                        $"TRY_CAST(CASE WHEN regexp_full_match(alaspark_trim({sql}), '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]*)') " +
                        $"THEN regexp_extract(alaspark_trim({sql}), '^[+-]?[0-9]*') || CASE WHEN regexp_full_match(alaspark_trim({sql}), '[+-]?[.].*') THEN '0' ELSE '' END END AS {duck})",
                    StringType => $"TRY_CAST(CASE WHEN regexp_full_match(alaspark_trim({sql}), '[+-]?[0-9]+') THEN alaspark_trim({sql}) END AS {duck})",
                    // Without ANSI, Spark narrows numbers as Java does: integers wrap around, doubles saturate at
                    // the int (or long) range and then wrap to a byte or short, NaN is 0.
                    ByteType or ShortType or IntegerType or LongType or DecimalType when mode == CastMode.Legacy =>
                        Wrap($"CAST(trunc({sql}) AS HUGEINT)", to),
                    FloatType or DoubleType when mode == CastMode.Legacy =>
                        Wrap(to is LongType
                            ? $"CASE WHEN isnan({sql}) THEN 0 WHEN {sql} >= 9223372036854775807 THEN 9223372036854775807 WHEN {sql} <= -9223372036854775808 THEN -9223372036854775808 ELSE CAST(trunc({sql}) AS HUGEINT) END"
                            : $"CASE WHEN isnan({sql}) THEN 0 WHEN {sql} >= 2147483647 THEN 2147483647 WHEN {sql} <= -2147483648 THEN -2147483648 ELSE CAST(trunc({sql}) AS HUGEINT) END", to),
                    FloatType or DoubleType or DecimalType => $"TRY_CAST(trunc({sql}) AS {duck})",
                    BooleanType => $"CAST({sql} AS {duck})",
                    ByteType or ShortType or IntegerType or LongType => $"TRY_CAST({sql} AS {duck})",
                    TimestampType or TimestampNtzType when to is LongType => $"epoch({sql})::BIGINT",
                    _ => null,
                };
            case FloatType or DoubleType or DecimalType:
                return from switch
                {
                    StringType => $"TRY_CAST(alaspark_trim({sql}) AS {duck})",
                    BooleanType or ByteType or ShortType or IntegerType or LongType or FloatType or DoubleType or DecimalType => $"TRY_CAST({sql} AS {duck})",
                    TimestampType or TimestampNtzType when to is DoubleType => $"epoch({sql})",
                    _ => null,
                };
            case BooleanType:
                return from switch
                {
                    StringType => $"CASE WHEN lower(alaspark_trim({sql})) IN ('t', 'true', 'y', 'yes', '1') THEN true WHEN lower(alaspark_trim({sql})) IN ('f', 'false', 'n', 'no', '0') THEN false END",
                    _ when from.IsNumeric => $"({sql}) <> 0",
                    _ => null,
                };
            case DateType:
                return from switch
                {
                    StringType => $"alaspark_try_str_to_date({sql})",
                    TimestampType or TimestampNtzType => $"CAST({sql} AS DATE)",
                    _ => null,
                };
            case TimestampType or TimestampNtzType:
                return from switch
                {
                    StringType => $"alaspark_try_str_to_timestamp({sql})",
                    DateType or TimestampType or TimestampNtzType => $"CAST({sql} AS TIMESTAMP)",
                    _ when from.IsNumeric && to is TimestampType => $"to_timestamp(CAST({sql} AS DOUBLE))::TIMESTAMP",
                    _ => null,
                };
            case BinaryType:
                return from switch
                {
                    StringType => $"encode({sql})",
                    // Without ANSI, an integer becomes its big-endian two's complement bytes (an int is 4 bytes).
                    ByteType or ShortType or IntegerType or LongType when mode != CastMode.Ansi =>
                        $"unhex(right(lpad(hex({sql}), {2 * Numeric.ByteWidth(from)}, '0'), {2 * Numeric.ByteWidth(from)}))",
                    _ => null,
                };
            case ArrayType toArray when from is ArrayType:
                return $"TRY_CAST({sql} AS {TypeMapping.ToDuckDb(toArray)})";
            case StructType when from is StructType:
            case MapType when from is MapType:
                return $"TRY_CAST({sql} AS {duck})";
            default:
                return null;
        }
    }

    /// <summary>An integer (as HUGEINT) wrapped around to a narrower integral type, as a Java cast does.</summary>
    private static string Wrap(string huge, DataType to)
    {
        var bits = 8 * Numeric.ByteWidth(to);
        var (half, full) = (System.Numerics.BigInteger.One << (bits - 1), System.Numerics.BigInteger.One << bits);
        return $"CAST(((({huge}) + {half}) % {full} + {full}) % {full} - {half} AS {TypeMapping.ToDuckDb(to)})";
    }

    /// <summary>
    /// A value as Spark writes it as text: doubles as Java prints them (<c>1.0E10</c>), booleans
    /// <c>true</c>/<c>false</c>, binary as UTF-8, arrays <c>[1, null]</c>, structs <c>{1, a}</c> and
    /// maps <c>{k -&gt; v}</c> (nested values the same way, a null inside as <c>null</c>).
    /// </summary>
    public static string ToText(string sql, DataType from, int depth = 0)
    {
        var v = $"__text_{depth}";
        string Inner(string element, DataType type) => $"coalesce({ToText(element, type, depth + 1)}, 'null')";
        return from switch
        {
            StringType => sql,
            BinaryType => $"{Udfs.Utf8Text}({sql})",
            BooleanType => $"CASE WHEN {sql} THEN 'true' WHEN NOT {sql} THEN 'false' END",
            DoubleType => $"{Udfs.JavaDoubleText}({sql})",
            FloatType => $"{Udfs.JavaFloatText}({sql})",
            ArrayType a => $"CASE WHEN {sql} IS NULL THEN NULL ELSE '[' || array_to_string(list_transform({sql}, {v} -> {Inner(v, a.ElementType)}), ', ') || ']' END",
            MapType m => $"CASE WHEN {sql} IS NULL THEN NULL ELSE '{{' || array_to_string(list_transform(map_entries({sql}), {v} -> {Inner($"{v}.key", m.KeyType)} || ' -> ' || {Inner($"{v}.value", m.ValueType)}), ', ') || '}}' END",
            StructType st => $"CASE WHEN {sql} IS NULL THEN NULL ELSE '{{' || " +
                             string.Join(" || ', ' || ", st.Fields.Select(f => Inner($"struct_extract({sql}, {SqlText.String(f.Name)})", f.DataType))) + " || '}' END",
            _ => $"CAST({sql} AS VARCHAR)",
        };
    }

    /// <summary>SQL macros the casts rely on, created once per connection.</summary>
    public const string Macros = """
        CREATE OR REPLACE MACRO alaspark_trim(s) AS (
          trim(s, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(28) || chr(29) || chr(30) || chr(31)));
        CREATE OR REPLACE MACRO alaspark_try_str_to_date(s) AS (
          CASE
            WHEN regexp_full_match(alaspark_trim(s), '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T].*)?')
              THEN TRY_CAST(regexp_replace(alaspark_trim(s), '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}).*$', '\1-\2-\3') AS DATE)
            WHEN regexp_full_match(alaspark_trim(s), '[0-9]{4}-[0-9]{1,2}') THEN TRY_CAST(alaspark_trim(s) || '-01' AS DATE)
            WHEN regexp_full_match(alaspark_trim(s), '[0-9]{4}') THEN TRY_CAST(alaspark_trim(s) || '-01-01' AS DATE)
          END);
        CREATE OR REPLACE MACRO alaspark_try_str_to_timestamp(s) AS (
          CASE
            WHEN regexp_full_match(alaspark_trim(s), '[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?') THEN CAST(alaspark_try_str_to_date(s) AS TIMESTAMP)
            ELSE TRY_CAST(TRY_CAST(alaspark_trim(s) AS TIMESTAMPTZ) AS TIMESTAMP)
          END);
        """;
}
