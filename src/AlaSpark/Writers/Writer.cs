using System.Diagnostics;
using AlaSpark.Catalog;
using AlaSpark.Naming;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// Writes a <see cref="ProcessedTable"/> to a database of the catalog and registers (or updates) the
/// table there: the author never writes DDL. The naming standard is checked before anything is written.
/// </summary>
public abstract class Writer
{
    public abstract WrittenTable Write(ProcessedTable table, string database, WriteOptions options);

    /// <summary>Checks names, partition columns and layer order; creates the database; returns the target's location.</summary>
    protected static (string Name, string Location, IReadOnlyList<string> Partitions, StructType Schema) Prepare(
        ProcessedTable table, string database, WriteOptions options)
    {
        var session = table.Session;
        var name = options.TableName ?? table.Name;
        NamingStandard.Enforce(NameKind.Database, database, session.Naming);
        NamingStandard.Enforce(NameKind.Table, name, session.Naming);
        if (table.PipelineName is { } pipeline) NamingStandard.Enforce(NameKind.Pipeline, pipeline, session.Naming);
        NamingStandard.EnforceLayerOrder(table.Source.Database, database, session.Naming);
        var schema = table.DataFrame.Schema;
        foreach (var field in schema.Fields) NamingStandard.Enforce(NameKind.Column, field.Name, session.Naming);
        var partitions = PartitionColumns.Validate(options.PartitionBy ?? table.PartitionColumns, schema, $"{database}.{name}");
        var db = session.Catalog.CreateDatabaseIfNotExists(database);
        return (name, Path.Combine(db.Location, name), partitions, schema);
    }

    /// <summary>The table's catalog entry when it exists; an error when it exists in another format than <paramref name="format"/>.</summary>
    protected static CatalogTable? ExistingTable(AlaSparkSession session, string database, string name, string format, string writer)
    {
        session.Catalog.TryGetTable(database, name, out var existing);
        if (existing is not null && existing.Format != format)
            throw new AlaSparkException($"The table {database}.{name} is a {existing.Format} table; the {writer} writer can't write to it.");
        return existing;
    }

    /// <summary>The differences between an existing table's schema and a new one: empty when compatible.</summary>
    protected static IReadOnlyList<string> SchemaDifferences(StructType existing, StructType incoming)
    {
        var differences = new List<string>();
        foreach (var f in incoming.Fields)
        {
            var old = existing.Find(f.Name);
            if (old is null) differences.Add($"new column '{f.Name}' ({f.DataType.SimpleString})");
            else if (!old.DataType.Equals(f.DataType)) differences.Add($"column '{f.Name}' changes type from {old.DataType.SimpleString} to {f.DataType.SimpleString}");
        }
        foreach (var f in existing.Fields)
            if (incoming.Find(f.Name) is null) differences.Add($"column '{f.Name}' is missing");
        return differences;
    }

    /// <summary>The schema after merging new nullable columns into an existing one.</summary>
    protected static StructType MergeSchemas(StructType existing, StructType incoming, string target)
    {
        var changed = incoming.Fields.Where(f => existing.Find(f.Name) is { } old && !old.DataType.Equals(f.DataType)).ToList();
        if (changed.Count > 0)
            throw new AlaSparkException(
                $"Cannot merge the schema of {target}: {string.Join("; ", changed.Select(f => $"column '{f.Name}' changes type from {existing[f.Name].DataType.SimpleString} to {f.DataType.SimpleString}"))}. Cast the column back, or write a new table.");
        return new StructType(existing.Fields.Concat(incoming.Fields.Where(f => existing.Find(f.Name) is null).Select(f => f with { Nullable = true })));
    }

    protected static ScanReport? SourceScan(ProcessedTable table) =>
        PlanPrinter.Walk(table.DataFrame.Plan).OfType<Read>().Select(table.Session.Engine.GetScanReport).FirstOrDefault(r => r is not null);
}

/// <summary>Writes Parquet files, partitioned in <c>column=value/</c> folders, and registers a <c>parquet</c> table.</summary>
public sealed class ParquetWriter : Writer
{
    public override WrittenTable Write(ProcessedTable table, string database, WriteOptions options)
    {
        var session = table.Session;
        var watch = Stopwatch.StartNew();
        var (name, location, partitions, schema) = Prepare(table, database, options);
        var target = $"{database}.{name}";
        var existing = ExistingTable(session, database, name, "parquet", "Parquet");
        var dataExists = existing is not null && Directory.Exists(existing.Location) && Directory.EnumerateFiles(existing.Location, "*.parquet", SearchOption.AllDirectories).Any();
        if (dataExists && options.Mode == WriteMode.ErrorIfExists)
            throw new AlaSparkException($"The table {target} already exists at {existing!.Location} (mode ErrorIfExists). Use Append or Overwrite.");
        if (dataExists && options.Mode == WriteMode.Ignore)
        {
            session.Logger.Information("Skipped writing {Table}: it exists and the mode is Ignore", target);
            return new WrittenTable(database, name, existing!.Location, "parquet", existing.Schema ?? schema, existing.PartitionColumns, 0, 0, 0, watch.Elapsed, table.Lineage) { Skipped = true };
        }
        var finalSchema = schema;
        if (dataExists && options.Mode == WriteMode.Append && existing!.Schema is { } old)
        {
            var differences = SchemaDifferences(old, schema);
            if (differences.Count > 0)
            {
                if (!options.MergeSchema)
                    throw new AlaSparkException(
                        $"The schema written to {target} differs from the table's: {string.Join("; ", differences)}. Set MergeSchema to add new columns, or Overwrite the table.");
                finalSchema = MergeSchemas(old, schema, target);
            }
            if (!existing.PartitionColumns.SequenceEqual(partitions, StringComparer.OrdinalIgnoreCase))
                throw new AlaSparkException(
                    $"The table {target} is partitioned by [{string.Join(", ", existing.PartitionColumns)}]; this write partitions by [{string.Join(", ", partitions)}]. Use the same partition columns, or Overwrite.");
        }
        var result = session.Engine.WriteFiles(table.DataFrame.Plan,
            new FileWriteRequest(location, "parquet", partitions, Overwrite: options.Mode == WriteMode.Overwrite));
        if (!(dataExists && options.Mode == WriteMode.Append)) finalSchema = result.Schema;
        session.Catalog.CreateOrUpdateTable(new CatalogTable(database, name, location, "parquet", finalSchema, partitions));
        var written = new WrittenTable(database, name, location, "parquet", finalSchema, partitions, result.Rows, result.Files.Count, result.Bytes, watch.Elapsed, table.Lineage)
        {
            SourceScan = SourceScan(table),
            SourceTable = table.Source.FullName,
            Partitions = result.Files.Select(f => Path.GetDirectoryName(f.RelativePath) ?? "").Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
        };
        table.Log.TableWritten(target, written.Rows, written.Files, written.Bytes, watch.Elapsed);
        return written;
    }
}

/// <summary>The rules for partition columns (the same ones the analyzers report as ALS2001-ALS2005).</summary>
public static class PartitionColumns
{
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> partitions, StructType schema, string target)
    {
        var duplicate = partitions.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new AlaSparkException($"The partition column '{duplicate.Key}' of {target} is listed twice.");
        var result = new List<string>();
        foreach (var p in partitions)
        {
            var field = schema.Find(p) ?? throw new AlaSparkException(
                $"The partition column '{p}' of {target} does not exist in the schema that reaches the writer ({string.Join(", ", schema.FieldNames)}).");
            if (field.DataType is FloatType or DoubleType or BinaryType or ArrayType or MapType or StructType)
                throw new AlaSparkException($"The partition column '{p}' of {target} is of type {field.DataType.SimpleString}, which can't be a partition value. Partition by a date, string or integer column.");
            result.Add(field.Name);
        }
        if (result.Count > 0 && result.Count == schema.Count)
            throw new AlaSparkException($"Every column of {target} is a partition column; at least one column must hold data.");
        return result;
    }
}
