using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddMath(Adder add, Aliaser alias)
    {
        const string cat = "math";
        add(cat, "abs", 1, 1, Abs);
        add(cat, "round", 1, 2, c => Round(c, halfEven: false));
        add(cat, "bround", 1, 2, c => Round(c, halfEven: true));
        add(cat, "floor", 1, 2, c => c.Count == 2 ? RoundTowards(c, up: false) : FloorCeil(c, "floor"));
        add(cat, "ceil", 1, 2, c => c.Count == 2 ? RoundTowards(c, up: true) : FloorCeil(c, "ceil"));
        alias("ceiling", "ceil");
        add(cat, "sqrt", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} < 0 THEN 'NaN'::DOUBLE ELSE sqrt({c.Arg(0).Sql}) END", DoubleType.Instance));
        add(cat, "pow", 2, 2, c => c.Result($"pow(CAST({c.Arg(0).Sql} AS DOUBLE), CAST({c.Arg(1).Sql} AS DOUBLE))", DoubleType.Instance));
        alias("power", "pow");
        add(cat, "exp", 1, 1, c => c.Result($"exp({c.Arg(0).Sql})", DoubleType.Instance));
        add(cat, "ln", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} <= 0 THEN NULL ELSE ln({c.Arg(0).Sql}) END", DoubleType.Instance, true));
        add(cat, "log10", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} <= 0 THEN NULL ELSE log10({c.Arg(0).Sql}) END", DoubleType.Instance, true));
        // Spark: Math.signum, so -0.0 stays -0.0 and NaN stays NaN.
        add(cat, "signum", 1, 1, c => c.Result(
            $"CASE WHEN CAST({c.Arg(0).Sql} AS DOUBLE) = 0 OR isnan(CAST({c.Arg(0).Sql} AS DOUBLE)) THEN CAST({c.Arg(0).Sql} AS DOUBLE) ELSE CAST(sign({c.Arg(0).Sql}) AS DOUBLE) END", DoubleType.Instance));
        alias("sign", "signum");
        add(cat, "pmod", 2, 2, c =>
        {
            var type = Numeric.ResultOf("%", c.Arg(0).Type, c.Arg(1).Type);
            var (a, b) = (c.Arg(0).Sql, c.Arg(1).Sql);
            // Spark: pmod by zero is DIVIDE_BY_ZERO under ANSI (DivModLike), else NULL.
            var zero = c.Ansi ? $"error('[DIVIDE_BY_ZERO] Division by zero in {Escape(c)}. Use try_mod to tolerate a zero divisor, or set spark.sql.ansi.enabled=false.')" : "NULL";
            return c.Result($"CASE WHEN {b} = 0 THEN {zero} ELSE CAST((({a} % {b}) + {b}) % {b} AS {TypeMapping.ToDuckDb(type)}) END", type, true);
        });
        // A seed can't reproduce Spark's sequence (XORShiftRandom per partition), so it is refused.
        add(cat, "rand", 0, 1, c => c.Count == 0
            ? c.Result("random()", DoubleType.Instance, false)
            : throw new AlaSparkException("rand(seed) is not supported by the embedded engine: it can't reproduce the numbers Spark's seeded generator gives. Use rand() without a seed."));
    }

    /// <summary>Spark's abs: the smallest integer has no absolute value; under ANSI that is an overflow error, else it stays as it is.</summary>
    private static TypedSql Abs(FunctionContext c)
    {
        var value = c.Arg(0);
        if (!value.Type.IsNumeric && value.Type is not NullType) throw c.TypeError(value, "a number");
        var min = value.Type switch
        {
            ByteType => "-128",
            ShortType => "-32768",
            IntegerType => "-2147483648",
            LongType => "-9223372036854775808",
            _ => null,
        };
        if (min is null) return c.Result($"abs({value.Sql})", value.Type);
        var duck = TypeMapping.ToDuckDb(value.Type);
        var overflow = c.Ansi
            ? $"error('[ARITHMETIC_OVERFLOW] Overflow in {Escape(c)}: the smallest {value.Type.SimpleString} has no absolute value. If necessary set spark.sql.ansi.enabled to false to bypass this error.')"
            : value.Sql;
        return c.Result($"CAST(CASE WHEN {value.Sql} = CAST({min} AS {duck}) THEN {overflow} ELSE abs({value.Sql}) END AS {duck})", value.Type);
    }

    /// <summary>floor/ceil of one argument: a decimal keeps scale 0 digits (one more integral digit), anything else is a bigint.</summary>
    private static TypedSql FloorCeil(FunctionContext c, string fn)
    {
        var value = c.Arg(0);
        return value.Type switch
        {
            DecimalType { Scale: 0 } => value,
            DecimalType d => c.Result($"CAST({fn}({value.Sql}) AS DECIMAL({Math.Min(d.Precision - d.Scale + 1, 38)},0))", new DecimalType(Math.Min(d.Precision - d.Scale + 1, 38), 0)),
            _ when value.Type.IsNumeric || value.Type is NullType => c.Result($"CAST({fn}({value.Sql}) AS BIGINT)", LongType.Instance),
            _ => throw c.TypeError(value, "a number"),
        };
    }

    /// <summary>
    /// Spark's floor/ceil with a scale (RoundFloor/RoundCeil): the value as a decimal (an int is
    /// decimal(10,0), a double decimal(30,15)), rounded down or up at that scale, typed like round.
    /// </summary>
    private static TypedSql RoundTowards(FunctionContext c, bool up)
    {
        var scale = c.LiteralInt(1, "scale");
        var value = c.Arg(0);
        var d = value.Type switch
        {
            DecimalType t => t,
            FloatType => new DecimalType(14, 7),
            DoubleType => new DecimalType(30, 15),
            _ when value.Type.IsIntegral || value.Type is NullType => Numeric.AsDecimal(value.Type is NullType ? IntegerType.Instance : value.Type),
            _ => throw c.TypeError(value, "a number"),
        };
        var type = RoundedType(d, scale);
        var x = value.Type is DecimalType ? value.Sql : CastCompiler.Cast(value, d, c.Ansi).Sql;
        var step = scale >= 0
            ? $"CAST('{(scale == 0 ? "1" : "0." + new string('0', scale - 1) + "1")}' AS DECIMAL({scale + 1},{scale}))"
            : $"CAST(1{new string('0', -scale)} AS DECIMAL({1 - scale},0))";
        var rounded = $"round({x}, {scale})";
        var sql = up
            ? $"CASE WHEN {rounded} < {x} THEN {rounded} + {step} ELSE {rounded} END"
            : $"CASE WHEN {rounded} > {x} THEN {rounded} - {step} ELSE {rounded} END";
        return c.Result($"CAST({sql} AS {TypeMapping.ToDuckDb(type)})", type);
    }

    /// <summary>HALF_EVEN rounding of an exact decimal at a scale of 0 or more.</summary>
    private static string HalfEven(string dec, int scale)
    {
        var scaled = scale == 0 ? $"({dec})" : $"(({dec}) * CAST(1{new string('0', scale)} AS DECIMAL({scale + 1},0)))";
        var floor = $"floor({scaled})";
        var rounded = $"(CASE WHEN {scaled} - {floor} > 0.5 THEN {floor} + 1 WHEN {scaled} - {floor} < 0.5 THEN {floor} " +
                      $"WHEN {floor} % 2 = 0 THEN {floor} ELSE {floor} + 1 END)";
        return scale == 0 ? rounded : $"({rounded} * CAST('0.{new string('0', scale - 1)}1' AS DECIMAL({scale + 1},{scale})))";
    }

    /// <summary>Spark's RoundBase type for a decimal: one more integral digit; a negative scale keeps at least -scale + 1 digits.</summary>
    private static DecimalType RoundedType(DecimalType d, int scale)
    {
        var integral = d.Precision - d.Scale + 1;
        if (scale < 0) return new DecimalType(Math.Min(Math.Max(integral, -scale + 1), DecimalType.MaxPrecision), 0);
        var newScale = Math.Min(d.Scale, scale);
        return new DecimalType(Math.Min(integral + newScale, DecimalType.MaxPrecision), newScale);
    }

    /// <summary>
    /// Spark's round is HALF_UP (2.5 -> 3, -2.5 -> -3) and bround HALF_EVEN, both computed on the
    /// decimal value (so round(1.005, 2) is 1.01 for a decimal). Doubles are rounded through their
    /// shortest decimal representation, as Spark does.
    /// </summary>
    private static TypedSql Round(FunctionContext c, bool halfEven)
    {
        var scale = c.Count == 2 ? c.LiteralInt(1, "scale") : 0;
        var value = c.Arg(0);
        var fn = halfEven ? "round_even" : "round";
        // DuckDB's round_even goes through a double (2.45 is 2.4500000000000002, so it gives 2.5);
        // HALF_EVEN on the exact decimal is computed here.
        string Rounded(string dec) => halfEven && scale >= 0 ? HalfEven(dec, scale) : $"{fn}({dec}, {scale})";
        switch (value.Type)
        {
            case DecimalType d:
            {
                var type = RoundedType(d, scale);
                return c.Result($"CAST({Rounded(value.Sql)} AS {TypeMapping.ToDuckDb(type)})", type);
            }
            case FloatType or DoubleType:
            {
                // Beyond 10^15 a double has no digits after the point to round away at a scale >= 0.
                var big = scale >= 0 ? $" OR abs({value.Sql}) >= 1e15" : "";
                return c.Result(
                    $"CASE WHEN isnan({value.Sql}) OR isinf({value.Sql}){big} THEN {value.Sql} ELSE CAST({Rounded($"CAST(CAST({value.Sql} AS VARCHAR) AS DECIMAL(38,18))")} AS {TypeMapping.ToDuckDb(value.Type)}) END",
                    value.Type);
            }
            default:
                if (!value.Type.IsIntegral && value.Type is not NullType) throw c.TypeError(value, "a number");
                return scale >= 0
                    ? value
                    : c.Result($"CAST({fn}({value.Sql}, {scale}) AS {TypeMapping.ToDuckDb(value.Type)})", value.Type);
        }
    }
}
