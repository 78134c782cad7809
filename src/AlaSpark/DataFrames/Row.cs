using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using AlaSpark.Naming;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// One row of a result, with its schema. Values use the natural CLR types: string, bool, int, long,
/// double, decimal, DateOnly (date), DateTime in UTC (timestamp), byte[] (binary),
/// <see cref="IReadOnlyList{T}"/> of object (array), <see cref="Row"/> (struct) and
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> (map).
/// </summary>
public sealed class Row : IEquatable<Row>
{
    private readonly object?[] _values;

    public Row(StructType schema, object?[] values)
    {
        if (schema.Count != values.Length)
            throw new ArgumentException($"A row of {values.Length} values does not fit a schema of {schema.Count} columns.");
        Schema = schema;
        _values = values;
    }

    public StructType Schema { get; }

    public int Length => _values.Length;

    public object? this[int index] => _values[index];

    public object? this[string column] => _values[IndexOf(column)];

    public IReadOnlyList<object?> Values => _values;

    public T? Get<T>(string column) => (T?)this[column];

    public T? Get<T>(int index) => (T?)_values[index];

    public bool IsNull(string column) => this[column] is null;

    /// <summary>
    /// The row as a <typeparamref name="T"/> (a record such as a generated pipeline's <c>OutputRow</c>):
    /// each constructor parameter, then each settable property, gets the column of its name, by the
    /// naming rule of <see cref="RecordSchema"/> (<c>[Column]</c>, else the name in snake_case; case
    /// ignored). Values convert as the property needs: a date to DateOnly or DateTime, a timestamp to
    /// DateTime or DateTimeOffset, numbers to wider (or, when the value fits, narrower) numbers,
    /// arrays to arrays and lists, maps to dictionaries, structs to records. Columns without a
    /// parameter or property are ignored; a parameter without a column, a null for a non-nullable
    /// type or a value that does not convert fails with an error that names the column.
    /// </summary>
    public T As<T>() => (T)RecordReader.For(typeof(T)).Bind(Schema)(this);

    private int IndexOf(string column)
    {
        var index = Schema.IndexOf(column);
        if (index < 0)
            throw new AlaSparkException($"Row has no column '{column}'. Columns: {string.Join(", ", Schema.FieldNames)}.");
        return index;
    }

    public bool Equals(Row? other) =>
        other is not null && other._values.Length == _values.Length &&
        _values.Zip(other._values).All(p => ValueEquality.AreEqual(p.First, p.Second));

    public override bool Equals(object? obj) => obj is Row other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(ValueEquality.HashOf(v));
        return hash.ToHashCode();
    }

    public override string ToString() => "Row(" + string.Join(", ", Schema.Fields.Select((f, i) => $"{f.Name}={ValueFormatter.Format(_values[i])}")) + ")";
}

/// <summary>Structural equality for row values (arrays, maps and byte arrays by content).</summary>
internal static class ValueEquality
{
    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (string, _) or (_, string) => Equals(a, b),
        (IReadOnlyDictionary<object, object?> x, IReadOnlyDictionary<object, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && AreEqual(kv.Value, v)),
        (System.Collections.IList x, System.Collections.IList y) =>
            x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => AreEqual(x[i], y[i])),
        _ => Equals(a, b),
    };

    public static int HashOf(object? value) => value switch
    {
        null => 0,
        byte[] bytes => bytes.Length,
        string s => s.GetHashCode(),
        System.Collections.IList list => list.Count,
        _ => value.GetHashCode(),
    };
}

/// <summary>Reads rows into instances of a type, by column name (see <see cref="Row.As{T}"/>).</summary>
internal sealed class RecordReader
{
    private static readonly ConcurrentDictionary<Type, RecordReader> Cache = new();

    private readonly Type _type;
    private readonly ConstructorInfo _constructor;
    private readonly Member[] _parameters;
    private readonly Member[] _properties;

    private RecordReader(Type type)
    {
        _type = type;
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (type.IsAbstract || type.IsInterface || constructors.Length == 0)
            throw new AlaSparkException($"Rows can't be read as {TypeName(type)}: it has no public constructor to create one with.");
        // The primary constructor of a record has the most parameters (its copy constructor is protected).
        _constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        _parameters = _constructor.GetParameters().Select(p =>
        {
            var property = properties.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            var column = p.GetCustomAttribute<ColumnAttribute>()?.Name ?? property?.GetCustomAttribute<ColumnAttribute>()?.Name ?? NamingRules.ToSnakeCase(p.Name!);
            return new Member(column, p.ParameterType, $"the parameter {p.Name} of {TypeName(type)}", p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null, null);
        }).ToArray();
        var parameterNames = new HashSet<string>(_constructor.GetParameters().Select(p => p.Name!), StringComparer.OrdinalIgnoreCase);
        _properties = properties
            .Where(p => p.SetMethod is { IsPublic: true } && !parameterNames.Contains(p.Name))
            .Select(p => new Member(p.GetCustomAttribute<ColumnAttribute>()?.Name ?? NamingRules.ToSnakeCase(p.Name), p.PropertyType,
                $"the property {p.Name} of {TypeName(type)}", true, null, p))
            .ToArray();
    }

    public static RecordReader For(Type type) => Cache.GetOrAdd(type, t => new RecordReader(t));

    /// <summary>A reader of rows of <paramref name="schema"/>: the columns are looked up once.</summary>
    public Func<Row, object> Bind(StructType schema)
    {
        var parameterIndexes = _parameters.Select(p =>
        {
            var index = schema.IndexOf(p.Column);
            if (index < 0 && !p.Optional)
                throw new AlaSparkException($"Rows can't be read as {TypeName(_type)}: there is no column '{p.Column}' for {p.Where}. " +
                                            $"Columns: {string.Join(", ", schema.FieldNames)}. Name the column with [Column(\"...\")] or remove the parameter.");
            return index;
        }).ToArray();
        var propertyIndexes = _properties.Select(p => schema.IndexOf(p.Column)).ToArray();
        return row =>
        {
            var arguments = new object?[_parameters.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var p = _parameters[i];
                arguments[i] = parameterIndexes[i] < 0 ? p.DefaultValue : ValueConverter.Convert(row[parameterIndexes[i]], p.Type, p.Column, p.Where);
            }
            var instance = _constructor.Invoke(arguments);
            for (var i = 0; i < _properties.Length; i++)
            {
                if (propertyIndexes[i] < 0) continue;
                var p = _properties[i];
                p.Property!.SetValue(instance, ValueConverter.Convert(row[propertyIndexes[i]], p.Type, p.Column, p.Where));
            }
            return instance;
        };
    }

    internal static string TypeName(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">"
            : type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Name;

    private sealed record Member(string Column, Type Type, string Where, bool Optional, object? DefaultValue, PropertyInfo? Property);
}

/// <summary>Converts a <see cref="Row"/> value to the CLR type a record's parameter or property has.</summary>
internal static class ValueConverter
{
    private static readonly Type[] ListTypes = [typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>)];
    private static readonly Type[] DictionaryTypes = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];

    public static object? Convert(object? value, Type target, string column, string where)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            if (!target.IsValueType || underlying is not null) return null;
            throw new AlaSparkException($"The column '{column}' is null, but {where} is a non-nullable {RecordReader.TypeName(target)}; make it {RecordReader.TypeName(target)}?.");
        }
        target = underlying ?? target;
        if (target.IsInstanceOfType(value)) return value;
        try
        {
            if (TryConvert(value, target, column, where) is { } converted) return converted;
        }
        catch (OverflowException)
        {
            throw new AlaSparkException($"The value {ValueFormatter.Format(value)} of the column '{column}' does not fit {where} ({RecordReader.TypeName(target)}).");
        }
        throw new AlaSparkException($"The column '{column}' holds {RecordReader.TypeName(value.GetType())} values ({ValueFormatter.Format(value)}), which {where} ({RecordReader.TypeName(target)}) can't take; give it the column's type.");
    }

    private static object? TryConvert(object value, Type target, string column, string where)
    {
        if (IsNumber(value) && IsNumber(target)) return ConvertNumber(value, target);
        if (target == typeof(DateOnly))
            return value is DateTime { TimeOfDay.Ticks: 0 } midnight ? DateOnly.FromDateTime(midnight) : null;
        if (target == typeof(DateTime))
            return value switch
            {
                DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                DateTimeOffset offset => offset.UtcDateTime,
                _ => null,
            };
        if (target == typeof(DateTimeOffset))
            return value switch
            {
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                _ => null,
            };
        if (target.IsEnum)
            return value switch
            {
                string name => Enum.TryParse(target, name, ignoreCase: true, out var member) ? member : null,
                _ when IsNumber(value) && value is not (float or double or decimal) => Enum.ToObject(target, value),
                _ => null,
            };
        if (value is Row row) return IsRecordLike(target) ? RecordReader.For(target).Bind(row.Schema)(row) : null;
        if (value is IDictionary map && DictionaryOf(target) is { } pair)
        {
            var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(pair.Key, pair.Value))!;
            foreach (DictionaryEntry entry in map)
                result[Convert(entry.Key, pair.Key, column, where)!] = Convert(entry.Value, pair.Value, column, where);
            return result;
        }
        if (value is IEnumerable items and not string and not byte[] && ElementOf(target) is { } element)
        {
            var converted = items.Cast<object?>().Select(item => Convert(item, element, column, where)).ToList();
            if (target.IsArray)
            {
                var array = Array.CreateInstance(element, converted.Count);
                for (var i = 0; i < converted.Count; i++) array.SetValue(converted[i], i);
                return array;
            }
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in converted) list.Add(item);
            return list;
        }
        return null;
    }

    /// <summary>A type a struct column can be read into: a class or struct of the application, not a value of System.</summary>
    private static bool IsRecordLike(Type type) =>
        type != typeof(string) && !type.IsPrimitive && !type.IsEnum && !type.IsArray && type.Namespace != "System"
        && !(type.IsGenericType && (ListTypes.Contains(type.GetGenericTypeDefinition()) || DictionaryTypes.Contains(type.GetGenericTypeDefinition())));

    private static bool IsNumber(object value) => IsNumber(value.GetType());

    private static bool IsNumber(Type type) =>
        type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) || type == typeof(uint)
        || type == typeof(long) || type == typeof(ulong) || type == typeof(float) || type == typeof(double) || type == typeof(decimal);

    /// <summary>Numbers convert when no digit is lost: integers to any number they fit, never a fraction to an integer.</summary>
    private static object? ConvertNumber(object value, Type target)
    {
        var integralTarget = target != typeof(float) && target != typeof(double) && target != typeof(decimal);
        if (integralTarget && value is float or double) return null;
        if (integralTarget && value is decimal d && decimal.Truncate(d) != d) return null;
        return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Type? ElementOf(Type target)
    {
        if (target.IsArray) return target.GetElementType();
        return target.IsGenericType && ListTypes.Contains(target.GetGenericTypeDefinition()) ? target.GetGenericArguments()[0] : null;
    }

    private static (Type Key, Type Value)? DictionaryOf(Type target) =>
        target.IsGenericType && DictionaryTypes.Contains(target.GetGenericTypeDefinition())
            ? (target.GetGenericArguments()[0], target.GetGenericArguments()[1])
            : null;
}
