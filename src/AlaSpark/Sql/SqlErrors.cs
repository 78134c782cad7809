namespace AlaSpark.Sql;

/// <summary>Builds the parser's error messages: the text (or the part near the problem), the
/// position (1-based; line and column when the text has several lines) and what was expected.</summary>
internal static class SqlErrors
{
    private const int WholeTextLimit = 100;
    private const int Window = 40;

    /// <summary><c>Cannot parse "amount >" at position 9: expected an expression.</c></summary>
    public static AlaSparkException At(string sql, int index, string message) =>
        new($"Cannot parse {Fragment(sql, index)} at {Position(sql, index)}: {message}.");

    /// <summary>A feature outside the supported subset, named, with where it was found.</summary>
    public static AlaSparkException Unsupported(string sql, int index, string what, string? supported) =>
        new($"{what} not supported {(supported is null ? "in AlaSpark SQL expressions" : "by `alaspark sql`")} " +
            $"(found at {Position(sql, index)} of {Fragment(sql, index)})" +
            (supported is null ? "." : $"; supported: {supported}."));

    /// <summary>"position 9", or "line 2, column 5" for text with several lines.</summary>
    public static string Position(string sql, int index)
    {
        index = Math.Clamp(index, 0, sql.Length);
        if (!sql.Contains('\n')) return $"position {index + 1}";
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (sql[i] == '\n') { line++; lineStart = i + 1; }
        }
        return $"line {line}, column {index - lineStart + 1}";
    }

    /// <summary>The whole text when it is short; otherwise the part around <paramref name="index"/>.</summary>
    public static string Fragment(string sql, int index)
    {
        var text = sql;
        if (sql.Length > WholeTextLimit)
        {
            index = Math.Clamp(index, 0, sql.Length);
            var from = Math.Max(0, index - Window);
            var to = Math.Min(sql.Length, index + Window);
            text = (from > 0 ? "..." : "") + sql[from..to] + (to < sql.Length ? "..." : "");
        }
        return "\"" + OneLine(text) + "\"";
    }

    public static string Shorten(string text, int max) =>
        OneLine(text.Length <= max ? text : text[..max] + "...");

    private static string OneLine(string text) =>
        text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
