using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// A column expression, as in Spark's <c>Column</c>: a thin, immutable wrapper over a plan
/// <see cref="Expression"/>. Operators build Spark functions (<c>a == b</c> is Spark's <c>=</c>,
/// <c>a &amp; b</c> is <c>AND</c>), so a Spark user reads the code as they would in PySpark.
/// </summary>
public class Column
{
    public Column(Expression expression) => Expression = expression;

    /// <summary>The expression this column stands for.</summary>
    public Expression Expression { get; }

    private static Column Fn(string name, params Column[] args) =>
        new(new UnresolvedFunction(name, args.Select(a => a.Expression).ToArray()));

    private static Column Of(object? value) => value as Column ?? Functions.Lit(value);

    public Column Alias(string name) => new(new Alias(Expression is Alias a ? a.Child : Expression, name));

    public Column As(string name) => Alias(name);

    public Column Cast(string dataType) => Cast(DataType.Parse(dataType));

    public Column Cast(DataType dataType) => new(new Plan.Cast(Expression, dataType));

    public Column TryCast(DataType dataType) => new(new Plan.Cast(Expression, dataType, Try: true));

    public Column EqualTo(object? other) => Fn("==", this, Of(other));
    public Column NotEqual(object? other) => Fn("!=", this, Of(other));
    public Column EqNullSafe(object? other) => Fn("<=>", this, Of(other));
    public Column Gt(object? other) => Fn(">", this, Of(other));
    public Column Geq(object? other) => Fn(">=", this, Of(other));
    public Column Lt(object? other) => Fn("<", this, Of(other));
    public Column Leq(object? other) => Fn("<=", this, Of(other));
    public Column And(Column other) => Fn("and", this, other);
    public Column Or(Column other) => Fn("or", this, other);
    public Column Plus(object? other) => Fn("+", this, Of(other));
    public Column Minus(object? other) => Fn("-", this, Of(other));
    public Column Multiply(object? other) => Fn("*", this, Of(other));
    public Column Divide(object? other) => Fn("/", this, Of(other));
    public Column Mod(object? other) => Fn("%", this, Of(other));
    public Column IsNull() => Fn("isnull", this);
    public Column IsNotNull() => Fn("isnotnull", this);
    public Column IsIn(params object?[] values) => Fn("in", values.Select(Of).Prepend(this).ToArray());
    public Column Like(string pattern) => Fn("like", this, Functions.Lit(pattern));
    public Column RLike(string pattern) => Fn("rlike", this, Functions.Lit(pattern));
    public Column Contains(object? other) => Fn("contains", this, Of(other));
    public Column StartsWith(object? other) => Fn("startswith", this, Of(other));
    public Column EndsWith(object? other) => Fn("endswith", this, Of(other));
    public Column Between(object? lower, object? upper) => Geq(lower).And(Leq(upper));
    public Column Substr(int startPos, int length) => Fn("substring", this, Functions.Lit(startPos), Functions.Lit(length));

    /// <summary>A struct field (<c>col("address").GetField("city")</c>).</summary>
    public Column GetField(string name) => new(new UnresolvedExtractValue(Expression, new Literal(name, StringType.Instance)));

    /// <summary>An array element (0-based, as Spark's <c>getItem</c>) or a map value by key.</summary>
    public Column GetItem(object key) => new(new UnresolvedExtractValue(Expression, Functions.Lit(key).Expression));

    /// <summary>Spark's <c>when(...).otherwise(...)</c> chain: adds a branch to a <c>when</c>.</summary>
    public Column When(Column condition, object? value)
    {
        if (Expression is not UnresolvedFunction { Name: "when" } when || when.Arguments.Count % 2 != 0)
            throw new AlaSparkException("When() can only follow Functions.When(...) or another When(...).");
        return new(when with { Arguments = when.Arguments.Add(condition.Expression).Add(Of(value).Expression) });
    }

    public Column Otherwise(object? value)
    {
        if (Expression is not UnresolvedFunction { Name: "when" } when || when.Arguments.Count % 2 != 0)
            throw new AlaSparkException("Otherwise() can only follow Functions.When(...) and may be used once.");
        return new(when with { Arguments = when.Arguments.Add(Of(value).Expression) });
    }

    public Column Asc() => new(new SortOrder(Expression, Ascending: true));
    public Column Desc() => new(new SortOrder(Expression, Ascending: false));
    public Column AscNullsLast() => new(new SortOrder(Expression, true, NullsFirst: false));
    public Column DescNullsFirst() => new(new SortOrder(Expression, false, NullsFirst: true));

    public static Column operator ==(Column left, object? right) => left.EqualTo(right);
    public static Column operator !=(Column left, object? right) => left.NotEqual(right);
    public static Column operator >(Column left, object? right) => left.Gt(right);
    public static Column operator >=(Column left, object? right) => left.Geq(right);
    public static Column operator <(Column left, object? right) => left.Lt(right);
    public static Column operator <=(Column left, object? right) => left.Leq(right);
    public static Column operator &(Column left, Column right) => left.And(right);
    public static Column operator |(Column left, Column right) => left.Or(right);
    public static Column operator !(Column column) => Fn("not", column);
    public static Column operator -(Column column) => Fn("negative", column);
    public static Column operator +(Column left, object? right) => left.Plus(right);
    public static Column operator -(Column left, object? right) => left.Minus(right);
    public static Column operator *(Column left, object? right) => left.Multiply(right);
    public static Column operator /(Column left, object? right) => left.Divide(right);
    public static Column operator %(Column left, object? right) => left.Mod(right);

    /// <summary>Columns compare by expression; <c>==</c> builds an expression instead.</summary>
    public override bool Equals(object? obj) => obj is Column other && other.Expression.Equals(Expression);

    public override int GetHashCode() => Expression.GetHashCode();

    public override string ToString() => ExpressionPrinter.Print(Expression);

    public static implicit operator Column(string name) => Functions.Col(name);
}

/// <summary>A column whose values are of the CLR type <typeparamref name="T"/>; the C# compiler
/// checks that typed functions get the types they expect.</summary>
public sealed class Column<T> : Column
{
    public Column(Expression expression) : base(expression) { }

    public new Column<T> Alias(string name) => new(base.Alias(name).Expression);
}
