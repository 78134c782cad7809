using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddAggregates(Adder add, Aliaser alias)
    {
        const string cat = "aggregates";
        add(cat, "count", 1, Many, c =>
        {
            var distinct = c.Function.IsDistinct ? "DISTINCT " : "";
            if (c.Count == 1 && c.Raw(0) is UnresolvedStar) return Aggregate(c, "count(*)", LongType.Instance, false);
            if (c.Count == 1 && c.Raw(0) is Literal { Value: not null }) return Aggregate(c, "count(*)", LongType.Instance, false);
            var args = c.Count == 1 ? c.Arg(0).Sql : $"({string.Join(", ", c.Args.Select(a => a.Sql))})";
            // count(a, b) counts rows where every argument is non-null.
            var filter = c.Count > 1 ? $" FILTER (WHERE {string.Join(" AND ", c.Args.Select(a => $"{a.Sql} IS NOT NULL"))})" : "";
            return Aggregate(c, $"count({distinct}{args}){filter}", LongType.Instance, false);
        });
        add(cat, "sum", 1, 1, c =>
        {
            var t = c.Arg(0).Type;
            DataType type = t switch
            {
                DecimalType d => new DecimalType(Math.Min(d.Precision + 10, 38), d.Scale),
                FloatType or DoubleType or NullType => DoubleType.Instance,
                _ when t.IsIntegral => LongType.Instance,
                _ => throw c.TypeError(c.Arg(0), "a number"),
            };
            var sum = $"sum({Distinct(c)}{c.Arg(0).Sql})";
            if (type is LongType)
            {
                // Spark: a bigint sum that overflows is ARITHMETIC_OVERFLOW under ANSI and wraps around
                // without it; DuckDB sums into a 128-bit integer.
                var overflow = c.Ansi
                    ? "error('[ARITHMETIC_OVERFLOW] long overflow in sum. Use try_sum to tolerate overflow and return NULL instead. If necessary set spark.sql.ansi.enabled to \"false\" to bypass this error.')"
                    : $"CAST((({sum} + 9223372036854775808) % 18446744073709551616 + 18446744073709551616) % 18446744073709551616 - 9223372036854775808 AS BIGINT)";
                return Aggregate(c, $"CASE WHEN {sum} BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CAST({sum} AS BIGINT) ELSE {overflow} END", type, true);
            }
            return Aggregate(c, $"CAST({sum} AS {TypeMapping.ToDuckDb(type)})", type, true);
        });
        add(cat, "avg", 1, 1, c =>
        {
            var t = c.Arg(0).Type;
            DataType type = t is DecimalType d ? new DecimalType(Math.Min(d.Precision + 4, 38), Math.Min(d.Scale + 4, 38)) : DoubleType.Instance;
            return Aggregate(c, $"CAST(avg({Distinct(c)}{c.Arg(0).Sql}) AS {TypeMapping.ToDuckDb(type)})", type, true);
        });
        alias("mean", "avg");
        add(cat, "min", 1, 1, c => Aggregate(c, $"min({c.Arg(0).Sql})", c.Arg(0).Type, true));
        add(cat, "max", 1, 1, c => Aggregate(c, $"max({c.Arg(0).Sql})", c.Arg(0).Type, true));
        add(cat, "count_if", 1, 1, c => Aggregate(c, $"count(*) FILTER (WHERE {c.Arg(0).Sql})", LongType.Instance, false));
        add(cat, "first", 1, 2, c => Aggregate(c, $"first({c.Arg(0).Sql}){IgnoreNulls(c)}", c.Arg(0).Type, true));
        add(cat, "last", 1, 2, c => Aggregate(c, $"last({c.Arg(0).Sql}){IgnoreNulls(c)}", c.Arg(0).Type, true));
        add(cat, "collect_list", 1, 1, c => Aggregate(c,
            $"coalesce(list({c.Arg(0).Sql}) FILTER (WHERE {c.Arg(0).Sql} IS NOT NULL), [])", new ArrayType(c.Arg(0).Type, false), false));
        add(cat, "collect_set", 1, 1, c => Aggregate(c,
            $"coalesce(list(DISTINCT {c.Arg(0).Sql}) FILTER (WHERE {c.Arg(0).Sql} IS NOT NULL), [])", new ArrayType(c.Arg(0).Type, false), false));
        add(cat, "approx_count_distinct", 1, 2, c => Aggregate(c, $"CAST(approx_count_distinct({c.Arg(0).Sql}) AS BIGINT)", LongType.Instance, false));
        add(cat, "stddev", 1, 1, c => Aggregate(c, $"stddev_samp({c.Arg(0).Sql})", DoubleType.Instance, true));
        alias("stddev_samp", "stddev");
        alias("std", "stddev");
        add(cat, "stddev_pop", 1, 1, c => Aggregate(c, $"stddev_pop({c.Arg(0).Sql})", DoubleType.Instance, true));
        add(cat, "variance", 1, 1, c => Aggregate(c, $"var_samp({c.Arg(0).Sql})", DoubleType.Instance, true));
        alias("var_samp", "variance");
        add(cat, "var_pop", 1, 1, c => Aggregate(c, $"var_pop({c.Arg(0).Sql})", DoubleType.Instance, true));
    }

    private static string Distinct(FunctionContext c) => c.Function.IsDistinct ? "DISTINCT " : "";

    private static string IgnoreNulls(FunctionContext c) => c.Count == 2 && c.Arg(1).Sql == "true" ? $" FILTER (WHERE {c.Arg(0).Sql} IS NOT NULL)" : "";

    private static TypedSql Aggregate(FunctionContext c, string sql, DataType type, bool nullable) =>
        new(sql, type, nullable) { IsAggregate = true };
}
