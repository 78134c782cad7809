using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddMath(Adder add, Aliaser alias)
    {
        const string cat = "math";
        add(cat, "abs", 1, 1, c => c.Result($"abs({c.Arg(0).Sql})", c.Arg(0).Type));
        add(cat, "round", 1, 2, c => Round(c, halfEven: false));
        add(cat, "bround", 1, 2, c => Round(c, halfEven: true));
        add(cat, "floor", 1, 1, c => c.Arg(0).Type is DecimalType d
            ? c.Result($"floor({c.Arg(0).Sql})", new DecimalType(Math.Min(d.Precision - d.Scale + 1, 38), 0))
            : c.Result($"CAST(floor({c.Arg(0).Sql}) AS BIGINT)", LongType.Instance));
        add(cat, "ceil", 1, 1, c => c.Arg(0).Type is DecimalType d
            ? c.Result($"ceil({c.Arg(0).Sql})", new DecimalType(Math.Min(d.Precision - d.Scale + 1, 38), 0))
            : c.Result($"CAST(ceil({c.Arg(0).Sql}) AS BIGINT)", LongType.Instance));
        alias("ceiling", "ceil");
        add(cat, "sqrt", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} < 0 THEN 'NaN'::DOUBLE ELSE sqrt({c.Arg(0).Sql}) END", DoubleType.Instance));
        add(cat, "pow", 2, 2, c => c.Result($"pow(CAST({c.Arg(0).Sql} AS DOUBLE), CAST({c.Arg(1).Sql} AS DOUBLE))", DoubleType.Instance));
        alias("power", "pow");
        add(cat, "exp", 1, 1, c => c.Result($"exp({c.Arg(0).Sql})", DoubleType.Instance));
        add(cat, "ln", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} <= 0 THEN NULL ELSE ln({c.Arg(0).Sql}) END", DoubleType.Instance, true));
        add(cat, "log10", 1, 1, c => c.Result($"CASE WHEN {c.Arg(0).Sql} <= 0 THEN NULL ELSE log10({c.Arg(0).Sql}) END", DoubleType.Instance, true));
        add(cat, "signum", 1, 1, c => c.Result($"CAST(sign({c.Arg(0).Sql}) AS DOUBLE)", DoubleType.Instance));
        alias("sign", "signum");
        add(cat, "pmod", 2, 2, c =>
        {
            var type = Numeric.Wider(c.Arg(0).Type, c.Arg(1).Type);
            var (a, b) = (c.Arg(0).Sql, c.Arg(1).Sql);
            return c.Result($"CASE WHEN {b} = 0 THEN NULL ELSE CAST((({a} % {b}) + {b}) % {b} AS {TypeMapping.ToDuckDb(type)}) END", type, true);
        });
        add(cat, "rand", 0, 1, c => c.Result("random()", DoubleType.Instance, false));
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
        switch (value.Type)
        {
            case DecimalType d:
            {
                var newScale = Math.Max(Math.Min(scale, d.Scale), 0);
                var integral = d.Precision - d.Scale;
                var type = new DecimalType(Math.Min(integral + newScale + 1, 38), newScale);
                return c.Result($"CAST({fn}({value.Sql}, {scale}) AS {TypeMapping.ToDuckDb(type)})", type);
            }
            case FloatType or DoubleType:
                return c.Result(
                    $"CASE WHEN isnan({value.Sql}) OR isinf({value.Sql}) THEN {value.Sql} ELSE CAST({fn}(CAST(CAST({value.Sql} AS VARCHAR) AS DECIMAL(38,18)), {scale}) AS {TypeMapping.ToDuckDb(value.Type)}) END",
                    value.Type);
            default:
                if (!value.Type.IsIntegral && value.Type is not NullType) throw c.TypeError(value, "a number");
                return scale >= 0
                    ? value
                    : c.Result($"CAST({fn}({value.Sql}, {scale}) AS {TypeMapping.ToDuckDb(value.Type)})", value.Type);
        }
    }
}
