using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Sql;

/// <summary>Builds the relation of an inline table (<c>VALUES (1, 'a'), (2, 'b')</c>).</summary>
internal static class InlineTable
{
    public static Relation Build(IReadOnlyList<List<Expression>> rows, IReadOnlyList<string> names)
    {
        if (rows.All(r => r.All(e => e is Literal)) && ColumnTypes(rows) is { } types)
        {
            var schema = new StructType(names.Select((n, i) => new StructField(n, types[i], rows.Any(r => ((Literal)r[i]).Value is null))));
            var values = rows.Select(r => r.Select((e, i) => Convert(((Literal)e).Value, types[i])).ToValueList()).ToValueList();
            return new LocalRelation(schema, values);
        }
        // Rows with expressions: a UNION ALL of one-row selects; the engine widens the column types.
        Relation? relation = null;
        foreach (var row in rows)
        {
            Relation select = new Project(new OneRowRelation(), row.Select((e, i) => (Expression)new Alias(e, names[i])).ToValueList());
            relation = relation is null ? select : new SetOperation(relation, select, SetOperationType.Union, IsAll: true, ByName: false, AllowMissingColumns: false);
        }
        return relation!;
    }

    /// <summary>The type of each column: the common type of its literals (numbers widen: int, bigint,
    /// decimal, double), or null when a column mixes types this simple rule doesn't cover.</summary>
    private static List<DataType>? ColumnTypes(IReadOnlyList<List<Expression>> rows)
    {
        var types = new List<DataType>();
        for (var i = 0; i < rows[0].Count; i++)
        {
            DataType type = NullType.Instance;
            foreach (var row in rows)
            {
                var t = ((Literal)row[i]).Type;
                if (t is NullType || t.Equals(type)) continue;
                if (type is NullType) { type = t; continue; }
                if (Wider(type, t) is not { } wider) return null;
                type = wider;
            }
            types.Add(type);
        }
        return types;
    }

    private static int Rank(DataType t) => t switch
    {
        ByteType => 1, ShortType => 2, IntegerType => 3, LongType => 4, DecimalType => 5, DoubleType => 7, _ => -1,
    };

    private static DataType? Wider(DataType a, DataType b)
    {
        if (Rank(a) < 0 || Rank(b) < 0) return null;
        if (a is DoubleType || b is DoubleType) return DoubleType.Instance;
        if (a is DecimalType || b is DecimalType)
        {
            var (x, y) = (AsDecimal(a), AsDecimal(b));
            var scale = Math.Max(x.Scale, y.Scale);
            var integral = Math.Max(x.Precision - x.Scale, y.Precision - y.Scale);
            return integral + scale > DecimalType.MaxPrecision ? null : new DecimalType(integral + scale, scale);
        }
        return Rank(a) >= Rank(b) ? a : b;
    }

    private static DecimalType AsDecimal(DataType t) => t switch
    {
        DecimalType d => d,
        ByteType => new DecimalType(3, 0),
        ShortType => new DecimalType(5, 0),
        IntegerType => new DecimalType(10, 0),
        _ => new DecimalType(20, 0),
    };

    private static object? Convert(object? value, DataType type) => value is null ? null : type switch
    {
        ShortType => System.Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture),
        IntegerType => System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        LongType => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        DecimalType => System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        DoubleType => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
