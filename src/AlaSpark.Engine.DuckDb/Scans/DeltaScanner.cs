using System.Globalization;
using AlaSpark.Delta;
using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Reads a snapshot of a Delta table on DuckDB: its data files (Parquet) with the partition values
/// of each file as columns, physical column names mapped to logical ones (column mapping), and rows
/// removed by deletion vectors left out. Time travel with the options <c>versionAsOf</c> and
/// <c>timestampAsOf</c>, as Spark's Delta reader takes them.
/// </summary>
internal static class DeltaScanner
{
    public const string FileColumn = "__alaspark_delta_file";

    public static Snapshot Snapshot(string tablePath, ReadOptions options)
    {
        var table = DeltaTable.ForPath(tablePath);
        if (options.Get("versionAsOf") is { } version)
            return table.SnapshotAt(long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new AlaSparkException($"versionAsOf must be a version number, not '{version}'."));
        if (options.Get("timestampAsOf") is { } timestamp)
            return table.SnapshotAsOf(DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t
                : throw new AlaSparkException($"timestampAsOf must be a timestamp such as 2024-01-31 10:00:00, not '{timestamp}'."));
        return table.LatestSnapshot();
    }

    /// <summary>Renames nested fields from their physical names (column mapping) to their logical ones.</summary>
    private static string Logical(string sql, DataType type, int depth)
    {
        var v = $"__dv{depth}";
        return type switch
        {
            StructType st => $"CASE WHEN {sql} IS NULL THEN NULL ELSE struct_pack(" + string.Join(", ", st.Fields.Select(f =>
                $"{SqlText.Ident(f.Name)} := {Logical($"struct_extract({sql}, {SqlText.String(ColumnMapping.PhysicalName(f))})", f.DataType, depth + 1)}")) + ") END",
            ArrayType at when NeedsMapping(at.ElementType) => $"list_transform({sql}, {v} -> {Logical(v, at.ElementType, depth + 1)})",
            MapType mt when NeedsMapping(mt.KeyType) || NeedsMapping(mt.ValueType) =>
                $"map_from_entries(list_transform(map_entries({sql}), {v} -> {{'key': {Logical(v + ".key", mt.KeyType, depth + 1)}, 'value': {Logical(v + ".value", mt.ValueType, depth + 1)}}}))",
            _ => sql,
        };
    }

    private static bool NeedsMapping(DataType type) => type switch
    {
        StructType => true,
        ArrayType a => NeedsMapping(a.ElementType),
        MapType m => NeedsMapping(m.KeyType) || NeedsMapping(m.ValueType),
        _ => false,
    };

    /// <summary>The files to read: the snapshot's, or those added (with <c>dataChange</c>) by the versions of <see cref="DeltaStreamReader.ChangeVersionsOption"/> (a stream's micro-batch).</summary>
    public static IReadOnlyList<DeltaFile> Files(Snapshot snapshot, ReadOptions options)
    {
        if (options.Get(DeltaStreamReader.ChangeVersionsOption) is not { } list) return snapshot.Files;
        var versions = list.Split(',').Select(v => long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture)).ToHashSet();
        return snapshot.Table.GetChanges(versions.Min())
            .TakeWhile(c => c.Version <= versions.Max())
            .Where(c => versions.Contains(c.Version))
            .SelectMany(c => c.Actions.OfType<Delta.Actions.AddFile>().Where(a => a.DataChange))
            .Select(snapshot.FileOf)
            .ToList();
    }

    public static ScanResult Scan(DuckDBConnection connection, Snapshot snapshot, IReadOnlyList<DeltaFile> files, string tempName)
    {
        var schema = snapshot.Schema;
        var partitions = snapshot.PartitionColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var columns = schema.Fields.Select(f => new ColumnBinding(f.Name, f.Name, f.DataType, f.Nullable)).ToList();
        var report = new ScanReport(files.Select(f => f.Path).ToList(), files.Sum(f => f.LogicalRecords ?? 0), files.Sum(f => f.LogicalRecords ?? 0), 0, 0, null);
        if (files.Count == 0)
        {
            var nulls = columns.Count == 0 ? "1 AS \"__one\"" : string.Join(", ", columns.Select(c => $"CAST(NULL AS {TypeMapping.ToDuckDb(c.Type)}) AS {SqlText.Ident(c.SqlName)}"));
            return new ScanResult(new CompiledRelation($"SELECT {nulls}, CAST(NULL AS VARCHAR) AS {SqlText.Ident(CompiledRelation.InputFileColumn)} LIMIT 0", columns, CompiledRelation.InputFileColumn), report);
        }
        var hasDeletionVectors = files.Any(f => f.DeletionVector is not null);
        var partitionFields = schema.Fields.Where(f => partitions.Contains(f.Name)).ToList();
        var groups = files.GroupBy(f => string.Join("\u0001", partitionFields.Select(p => f.RawPartitionValues.GetValueOrDefault(snapshot.PhysicalName(p.Name)) ?? "\u0000")))
            .Select(g => g.ToList()).ToList();

        // Few partitions: one Parquet scan per partition with its values as constants, so DuckDB can
        // prune and answer count(*) from file metadata. Many partitions, or deletion vectors: one scan
        // joined to a table of each file's partition values.
        string sql;
        if (!hasDeletionVectors && partitionFields.Count > 0 && groups.Count <= 64)
        {
            sql = string.Join("\nUNION ALL\n", groups.Select(group =>
            {
                var read = Read(group, withRowNumber: false);
                var present = Present(connection, read);
                var first = group[0];
                return $"SELECT {SelectList(snapshot, schema, partitions, present, p => SqlText.Literal(snapshot.PartitionValue(first, p.Name), p.DataType))} FROM {read} AS d";
            }));
        }
        else
        {
            var read = Read(files, hasDeletionVectors);
            var present = Present(connection, read);
            sql = $"SELECT {SelectList(snapshot, schema, partitions, present, p => $"p.{SqlText.Ident(p.Name)}")} FROM {read} AS d";
            if (partitionFields.Count > 0)
            {
                var rows = files.Select(f => "(" + string.Join(", ",
                    partitionFields.Select(p => SqlText.Literal(snapshot.PartitionValue(f, p.Name), p.DataType)).Prepend(SqlText.String(f.Path))) + ")");
                var names = string.Join(", ", partitionFields.Select(p => SqlText.Ident(p.Name)).Prepend(SqlText.Ident(FileColumn)));
                sql += $" JOIN (VALUES {string.Join(", ", rows)}) AS p({names}) ON d.{SqlText.Ident(FileColumn)} = p.{SqlText.Ident(FileColumn)}";
            }
        }
        if (hasDeletionVectors)
        {
            var deleted = tempName + "_deleted";
            connection.Execute($"CREATE OR REPLACE TEMP TABLE {SqlText.Ident(deleted)} (f VARCHAR, r BIGINT)");
            using (var appender = connection.CreateAppender(deleted))
                foreach (var file in files.Where(f => f.DeletionVector is not null))
                    foreach (var row in snapshot.DeletedRows(file))
                        appender.CreateRow().AppendValue(file.Path).AppendValue(row).EndRow();
            sql += $" ANTI JOIN {SqlText.Ident(deleted)} AS x ON x.f = d.{SqlText.Ident(FileColumn)} AND x.r = d.file_row_number";
        }
        return new ScanResult(new CompiledRelation(sql, columns, CompiledRelation.InputFileColumn), report);
    }

    private static string Read(IReadOnlyList<DeltaFile> files, bool withRowNumber) =>
        $"read_parquet({SqlText.StringList(files.Select(f => f.Path))}, filename = {SqlText.String(FileColumn)}, union_by_name = true, hive_partitioning = false" +
        $"{(withRowNumber ? ", file_row_number = true" : "")})";

    private static HashSet<string> Present(DuckDBConnection connection, string read) =>
        connection.QueryList($"DESCRIBE SELECT * FROM {read}", r => r.GetString(0)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The logical columns: data columns by physical name (null when the files lack them), partition columns from <paramref name="partitionValue"/>.</summary>
    private static string SelectList(Snapshot snapshot, StructType schema, HashSet<string> partitions, HashSet<string> present, Func<StructField, string> partitionValue)
    {
        var select = new List<string>();
        foreach (var field in schema.Fields)
        {
            var type = TypeMapping.ToDuckDb(field.DataType);
            if (partitions.Contains(field.Name))
            {
                select.Add($"CAST({partitionValue(field)} AS {type}) AS {SqlText.Ident(field.Name)}");
                continue;
            }
            var physical = snapshot.PhysicalName(field.Name);
            var value = snapshot.ColumnMappingMode == ColumnMappingMode.None
                ? $"d.{SqlText.Ident(physical)}"
                : Logical($"d.{SqlText.Ident(physical)}", field.DataType, 0);
            select.Add(present.Contains(physical)
                ? $"CAST({value} AS {type}) AS {SqlText.Ident(field.Name)}"
                : $"CAST(NULL AS {type}) AS {SqlText.Ident(field.Name)}");
        }
        select.Add($"d.{SqlText.Ident(FileColumn)} AS {SqlText.Ident(CompiledRelation.InputFileColumn)}");
        return string.Join(", ", select);
    }
}
