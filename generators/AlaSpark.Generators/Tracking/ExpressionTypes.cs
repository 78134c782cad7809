using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// The type of a <c>WithColumn</c> expression, when it is trivially known at compile time: a
/// literal, a column, a <c>CAST(... AS type)</c>, or a call of a few functions whose result type does
/// not depend on their arguments (<c>upper</c>, <c>sha2</c>, <c>to_date</c>, <c>current_timestamp</c>,
/// ...). Anything else is <see cref="ColumnType.Unknown"/> and nullable: the generator does not parse
/// Spark SQL, the engine does when the pipeline runs.
/// </summary>
internal static class ExpressionTypes
{
    private static readonly Dictionary<string, DataTypeKind> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["upper"] = DataTypeKind.String,
        ["lower"] = DataTypeKind.String,
        ["trim"] = DataTypeKind.String,
        ["ltrim"] = DataTypeKind.String,
        ["rtrim"] = DataTypeKind.String,
        ["initcap"] = DataTypeKind.String,
        ["md5"] = DataTypeKind.String,
        ["sha1"] = DataTypeKind.String,
        ["sha2"] = DataTypeKind.String,
        ["length"] = DataTypeKind.Integer,
        ["year"] = DataTypeKind.Integer,
        ["month"] = DataTypeKind.Integer,
        ["dayofmonth"] = DataTypeKind.Integer,
        ["hour"] = DataTypeKind.Integer,
        ["minute"] = DataTypeKind.Integer,
        ["second"] = DataTypeKind.Integer,
    };

    /// <summary>Spark SQL words that read like column names but are functions without parentheses.</summary>
    private static readonly HashSet<string> NiladicFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_timestamp", "current_date", "current_timezone", "current_user", "user", "session_user",
        "current_catalog", "current_database", "current_schema", "localtimestamp",
    };

    /// <summary>The type and nullability of <paramref name="expression"/> at <paramref name="step"/>.</summary>
    public static (ColumnType Type, bool Nullable) Infer(string? expression, ProcessorStep step) =>
        expression is null ? (ColumnType.Unknown, true) : Infer(expression, step, topLevel: true);

    private static (ColumnType Type, bool Nullable) Infer(string text, ProcessorStep step, bool topLevel)
    {
        text = StripParentheses(text.Trim());
        if (text.Length == 0) return (ColumnType.Unknown, true);
        var lower = text.ToLowerInvariant();
        if (lower is "true" or "false") return (ColumnType.Of(DataTypeKind.Boolean), false);
        if (lower == "null") return (ColumnType.Unknown, true);
        if (IsStringLiteral(text)) return (ColumnType.Of(DataTypeKind.String), false);
        if (NumberType(text) is { } number) return (number, false);
        if (ColumnName(text) is { } name) return Column(name, step, topLevel);
        if (Call(text) is { } call) return Function(call.Name, call.Arguments, step);
        return (ColumnType.Unknown, true);
    }

    private static (ColumnType, bool) Column(string name, ProcessorStep step, bool topLevel)
    {
        var column = step.Schema.Find(name);
        if (column is not null) return (column.Type, column.Nullable);
        if (NiladicFunctions.Contains(name)) return Function(name, Array.Empty<string>(), step);
        // Only a bare column is reported: inside a call it might be a lambda variable or a keyword.
        if (step.Schema.IsComplete && topLevel)
            step.Report(FindingIds.ColumnMissing, FindingSeverity.Error, "expression", -1, step.Processor.ShortName, name, step.Schema.Describe());
        return (ColumnType.Unknown, true);
    }

    private static (ColumnType, bool) Function(string name, IReadOnlyList<string> arguments, ProcessorStep step)
    {
        var lower = name.ToLowerInvariant();
        if (lower is "cast" or "try_cast" && arguments.Count == 1 && SplitCast(arguments[0]) is { } cast)
        {
            var target = SparkTypes.Parse(cast.Type, out _);
            if (target is null) return (ColumnType.Unknown, true);
            var (source, nullable) = Infer(cast.Value, step, topLevel: false);
            return (target, lower == "try_cast" || nullable || SparkTypes.CastCanFail(source, target));
        }
        if (arguments.Count == 0)
        {
            if (lower is "current_timestamp" or "now") return (ColumnType.Of(DataTypeKind.Timestamp), false);
            if (lower is "current_date" or "curdate") return (ColumnType.Of(DataTypeKind.Date), false);
            return (ColumnType.Unknown, true);
        }

        var inferred = arguments.Select(a => Infer(a, step, topLevel: false)).ToList();
        var anyNullable = inferred.Any(a => a.Nullable || a.Type.IsUnknown);
        if (lower == "to_date" && arguments.Count == 1)
        {
            // Text may not parse as a date.
            var text = inferred[0].Type.Kind is DataTypeKind.String or DataTypeKind.Unknown;
            return (ColumnType.Of(DataTypeKind.Date), anyNullable || text);
        }
        return Functions.TryGetValue(lower, out var kind) ? (ColumnType.Of(kind), anyNullable) : (ColumnType.Unknown, true);
    }

    /// <summary>Spark's type of a numeric literal: int, bigint (too big for int, or <c>L</c>), decimal, double (<c>D</c> or an exponent).</summary>
    private static ColumnType? NumberType(string text)
    {
        var body = text.StartsWith("-", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (body.Length == 0 || !(char.IsDigit(body[0]) || body[0] == '.' && body.Length > 1)) return null;
        var last = char.ToUpperInvariant(body[body.Length - 1]);
        if (last == 'L' && IsDigits(body.Substring(0, body.Length - 1))) return ColumnType.Of(DataTypeKind.Long);
        if (last == 'D' && double.TryParse(body.Substring(0, body.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return ColumnType.Of(DataTypeKind.Double);
        if (IsDigits(body))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return ColumnType.Of(DataTypeKind.Integer);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return ColumnType.Of(DataTypeKind.Long);
            return null;
        }
        if (body.IndexOfAny(new[] { 'e', 'E' }) > 0 && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return ColumnType.Of(DataTypeKind.Double);
        var point = body.IndexOf('.');
        if (point < 0 || !IsDigits(body.Substring(0, point)) || !IsDigits(body.Substring(point + 1))) return null;
        // Spark: precision is the number of digits (without leading zeros), scale the digits after the point.
        var scale = body.Length - point - 1;
        var digits = body.Replace(".", "").TrimStart('0').Length;
        var precision = Math.Max(Math.Max(digits, scale), 1);
        return precision > 38 ? null : SparkTypes.Decimal(precision, scale);
    }

    private static bool IsDigits(string text) => text.All(char.IsDigit);

    private static bool IsStringLiteral(string text)
    {
        if (text.Length < 2 || text[0] is not ('\'' or '"') || text[text.Length - 1] != text[0]) return false;
        return ClosingQuote(text, 0) == text.Length - 1;
    }

    /// <summary>A column reference: <c>name</c> or <c>`any name`</c> (no struct field paths).</summary>
    private static string? ColumnName(string text)
    {
        if (text.Length > 2 && text[0] == '`' && text[text.Length - 1] == '`' && text.IndexOf('`', 1) == text.Length - 1)
            return text.Substring(1, text.Length - 2);
        var plain = (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
        return plain ? text : null;
    }

    /// <summary><c>name(arguments)</c> when the whole text is one call; arguments split at top-level commas.</summary>
    private static (string Name, IReadOnlyList<string> Arguments)? Call(string text)
    {
        var open = text.IndexOf('(');
        if (open <= 0 || text[text.Length - 1] != ')') return null;
        var name = text.Substring(0, open).Trim();
        if (ColumnName(name) is null || name[0] == '`') return null;
        if (MatchingParenthesis(text, open) != text.Length - 1) return null;
        var inner = text.Substring(open + 1, text.Length - open - 2);
        return (name, inner.Trim().Length == 0 ? Array.Empty<string>() : SplitTopLevel(inner, ','));
    }

    /// <summary>Splits <c>value AS type</c> at the last top-level <c>AS</c>.</summary>
    private static (string Value, string Type)? SplitCast(string text)
    {
        var depth = 0;
        var at = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                i = ClosingQuote(text, i);
                if (i < 0) return null;
            }
            else if (c is '(' or '<') depth++;
            else if (c is ')' or '>') depth--;
            else if (depth == 0 && i > 0 && i + 3 < text.Length && char.IsWhiteSpace(text[i - 1])
                     && string.Compare(text, i, "as", 0, 2, StringComparison.OrdinalIgnoreCase) == 0 && char.IsWhiteSpace(text[i + 2]))
                at = i;
        }
        return at < 0 ? null : (text.Substring(0, at), text.Substring(at + 2).Trim());
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                var end = ClosingQuote(text, i);
                if (end < 0) break;
                i = end;
            }
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text.Substring(start, i - start));
                start = i + 1;
            }
        }
        parts.Add(text.Substring(start));
        return parts;
    }

    private static string StripParentheses(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && MatchingParenthesis(text, 0) == text.Length - 1)
            text = text.Substring(1, text.Length - 2).Trim();
        return text;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, skipping quoted text; -1 when none.</summary>
    private static int MatchingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                i = ClosingQuote(text, i);
                if (i < 0) return -1;
            }
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The index of the quote closing the one at <paramref name="start"/> (backslash escapes, doubled quotes); -1 when none.</summary>
    private static int ClosingQuote(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '`') i++;
            else if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote) i++;
                else return i;
            }
        }
        return -1;
    }
}
