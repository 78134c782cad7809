using System.Text.Json.Nodes;

namespace AlaSpark.Types;

/// <summary>
/// A Spark SQL data type. Names follow Spark: <see cref="SimpleString"/> is what Spark SQL and DDL
/// write (<c>bigint</c>, <c>array&lt;string&gt;</c>); <see cref="JsonName"/> and <see cref="ToJson"/>
/// are Spark's JSON schema format (<c>long</c>, <c>{"type":"array",...}</c>).
/// Types are immutable values: two equal types compare equal.
/// </summary>
public abstract record DataType
{
    /// <summary>The name Spark SQL uses (<c>int</c>, <c>bigint</c>, <c>decimal(10,2)</c>, <c>struct&lt;a:int&gt;</c>).</summary>
    public abstract string SimpleString { get; }

    /// <summary>The name Spark's JSON schema format uses for atomic types (<c>integer</c>, <c>long</c>).</summary>
    public virtual string JsonName => SimpleString;

    /// <summary>Spark's JSON schema representation of this type.</summary>
    public virtual JsonNode ToJson() => JsonValue.Create(JsonName);

    /// <summary>True for the numeric types (integral, fractional, decimal).</summary>
    public bool IsNumeric => this is ByteType or ShortType or IntegerType or LongType or FloatType or DoubleType or DecimalType;

    /// <summary>True for byte, short, int and long.</summary>
    public bool IsIntegral => this is ByteType or ShortType or IntegerType or LongType;

    public sealed override string ToString() => SimpleString;

    /// <summary>Parses a Spark type string (<c>int</c>, <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>, <c>struct&lt;a: int&gt;</c>).</summary>
    public static DataType Parse(string text) => DdlParser.ParseType(text);

    /// <summary>Reads a type from Spark's JSON schema format.</summary>
    public static DataType FromJson(JsonNode node) => SchemaJson.ReadType(node);
}

public sealed record StringType : DataType
{
    public static readonly StringType Instance = new();
    public override string SimpleString => "string";
}

public sealed record BooleanType : DataType
{
    public static readonly BooleanType Instance = new();
    public override string SimpleString => "boolean";
}

public sealed record ByteType : DataType
{
    public static readonly ByteType Instance = new();
    public override string SimpleString => "tinyint";
    public override string JsonName => "byte";
}

public sealed record ShortType : DataType
{
    public static readonly ShortType Instance = new();
    public override string SimpleString => "smallint";
    public override string JsonName => "short";
}

public sealed record IntegerType : DataType
{
    public static readonly IntegerType Instance = new();
    public override string SimpleString => "int";
    public override string JsonName => "integer";
}

public sealed record LongType : DataType
{
    public static readonly LongType Instance = new();
    public override string SimpleString => "bigint";
    public override string JsonName => "long";
}

public sealed record FloatType : DataType
{
    public static readonly FloatType Instance = new();
    public override string SimpleString => "float";
}

public sealed record DoubleType : DataType
{
    public static readonly DoubleType Instance = new();
    public override string SimpleString => "double";
}

/// <summary>A fixed-point decimal; Spark allows a precision of at most 38.</summary>
public sealed record DecimalType : DataType
{
    public const int MaxPrecision = 38;

    public DecimalType(int precision = 10, int scale = 0)
    {
        if (precision < 1 || precision > MaxPrecision)
            throw new ArgumentOutOfRangeException(nameof(precision), $"decimal precision {precision} is outside 1..{MaxPrecision}");
        if (scale < 0 || scale > precision)
            throw new ArgumentOutOfRangeException(nameof(scale), $"decimal scale {scale} is outside 0..{precision}");
        Precision = precision;
        Scale = scale;
    }

    public int Precision { get; }
    public int Scale { get; }
    public override string SimpleString => $"decimal({Precision},{Scale})";
}

public sealed record DateType : DataType
{
    public static readonly DateType Instance = new();
    public override string SimpleString => "date";
}

/// <summary>Spark's <c>timestamp</c>: an instant, shown in the session time zone.</summary>
public sealed record TimestampType : DataType
{
    public static readonly TimestampType Instance = new();
    public override string SimpleString => "timestamp";
}

/// <summary>Spark's <c>timestamp_ntz</c>: a wall-clock time without a time zone.</summary>
public sealed record TimestampNtzType : DataType
{
    public static readonly TimestampNtzType Instance = new();
    public override string SimpleString => "timestamp_ntz";
}

public sealed record BinaryType : DataType
{
    public static readonly BinaryType Instance = new();
    public override string SimpleString => "binary";
}

/// <summary>The type of the literal <c>NULL</c> before it is given another type.</summary>
public sealed record NullType : DataType
{
    public static readonly NullType Instance = new();
    public override string SimpleString => "void";
}

public sealed record ArrayType(DataType ElementType, bool ContainsNull = true) : DataType
{
    public override string SimpleString => $"array<{ElementType.SimpleString}>";

    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "array",
        ["elementType"] = ElementType.ToJson(),
        ["containsNull"] = ContainsNull,
    };
}

public sealed record MapType(DataType KeyType, DataType ValueType, bool ValueContainsNull = true) : DataType
{
    public override string SimpleString => $"map<{KeyType.SimpleString},{ValueType.SimpleString}>";

    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "map",
        ["keyType"] = KeyType.ToJson(),
        ["valueType"] = ValueType.ToJson(),
        ["valueContainsNull"] = ValueContainsNull,
    };
}
