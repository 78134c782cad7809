using AlaSpark.Plan;

namespace AlaSpark.Sql;

/// <summary>
/// Parses Spark SQL text into plan nodes: expressions (<c>amount &gt; 0 AND status = 'ok'</c>) and the
/// query subset that <c>alaspark sql</c> runs (one SELECT with joins, WHERE, GROUP BY, HAVING,
/// ORDER BY, LIMIT). Keywords are case-insensitive; operators become <see cref="UnresolvedFunction"/>s
/// with Spark's names (<c>==</c>, <c>and</c>, <c>isnull</c>, ...). docs/sql.md lists the syntax.
/// Every problem with the text is an <see cref="AlaSparkException"/> naming the text, the position
/// (1-based) and what was expected.
/// </summary>
public static class SparkSqlParser
{
    /// <summary>Parses one expression (<c>upper(name)</c>, <c>a IN (1, 2)</c>, <c>*</c>).</summary>
    public static Expression ParseExpression(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Guarded(sql, () => new SqlParser(sql, queryMode: false).ParseWholeExpression());
    }

    /// <summary>Parses one expression with an optional alias (<c>amount * 2 AS doubled</c>,
    /// <c>amount * 2 doubled</c>); an alias gives an <see cref="Alias"/>.</summary>
    public static Expression ParseNamedExpression(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Guarded(sql, () => new SqlParser(sql, queryMode: false).ParseWholeNamedExpression());
    }

    /// <summary>Parses a SELECT query of the supported subset into a relation; anything else (subqueries,
    /// WITH, UNION, window functions, statements) is refused by name.</summary>
    public static Relation ParseQuery(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return Guarded(sql, () => new SqlParser(sql, queryMode: true).ParseWholeQuery());
    }

    /// <summary>Text nested beyond what the stack can take is an error like any other, not a crash.</summary>
    private static T Guarded<T>(string sql, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InsufficientExecutionStackException)
        {
            throw new AlaSparkException($"Cannot parse {SqlErrors.Fragment(sql, 0)}: the text is nested too deeply.");
        }
    }
}
