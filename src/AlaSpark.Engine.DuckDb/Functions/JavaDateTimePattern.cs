using System.Text;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>
/// Converts Spark's datetime patterns (Java <c>DateTimeFormatter</c> letters: <c>yyyy-MM-dd HH:mm:ss</c>)
/// to DuckDB's strftime/strptime format (<c>%Y-%m-%d %H:%M:%S</c>). A letter AlaSpark cannot
/// translate exactly is an error that names it, never a silently different result.
/// </summary>
internal static class JavaDateTimePattern
{
    public static string ToStrftime(string pattern)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0) throw Error(pattern, "an unterminated quoted literal");
                sb.Append(pattern.AsSpan(i + 1, end - i - 1).ToString().Replace("%", "%%"));
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                sb.Append(c == '%' ? "%%" : c.ToString());
                i++;
                continue;
            }
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c) run++;
            sb.Append(Letter(pattern, c, run));
            i += run;
        }
        return sb.ToString();
    }

    private static string Letter(string pattern, char letter, int count) => (letter, count) switch
    {
        ('y' or 'u', 2) => "%y",
        ('y' or 'u', _) => "%Y",
        ('M' or 'L', 1) => "%-m",
        ('M' or 'L', 2) => "%m",
        ('M' or 'L', 3) => "%b",
        ('M' or 'L', 4) => "%B",
        ('d', 1) => "%-d",
        ('d', 2) => "%d",
        ('D', 3) => "%j",
        ('H', 1) => "%-H",
        ('H', 2) => "%H",
        ('h', 1) => "%-I",
        ('h', 2) => "%I",
        ('m', 1) => "%-M",
        ('m', 2) => "%M",
        ('s', 1) => "%-S",
        ('s', 2) => "%S",
        ('S', 3) => "%g",
        ('S', 6) => "%f",
        ('S', 9) => "%n",
        ('a', 1) => "%p",
        ('E', <= 3) => "%a",
        ('E', 4) => "%A",
        ('z', <= 3) => "%Z",
        ('Z', <= 3) or ('x', <= 3) or ('X', <= 3) => "%z",
        _ => throw Error(pattern, $"the pattern letter '{new string(letter, count)}'"),
    };

    private static AlaSparkException Error(string pattern, string what) => new(
        $"The datetime pattern '{pattern}' uses {what}, which the embedded engine cannot translate exactly. " +
        "Supported letters: y, M, L, d, D, H, h, m, s, SSS, SSSSSS, a, E, z, Z, X, x and 'quoted text'.");
}
