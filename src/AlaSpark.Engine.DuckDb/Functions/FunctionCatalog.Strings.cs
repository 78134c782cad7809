using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

internal static partial class FunctionCatalog
{
    private static void AddStrings(Adder add, Aliaser alias)
    {
        const string cat = "strings";
        add(cat, "upper", 1, 1, c => c.Result($"upper({c.String(0)})", StringType.Instance));
        alias("ucase", "upper");
        add(cat, "lower", 1, 1, c => c.Result($"lower({c.String(0)})", StringType.Instance));
        alias("lcase", "lower");
        // Spark's trim removes spaces only (not tabs or newlines) unless characters are given.
        add(cat, "trim", 1, 2, c => c.Result($"trim({c.String(0)}, {(c.Count == 2 ? c.String(1) : "' '")})", StringType.Instance));
        alias("btrim", "trim");
        add(cat, "ltrim", 1, 2, c => c.Result($"ltrim({c.String(0)}, {(c.Count == 2 ? c.String(1) : "' '")})", StringType.Instance));
        add(cat, "rtrim", 1, 2, c => c.Result($"rtrim({c.String(0)}, {(c.Count == 2 ? c.String(1) : "' '")})", StringType.Instance));
        add(cat, "lpad", 2, 3, c => Pad(c, "lpad"));
        add(cat, "rpad", 2, 3, c => Pad(c, "rpad"));
        add(cat, "substring", 2, 3, Substring);
        alias("substr", "substring");
        add(cat, "left", 2, 2, c => c.Result($"CASE WHEN {c.Arg(1).Sql} <= 0 THEN '' ELSE left({c.String(0)}, {c.Arg(1).Sql}) END", StringType.Instance));
        add(cat, "right", 2, 2, c => c.Result($"CASE WHEN {c.Arg(1).Sql} <= 0 THEN '' ELSE right({c.String(0)}, {c.Arg(1).Sql}) END", StringType.Instance));
        add(cat, "length", 1, 1, c => c.Arg(0).Type is BinaryType
            ? c.Result($"CAST(octet_length({c.Arg(0).Sql}) AS INTEGER)", IntegerType.Instance)
            : c.Result($"CAST(length({c.String(0)}) AS INTEGER)", IntegerType.Instance));
        alias("char_length", "length");
        alias("character_length", "length");
        add(cat, "octet_length", 1, 1, c => c.Result(
            $"CAST(octet_length({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : $"encode({c.String(0)})")}) AS INTEGER)", IntegerType.Instance));
        add(cat, "bit_length", 1, 1, c => c.Result(
            $"CAST(8 * octet_length({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : $"encode({c.String(0)})")}) AS INTEGER)", IntegerType.Instance));
        // Spark: lower-case everything, then upper-case the first letter of each space-separated word.
        add(cat, "initcap", 1, 1, c => c.Result(
            $"array_to_string(list_transform(string_split(lower({c.String(0)}), ' '), w -> upper(left(w, 1)) || substr(w, 2)), ' ')",
            StringType.Instance));
        add(cat, "concat", 0, Many, Concat);
        add(cat, "concat_ws", 1, Many, ConcatWs);
        add(cat, "regexp_replace", 3, 3, c => c.Result(
            $"regexp_replace({c.String(0)}, {c.String(1)}, {Replacement(c, 2)}, 'g')", StringType.Instance));
        add(cat, "regexp_extract", 2, 3, c =>
        {
            var group = c.Count == 3 ? c.LiteralInt(2, "group index") : 1;
            return c.Result($"regexp_extract({c.String(0)}, {c.String(1)}, {group})", StringType.Instance);
        });
        add(cat, "regexp_extract_all", 2, 3, c =>
        {
            var group = c.Count == 3 ? c.LiteralInt(2, "group index") : 1;
            return c.Result($"regexp_extract_all({c.String(0)}, {c.String(1)}, {group})", new ArrayType(StringType.Instance));
        });
        add(cat, "split", 2, 3, Split);
        add(cat, "replace", 2, 3, c => c.Result(
            $"replace({c.String(0)}, {c.String(1)}, {(c.Count == 3 ? c.String(2) : "''")})", StringType.Instance));
        add(cat, "translate", 3, 3, c => c.Result($"translate({c.String(0)}, {c.String(1)}, {c.String(2)})", StringType.Instance));
        add(cat, "reverse", 1, 1, c => c.Arg(0).Type is ArrayType
            ? c.Result($"list_reverse({c.Arg(0).Sql})", c.Arg(0).Type)
            : c.Result($"reverse({c.String(0)})", StringType.Instance));
        add(cat, "repeat", 2, 2, c => c.Result($"repeat({c.String(0)}, greatest({c.Arg(1).Sql}, 0))", StringType.Instance));
        add(cat, "instr", 2, 2, c => c.Result($"CAST(instr({c.String(0)}, {c.String(1)}) AS INTEGER)", IntegerType.Instance));
        add(cat, "locate", 2, 3, c =>
        {
            if (c.Count == 2) return c.Result($"CAST(instr({c.String(1)}, {c.String(0)}) AS INTEGER)", IntegerType.Instance);
            // Spark: position counted from `pos` (1-based); 0 when pos < 1.
            var (sub, str, pos) = (c.String(0), c.String(1), c.Arg(2).Sql);
            return c.Result(
                $"CASE WHEN {pos} < 1 THEN 0 ELSE CAST(CASE WHEN instr(substr({str}, {pos}), {sub}) = 0 THEN 0 ELSE instr(substr({str}, {pos}), {sub}) + {pos} - 1 END AS INTEGER) END",
                IntegerType.Instance);
        });
        alias("position", "locate");
        add(cat, "startswith", 2, 2, c => c.Result($"starts_with({c.String(0)}, {c.String(1)})", BooleanType.Instance));
        add(cat, "endswith", 2, 2, c => c.Result($"ends_with({c.String(0)}, {c.String(1)})", BooleanType.Instance));
        add(cat, "contains", 2, 2, c => c.Result($"contains({c.String(0)}, {c.String(1)})", BooleanType.Instance));
        add(cat, "ascii", 1, 1, c => c.Result($"CAST(coalesce(ascii({c.String(0)}), 0) AS INTEGER)", IntegerType.Instance));
        add(cat, "chr", 1, 1, c => c.Result(
            $"CASE WHEN {c.Arg(0).Sql} < 0 THEN '' ELSE chr(CAST({c.Arg(0).Sql} % 256 AS INTEGER)) END", StringType.Instance));
        alias("char", "chr");
        add(cat, "levenshtein", 2, 2, c => c.Result($"CAST(levenshtein({c.String(0)}, {c.String(1)}) AS INTEGER)", IntegerType.Instance));
        add(cat, "hex", 1, 1, c => c.Arg(0).Type.IsIntegral
            ? c.Result($"upper(hex(CAST({c.Arg(0).Sql} AS BIGINT)))", StringType.Instance)
            : c.Result($"upper(hex({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : c.String(0))}))", StringType.Instance));
        add(cat, "unhex", 1, 1, c => c.Result($"TRY(unhex({c.String(0)}))", BinaryType.Instance));
        add(cat, "base64", 1, 1, c => c.Result(
            $"to_base64({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : $"encode({c.String(0)})")})", StringType.Instance));
        add(cat, "unbase64", 1, 1, c => c.Result($"from_base64({c.String(0)})", BinaryType.Instance));
        add(cat, "encode", 2, 2, c => c.Result($"encode({c.String(0)})", BinaryType.Instance));
        add(cat, "decode", 2, 2, c => c.Result($"decode({c.Arg(0).Sql})", StringType.Instance));
        add(cat, "format_number", 2, 2, c =>
        {
            var digits = c.LiteralInt(1, "decimal places");
            return c.Result($"format('{{:,.{digits}f}}', CAST({c.Arg(0).Sql} AS DOUBLE))", StringType.Instance);
        });
    }

    private static TypedSql Pad(FunctionContext c, string fn)
    {
        var pad = c.Count == 3 ? c.String(2) : "' '";
        var (s, n) = (c.String(0), c.Arg(1).Sql);
        // Spark: a non-positive length gives ''; an empty pad string leaves the value (truncated to the length).
        return c.Result(
            $"CASE WHEN {n} <= 0 THEN '' WHEN {pad} = '' THEN left({s}, {n}) ELSE {fn}({s}, {n}, {pad}) END", StringType.Instance);
    }

    private static TypedSql Substring(FunctionContext c)
    {
        var s = c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : c.String(0);
        var pos = c.Arg(1).Sql;
        // Spark: position 0 means 1; a negative position counts from the end.
        var start = $"(CASE WHEN {pos} > 0 THEN {pos} WHEN {pos} = 0 THEN 1 ELSE greatest(length({s}) + {pos} + 1, 1) END)";
        var type = c.Arg(0).Type is BinaryType ? (DataType)BinaryType.Instance : StringType.Instance;
        if (c.Count == 2) return c.Result($"substring({s}, {start})", type);
        var len = c.Arg(2).Sql;
        // A negative start before the beginning shortens the length, as in Spark.
        var end = $"(CASE WHEN {pos} < 0 THEN length({s}) + {pos} + 1 ELSE {start} END) + {len}";
        return c.Result(
            $"CASE WHEN {len} <= 0 THEN '' ELSE substring({s}, {start}, greatest({end} - {start}, 0)) END", type);
    }

    /// <summary>Spark's concat: null if any argument is null; arrays concatenate as arrays.</summary>
    private static TypedSql Concat(FunctionContext c)
    {
        if (c.Count == 0) return c.Result("''", StringType.Instance, false);
        if (c.Args.All(a => a.Type is ArrayType))
        {
            var type = c.Arg(0).Type;
            var sql = c.Args.Select(a => a.Sql).Aggregate((x, y) => $"CASE WHEN ({x}) IS NULL OR ({y}) IS NULL THEN NULL ELSE list_concat({x}, {y}) END");
            return c.Result(sql, type);
        }
        return c.Result("(" + string.Join(" || ", Enumerable.Range(0, c.Count).Select(c.String)) + ")", StringType.Instance);
    }

    /// <summary>Spark's concat_ws: skips nulls; array arguments contribute their non-null elements.</summary>
    private static TypedSql ConcatWs(FunctionContext c)
    {
        var sep = c.String(0);
        if (c.Count == 1) return c.Result("''", StringType.Instance, c.Arg(0).Nullable);
        var parts = Enumerable.Range(1, c.Count - 1).Select(i =>
        {
            var a = c.Arg(i);
            return a.Type is ArrayType
                ? $"CASE WHEN len(list_filter({a.Sql}, x -> x IS NOT NULL)) = 0 THEN NULL ELSE array_to_string(list_filter({a.Sql}, x -> x IS NOT NULL), {sep}) END"
                : c.String(i);
        });
        return c.Result($"CASE WHEN {sep} IS NULL THEN NULL ELSE concat_ws({sep}, {string.Join(", ", parts)}) END", StringType.Instance, c.Arg(0).Nullable);
    }

    /// <summary>Java's replacement syntax (<c>$1</c>, <c>\$</c>) to RE2's (<c>\1</c>, <c>$</c>).</summary>
    private static string Replacement(FunctionContext c, int index)
    {
        if (!c.IsLiteral(index)) return c.String(index);
        var java = c.LiteralString(index, "replacement");
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < java.Length; i++)
        {
            var ch = java[i];
            if (ch == '\\' && i + 1 < java.Length) { var next = java[++i]; sb.Append(next == '\\' ? "\\\\" : next.ToString()); }
            else if (ch == '$' && i + 1 < java.Length && char.IsAsciiDigit(java[i + 1])) sb.Append('\\').Append(java[++i]);
            else if (ch == '$') throw new AlaSparkException($"The replacement '{java}' of regexp_replace has a '$' that is not followed by a group number; write '\\$' for a dollar sign.");
            else sb.Append(ch);
        }
        return SqlText.String(sb.ToString());
    }

    /// <summary>Spark's split: a Java regex; limit &gt; 0 keeps at most limit parts, the last holding the rest.</summary>
    private static TypedSql Split(FunctionContext c)
    {
        var s = c.String(0);
        var pattern = c.String(1);
        var limit = c.Count == 3 ? c.LiteralInt(2, "limit") : -1;
        var type = new ArrayType(StringType.Instance);
        if (limit <= 0 || limit == 1 && false)
            return c.Result($"CASE WHEN {s} = '' THEN [''] ELSE regexp_split_to_array({s}, {pattern}) END", type);
        if (limit == 1) return c.Result($"[{s}]", type);
        if (limit > 32) throw new AlaSparkException("split() with a limit above 32 is not supported by the embedded engine; use a limit of -1 and slice.");
        // Mark the first (limit - 1) matches with a separator that can't occur in text, then split on it.
        var marked = s;
        for (var i = 1; i < limit; i++) marked = $"regexp_replace({marked}, {pattern}, chr(1))";
        return c.Result($"string_split({marked}, chr(1))", type);
    }
}
