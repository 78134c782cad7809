using AlaSpark.Sql;

namespace AlaSpark;

/// <summary>Adds a column, or replaces the column of that name, from a Spark SQL expression (<c>"upper(name)"</c>).</summary>
public sealed class WithColumn(string column, string expression) : ToTableProcessor
{
    public string Column { get; } = column;
    public string Expression { get; } = expression;

    public override string DescribeArguments() => Arguments(Column, Expression);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var parsed = Parse(Expression, table);
        var result = table.DataFrame.WithColumn(Column, new Column(parsed));
        _ = result.Schema; // resolves the columns now, so a wrong name fails at this step
        return table with { DataFrame = result };
    }

    internal Plan.Expression Parse(string sql, ProcessedTable table)
    {
        try
        {
            return SparkSqlParser.ParseExpression(sql);
        }
        catch (AlaSparkException e)
        {
            throw new AlaSparkException($"{Name} in {Where(table)}: {e.Message}", e);
        }
    }
}

/// <summary>Keeps the rows for which a Spark SQL boolean expression is true (<c>"amount > 0 AND status = 'ok'"</c>).</summary>
public sealed class FilterRows(string condition) : ToTableProcessor
{
    public string Condition { get; } = condition;

    public override string DescribeArguments() => Arguments(Condition);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        Plan.Expression parsed;
        try
        {
            parsed = SparkSqlParser.ParseExpression(Condition);
        }
        catch (AlaSparkException e)
        {
            throw new AlaSparkException($"{Name} in {Where(table)}: {e.Message}", e);
        }
        var result = table.DataFrame.Filter(new Column(parsed));
        try
        {
            _ = result.Schema;
        }
        catch (AlaSparkException e)
        {
            throw new AlaSparkException($"{Name}(\"{Condition}\") in {Where(table)}: {e.Message}", e);
        }
        return table with { DataFrame = result };
    }
}
