namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>
/// Spark's regular expressions are Java's; DuckDB's are RE2, which has no lookaround, atomic groups,
/// backreferences or possessive quantifiers. A constant pattern that uses one of them is refused with
/// an error naming the function and the construct, instead of failing inside DuckDB or matching
/// differently.
/// </summary>
internal static class JavaRegex
{
    public static void Check(string pattern, string function)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                if (!inClass && (char.IsAsciiDigit(next) && next != '0' || next == 'k'))
                    throw Unsupported(pattern, function, $"the backreference \\{next}");
                if (next is 'G' or 'Z' or 'R' or 'X' or 'h' or 'H')
                    throw Unsupported(pattern, function, $"\\{next}");
                continue;
            }
            if (inClass)
            {
                if (ch == ']') inClass = false;
                continue;
            }
            switch (ch)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++;
                    break;
                case '(' when Starts(pattern, i, "(?=") || Starts(pattern, i, "(?!") || Starts(pattern, i, "(?<=") || Starts(pattern, i, "(?<!"):
                    throw Unsupported(pattern, function, "lookaround ((?=, (?!, (?<=, (?<!)");
                case '(' when Starts(pattern, i, "(?>"):
                    throw Unsupported(pattern, function, "an atomic group (?>...)");
                case '*' or '+' or '?' or '}' when i + 1 < pattern.Length && pattern[i + 1] == '+':
                    throw Unsupported(pattern, function, $"the possessive quantifier {ch}+");
            }
        }
    }

    private static bool Starts(string s, int at, string prefix) => string.CompareOrdinal(s, at, prefix, 0, prefix.Length) == 0;

    private static AlaSparkException Unsupported(string pattern, string function, string what) => new(
        $"[UNSUPPORTED_REGEX] The pattern '{pattern}' of {function}() uses {what}, which Java supports but the embedded engine's regular expressions (RE2) do not. Rewrite the pattern without it.");
}
