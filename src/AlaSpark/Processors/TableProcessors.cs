using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>Adds a partition column derived from a timestamp or date column and marks it as a partition.
/// <c>Day</c> gives a date; <c>Hour</c> the timestamp truncated to the hour; <c>Month</c> and <c>Year</c>
/// the first day of the month or year.</summary>
public sealed class AddPartition(string column, string sourceColumn, PartitionGranularity granularity = PartitionGranularity.Day) : ToTableProcessor
{
    public string Column { get; } = column;
    public string SourceColumn { get; } = sourceColumn;
    public PartitionGranularity Granularity { get; } = granularity;

    public override string DescribeArguments() => Arguments(Column, SourceColumn, Granularity.ToString());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var source = RequireColumn(table, SourceColumn);
        if (source.DataType is not (Types.TimestampType or Types.TimestampNtzType or Types.DateType or Types.StringType))
            throw new AlaSparkException($"{Name}: the column '{SourceColumn}' of {Where(table)} is {source.DataType.SimpleString}; a partition is derived from a timestamp or a date.");
        var value = Granularity switch
        {
            PartitionGranularity.Day => (Column)ToDate(Col(source.Name)),
            PartitionGranularity.Hour => DateTrunc("hour", Col(source.Name)),
            PartitionGranularity.Month => Trunc(Col(source.Name), "month"),
            PartitionGranularity.Year => Trunc(Col(source.Name), "year"),
            _ => throw new AlaSparkException($"{Name}: unknown granularity {Granularity}."),
        };
        var partitions = table.PartitionColumns.Contains(Column, StringComparer.OrdinalIgnoreCase)
            ? table.PartitionColumns
            : [.. table.PartitionColumns, Column];
        return table with { DataFrame = table.DataFrame.WithColumn(Column, value), PartitionColumns = partitions };
    }
}

/// <summary>Keeps only these columns (in this order); partitions not selected stop being partitions.</summary>
public sealed class SelectColumns(string[] columns) : ToTableProcessor
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public override string DescribeArguments() => Arguments(Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var names = Columns.Select(c => RequireColumn(table, c).Name).ToArray();
        return table with
        {
            DataFrame = table.DataFrame.Select(names.Select(n => Col(DdlQuote(n))).ToArray()),
            PartitionColumns = table.PartitionColumns.Where(p => names.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList(),
        };
    }

    internal static string DdlQuote(string name) => "`" + name.Replace("`", "``") + "`";
}

/// <summary>Removes columns (a removed partition column stops being a partition).</summary>
public sealed class DropColumns(string[] columns) : ToTableProcessor
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public override string DescribeArguments() => Arguments(Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var names = Columns.Select(c => RequireColumn(table, c).Name).ToArray();
        return table with
        {
            DataFrame = table.DataFrame.Drop(names),
            PartitionColumns = table.PartitionColumns.Where(p => !names.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList(),
        };
    }
}

/// <summary>Adds the time of processing (Spark's <c>current_timestamp()</c>, one value per run).</summary>
public sealed class AddCurrentTimestamp(string column = "processed_at") : ToTableProcessor
{
    public string Column { get; } = column;

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.WithColumn(Column, CurrentTimestamp()) };
}

/// <summary>Adds the name of the file each row was read from (<c>web_events_0001.csv</c>).</summary>
public sealed class AddSourceFilename(string column = "source_filename") : ToTableProcessor
{
    public string Column { get; } = column;

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.WithColumn(Column, new Column(new Plan.UnresolvedFunction("alaspark_input_file_basename"))) };
}

/// <summary>Adds the full path of the file each row was read from, as Spark's <c>input_file_name()</c> gives it (<c>file:///...</c>).</summary>
public sealed class AddSourcePath(string column = "source_path") : ToTableProcessor
{
    public string Column { get; } = column;

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.WithColumn(Column, InputFileName()) };
}

/// <summary>
/// Keeps one row per key (no columns named: per whole row). In a batch, of rows with the same key the one kept is
/// the same on every run. On a stream the query keeps the keys it has seen in a state store under the checkpoint, so a
/// key is kept once across batches and restarts; with an <see cref="AddWatermark"/> before it, late rows are dropped
/// and keys older than the watermark are evicted (see docs/streaming.md).
/// </summary>
public sealed class DropDuplicates(string[] columns) : ToTableProcessor
{
    public IReadOnlyList<string> Columns { get; } = columns;

    public override string DescribeArguments() => Arguments(Columns);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.DropDuplicates(KeyColumns(table)) };

    /// <summary>The key columns' names as the table spells them: the named columns, or every column.</summary>
    internal string[] KeyColumns(ProcessedTable table) =>
        Columns.Count == 0 ? [.. table.DataFrame.Schema.FieldNames] : [.. Columns.Select(c => RequireColumn(table, c).Name)];
}

/// <summary>Casts a column to a Spark type (<c>"date"</c>, <c>"decimal(10,2)"</c>) with Spark's cast rules.</summary>
public sealed class AlterDataType(string column, string dataType) : ToTableProcessor
{
    public string Column { get; } = column;
    public string DataType { get; } = dataType;

    public override string DescribeArguments() => Arguments(Column, DataType);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column);
        Types.DataType type;
        try { type = Types.DataType.Parse(DataType); }
        catch (AlaSparkException e) { throw new AlaSparkException($"{Name}: {e.Message}"); }
        return table with { DataFrame = table.DataFrame.WithColumn(field.Name, Col(SelectColumns.DdlQuote(field.Name)).Cast(type)) };
    }
}

/// <summary>
/// Replaces a string column by its hex hash: SHA-256 (Spark's <c>sha2(col, 256)</c>), SHA-512 or MD5.
/// When the job's config names a salt (<c>hash_salt_env</c>), the hash is HMAC-SHA256 keyed by it,
/// so values can't be found again by hashing a dictionary. The salt never enters the plan or the logs.
/// </summary>
public sealed class HashColumn(string column, HashAlgorithm algorithm = HashAlgorithm.Sha256) : ToTableProcessor
{
    public string Column { get; } = column;
    public HashAlgorithm Algorithm { get; } = algorithm;

    public override string DescribeArguments() => Arguments(Column, Algorithm.ToString());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column);
        if (field.DataType is not (Types.StringType or Types.BinaryType))
            throw new AlaSparkException($"{Name}: the column '{Column}' of {Where(table)} is {field.DataType.SimpleString}; only string columns are hashed. Cast it first (AlterDataType).");
        var value = Col(SelectColumns.DdlQuote(field.Name));
        Column hashed = table.Session.HasSecret("hash_salt")
            ? new Column(new Plan.UnresolvedFunction("alaspark_hmac_sha256", value.Expression, Lit("hash_salt").Expression))
            : Algorithm switch
            {
                HashAlgorithm.Sha512 => Sha2(value, 512),
                HashAlgorithm.Md5 => Md5(value),
                _ => Sha2(value, 256),
            };
        return table with { DataFrame = table.DataFrame.WithColumn(field.Name, hashed) };
    }
}
