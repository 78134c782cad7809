namespace AlaSpark;

/// <summary>
/// Joins another table of the catalog, read as a source is read (its format, location, schema and options), on
/// columns of the same name on both sides: Spark's <c>join(other, on, how)</c>. The result has the join columns once,
/// then this table's other columns, then the other table's (none for <c>LeftSemi</c> and <c>LeftAnti</c>). Null keys
/// match nothing. The two tables may share no column besides the join columns.
/// </summary>
public sealed class JoinDataframe : ToTableProcessor
{
    public JoinDataframe(string database, string table, string[] on, JoinType how = JoinType.Inner)
    {
        Database = RequireName(nameof(JoinDataframe), nameof(database), database);
        Table = RequireName(nameof(JoinDataframe), nameof(table), table);
        On = RequireNames(nameof(JoinDataframe), nameof(on), on, allowEmpty: false);
        if (!Enum.IsDefined(how) || how == JoinType.Cross)
            throw InvalidArgument(nameof(JoinDataframe), $"how is {how}; join on columns with Inner, Left, Right, Full, LeftSemi or LeftAnti.");
        How = how;
    }

    public string Database { get; }
    public string Table { get; }
    public IReadOnlyList<string> On { get; }
    public JoinType How { get; }

    public override string DescribeArguments() => Arguments(Database, Table, On, How.ToString());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var other = ReadCatalogTable(table, Database, Table);
        var otherSchema = other.Frame.Schema;
        var keys = On.Select(c => RequireColumn(table, c).Name).ToList();
        var missing = keys.Where(k => otherSchema.Find(k) is null).ToList();
        if (missing.Count > 0)
            throw Failure(table, $"the join column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} are not in {other.FullName}. Its columns: {string.Join(", ", otherSchema.FieldNames)}.");
        if (How is not (JoinType.LeftSemi or JoinType.LeftAnti))
        {
            var shared = table.DataFrame.Schema.FieldNames
                .Where(n => otherSchema.Find(n) is not null && !keys.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
            if (shared.Count > 0)
                throw Failure(table,
                    $"both this table and {other.FullName} have the column(s) {string.Join(", ", shared)} besides the join columns, and a table can't hold two columns of one name. " +
                    "Rename them here first (RenameColumns) or drop them (DropColumns).");
        }
        return Resolved(table, table.DataFrame.Join(other.Frame, keys, How));
    }
}

/// <summary>
/// Appends the rows of another table of the catalog, matching columns by name (Spark's <c>unionByName</c>; duplicates
/// stay, as in <c>UNION ALL</c>). Each column takes the wider of the two types (int and long give long). Without
/// <c>allowMissingColumns</c> both tables must have the same columns; with it, a column one side lacks is null there
/// and the other table's extra columns come last.
/// </summary>
public sealed class UnionDataframe : ToTableProcessor
{
    public UnionDataframe(string database, string table, bool allowMissingColumns = false)
    {
        Database = RequireName(nameof(UnionDataframe), nameof(database), database);
        Table = RequireName(nameof(UnionDataframe), nameof(table), table);
        AllowMissingColumns = allowMissingColumns;
    }

    public string Database { get; }
    public string Table { get; }
    public bool AllowMissingColumns { get; }

    public override string DescribeArguments() =>
        AllowMissingColumns ? $"{Arguments(Database, Table)}, allowMissingColumns: true" : Arguments(Database, Table);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var other = ReadCatalogTable(table, Database, Table);
        var here = table.DataFrame.Schema;
        var there = other.Frame.Schema;
        if (!AllowMissingColumns)
        {
            var onlyHere = here.FieldNames.Where(n => there.Find(n) is null).ToList();
            var onlyThere = there.FieldNames.Where(n => here.Find(n) is null).ToList();
            if (onlyHere.Count > 0 || onlyThere.Count > 0)
                throw Failure(table,
                    $"the columns differ: only here: {Names(onlyHere)}; only in {other.FullName}: {Names(onlyThere)}. " +
                    "Pass allowMissingColumns: true to fill the missing ones with nulls, or select the same columns first.");
        }
        return Resolved(table, table.DataFrame.UnionByName(other.Frame, AllowMissingColumns));
    }

    private static string Names(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
