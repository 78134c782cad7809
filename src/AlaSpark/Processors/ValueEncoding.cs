using AlaSpark.Plan;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// An unambiguous text of values, for hashing them into keys (<see cref="AddSurrogateKey"/>, <see cref="AddRowHash"/>,
/// <c>Relationalize</c>). Given the types, the text of a list of values is never the text of another list, so
/// neither a separator inside a value nor a null can make two different rows hash alike:
/// <list type="bullet">
/// <item>null: <c>~</c></item>
/// <item>a single value: its length in characters, <c>:</c>, then the value cast to string (Spark's CAST; binary as
/// hex) — <c>("ab", "c")</c> is <c>2:ab1:c</c> and <c>("a", "bc")</c> is <c>1:a2:bc</c></item>
/// <item>a struct: <c>{</c>, its fields in order, <c>}</c>; an array: <c>[</c>, its elements, <c>]</c>; a map:
/// <c>&lt;</c>, its keys, <c>|</c>, its values, <c>&gt;</c></item>
/// </list>
/// The hash is the lower-case hex SHA-256 of the text of the columns in the order given.
/// </summary>
internal static class ValueEncoding
{
    private const string Null = "~";

    /// <summary>The hex SHA-256 of the encoding of <paramref name="values"/> (expression and type), in order.</summary>
    public static Column Hash(IEnumerable<(Column Value, DataType Type)> values) =>
        Sha2(Concat(values.Select(v => Encode(v.Value, v.Type, 0)).ToArray()), 256);

    /// <summary>The hash of top-level columns of <paramref name="schema"/>, by name.</summary>
    public static Column HashColumns(StructType schema, IEnumerable<string> columns) =>
        Hash(columns.Select(c => (new Column(new UnresolvedAttribute(c)), schema[c].DataType)));

    private static Column Encode(Column value, DataType type, int depth) => type switch
    {
        StructType s => Wrap(value, Concat([Lit("{"), .. s.Fields.Select(f => Encode(value.GetField(f.Name), f.DataType, depth)), Lit("}")])),
        ArrayType a => Wrap(value, Concat(Lit("["), Elements(value, a.ElementType, depth), Lit("]"))),
        MapType m => Wrap(value, Concat(
            Lit("<"), Elements(Fn("map_keys", value), m.KeyType, depth), Lit("|"), Elements(Fn("map_values", value), m.ValueType, depth), Lit(">"))),
        _ => Coalesce(Concat(Length(Text(value, type)).Cast(StringType.Instance), Lit(":"), Text(value, type)), Lit(Null)),
    };

    /// <summary>The encodings of an array's elements, one after the other.</summary>
    private static Column Elements(Column array, DataType elementType, int depth)
    {
        var name = $"alaspark_e{depth}";
        var element = new Column(new LambdaVariable(name));
        var encode = new LambdaFunction(Encode(element, elementType, depth + 1).Expression, ValueList.Of(name));
        return Fn("array_join", Fn("transform", array, new Column(encode)), Lit(""));
    }

    private static Column Wrap(Column value, Column encoded) => When(value.IsNull(), Null).Otherwise(encoded);

    private static Column Text(Column value, DataType type) => type switch
    {
        StringType => value,
        BinaryType => Fn("hex", value),
        _ => value.Cast(StringType.Instance),
    };

    private static Column Fn(string name, params Column[] arguments) =>
        new(new UnresolvedFunction(name, arguments.Select(a => a.Expression).ToArray()));
}
