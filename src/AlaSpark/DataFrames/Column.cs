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

/// <summary>
/// A column whose values are of the CLR type <typeparamref name="T"/> (<c>string</c>, <c>int</c>,
/// <c>DateOnly</c>, <c>DateTime</c>, ... as <see cref="Types.RecordSchema"/> maps them).
/// Comparing it with a <typeparamref name="T"/> or another <c>Column&lt;T&gt;</c> gives a
/// <c>Column&lt;bool&gt;</c>, and typed functions keep the type, so the C# compiler checks what
/// generated typed columns (a pipeline's <c>Output</c>) are used for: <c>Column&lt;bool&gt; recent =
/// Output.EventDate &gt; new DateOnly(2024, 1, 1)</c> compiles, <c>Output.EventDate &gt; 5</c> is only an
/// untyped <see cref="Column"/> and can't be assigned to a <c>Column&lt;bool&gt;</c>.
/// </summary>
public sealed class Column<T> : Column
{
    public Column(Expression expression) : base(expression) { }

    public new Column<T> Alias(string name) => new(base.Alias(name).Expression);

    public new Column<T> As(string name) => Alias(name);

    /// <summary>Casts to the Spark type of <typeparamref name="TResult"/> (as <see cref="Types.RecordSchema"/> maps CLR types).</summary>
    public Column<TResult> Cast<TResult>() => new(new Plan.Cast(Expression, Types.RecordSchema.DataTypeOf(typeof(TResult))));

    public new Column<bool> IsNull() => new(base.IsNull().Expression);
    public new Column<bool> IsNotNull() => new(base.IsNotNull().Expression);
    public Column<bool> IsIn(params T[] values) => new(base.IsIn(values.Cast<object?>().ToArray()).Expression);
    public Column<bool> Between(T lower, T upper) => new(base.Between(lower, upper).Expression);

    public Column<bool> EqualTo(T value) => Typed(base.EqualTo(value));
    public Column<bool> EqualTo(Column<T> other) => Typed(base.EqualTo(other));
    public Column<bool> NotEqual(T value) => Typed(base.NotEqual(value));
    public Column<bool> NotEqual(Column<T> other) => Typed(base.NotEqual(other));
    public Column<bool> EqNullSafe(T value) => Typed(base.EqNullSafe(value));
    public Column<bool> EqNullSafe(Column<T> other) => Typed(base.EqNullSafe(other));

    public static Column<bool> operator ==(Column<T> left, T right) => left.EqualTo(right);
    public static Column<bool> operator !=(Column<T> left, T right) => left.NotEqual(right);
    public static Column<bool> operator ==(Column<T> left, Column<T> right) => left.EqualTo(right);
    public static Column<bool> operator !=(Column<T> left, Column<T> right) => left.NotEqual(right);
    public static Column<bool> operator >(Column<T> left, T right) => Typed(left.Gt(right));
    public static Column<bool> operator >=(Column<T> left, T right) => Typed(left.Geq(right));
    public static Column<bool> operator <(Column<T> left, T right) => Typed(left.Lt(right));
    public static Column<bool> operator <=(Column<T> left, T right) => Typed(left.Leq(right));
    public static Column<bool> operator >(Column<T> left, Column<T> right) => Typed(left.Gt(right));
    public static Column<bool> operator >=(Column<T> left, Column<T> right) => Typed(left.Geq(right));
    public static Column<bool> operator <(Column<T> left, Column<T> right) => Typed(left.Lt(right));
    public static Column<bool> operator <=(Column<T> left, Column<T> right) => Typed(left.Leq(right));

    // Boolean logic: on Column<bool> operands these win over Column's and keep the result typed.
    public static Column<bool> operator &(Column<T> left, Column<bool> right) => Typed(left.And(right));
    public static Column<bool> operator |(Column<T> left, Column<bool> right) => Typed(left.Or(right));
    public static Column<bool> operator !(Column<T> condition) => Typed(!(Column)condition);

    /// <summary>Columns compare by expression, as <see cref="Column"/> does; <c>==</c> builds an expression.</summary>
    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();

    private static Column<bool> Typed(Column column) => new(column.Expression);
}
