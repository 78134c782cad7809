using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Adds (or replaces) a key that is a deterministic hash of key columns: the same values give the same key on every
/// run and every engine; a null, or a separator inside a value, can't make two different keys alike
/// (<c>("ab", "c")</c> and <c>("a", "bc")</c> differ, as do <c>(null, "x")</c> and <c>("", "x")</c>). The key is the
/// 64-character lower-case hex SHA-256 of the values' unambiguous text (see docs/processors.md), a string that is
/// never null.
/// </summary>
public sealed class AddSurrogateKey : ToTableProcessor
{
    public AddSurrogateKey(string column, string[] keyColumns)
    {
        Column = RequireName(nameof(AddSurrogateKey), nameof(column), column);
        KeyColumns = RequireNames(nameof(AddSurrogateKey), nameof(keyColumns), keyColumns, allowEmpty: false);
    }

    public string Column { get; }
    public IReadOnlyList<string> KeyColumns { get; }

    public override string DescribeArguments() => Arguments(Column, KeyColumns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var names = KeyColumns.Select(c => RequireColumn(table, c).Name).ToList();
        return Resolved(table, table.DataFrame.WithColumn(Column, ValueEncoding.HashColumns(table.DataFrame.Schema, names)));
    }
}

/// <summary>
/// Adds (or replaces) a hash of a row's values, for change detection: two rows have the same hash exactly when the
/// chosen columns hold the same values (nulls included). No columns named: every column except the hash column
/// itself. The hash is the one <see cref="AddSurrogateKey"/> computes.
/// </summary>
public sealed class AddRowHash : ToTableProcessor
{
    public AddRowHash(string column, string[] columns)
    {
        Column = RequireName(nameof(AddRowHash), nameof(column), column);
        Columns = RequireNames(nameof(AddRowHash), nameof(columns), columns, allowEmpty: true);
        if (Columns.Contains(Column, StringComparer.OrdinalIgnoreCase))
            throw InvalidArgument(nameof(AddRowHash), $"columns includes '{Column}', the hash column itself; hash the other columns.");
    }

    public string Column { get; }
    public IReadOnlyList<string> Columns { get; }

    public override string DescribeArguments() => Arguments(Column, Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var schema = table.DataFrame.Schema;
        var names = Columns.Count == 0
            ? schema.FieldNames.Where(n => !string.Equals(n, Column, StringComparison.OrdinalIgnoreCase)).ToList()
            : Columns.Select(c => RequireColumn(table, c).Name).ToList();
        return Resolved(table, table.DataFrame.WithColumn(Column, ValueEncoding.HashColumns(schema, names)));
    }
}
