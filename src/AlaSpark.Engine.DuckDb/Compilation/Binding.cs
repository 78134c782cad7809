using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Compilation;

/// <summary>A column of a compiled relation: its Spark name and type, the name it has in the SQL,
/// and the relation alias that qualifies it (<c>a.id</c> in a join).</summary>
internal sealed record ColumnBinding(string Name, string SqlName, DataType Type, bool Nullable, string? Qualifier = null)
{
    public StructField Field => new(Name, Type, Nullable);
}

/// <summary>A relation compiled to a DuckDB query: the SQL and its visible columns, plus the hidden
/// column holding the input file's path when the rows still come straight from files.</summary>
internal sealed record CompiledRelation(string Sql, IReadOnlyList<ColumnBinding> Columns, string? InputFileSqlName = null)
{
    public const string InputFileColumn = "__alaspark_input_file";

    public StructType Schema => new(Columns.Select(c => c.Field));

    /// <summary>The SELECT list that passes every column (and the input file) through unchanged.</summary>
    public IEnumerable<string> PassThrough(string? relationAlias = null)
    {
        var prefix = relationAlias is null ? "" : SqlText.Ident(relationAlias) + ".";
        foreach (var c in Columns) yield return prefix + SqlText.Ident(c.SqlName);
        if (InputFileSqlName is not null) yield return prefix + SqlText.Ident(InputFileSqlName);
    }
}

/// <summary>A compiled expression: SQL text, Spark type and nullability.</summary>
internal sealed record TypedSql(string Sql, DataType Type, bool Nullable = true)
{
    /// <summary>True when this is a generator (<c>explode</c>) that changes the row count.</summary>
    public bool IsGenerator { get; init; }

    /// <summary>True when this contains an aggregate function.</summary>
    public bool IsAggregate { get; init; }
}

/// <summary>The columns an expression can refer to, and how to reference them in SQL.</summary>
internal sealed class Scope
{
    private readonly IReadOnlyList<(ColumnBinding Column, string SqlRef)> _columns;

    public Scope(IEnumerable<(ColumnBinding, string)> columns, string? inputFileRef)
    {
        _columns = columns.ToList();
        InputFileRef = inputFileRef;
    }

    public static Scope Of(CompiledRelation relation, string? alias = null)
    {
        var prefix = alias is null ? "" : SqlText.Ident(alias) + ".";
        return new Scope(relation.Columns.Select(c => (c, prefix + SqlText.Ident(c.SqlName))),
            relation.InputFileSqlName is null ? null : prefix + SqlText.Ident(relation.InputFileSqlName));
    }

    public static readonly Scope Empty = new([], null);

    /// <summary>SQL for the input file's path, or null when the rows no longer come from files.</summary>
    public string? InputFileRef { get; }

    public IEnumerable<ColumnBinding> Columns => _columns.Select(c => c.Column);

    public IEnumerable<(ColumnBinding Column, string SqlRef)> Entries => _columns;

    /// <summary>Finds the column a multi-part name starts with; returns how many parts it used.</summary>
    public (ColumnBinding Column, string SqlRef, int PartsUsed)? Find(IReadOnlyList<string> parts)
    {
        if (parts.Count >= 2)
        {
            var qualified = _columns.Where(c => c.Column.Qualifier is { } q && Same(q, parts[0]) && Same(c.Column.Name, parts[1])).ToList();
            if (qualified.Count == 1) return (qualified[0].Column, qualified[0].SqlRef, 2);
        }
        var matches = _columns.Where(c => Same(c.Column.Name, parts[0])).ToList();
        if (matches.Count > 1)
            throw new AlaSparkException(
                $"[AMBIGUOUS_REFERENCE] Reference '{parts[0]}' is ambiguous: it could be any of {string.Join(", ", matches.Select(m => (m.Column.Qualifier is null ? "" : m.Column.Qualifier + ".") + m.Column.Name))}. Qualify it with the table's alias.");
        return matches.Count == 1 ? (matches[0].Column, matches[0].SqlRef, 1) : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public AlaSparkException Unresolved(string name) => new(
        $"[UNRESOLVED_COLUMN] A column with name '{name}' cannot be resolved. Available columns: {string.Join(", ", _columns.Select(c => c.Column.Name))}.");
}
