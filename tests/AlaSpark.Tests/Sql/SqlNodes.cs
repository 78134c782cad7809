using AlaSpark.Plan;
using AlaSpark.Sql;
using AlaSpark.Types;

namespace AlaSpark.Tests.Sql;

/// <summary>Short builders for expected plan trees.</summary>
internal static class N
{
    public static Expression Parse(string sql) => SparkSqlParser.ParseExpression(sql);

    public static UnresolvedAttribute Col(params string[] parts) => new(parts.ToValueList());

    public static UnresolvedFunction Fn(string name, params Expression[] arguments) => new(name, arguments);

    public static Literal Int(int value) => new(value, IntegerType.Instance);

    public static Literal Long(long value) => new(value, LongType.Instance);

    public static Literal Str(string value) => new(value, StringType.Instance);

    public static Literal Bool(bool value) => new(value, BooleanType.Instance);

    public static Literal Dec(decimal value, int precision, int scale) => new(value, new DecimalType(precision, scale));

    public static Literal Dbl(double value) => new(value, DoubleType.Instance);
}
