using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddConditionals(Adder add, Aliaser alias)
    {
        const string cat = "conditionals";
        add(cat, "coalesce", 1, Many, c =>
        {
            var type = Numeric.Common(c.Args.Select(a => a.Type));
            return c.Result($"COALESCE({string.Join(", ", c.Args.Select(a => Coerce(a, type)))})", type, c.Args.All(a => a.Nullable));
        });
        add(cat, "nvl", 2, 2, c => Nvl(c));
        alias("ifnull", "nvl");
        add(cat, "nvl2", 3, 3, c =>
        {
            var type = Numeric.Common([c.Arg(1).Type, c.Arg(2).Type]);
            return c.Result($"CASE WHEN {c.Arg(0).Sql} IS NOT NULL THEN {Coerce(c.Arg(1), type)} ELSE {Coerce(c.Arg(2), type)} END", type);
        });
        add(cat, "nullif", 2, 2, c => c.Result($"NULLIF({c.Arg(0).Sql}, {c.Arg(1).Sql})", c.Arg(0).Type, true));
        add(cat, "if", 3, 3, c =>
        {
            var type = Numeric.Common([c.Arg(1).Type, c.Arg(2).Type]);
            return c.Result($"CASE WHEN {c.Arg(0).Sql} THEN {Coerce(c.Arg(1), type)} ELSE {Coerce(c.Arg(2), type)} END", type);
        });
        add(cat, "when", 2, Many, c =>
        {
            var values = Enumerable.Range(0, c.Count).Where(i => i % 2 == 1 || i == c.Count - 1 && c.Count % 2 == 1).Select(c.Arg).ToList();
            var type = Numeric.Common(values.Select(v => v.Type));
            var sb = new System.Text.StringBuilder("CASE");
            var i = 0;
            for (; i + 1 < c.Count; i += 2)
            {
                var condition = c.Arg(i);
                if (condition.Type is not BooleanType and not NullType) throw c.TypeError(condition, "a boolean condition");
                sb.Append(" WHEN ").Append(condition.Sql).Append(" THEN ").Append(Coerce(c.Arg(i + 1), type));
            }
            if (i < c.Count) sb.Append(" ELSE ").Append(Coerce(c.Arg(i), type));
            return c.Result(sb.Append(" END").ToString(), type, true);
        });
        add(cat, "greatest", 1, Many, c => MinMaxOf(c, "greatest"));
        add(cat, "least", 1, Many, c => MinMaxOf(c, "least"));
        add(cat, "nanvl", 2, 2, c => c.Result($"CASE WHEN isnan({c.Arg(0).Sql}) THEN {c.Arg(1).Sql} ELSE {c.Arg(0).Sql} END", DoubleType.Instance));
        add(cat, "isnan", 1, 1, c => c.Result($"coalesce(isnan(CAST({c.Arg(0).Sql} AS DOUBLE)), false)", BooleanType.Instance, false));
        // Spark: NULL when true; otherwise raise_error, USER_RAISED_EXCEPTION with the message.
        add(cat, "assert_true", 1, 2, c => c.Result(
            $"CASE WHEN {c.Arg(0).Sql} THEN NULL ELSE error('[USER_RAISED_EXCEPTION] ' || {(c.Count == 2 ? c.String(1) : SqlText.String("'" + Plan.ExpressionPrinter.Print(c.Raw(0)) + "' is not true!"))}) END",
            NullType.Instance, true));
        add(cat, "uuid", 0, 0, c => c.Result("CAST(uuid() AS VARCHAR)", StringType.Instance, false));
    }

    private static TypedSql Nvl(FunctionContext c)
    {
        var type = Numeric.Common([c.Arg(0).Type, c.Arg(1).Type]);
        return c.Result($"COALESCE({Coerce(c.Arg(0), type)}, {Coerce(c.Arg(1), type)})", type, c.Arg(0).Nullable && c.Arg(1).Nullable);
    }

    /// <summary>Casts a value to a common type when DuckDB would otherwise pick another one.</summary>
    internal static string Coerce(TypedSql value, DataType type) =>
        value.Type.Equals(type) || type is NullType ? value.Sql : $"CAST({value.Sql} AS {TypeMapping.ToDuckDb(type)})";

    /// <summary>Spark's greatest/least skip nulls (null only when all are null).</summary>
    private static TypedSql MinMaxOf(FunctionContext c, string fn)
    {
        var type = Numeric.Common(c.Args.Select(a => a.Type));
        return c.Result($"{fn}({string.Join(", ", c.Args.Select(a => Coerce(a, type)))})", type, c.Args.All(a => a.Nullable));
    }
}
