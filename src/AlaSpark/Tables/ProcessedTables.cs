namespace AlaSpark;

/// <summary>
/// Writes the outputs of a <see cref="ToManyTablesProcessor"/> (such as <see cref="Relationalize"/>): each to a table
/// of its own, named after the target table and the output's suffix (<c>orders</c> gives <c>orders_root</c>,
/// <c>orders_items</c>), a parent before its children. Each is registered in the catalog with its lineage in the
/// table's properties: the source it was read from, the processors applied and, for a child, the parent table and
/// the key column linking them.
/// </summary>
public static class ProcessedTables
{
    /// <summary>The catalog property holding the source table (<c>database.table</c>) a written output was read from.</summary>
    public const string SourceProperty = "alaspark.lineage.source";

    /// <summary>The catalog property holding the processors applied, in order (<c>Relationalize("root") -> AddCurrentTimestamp("processed_at")</c>).</summary>
    public const string StepsProperty = "alaspark.lineage.steps";

    /// <summary>The catalog property holding the parent table (<c>database.table</c>) of a child output.</summary>
    public const string ParentProperty = "alaspark.lineage.parent";

    /// <summary>The catalog property holding the column that links a child output's rows to its parent's.</summary>
    public const string ParentKeyProperty = "alaspark.lineage.parent_key";

    /// <summary>Writes every output to <paramref name="to"/> with a writer of type <typeparamref name="TWriter"/>.</summary>
    public static IReadOnlyList<WrittenTable> WriteAll<TWriter>(this IReadOnlyList<ProcessedTable> tables, DatabaseRef to, string table, WriteOptions? options = null)
        where TWriter : Writer, new() =>
        tables.WriteAll(() => new TWriter(), to.Name, table, options);

    /// <summary>
    /// Writes every output to <c>database.&lt;table&gt;_&lt;suffix&gt;</c> (an output without a suffix to
    /// <c>database.table</c>) with a new writer from <paramref name="writer"/>. The options' partition columns apply to
    /// the outputs that have them all; the others are written with their own (<see cref="ProcessedTable.PartitionColumns"/>).
    /// </summary>
    public static IReadOnlyList<WrittenTable> WriteAll(this IReadOnlyList<ProcessedTable> tables, Func<Writer> writer, string database, string table, WriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new WriteOptions();
        var names = tables.Select(t => TableName(table, t.Suffix)).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new AlaSparkException($"Two of the tables to write to {database} would be named '{repeated.Key}'; each output of a processor that splits a table needs a suffix of its own.");

        var written = new List<WrittenTable>();
        for (var i = 0; i < tables.Count; i++)
        {
            var output = tables[i];
            string? parent = null;
            if (output.Parent is { } link)
            {
                var at = tables.Take(i).ToList().FindIndex(t => string.Equals(t.Suffix, link.ParentSuffix, StringComparison.OrdinalIgnoreCase));
                if (at < 0)
                    throw new AlaSparkException(
                        $"The table {database}.{names[i]} belongs to the output '{link.ParentSuffix}', which does not come before it among the tables to write ({string.Join(", ", names)}).");
                parent = $"{database}.{names[at]}";
            }
            var schema = output.DataFrame.Schema;
            var partitionBy = options.PartitionBy is { } columns && columns.All(schema.Contains) ? columns : null;
            var result = writer().Write(output, database, options with { TableName = names[i], PartitionBy = partitionBy });
            if (parent is not null) result = result with { ParentTable = parent, ParentKey = output.Parent!.KeyColumn };
            RecordLineage(output, result);
            written.Add(result);
        }
        return written;
    }

    /// <summary>The table an output with <paramref name="suffix"/> is written to: <c>&lt;table&gt;_&lt;suffix&gt;</c>, or
    /// <paramref name="table"/> for an output without a suffix.</summary>
    public static string TableName(string table, string? suffix) => suffix is null ? table : $"{table}_{suffix}";

    /// <summary>Adds the lineage of a written output to its catalog entry's properties.</summary>
    private static void RecordLineage(ProcessedTable output, WrittenTable written)
    {
        var catalog = output.Session.Catalog;
        if (!catalog.TryGetTable(written.Database, written.Name, out var entry)) return;
        var properties = entry.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        properties[SourceProperty] = output.Source.FullName;
        properties[StepsProperty] = string.Join(" -> ", written.Lineage);
        if (written.ParentTable is { } parent)
        {
            properties[ParentProperty] = parent;
            properties[ParentKeyProperty] = written.ParentKey!;
        }
        catalog.CreateOrUpdateTable(entry with { Properties = properties });
    }
}
