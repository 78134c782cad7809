using System.Collections.Concurrent;
using System.Reflection;
using AlaSpark.Naming;

namespace AlaSpark.Types;

/// <summary>
/// The Spark schema of a C# record: each public property is a column named in snake_case
/// (<c>EventId</c> -> <c>event_id</c>) unless <see cref="ColumnAttribute"/> names it. Types map as
/// the DSL describes: string, int, long, short, byte, bool, float, double, decimal (with
/// <see cref="DecimalAttribute"/>), DateTime and DateTimeOffset -> timestamp, DateOnly -> date,
/// byte[] -> binary, arrays and lists -> array, Dictionary&lt;string, T&gt; -> map, records -> struct.
/// Nullable value types and nullable reference types give nullable columns.
/// </summary>
public static class RecordSchema
{
    private static readonly ConcurrentDictionary<Type, StructType> Cache = new();

    public static StructType For<T>() => For(typeof(T));

    public static StructType For(Type type) => Cache.GetOrAdd(type, t => Build(t, []));

    /// <summary>The Spark type of a CLR type, by the rules of <see cref="For(Type)"/> (<c>int?</c> is <c>int</c>).</summary>
    public static DataType DataTypeOf(Type type) => Map(type, null, null, [], type.Name).Type;

    private static StructType Build(Type type, HashSet<Type> visiting)
    {
        if (!visiting.Add(type))
            throw new AlaSparkException($"The schema type {type.Name} contains itself; a schema can't be recursive.");
        var context = new NullabilityInfoContext();
        var fields = new List<StructField>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            var name = property.GetCustomAttribute<ColumnAttribute>()?.Name
                       ?? ConstructorParameter(type, property)?.GetCustomAttribute<ColumnAttribute>()?.Name
                       ?? NamingRules.ToSnakeCase(property.Name);
            var nullability = context.Create(property);
            var decimalAttribute = property.GetCustomAttribute<DecimalAttribute>() ?? ConstructorParameter(type, property)?.GetCustomAttribute<DecimalAttribute>();
            var (dataType, nullable) = Map(property.PropertyType, nullability, decimalAttribute, visiting, $"{type.Name}.{property.Name}");
            fields.Add(new StructField(name, dataType, nullable));
        }
        visiting.Remove(type);
        return new StructType(fields);
    }

    private static ParameterInfo? ConstructorParameter(Type type, PropertyInfo property) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).FirstOrDefault(p => p.Name == property.Name);

    private static (DataType Type, bool Nullable) Map(Type clr, NullabilityInfo? nullability, DecimalAttribute? decimalAttribute, HashSet<Type> visiting, string where)
    {
        var underlying = Nullable.GetUnderlyingType(clr);
        if (underlying is not null) return (Map(underlying, null, decimalAttribute, visiting, where).Type, true);
        var referenceNullable = !clr.IsValueType && nullability?.ReadState != NullabilityState.NotNull;
        DataType type = clr switch
        {
            _ when clr == typeof(string) => StringType.Instance,
            _ when clr == typeof(int) => IntegerType.Instance,
            _ when clr == typeof(long) => LongType.Instance,
            _ when clr == typeof(short) => ShortType.Instance,
            _ when clr == typeof(sbyte) => ByteType.Instance,
            _ when clr == typeof(byte) => ShortType.Instance,
            _ when clr == typeof(bool) => BooleanType.Instance,
            _ when clr == typeof(float) => FloatType.Instance,
            _ when clr == typeof(double) => DoubleType.Instance,
            _ when clr == typeof(decimal) => decimalAttribute is null ? new DecimalType(38, 18) : new DecimalType(decimalAttribute.Precision, decimalAttribute.Scale),
            _ when clr == typeof(DateTime) || clr == typeof(DateTimeOffset) => TimestampType.Instance,
            _ when clr == typeof(DateOnly) => DateType.Instance,
            _ when clr == typeof(byte[]) => BinaryType.Instance,
            _ when clr.IsArray => new ArrayType(Map(clr.GetElementType()!, nullability?.ElementType, null, visiting, where).Type),
            _ when clr.IsGenericType && clr.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IReadOnlyList<>) || g == typeof(IList<>) || g == typeof(IEnumerable<>) || g == typeof(IReadOnlyCollection<>)) =>
                new ArrayType(Map(clr.GetGenericArguments()[0], nullability?.GenericTypeArguments.FirstOrDefault(), null, visiting, where).Type),
            _ when clr.IsGenericType && clr.GetGenericTypeDefinition() is var d && (d == typeof(Dictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(IDictionary<,>)) =>
                clr.GetGenericArguments()[0] == typeof(string)
                    ? new MapType(StringType.Instance, Map(clr.GetGenericArguments()[1], nullability?.GenericTypeArguments.ElementAtOrDefault(1), null, visiting, where).Type)
                    : throw new AlaSparkException($"{where}: a map column needs string keys (Dictionary<string, T>)."),
            _ when clr.IsClass || clr.IsValueType && !clr.IsPrimitive && !clr.IsEnum => Build(clr, visiting),
            _ => throw new AlaSparkException($"{where}: the type {clr.Name} has no Spark column type."),
        };
        return (type, clr.IsValueType ? false : referenceNullable);
    }
}
