using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddOperators(Adder add)
    {
        const string cat = "operators";
        foreach (var (spark, duck) in new[] { ("==", "="), ("!=", "<>"), ("<", "<"), ("<=", "<="), (">", ">"), (">=", ">=") })
            add(cat, spark, 2, 2, c => Compare(c, duck));
        add(cat, "<=>", 2, 2, c => c.Result($"({c.Arg(0).Sql} IS NOT DISTINCT FROM {c.Arg(1).Sql})", BooleanType.Instance, false));
        add(cat, "and", 2, 2, c => c.Result($"({Bool(c, 0)} AND {Bool(c, 1)})", BooleanType.Instance));
        add(cat, "or", 2, 2, c => c.Result($"({Bool(c, 0)} OR {Bool(c, 1)})", BooleanType.Instance));
        add(cat, "not", 1, 1, c => c.Result($"(NOT {Bool(c, 0)})", BooleanType.Instance));
        add(cat, "isnull", 1, 1, c => c.Result($"({c.Arg(0).Sql} IS NULL)", BooleanType.Instance, false));
        add(cat, "isnotnull", 1, 1, c => c.Result($"({c.Arg(0).Sql} IS NOT NULL)", BooleanType.Instance, false));
        add(cat, "in", 1, Many, c => c.Count == 1
            ? c.Result("false", BooleanType.Instance, false)
            : c.Result($"({c.Arg(0).Sql} IN ({string.Join(", ", c.Args.Skip(1).Select(a => a.Sql))}))", BooleanType.Instance));
        add(cat, "like", 2, 3, c => Like(c, "LIKE"));
        add(cat, "ilike", 2, 3, c => Like(c, "ILIKE"));
        add(cat, "rlike", 2, 2, c => c.Result($"regexp_matches({c.String(0)}, {c.Pattern(1)})", BooleanType.Instance));
        add(cat, "+", 2, 2, c => Arithmetic(c, "+"));
        add(cat, "-", 2, 2, c => Arithmetic(c, "-"));
        add(cat, "*", 2, 2, c => Arithmetic(c, "*"));
        add(cat, "/", 2, 2, Divide);
        add(cat, "%", 2, 2, c => Remainder(c));
        add(cat, "mod", 2, 2, c => Remainder(c));
        add(cat, "div", 2, 2, c =>
        {
            RequireNumeric(c);
            var zero = c.Ansi ? $"error('[DIVIDE_BY_ZERO] Division by zero in {Escape(c)}. Use try_divide to tolerate a zero divisor, or set spark.sql.ansi.enabled=false.')" : "NULL";
            return c.Result($"(CASE WHEN {c.Arg(1).Sql} = 0 THEN {zero} ELSE CAST(trunc(({c.Arg(0).Sql}) / ({c.Arg(1).Sql})) AS BIGINT) END)", LongType.Instance, true);
        });
        // Spark: negating the smallest integer overflows: an error under ANSI, else it wraps to itself.
        add(cat, "negative", 1, 1, c => Bits(c.Arg(0).Type) is not null && !c.Ansi
            ? c.Result($"CAST(CASE WHEN {c.Arg(0).Sql} = {-(System.Numerics.BigInteger.One << (Bits(c.Arg(0).Type)!.Value - 1))} THEN {c.Arg(0).Sql} ELSE - {c.Arg(0).Sql} END AS {TypeMapping.ToDuckDb(c.Arg(0).Type)})", c.Arg(0).Type)
            : c.Result($"(- {c.Arg(0).Sql})", c.Arg(0).Type));
        add(cat, "positive", 1, 1, c => c.Arg(0));
        add(cat, "&", 2, 2, c => Bitwise(c, "&"));
        add(cat, "|", 2, 2, c => Bitwise(c, "|"));
        add(cat, "^", 2, 2, c => c.Result($"xor({c.Arg(0).Sql}, {c.Arg(1).Sql})", Numeric.Wider(c.Arg(0).Type, c.Arg(1).Type)));
        add(cat, "~", 1, 1, c => c.Result($"(~ {c.Arg(0).Sql})", c.Arg(0).Type));
    }

    private static string Escape(FunctionContext c) => Plan.ExpressionPrinter.Print(c.Function).Replace("'", "''");

    private static string Bool(FunctionContext c, int index)
    {
        var arg = c.Arg(index);
        return arg.Type is BooleanType or NullType ? arg.Sql : throw c.TypeError(arg, "a boolean");
    }

    private static TypedSql Compare(FunctionContext c, string op)
    {
        var (left, right) = (c.Arg(0), c.Arg(1));
        // Spark compares a date or timestamp with a string by casting the string.
        var l = left.Sql;
        var r = right.Sql;
        if (left.Type is StringType && right.Type is DateType or TimestampType or TimestampNtzType)
            l = CastCompiler.Cast(left, right.Type, c.Ansi).Sql;
        if (right.Type is StringType && left.Type is DateType or TimestampType or TimestampNtzType)
            r = CastCompiler.Cast(right, left.Type, c.Ansi).Sql;
        return c.Result($"({l} {op} {r})", BooleanType.Instance);
    }

    private static TypedSql Like(FunctionContext c, string op)
    {
        var escape = c.Count == 3 ? c.LiteralString(2, "escape") : "\\";
        return c.Result($"({c.String(0)} {op} {c.String(1)} ESCAPE {SqlText.String(escape)})", BooleanType.Instance);
    }

    private static void RequireNumeric(FunctionContext c)
    {
        foreach (var a in c.Args)
            if (!a.Type.IsNumeric && a.Type is not NullType) throw c.TypeError(a, "numeric arguments");
    }

    private static TypedSql Arithmetic(FunctionContext c, string op)
    {
        var (left, right) = LiteralPrecision(c);
        if (op is "+" or "-" && left.Type is DateType && right.Type.IsIntegral)
            return c.Result($"({left.Sql} {op} CAST({right.Sql} AS INTEGER))", DateType.Instance);
        if (op == "-" && left.Type is DateType && right.Type is DateType)
            return c.Result($"CAST({left.Sql} - {right.Sql} AS INTEGER)", IntegerType.Instance);
        RequireNumeric(c);
        var type = Numeric.ResultOf(op, left.Type, right.Type);
        if (!c.Ansi && Bits(type) is { } bits)
        {
            // Spark without ANSI wraps integer overflow around (2147483647 + 1 = -2147483648); DuckDB
            // would fail, so compute in a wider type and wrap. Under ANSI, DuckDB's overflow error is
            // Spark's ARITHMETIC_OVERFLOW.
            var wide = bits == 64 ? "HUGEINT" : "BIGINT";
            var (half, full) = (System.Numerics.BigInteger.One << (bits - 1), System.Numerics.BigInteger.One << bits);
            var raw = $"(CAST({left.Sql} AS {wide}) {op} CAST({right.Sql} AS {wide}))";
            return c.Result($"CAST(((({raw} + {half}) % {full} + {full}) % {full} - {half}) AS {TypeMapping.ToDuckDb(type)})", type);
        }
        return c.Result($"CAST(({left.Sql} {op} {right.Sql}) AS {TypeMapping.ToDuckDb(type)})", type);
    }

    private static int? Bits(DataType type) => type switch
    {
        ByteType => 8,
        ShortType => 16,
        IntegerType => 32,
        LongType => 64,
        _ => null,
    };

    /// <summary>
    /// Spark (DecimalPrecision, spark.sql.legacy.literal.pickMinimumPrecision): an integer literal next
    /// to a decimal counts as a decimal of just its digits (2 is decimal(1,0), not decimal(10,0)),
    /// which decides the precision and scale of the result.
    /// </summary>
    private static (TypedSql Left, TypedSql Right) LiteralPrecision(FunctionContext c)
    {
        var (left, right) = (c.Arg(0), c.Arg(1));
        TypedSql Narrow(int index, TypedSql value, TypedSql other)
        {
            if (other.Type is not DecimalType || !value.Type.IsIntegral) return value;
            var raw = c.Raw(index) is Plan.Alias a ? a.Child : c.Raw(index);
            if (raw is not Plan.Literal { Value: not null } literal) return value;
            var digits = System.Numerics.BigInteger.Abs(System.Numerics.BigInteger.Parse(
                Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            var type = new DecimalType(Math.Max(digits, 1), 0);
            return new TypedSql($"CAST({value.Sql} AS {TypeMapping.ToDuckDb(type)})", type, value.Nullable);
        }
        return (Narrow(0, left, right), Narrow(1, right, left));
    }

    private static TypedSql Divide(FunctionContext c)
    {
        RequireNumeric(c);
        var (left, right) = LiteralPrecision(c);
        var type = Numeric.ResultOf("/", left.Type, right.Type);
        var duck = TypeMapping.ToDuckDb(type);
        var zero = c.Ansi
            ? $"error('[DIVIDE_BY_ZERO] Division by zero in {Escape(c)}. Use try_divide to tolerate a zero divisor, or set spark.sql.ansi.enabled=false.')"
            : "NULL";
        return c.Result(
            $"(CASE WHEN {right.Sql} = 0 THEN {zero} ELSE CAST(CAST({left.Sql} AS {duck}) / CAST({right.Sql} AS {duck}) AS {duck}) END)", type, true);
    }

    private static TypedSql Remainder(FunctionContext c)
    {
        RequireNumeric(c);
        var (left, right) = LiteralPrecision(c);
        var type = Numeric.ResultOf("%", left.Type, right.Type);
        var zero = c.Ansi
            ? $"error('[DIVIDE_BY_ZERO] Division by zero in {Escape(c)}. Use try_mod to tolerate a zero divisor, or set spark.sql.ansi.enabled=false.')"
            : "NULL";
        var mod = type is FloatType or DoubleType ? $"fmod({left.Sql}, {right.Sql})" : $"({left.Sql} % {right.Sql})";
        return c.Result($"(CASE WHEN {right.Sql} = 0 THEN {zero} ELSE CAST({mod} AS {TypeMapping.ToDuckDb(type)}) END)", type, true);
    }

    private static TypedSql Bitwise(FunctionContext c, string op)
    {
        RequireNumeric(c);
        return c.Result($"({c.Arg(0).Sql} {op} {c.Arg(1).Sql})", Numeric.Wider(c.Arg(0).Type, c.Arg(1).Type));
    }
}

/// <summary>Spark's numeric type promotion.</summary>
internal static class Numeric
{
    private static int Rank(DataType t) => t switch
    {
        NullType => 0, ByteType => 1, ShortType => 2, IntegerType => 3, LongType => 4, DecimalType => 5, FloatType => 6, DoubleType => 7, _ => -1,
    };

    public static DecimalType AsDecimal(DataType t) => t switch
    {
        DecimalType d => d,
        ByteType => new DecimalType(3, 0),
        ShortType => new DecimalType(5, 0),
        IntegerType => new DecimalType(10, 0),
        LongType => new DecimalType(20, 0),
        _ => new DecimalType(38, 18),
    };

    /// <summary>Bytes of an integral type (an int is 4).</summary>
    public static int ByteWidth(DataType t) => t switch { ByteType => 1, ShortType => 2, IntegerType => 4, _ => 8 };

    public static DataType Wider(DataType a, DataType b)
    {
        if (a is NullType) return b is NullType ? IntegerType.Instance : b;
        if (b is NullType) return a;
        if (a is DoubleType || b is DoubleType) return DoubleType.Instance;
        if (a is FloatType || b is FloatType) return a is DecimalType || b is DecimalType ? DoubleType.Instance : FloatType.Instance;
        if (a is DecimalType || b is DecimalType)
        {
            var (x, y) = (AsDecimal(a), AsDecimal(b));
            var scale = Math.Max(x.Scale, y.Scale);
            var range = Math.Max(x.Precision - x.Scale, y.Precision - y.Scale);
            return Bounded(range + scale, scale);
        }
        return Rank(a) >= Rank(b) ? a : b;
    }

    public static DataType ResultOf(string op, DataType a, DataType b)
    {
        if (op == "/")
        {
            if (a is DecimalType || b is DecimalType)
            {
                if (a is FloatType or DoubleType || b is FloatType or DoubleType) return DoubleType.Instance;
                var (x, y) = (AsDecimal(a), AsDecimal(b));
                var scale = Math.Max(6, x.Scale + y.Precision + 1);
                return Bounded(x.Precision - x.Scale + y.Scale + scale, scale);
            }
            return DoubleType.Instance;
        }
        var wide = Wider(a, b);
        if (wide is not DecimalType) return wide;
        var (l, r) = (AsDecimal(a), AsDecimal(b));
        return op switch
        {
            "+" or "-" => Bounded(Math.Max(l.Precision - l.Scale, r.Precision - r.Scale) + Math.Max(l.Scale, r.Scale) + 1, Math.Max(l.Scale, r.Scale)),
            "*" => Bounded(l.Precision + r.Precision + 1, l.Scale + r.Scale),
            // Spark's remainder (and pmod): min(p1 - s1, p2 - s2) + max(s1, s2) digits, max(s1, s2) scale.
            "%" => Bounded(Math.Min(l.Precision - l.Scale, r.Precision - r.Scale) + Math.Max(l.Scale, r.Scale), Math.Max(l.Scale, r.Scale)),
            _ => wide,
        };
    }

    /// <summary>Spark's rule when a decimal result exceeds 38 digits: keep the integral digits, give up scale (at least 6).</summary>
    private static DecimalType Bounded(int precision, int scale)
    {
        if (precision <= DecimalType.MaxPrecision) return new DecimalType(Math.Max(precision, 1), scale);
        var integral = precision - scale;
        var minScale = Math.Min(scale, 6);
        var adjusted = Math.Max(DecimalType.MaxPrecision - integral, minScale);
        return new DecimalType(DecimalType.MaxPrecision, adjusted);
    }

    /// <summary>The common type of several values (CASE branches, coalesce, array elements).</summary>
    public static DataType Common(IEnumerable<DataType> types)
    {
        DataType? result = null;
        foreach (var t in types)
        {
            if (t is NullType) continue;
            if (result is null) { result = t; continue; }
            if (result.Equals(t)) continue;
            if ((result.IsNumeric || result is NullType) && t.IsNumeric) { result = Wider(result, t); continue; }
            if (result is DateType && t is TimestampType or TimestampNtzType) { result = t; continue; }
            if (result is TimestampType or TimestampNtzType && t is DateType) continue;
            if (result is StringType || t is StringType) { result = StringType.Instance; continue; }
            throw new AlaSparkException($"[DATATYPE_MISMATCH] Values of types {result.SimpleString} and {t.SimpleString} have no common type.");
        }
        return result ?? NullType.Instance;
    }
}
