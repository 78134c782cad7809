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
        // Spark: left(s, n) is substring(s, 1, n); right(s, n) is substring(s, -n, n), '' when n <= 0.
        add(cat, "left", 2, 2, c => SubstringOf(c, c.Arg(0), "1", c.Arg(1).Sql));
        add(cat, "right", 2, 2, c =>
        {
            var n = c.Arg(1).Sql;
            var sub = SubstringOf(c, c.Arg(0), $"(- {n})", n);
            return sub with { Sql = $"CASE WHEN {n} <= 0 THEN {Empty(sub.Type)} ELSE {sub.Sql} END" };
        });
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
            $"regexp_replace({c.String(0)}, {c.Pattern(1)}, {Replacement(c, 2)}, 'g')", StringType.Instance));
        add(cat, "regexp_extract", 2, 3, c =>
        {
            var group = c.Count == 3 ? c.LiteralInt(2, "group index") : 1;
            CheckGroup(c, group);
            return c.Result($"regexp_extract({c.String(0)}, {c.Pattern(1)}, {group})", StringType.Instance);
        });
        add(cat, "regexp_extract_all", 2, 3, c =>
        {
            var group = c.Count == 3 ? c.LiteralInt(2, "group index") : 1;
            CheckGroup(c, group);
            return c.Result($"regexp_extract_all({c.String(0)}, {c.Pattern(1)}, {group})", new ArrayType(StringType.Instance));
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
        // Spark: with a threshold, -1 when the distance is greater than it.
        add(cat, "levenshtein", 2, 3, c =>
        {
            var distance = $"CAST(levenshtein({c.String(0)}, {c.String(1)}) AS INTEGER)";
            return c.Count == 2
                ? c.Result(distance, IntegerType.Instance)
                : c.Result($"CASE WHEN {distance} > {c.Arg(2).Sql} THEN -1 ELSE {distance} END", IntegerType.Instance);
        });
        add(cat, "soundex", 1, 1, c => c.Result($"{Udfs.Soundex}({c.String(0)})", StringType.Instance));
        add(cat, "hex", 1, 1, c => c.Arg(0).Type.IsIntegral
            ? c.Result($"upper(hex(CAST({c.Arg(0).Sql} AS BIGINT)))", StringType.Instance)
            : c.Result($"upper(hex({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : c.String(0))}))", StringType.Instance));
        add(cat, "unhex", 1, 1, c => c.Result($"TRY(unhex({c.String(0)}))", BinaryType.Instance));
        add(cat, "base64", 1, 1, c => c.Result(
            $"to_base64({(c.Arg(0).Type is BinaryType ? c.Arg(0).Sql : $"encode({c.String(0)})")})", StringType.Instance));
        add(cat, "unbase64", 1, 1, c => c.Result($"from_base64({c.String(0)})", BinaryType.Instance));
        add(cat, "encode", 2, 2, c =>
        {
            RequireUtf8(c);
            return c.Result($"encode({c.String(0)})", BinaryType.Instance);
        });
        // Spark: decode(binary, charset) decodes bytes; with more arguments it is the DECODE of
        // Oracle: decode(expr, search, result, ..., [default]), comparing null-safely.
        add(cat, "decode", 2, Many, c => c.Count == 2 ? DecodeBytes(c) : DecodeCase(c));
        add(cat, "format_string", 1, Many, FormatString);
        add(cat, "printf", 1, Many, FormatString);
        add(cat, "format_number", 2, 2, FormatNumber);
    }

    /// <summary>Spark: a group index beyond the pattern's groups is INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX.</summary>
    private static void CheckGroup(FunctionContext c, int group)
    {
        if (!c.IsLiteral(1) || c.Raw(1) is not Plan.Literal { Value: string pattern }) return;
        int groups;
        try { groups = new System.Text.RegularExpressions.Regex(pattern).GetGroupNumbers().Length - 1; }
        catch (ArgumentException) { return; }
        if (group < 0 || group > groups)
            throw new AlaSparkException(
                $"[INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX] The value of parameter(s) `idx` in `{c.Name}` is invalid: Expects group index between 0 and {groups}, but got {group}.");
    }

    private static TypedSql Pad(FunctionContext c, string fn)
    {
        if (c.Arg(0).Type is BinaryType)
        {
            // Binary pads with bytes (zero bytes by default): pad the hex text two digits per byte.
            var (hex, width) = ($"hex({c.Arg(0).Sql})", $"(2 * ({c.Arg(1).Sql}))");
            var padHex = c.Count == 3 ? (c.Arg(2).Type is BinaryType ? $"hex({c.Arg(2).Sql})" : $"hex(encode({c.String(2)}))") : "'00'";
            return c.Result(
                $"unhex(CASE WHEN {width} <= 0 THEN '' WHEN {padHex} = '' THEN left({hex}, {width}) ELSE {fn}({hex}, {width}, {padHex}) END)", BinaryType.Instance);
        }
        var pad = c.Count == 3 ? c.String(2) : "' '";
        var (s, n) = (c.String(0), c.Arg(1).Sql);
        // Spark: a non-positive length gives ''; an empty pad string leaves the value (truncated to the length).
        return c.Result(
            $"CASE WHEN {n} <= 0 THEN '' WHEN {pad} = '' THEN left({s}, {n}) ELSE {fn}({s}, {n}, {pad}) END", StringType.Instance);
    }

    private static TypedSql Substring(FunctionContext c) =>
        SubstringOf(c, c.Arg(0), c.Arg(1).Sql, c.Count == 3 ? c.Arg(2).Sql : null);

    /// <summary>
    /// Spark's substring (<c>UTF8String.substringSQL</c>): a position counts from 1, 0 means the start,
    /// a negative one counts from the end; the part before the start is cut from the length. Binary
    /// values count bytes.
    /// </summary>
    private static TypedSql SubstringOf(FunctionContext c, TypedSql value, string pos, string? len)
    {
        var binary = value.Type is BinaryType;
        var s = binary ? $"hex({value.Sql})" : FunctionContext.AsString(value);
        var length = binary ? $"octet_length({value.Sql})" : $"length({s})";
        // 0-based start before clipping, then [from, end) clipped to the value.
        var start = $"(CASE WHEN {pos} > 0 THEN {pos} - 1 WHEN {pos} < 0 THEN {length} + {pos} ELSE 0 END)";
        var from = $"greatest({start}, 0)";
        var count = len is null ? null : $"greatest({start} + {len} - {from}, 0)";
        var sql = binary
            ? $"unhex(substring({s}, 2 * {from} + 1{(count is null ? "" : $", 2 * {count}")}))"
            : $"substring({s}, {from} + 1{(count is null ? "" : $", {count}")})";
        return c.Result(sql, binary ? BinaryType.Instance : StringType.Instance);
    }

    private static string Empty(DataType type) => type is BinaryType ? "''::BLOB" : "''";

    private static TypedSql DecodeBytes(FunctionContext c)
    {
        var value = c.Arg(0);
        RequireUtf8(c);
        return c.Result(value.Type is BinaryType ? $"{Udfs.Utf8Text}({value.Sql})" : FunctionContext.AsString(value), StringType.Instance);
    }

    /// <summary>encode/decode work with UTF-8 only; another charset is refused rather than ignored.</summary>
    private static void RequireUtf8(FunctionContext c)
    {
        var charset = c.LiteralString(1, "charset").ToUpperInvariant().Replace("_", "-");
        if (charset is not ("UTF-8" or "UTF8"))
            throw new AlaSparkException($"{c.Name}() with the charset '{charset}' is not supported by the embedded engine; it supports UTF-8.");
    }

    private static TypedSql DecodeCase(FunctionContext c)
    {
        var subject = c.Arg(0);
        var pairs = (c.Count - 1) / 2;
        var results = Enumerable.Range(0, pairs).Select(i => c.Arg(2 + 2 * i)).ToList();
        if ((c.Count - 1) % 2 == 1) results.Add(c.Arg(c.Count - 1));
        var type = Numeric.Common(results.Select(r => r.Type));
        if (type is NullType) type = StringType.Instance;
        var sb = new System.Text.StringBuilder("CASE");
        for (var i = 0; i < pairs; i++)
        {
            var search = c.Arg(1 + 2 * i);
            var common = Numeric.Common([subject.Type, search.Type]);
            sb.Append($" WHEN {Coerce(subject, common)} IS NOT DISTINCT FROM {Coerce(search, common)} THEN {Coerce(c.Arg(2 + 2 * i), type)}");
        }
        sb.Append((c.Count - 1) % 2 == 1 ? $" ELSE {Coerce(c.Arg(c.Count - 1), type)} END" : " END");
        return c.Result(sb.ToString(), type, true);
    }

    /// <summary>
    /// Spark's format_number: Java's DecimalFormat with HALF_EVEN rounding. An integer gives the pattern
    /// <c>#,###,##0.00</c> with that many decimals (NULL when negative); a string is a pattern itself:
    /// digits (<c>#</c>, <c>0</c>), grouping commas and one decimal point.
    /// </summary>
    private static TypedSql FormatNumber(FunctionContext c)
    {
        var value = c.Arg(0);
        if (!value.Type.IsNumeric && value.Type is not NullType) throw c.TypeError(value, "a number");
        if (c.Arg(1).Type is not StringType)
        {
            if (!c.IsLiteral(1)) throw new AlaSparkException("The decimal places argument of format_number() must be an integer constant.");
            var digits = c.LiteralInt(1, "decimal places");
            if (digits < 0) return c.Result("CAST(NULL AS VARCHAR)", StringType.Instance, true);
            return c.Result(DecimalFormatSql(value, grouping: true, minInteger: 1, minFraction: digits, maxFraction: digits), StringType.Instance);
        }
        var pattern = c.LiteralString(1, "format");
        if (pattern.Length == 0) pattern = "#,###,###,###,###,###,##0";
        var match = System.Text.RegularExpressions.Regex.Match(pattern, @"^([#,0]*)(?:\.([#0]*))?$");
        var integral = match.Groups[1].Value;
        var fraction = match.Groups[2].Value;
        var lastComma = integral.LastIndexOf(',');
        if (!match.Success || integral.Replace(",", "").Length == 0 && fraction.Length == 0 || integral.EndsWith(',') ||
            lastComma >= 0 && integral.Length - lastComma - 1 != 3 || fraction.Contains('0') && fraction.TrimEnd('#').Contains('#'))
            throw new AlaSparkException(
                $"The format_number() pattern '{pattern}' is not supported by the embedded engine; it supports digits (#, 0), grouping by 3 (,) and a decimal point, such as '#,##0.00'.");
        return c.Result(DecimalFormatSql(value, lastComma >= 0, integral.Count(ch => ch == '0'), fraction.Count(ch => ch == '0'), fraction.Length), StringType.Instance);
    }

    private static string DecimalFormatSql(TypedSql value, bool grouping, int minInteger, int minFraction, int maxFraction)
    {
        var comma = grouping ? "," : "";
        string text;
        if (value.Type.IsIntegral)
            text = $"format('{{:{comma}}}', {value.Sql})" + (maxFraction > 0 ? $" || '.{new string('0', maxFraction)}'" : "");
        else if (value.Type is DecimalType)
            text = $"format('{{:{comma}.{maxFraction}f}}', CAST(round_even({value.Sql}, {maxFraction}) AS DOUBLE))";
        else
            text = $"format('{{:{comma}.{maxFraction}f}}', CAST({value.Sql} AS DOUBLE))";
        if (maxFraction > minFraction)
        {
            // '#' decimals are dropped when they are trailing zeros, and the point with them.
            text = $"regexp_replace({text}, '0{{1,{maxFraction - minFraction}}}$', '')";
            if (minFraction == 0) text = $"regexp_replace({text}, '\\.$', '')";
        }
        if (minInteger == 0) text = $"regexp_replace({text}, '^(-?)0\\.', '\\1.')";
        return text;
    }

    /// <summary>
    /// Spark's format_string/printf: Java's Formatter. Each conversion (<c>%[index$][flags][width][.precision]conv</c>,
    /// conv one of d s S f e E x X o c b %, n) is formatted by DuckDB's printf on its own argument; a NULL
    /// argument prints <c>null</c>, as in Java.
    /// </summary>
    private static TypedSql FormatString(FunctionContext c)
    {
        var format = c.LiteralString(0, "format");
        var parts = new List<string>();
        var literal = new System.Text.StringBuilder();
        var next = 1;
        var spec = new System.Text.RegularExpressions.Regex(@"\G%(?:(\d+)\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])");
        for (var i = 0; i < format.Length;)
        {
            if (format[i] != '%') { literal.Append(format[i++]); continue; }
            var m = spec.Match(format, i);
            if (!m.Success) throw FormatError(format, $"the conversion at position {i + 1}");
            i += m.Length;
            var (flags, width, precision, conversion) = (m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value[0]);
            if (conversion == '%') { literal.Append('%'); continue; }
            if (conversion == 'n') { literal.Append('\n'); continue; }
            if (flags.IndexOfAny([',', '(', '#']) >= 0) throw FormatError(format, $"the flag in '{m.Value}'");
            var index = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : next++;
            if (index < 1 || index >= c.Count) throw new AlaSparkException($"[MISSING_FORMAT_ARGUMENT] The format '{format}' of {c.Name}() refers to argument {index}, but only {c.Count - 1} were given.");
            var arg = c.Arg(index);
            var widthOnly = $"%{flags.Replace("0", "")}{width}s";
            string piece;
            switch (conversion)
            {
                case 's' or 'S':
                {
                    var text = arg.Type is NullType ? "NULL" : FunctionContext.AsString(arg);
                    if (precision.Length > 0) text = $"left({text}, {precision})";
                    piece = $"printf('{widthOnly}', coalesce({text}, 'null'))";
                    if (conversion == 'S') piece = $"upper({piece})";
                    break;
                }
                case 'b' or 'B':
                    // Java: false for null, else the boolean's text.
                    piece = $"printf('{widthOnly}', CASE WHEN {(arg.Type is BooleanType ? arg.Sql : $"{arg.Sql} IS NOT NULL")} THEN 'true' ELSE 'false' END)";
                    if (conversion == 'B') piece = $"upper({piece})";
                    break;
                case 'd' or 'x' or 'X' or 'o' or 'c':
                    if (!arg.Type.IsIntegral && arg.Type is not NullType) throw new AlaSparkException($"[ILLEGAL_FORMAT_CONVERSION] %{conversion} in the format of {c.Name}() can't format a {arg.Type.SimpleString}.");
                    piece = $"coalesce(printf('%{flags}{width}{conversion}', {arg.Sql}), printf('{widthOnly}', 'null'))";
                    break;
                case 'f' or 'e' or 'E':
                    if (!arg.Type.IsNumeric && arg.Type is not NullType) throw new AlaSparkException($"[ILLEGAL_FORMAT_CONVERSION] %{conversion} in the format of {c.Name}() can't format a {arg.Type.SimpleString}.");
                    var digits = precision.Length > 0 ? precision : "6";
                    piece = $"coalesce(printf('%{flags}{width}.{digits}{conversion}', CAST({arg.Sql} AS DOUBLE)), printf('{widthOnly}', 'null'))";
                    if (conversion is 'e' or 'E')
                        // Java writes at least two exponent digits, as C does.
                        piece = $"regexp_replace({piece}, '([eE][+-])(\\d)$', '\\10\\2')";
                    break;
                default:
                    throw FormatError(format, $"the conversion '%{conversion}'");
            }
            if (literal.Length > 0) { parts.Add(SqlText.String(literal.ToString())); literal.Clear(); }
            parts.Add(piece);
        }
        if (literal.Length > 0 || parts.Count == 0) parts.Add(SqlText.String(literal.ToString()));
        return c.Result("(" + string.Join(" || ", parts) + ")", StringType.Instance, false);
    }

    private static AlaSparkException FormatError(string format, string what) => new(
        $"The format '{format}' of format_string() uses {what}, which the embedded engine does not support. Supported: %s %S %d %x %X %o %c %f %e %E %b %% %n with the flags - + space 0, a width and a precision.");

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
        var pattern = c.Pattern(1);
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
