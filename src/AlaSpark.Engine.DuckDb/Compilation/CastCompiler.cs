using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>
/// Spark's CAST rules on DuckDB. DuckDB differs in ways that matter: it rounds when casting 1.7 or
/// '1.5' to an integer (Spark truncates or, under ANSI, refuses the string), it does not accept
/// Spark's lenient date strings, and its booleans accept other words. With ANSI on, a value that
/// can't be cast is an error that names it (Spark's <c>CAST_INVALID_INPUT</c>); with ANSI off or
/// for <c>try_cast</c> it is null.
/// </summary>
internal static class CastCompiler
{
    public static TypedSql Cast(TypedSql value, DataType to, bool ansi)
    {
        var from = value.Type;
        if (from.Equals(to)) return value;
        var tryCast = TryCast(value.Sql, from, to);
        if (tryCast is null)
            throw new AlaSparkException($"[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot cast {from.SimpleString} to {to.SimpleString}.");
        if (!ansi || !CanFail(from, to)) return new TypedSql(tryCast, to, value.Nullable);
        var message =
            $"'[CAST_INVALID_INPUT] The value ''' || CAST({value.Sql} AS VARCHAR) || ''' of the type \"{from.SimpleString.ToUpperInvariant()}\" cannot be cast to \"{to.SimpleString.ToUpperInvariant()}\" because it is malformed or out of range. " +
            "Correct the value, use try_cast to get NULL instead, or set spark.sql.ansi.enabled=false.'";
        return new TypedSql(
            $"(CASE WHEN ({value.Sql}) IS NULL THEN NULL ELSE coalesce({tryCast}, error({message})) END)", to, value.Nullable);
    }

    private static bool CanFail(DataType from, DataType to) =>
        from is StringType || (from.IsNumeric && to.IsNumeric && !Widens(from, to));

    private static bool Widens(DataType from, DataType to) => (from, to) switch
    {
        (ByteType, ShortType or IntegerType or LongType or FloatType or DoubleType) => true,
        (ShortType, IntegerType or LongType or FloatType or DoubleType) => true,
        (IntegerType, LongType or FloatType or DoubleType) => true,
        (LongType, FloatType or DoubleType) => true,
        (FloatType, DoubleType) => true,
        (DecimalType, DoubleType) => true,
        _ => false,
    };

    /// <summary>A cast that yields NULL where Spark's non-ANSI cast yields NULL; null when the cast is not allowed.</summary>
    private static string? TryCast(string sql, DataType from, DataType to)
    {
        var duck = TypeMapping.ToDuckDb(to);
        if (from is NullType) return $"CAST(NULL AS {duck})";
        switch (to)
        {
            case StringType:
                return from switch
                {
                    BinaryType => $"decode({sql})",
                    BooleanType => $"CASE WHEN {sql} THEN 'true' ELSE 'false' END",
                    ArrayType or MapType or StructType => $"CAST({sql} AS VARCHAR)",
                    _ => $"CAST({sql} AS VARCHAR)",
                };
            case ByteType or ShortType or IntegerType or LongType:
                return from switch
                {
                    StringType => $"TRY_CAST(CASE WHEN regexp_full_match(trim({sql}), '[+-]?[0-9]+') THEN trim({sql}) END AS {duck})",
                    FloatType or DoubleType or DecimalType => $"TRY_CAST(trunc({sql}) AS {duck})",
                    BooleanType => $"CAST({sql} AS {duck})",
                    ByteType or ShortType or IntegerType or LongType => $"TRY_CAST({sql} AS {duck})",
                    TimestampType or TimestampNtzType when to is LongType => $"epoch({sql})::BIGINT",
                    _ => null,
                };
            case FloatType or DoubleType or DecimalType:
                return from switch
                {
                    StringType => $"TRY_CAST(trim({sql}) AS {duck})",
                    BooleanType or ByteType or ShortType or IntegerType or LongType or FloatType or DoubleType or DecimalType => $"TRY_CAST({sql} AS {duck})",
                    TimestampType or TimestampNtzType when to is DoubleType => $"epoch({sql})",
                    _ => null,
                };
            case BooleanType:
                return from switch
                {
                    StringType => $"CASE WHEN lower(trim({sql})) IN ('t', 'true', 'y', 'yes', '1') THEN true WHEN lower(trim({sql})) IN ('f', 'false', 'n', 'no', '0') THEN false END",
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

    /// <summary>SQL macros the casts rely on, created once per connection.</summary>
    public const string Macros = """
        CREATE OR REPLACE MACRO alaspark_try_str_to_date(s) AS (
          CASE
            WHEN regexp_full_match(trim(s), '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T].*)?')
              THEN TRY_CAST(regexp_replace(trim(s), '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}).*$', '\1-\2-\3') AS DATE)
            WHEN regexp_full_match(trim(s), '[0-9]{4}-[0-9]{1,2}') THEN TRY_CAST(trim(s) || '-01' AS DATE)
            WHEN regexp_full_match(trim(s), '[0-9]{4}') THEN TRY_CAST(trim(s) || '-01-01' AS DATE)
          END);
        CREATE OR REPLACE MACRO alaspark_try_str_to_timestamp(s) AS (
          CASE
            WHEN regexp_full_match(trim(s), '[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?') THEN CAST(alaspark_try_str_to_date(s) AS TIMESTAMP)
            ELSE TRY_CAST(TRY_CAST(trim(s) AS TIMESTAMPTZ) AS TIMESTAMP)
          END);
        """;
}
