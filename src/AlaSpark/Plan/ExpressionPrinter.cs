using System.Globalization;
using AlaSpark.Types;

namespace AlaSpark.Plan;

/// <summary>
/// Prints an expression the way Spark names an unaliased column: <c>upper(name)</c>,
/// <c>(a + b)</c>, <c>CAST(x AS DATE)</c>, <c>(x IS NOT NULL)</c>.
/// </summary>
public static class ExpressionPrinter
{
    private static readonly Dictionary<string, string> Infix = new(StringComparer.Ordinal)
    {
        ["=="] = "=", ["<=>"] = "<=>", ["!="] = "!=", ["<"] = "<", ["<="] = "<=", [">"] = ">", [">="] = ">=",
        ["and"] = "AND", ["or"] = "OR", ["+"] = "+", ["-"] = "-", ["*"] = "*", ["/"] = "/", ["%"] = "%",
        ["div"] = "div", ["&"] = "&", ["|"] = "|", ["^"] = "^", ["like"] = "LIKE", ["ilike"] = "ILIKE", ["rlike"] = "RLIKE",
    };

    public static string Print(Expression expression) => expression switch
    {
        Alias a => a.Name,
        UnresolvedAttribute a => a.NameParts[^1],
        Literal l => PrintLiteralValue(l),
        Cast c => $"CAST({Print(c.Child)} AS {c.Type.SimpleString.ToUpperInvariant()})",
        UnresolvedStar s => s.Target is null ? "*" : s.Target + ".*",
        UnresolvedExtractValue e => e.Extraction is Literal { Value: string field } ? $"{Print(e.Child)}.{field}" : $"{Print(e.Child)}[{Print(e.Extraction)}]",
        SortOrder s => $"{Print(s.Child)} {(s.Ascending ? "ASC" : "DESC")} NULLS {(s.EffectiveNullsFirst ? "FIRST" : "LAST")}",
        ExpressionString s => s.Sql,
        LambdaFunction l => $"lambdafunction({Print(l.Body)}, {string.Join(", ", l.Parameters)})",
        LambdaVariable v => v.Name,
        UnresolvedFunction f => PrintFunction(f),
        _ => expression.ToString(),
    };

    private static string PrintFunction(UnresolvedFunction f)
    {
        var args = f.Arguments;
        if (Infix.TryGetValue(f.Name, out var op) && args.Count == 2)
            return $"({Print(args[0])} {op} {Print(args[1])})";
        switch (f.Name)
        {
            case "not" when args.Count == 1: return $"(NOT {Print(args[0])})";
            case "negative" when args.Count == 1: return $"(- {Print(args[0])})";
            case "isnull" when args.Count == 1: return $"({Print(args[0])} IS NULL)";
            case "isnotnull" when args.Count == 1: return $"({Print(args[0])} IS NOT NULL)";
            case "in" when args.Count >= 1:
                return $"({Print(args[0])} IN ({string.Join(", ", args.Skip(1).Select(Print))}))";
            case "when":
            {
                var sb = new System.Text.StringBuilder("CASE");
                var i = 0;
                for (; i + 1 < args.Count; i += 2) sb.Append(" WHEN ").Append(Print(args[i])).Append(" THEN ").Append(Print(args[i + 1]));
                if (i < args.Count) sb.Append(" ELSE ").Append(Print(args[i]));
                return sb.Append(" END").ToString();
            }
        }
        // Spark shows count(*) as count(1).
        if (f.Name == "count" && args.Count == 1 && args[0] is UnresolvedStar) return "count(1)";
        var distinct = f.IsDistinct ? "DISTINCT " : "";
        return $"{f.Name}({distinct}{string.Join(", ", args.Select(Print))})";
    }

    private static string PrintLiteralValue(Literal literal) => literal.Value switch
    {
        null => "NULL",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        DateTime t => $"TIMESTAMP '{t:yyyy-MM-dd HH:mm:ss.FFFFFF}'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        long l => l.ToString(CultureInfo.InvariantCulture) + (literal.Type is LongType ? "L" : ""),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var v => v.ToString() ?? "",
    };
}
