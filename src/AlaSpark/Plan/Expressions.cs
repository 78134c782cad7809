using AlaSpark.Types;

namespace AlaSpark.Plan;

/// <summary>
/// An expression of the logical plan. The node kinds mirror Spark Connect's <c>Expression</c>
/// message one to one, so that a Spark Connect engine is a direct translation and the embedded
/// engine a compiler to SQL. Nodes are immutable records with value equality.
/// </summary>
public abstract record Expression;

/// <summary>A constant. <see cref="Value"/> is a CLR value of the type's natural representation
/// (string, bool, int, long, double, decimal, DateOnly, DateTime (UTC), byte[]), or null.</summary>
public sealed record Literal(object? Value, DataType Type) : Expression
{
    public static readonly Literal Null = new(null, NullType.Instance);

    public bool Equals(Literal? other) =>
        other is not null && Type.Equals(other.Type) &&
        (Value is byte[] a && other.Value is byte[] b ? a.AsSpan().SequenceEqual(b) : Equals(Value, other.Value));

    public override int GetHashCode() => HashCode.Combine(Type, Value is byte[] bytes ? bytes.Length : Value?.GetHashCode() ?? 0);
}

/// <summary>A column by name; several parts address a struct field (<c>address.city</c>)
/// or a column of a named relation.</summary>
public sealed record UnresolvedAttribute(ValueList<string> NameParts) : Expression
{
    public UnresolvedAttribute(string name) : this(ValueList.Of(name)) { }

    public string Name => string.Join(".", NameParts);
}

/// <summary>A call of a Spark function by its Spark name (<c>sha2</c>, <c>regexp_replace</c>).
/// Operators are functions too, as in Spark Connect: <c>==</c>, <c>and</c>, <c>+</c>, <c>isnull</c>.</summary>
public sealed record UnresolvedFunction(string Name, ValueList<Expression> Arguments, bool IsDistinct = false) : Expression
{
    public UnresolvedFunction(string name, params Expression[] arguments) : this(name, new ValueList<Expression>(arguments)) { }
}

/// <summary>Gives an expression an output name.</summary>
public sealed record Alias(Expression Child, string Name) : Expression;

/// <summary>Spark's <c>CAST(child AS type)</c>; <see cref="Try"/> makes a failed cast null (<c>try_cast</c>).</summary>
public sealed record Cast(Expression Child, DataType Type, bool Try = false) : Expression;

/// <summary>An ordering for <c>Sort</c>.</summary>
public sealed record SortOrder(Expression Child, bool Ascending = true, bool? NullsFirst = null) : Expression
{
    /// <summary>Spark's default: nulls first when ascending, last when descending.</summary>
    public bool EffectiveNullsFirst => NullsFirst ?? Ascending;
}

/// <summary>A Spark SQL fragment kept as text. The DataFrame API parses fragments eagerly into the
/// tree; this node exists for plans that arrive as text (Spark Connect's <c>expression_string</c>).</summary>
public sealed record ExpressionString(string Sql) : Expression;

/// <summary><c>*</c> or <c>t.*</c>.</summary>
public sealed record UnresolvedStar(string? Target = null) : Expression;

/// <summary>Field, element or key access: <c>s.field</c>, <c>arr[0]</c>, <c>m['key']</c>.</summary>
public sealed record UnresolvedExtractValue(Expression Child, Expression Extraction) : Expression;

/// <summary>A lambda for higher-order functions (<c>transform(xs, x -> x + 1)</c>).</summary>
public sealed record LambdaFunction(Expression Body, ValueList<string> Parameters) : Expression;

/// <summary>A lambda parameter reference inside a <see cref="LambdaFunction"/> body.</summary>
public sealed record LambdaVariable(string Name) : Expression;
