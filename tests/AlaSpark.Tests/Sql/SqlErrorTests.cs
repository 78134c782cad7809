using System.Text;
using AlaSpark.Sql;

namespace AlaSpark.Tests.Sql;

public class SqlErrorTests
{
    private static string ErrorOf(string sql) =>
        Assert.Throws<AlaSparkException>(() => SparkSqlParser.ParseExpression(sql)).Message;

    [Fact]
    public void Missing_operand_names_the_text_position_and_expectation()
    {
        Assert.Equal("Cannot parse \"amount >\" at position 9: expected an expression.", ErrorOf("amount >"));
    }

    [Theory]
    [InlineData("", "Cannot parse \"\" at position 1: expected an expression.")]
    [InlineData("(a + b", "Cannot parse \"(a + b\" at position 7: expected ')' to close the '(' at position 1.")]
    [InlineData("upper(a", "Cannot parse \"upper(a\" at position 8: expected ')' to close the '(' at position 6.")]
    [InlineData("f(a b)", "Cannot parse \"f(a b)\" at position 5: expected ',' or ')' to close the '(' at position 2, found 'b'.")]
    [InlineData("a + b)", "Cannot parse \"a + b)\" at position 6: unexpected ')' (it has no matching '(').")]
    [InlineData("'abc", "Cannot parse \"'abc\" at position 1: unterminated string literal (a ' has no closing ').")]
    [InlineData("`abc", "Cannot parse \"`abc\" at position 1: unterminated back-quoted name (a '`' has no closing '`').")]
    [InlineData("a b", "Cannot parse \"a b\" at position 3: expected the end of the expression, found 'b'.")]
    [InlineData("a = 1 1", "Cannot parse \"a = 1 1\" at position 7: expected the end of the expression, found '1'.")]
    [InlineData("a $ b", "Cannot parse \"a $ b\" at position 3: unexpected character '$'.")]
    [InlineData("a IS 5", "Cannot parse \"a IS 5\" at position 6: expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS, found '5'.")]
    [InlineData("CASE WHEN a THEN 1", "Cannot parse \"CASE WHEN a THEN 1\" at position 19: expected WHEN, ELSE or END.")]
    [InlineData("CASE a END", "Cannot parse \"CASE a END\" at position 8: expected WHEN, found 'END'.")]
    [InlineData("cast(x as nonsense)", "Cannot parse \"cast(x as nonsense)\" at position 11: 'nonsense' is not a valid data type (unsupported data type 'nonsense').")]
    [InlineData("cast(x)", "Cannot parse \"cast(x)\" at position 7: expected AS and a data type in CAST(value AS type), found ')'.")]
    [InlineData("a IN ()", "Cannot parse \"a IN ()\" at position 7: expected a value in the IN list, found ')'.")]
    [InlineData("a BETWEEN 1", "Cannot parse \"a BETWEEN 1\" at position 12: expected AND between the bounds of BETWEEN.")]
    [InlineData("DATE '2020-13-01'", "Cannot parse \"DATE '2020-13-01'\" at position 6: '2020-13-01' is not a valid DATE literal (expected yyyy-MM-dd).")]
    [InlineData("X'0G'", "Cannot parse \"X'0G'\" at position 2: '0G' is not a valid binary literal (expected hexadecimal digits).")]
    [InlineData("128Y", "Cannot parse \"128Y\" at position 1: 128Y does not fit in a tinyint (range -128 to 127).")]
    [InlineData("1.5x", "Cannot parse \"1.5x\" at position 1: '1.5x' is not a valid number.")]
    [InlineData("a /* open", "Cannot parse \"a /* open\" at position 3: unterminated comment (a '/*' has no closing '*/').")]
    [InlineData("a FROM t", "Cannot parse \"a FROM t\" at position 3: expected the end of the expression, found 'FROM'.")]
    [InlineData("a AND FROM", "Cannot parse \"a AND FROM\" at position 7: expected an expression, found 'FROM'.")]
    [InlineData("1 + * 2", "Cannot parse \"1 + * 2\" at position 5: a star (*) can only be a whole select item or a function argument.")]
    [InlineData("arr[0", "Cannot parse \"arr[0\" at position 6: expected ']' to close the '[' at position 4.")]
    [InlineData("(x, x) -> x", "Cannot parse \"(x, x) -> x\" at position 1: the lambda names its parameter 'x' twice.")]
    [InlineData("TIMESTAMP_NTZ '2020-01-01 00:00:00Z'", "Cannot parse \"TIMESTAMP_NTZ '2020-01-01 00:00:00Z'\" at position 15: '2020-01-01 00:00:00Z' is not a valid TIMESTAMP_NTZ literal (a TIMESTAMP_NTZ literal has no time zone).")]
    [InlineData("INTERVAL 3 fortnights", "Cannot parse \"INTERVAL 3 fortnights\" at position 12: expected an interval unit (YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND), found 'fortnights'.")]
    [InlineData("INTERVAL '1 day' HOUR", "Cannot parse \"INTERVAL '1 day' HOUR\" at position 10: '1 day' is not a number of hours.")]
    [InlineData("a = NOT b", "Cannot parse \"a = NOT b\" at position 5: expected an expression, found 'NOT'.")]
    public void Error_messages(string sql, string message)
    {
        Assert.Equal(message, ErrorOf(sql));
    }

    [Fact]
    public void Errors_in_text_with_several_lines_give_line_and_column()
    {
        Assert.Equal(
            "Cannot parse \"a + b *\" at line 2, column 4: expected an expression.",
            ErrorOf("a +\nb *"));
    }

    [Fact]
    public void Long_text_is_shown_around_the_problem()
    {
        var sql = string.Join(" + ", Enumerable.Range(0, 40).Select(i => $"c{i}")) + " +";
        var message = ErrorOf(sql);
        Assert.StartsWith("Cannot parse \"...", message);
        Assert.EndsWith($" +\" at position {sql.Length + 1}: expected an expression.", message);
    }

    [Theory]
    [InlineData("sum(x) OVER (PARTITION BY y)", "Window functions (OVER) are not supported in AlaSpark SQL expressions (found at position 8 of \"sum(x) OVER (PARTITION BY y)\").")]
    [InlineData("a IN (SELECT b FROM t)", "Subqueries (IN (SELECT ...)) are not supported in AlaSpark SQL expressions (found at position 7 of \"a IN (SELECT b FROM t)\").")]
    [InlineData("EXISTS (SELECT 1)", "Subqueries (EXISTS) are not supported in AlaSpark SQL expressions (found at position 1 of \"EXISTS (SELECT 1)\").")]
    [InlineData("(SELECT 1) + 1", "Subqueries are not supported in AlaSpark SQL expressions (found at position 2 of \"(SELECT 1) + 1\").")]
    [InlineData("count(*) FILTER (WHERE x)", "Aggregate FILTER (WHERE ...) clauses are not supported in AlaSpark SQL expressions (found at position 10 of \"count(*) FILTER (WHERE x)\").")]
    [InlineData("f(a => 1)", "Named function arguments (=>) are not supported in AlaSpark SQL expressions (found at position 5 of \"f(a => 1)\").")]
    [InlineData("INTERVAL '1-2' YEAR TO MONTH", "Interval ranges (INTERVAL ... TO ...) are not supported in AlaSpark SQL expressions (found at position 21 of \"INTERVAL '1-2' YEAR TO MONTH\").")]
    public void Unsupported_expression_features_are_named(string sql, string message)
    {
        Assert.Equal(message, ErrorOf(sql));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var sql = new string('(', 5000) + "a" + new string(')', 5000);
        Assert.Contains("nested too deeply", ErrorOf(sql));
        Assert.Contains("nested too deeply", ErrorOf(string.Concat(Enumerable.Repeat("- ", 5000)) + "a"));
        Assert.Contains("nested too deeply", ErrorOf(string.Concat(Enumerable.Repeat("NOT ", 5000)) + "a"));
        Assert.Contains("nested too deeply", ErrorOf("cast(x as " + string.Concat(Enumerable.Repeat("array<", 5000)) + "int" + new string('>', 5000) + ")"));
    }

    [Fact]
    public void Very_long_operator_runs_are_an_error_not_a_crash()
    {
        var sql = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => $"c{i}"));
        Assert.Contains("too many operators in a row (more than 1000)", ErrorOf(sql));
        Assert.Contains("too many operators in a row", Assert.Throws<AlaSparkException>(() => SparkSqlParser.ParseQuery("SELECT " + sql + " FROM t")).Message);
        var ok = string.Join(" + ", Enumerable.Range(0, 500).Select(i => $"c{i}"));
        var aggregate = Assert.IsType<AlaSpark.Plan.Aggregate>(SparkSqlParser.ParseQuery("SELECT sum(" + ok + ") FROM t"));
        Assert.Equal("sum", Assert.IsType<AlaSpark.Plan.UnresolvedFunction>(aggregate.Aggregates[0]).Name);
    }

    [Fact]
    public void Moderate_nesting_parses()
    {
        var sql = new string('(', 50) + "a" + new string(')', 50);
        Assert.Equal(N.Col("a"), SparkSqlParser.ParseExpression(sql));
    }

    private static readonly string[] FuzzTokens =
    [
        "a", "b.c", "`q``x`", "`", "'s'", "'", "\"d\"", "\"", "1", "2L", "3.5", "1e9", "9999999999999999999999999999999999", "1.5BD", "7Y", "300Y",
        "(", ")", "[", "]", ",", ".", "*", "+", "-", "/", "%", "||", "|", "&", "^", "~", "!", "=", "==", "<=>", "<>", "!=", "<", "<=", ">", ">=",
        "::", "->", "=>", ":", ";", "AND", "OR", "NOT", "IS", "NULL", "TRUE", "IN", "LIKE", "ESCAPE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE",
        "END", "CAST", "AS", "int", "array<", "decimal(", "TRIM", "BOTH", "FROM", "FOR", "SUBSTRING", "POSITION", "EXTRACT", "INTERVAL", "DAY",
        "DATE", "TIMESTAMP", "X", "'2020-01-01'", "'zz'", "DISTINCT", "count", "OVER", "SELECT", "WHERE", "GROUP", "BY", "ORDER", "LIMIT",
        "JOIN", "ON", "USING", "HAVING", "x ->", "/*", "*/", "--", "\n", "$", "\u00e9", "\\", "r'", "IGNORE", "NULLS", "t.*",
    ];

    [Fact]
    public void Random_token_strings_only_ever_raise_AlaSparkException()
    {
        var random = new Random(20240611);
        var parsed = 0;
        for (var n = 0; n < 1000; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(1, 16);
            for (var t = 0; t < length; t++)
            {
                sb.Append(FuzzTokens[random.Next(FuzzTokens.Length)]);
                if (random.Next(4) != 0) sb.Append(' ');
            }
            var sql = sb.ToString();
            Func<string, object>[] entryPoints =
            [
                SparkSqlParser.ParseExpression,
                SparkSqlParser.ParseNamedExpression,
                SparkSqlParser.ParseQuery,
                s => SparkSqlParser.ParseQuery("SELECT " + s),
                s => SparkSqlParser.ParseQuery("SELECT a FROM t WHERE " + s),
            ];
            foreach (var parse in entryPoints)
            {
                try
                {
                    parse(sql);
                    parsed++;
                }
                catch (AlaSparkException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                }
                catch (Exception e)
                {
                    Assert.Fail($"{e.GetType().Name} for {sql}: {e.Message}");
                }
            }
        }
        Assert.True(parsed > 0, "some random strings should parse");
    }
}
