using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>One call of a Spark function being translated: its arguments, compiled on demand.</summary>
internal sealed class FunctionContext
{
    private readonly TypedSql?[] _compiled;

    public FunctionContext(ExpressionCompiler compiler, UnresolvedFunction function, Scope scope)
    {
        Compiler = compiler;
        Function = function;
        Scope = scope;
        _compiled = new TypedSql?[function.Arguments.Count];
    }

    public ExpressionCompiler Compiler { get; }
    public UnresolvedFunction Function { get; }
    public Scope Scope { get; }
    public string Name => Function.Name;
    public int Count => Function.Arguments.Count;
    public bool Ansi => Compiler.Ansi;

    public Expression Raw(int index) => Function.Arguments[index];

    public TypedSql Arg(int index) => _compiled[index] ??= Compiler.Compile(Function.Arguments[index], Scope);

    public IEnumerable<TypedSql> Args => Enumerable.Range(0, Count).Select(Arg);

    public bool AnyNullable => Args.Any(a => a.Nullable);

    /// <summary>An argument that must be a constant string (a format, a pattern, a schema).</summary>
    public string LiteralString(int index, string what)
    {
        var raw = Raw(index) is Alias a ? a.Child : Raw(index);
        return raw is Literal { Value: string s } ? s : throw new AlaSparkException(
            $"The {what} argument of {Name}() must be a string constant, not {ExpressionPrinter.Print(raw)}.");
    }

    public int LiteralInt(int index, string what)
    {
        var raw = Raw(index) is Alias a ? a.Child : Raw(index);
        return raw switch
        {
            Literal { Value: int i } => i,
            Literal { Value: long l } when l is >= int.MinValue and <= int.MaxValue => (int)l,
            Literal { Value: short s } => s,
            Literal { Value: byte b } => b,
            _ => throw new AlaSparkException($"The {what} argument of {Name}() must be an integer constant, not {ExpressionPrinter.Print(raw)}."),
        };
    }

    public bool IsLiteral(int index) => (Raw(index) is Alias a ? a.Child : Raw(index)) is Literal;

    /// <summary>The argument as a string, cast the way Spark's implicit cast does.</summary>
    public string String(int index) => AsString(Arg(index));

    public static string AsString(TypedSql value) =>
        value.Type is StringType ? value.Sql : CastCompiler.Cast(value, StringType.Instance, ansi: false).Sql;

    /// <summary>A regular expression argument as a string; a constant one is checked for Java-only constructs.</summary>
    public string Pattern(int index)
    {
        if ((Raw(index) is Alias a ? a.Child : Raw(index)) is Literal { Value: string pattern }) JavaRegex.Check(pattern, Name);
        return String(index);
    }

    public string Date(int index) => AsDate(Arg(index));

    public string AsDate(TypedSql value) => value.Type switch
    {
        DateType => value.Sql,
        TimestampType or TimestampNtzType => $"CAST({value.Sql} AS DATE)",
        StringType or NullType => CastCompiler.Cast(value, DateType.Instance, Ansi).Sql,
        _ => throw TypeError(value, "a date"),
    };

    public string Timestamp(int index) => AsTimestamp(Arg(index));

    public string AsTimestamp(TypedSql value) => value.Type switch
    {
        TimestampType or TimestampNtzType => value.Sql,
        DateType => $"CAST({value.Sql} AS TIMESTAMP)",
        StringType or NullType => CastCompiler.Cast(value, TimestampType.Instance, Ansi).Sql,
        _ => throw TypeError(value, "a timestamp"),
    };

    public AlaSparkException TypeError(TypedSql value, string expected) => new(
        $"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] {Name}() expects {expected}, but got {value.Type.SimpleString} in {ExpressionPrinter.Print(Function)}.");

    public TypedSql Result(string sql, DataType type, bool? nullable = null) => new(sql, type, nullable ?? AnyNullable);
}
