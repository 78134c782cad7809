using System.Globalization;
using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Types;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb.Writing;

/// <summary>
/// Writes a compiled plan as data files: Parquet (or CSV / JSON lines), optionally partitioned into
/// Hive-style <c>column=value/</c> folders (values escaped, null as <c>__HIVE_DEFAULT_PARTITION__</c>,
/// as Spark writes them). Files get unique names, so concurrent writers never collide.
/// </summary>
internal static class FileWriter
{
    public const string NullPartition = "__HIVE_DEFAULT_PARTITION__";

    public static FileWriteResult Write(DuckDBConnection connection, CompiledRelation plan, FileWriteRequest request)
    {
        var format = request.Format.ToLowerInvariant();
        if (format is not ("parquet" or "csv" or "json"))
            throw new AlaSparkException($"The embedded engine writes parquet, csv or json files, not '{request.Format}'.");
        var schema = plan.Schema;
        var partitions = request.PartitionBy.Select(p => schema.Find(p)?.Name ?? throw new AlaSparkException(
            $"The partition column '{p}' does not exist. Columns: {string.Join(", ", schema.FieldNames)}.")).ToList();
        if (partitions.Count > 0 && partitions.Count == schema.Count)
            throw new AlaSparkException("Every column is a partition column; at least one column must hold data.");
        var location = Path.GetFullPath(request.Location);
        Directory.CreateDirectory(location);
        if (request.Overwrite) ClearDataFiles(location);

        // Data columns first, then partition columns (the order Spark reads a partitioned table back in).
        var ordered = plan.Columns.Where(c => !partitions.Contains(c.Name)).Concat(partitions.Select(p => plan.Columns.First(c => c.Name == p))).ToList();
        var select = string.Join(", ", ordered.Select(c => WriteExpression(c) + " AS " + SqlText.Ident(c.Name)));
        var query = $"SELECT {select} FROM ({plan.Sql}) AS _w";
        var extension = format == "json" ? "json" : format;
        var prefix = $"{request.FilePrefix}-{Guid.NewGuid():N}";
        var formatOptions = format switch
        {
            "parquet" => "FORMAT parquet, COMPRESSION snappy",
            "csv" => "FORMAT csv, HEADER true",
            _ => "FORMAT json",
        };
        List<string> files;
        if (partitions.Count == 0)
        {
            var file = Path.Combine(location, $"{prefix}.{extension}");
            connection.Execute($"COPY ({query}) TO {SqlText.String(file)} ({formatOptions})");
            files = [file];
        }
        else
        {
            connection.Execute(
                $"COPY ({query}) TO {SqlText.String(location)} ({formatOptions}, PARTITION_BY ({string.Join(", ", partitions.Select(SqlText.Ident))}), " +
                $"APPEND true, FILENAME_PATTERN {SqlText.String(prefix + "-{uuid}")})");
            files = Directory.EnumerateFiles(location, $"{prefix}-*.{extension}", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        }
        var types = ordered.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var written = files.Select(f => Describe(connection, location, f, partitions, format, types)).ToList();
        return new FileWriteResult(new StructType(ordered.Select(c => c.Field)), written.Sum(w => w.Rows), written);
    }

    private static string WriteExpression(ColumnBinding c)
    {
        var reference = SqlText.Ident(c.SqlName);
        return TypeMapping.ContainsTimestamp(c.Type) ? $"CAST({reference} AS {TypeMapping.ToDuckDbForWrite(c.Type)})" : reference;
    }

    private static WrittenFile Describe(DuckDBConnection connection, string location, string file, IReadOnlyList<string> partitions, string format,
        IReadOnlyDictionary<string, DataType> types)
    {
        var relative = Path.GetRelativePath(location, file).Replace('\\', '/');
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var segment in relative.Split('/').SkipLast(1))
        {
            var eq = segment.IndexOf('=');
            if (eq <= 0) continue;
            var raw = segment[(eq + 1)..];
            values[Uri.UnescapeDataString(segment[..eq])] = raw == NullPartition ? null : Uri.UnescapeDataString(raw);
        }
        var rows = format == "parquet"
            ? Convert.ToInt64(connection.Scalar($"SELECT num_rows FROM parquet_file_metadata({SqlText.String(file)})"), CultureInfo.InvariantCulture)
            : Convert.ToInt64(connection.Scalar(format == "csv"
                ? $"SELECT count(*) FROM read_csv({SqlText.String(file)}, header = true, all_varchar = true)"
                : $"SELECT count(*) FROM read_json({SqlText.String(file)}, format = 'newline_delimited')"), CultureInfo.InvariantCulture);
        return new WrittenFile(relative, values, new FileInfo(file).Length, rows)
        {
            Statistics = format == "parquet" ? Statistics(connection, file, types) : null,
        };
    }

    /// <summary>Min, max and null count per leaf column, from the Parquet footer (no data is read).</summary>
    private static Dictionary<string, ColumnStatistics> Statistics(DuckDBConnection connection, string file, IReadOnlyDictionary<string, DataType> types)
    {
        var rows = connection.QueryList(
            $"SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({SqlText.String(file)})",
            r => (Path: r.GetString(0), Min: r.IsDBNull(1) ? null : r.GetString(1), Max: r.IsDBNull(2) ? null : r.GetString(2),
                Nulls: r.IsDBNull(3) ? (long?)null : Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture)));
        var result = new Dictionary<string, ColumnStatistics>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(r => r.Path))
        {
            var parts = group.Key.Split(", ");
            var type = LeafType(types, parts);
            if (type is null) continue;
            var values = group.ToList();
            var mins = values.Select(v => Typed(v.Min, type)).ToList();
            var maxes = values.Select(v => Typed(v.Max, type)).ToList();
            object? min = mins.Any(m => m is null) ? null : mins.Min(m => (IComparable)m!);
            object? max = maxes.Any(m => m is null) ? null : maxes.Max(m => (IComparable)m!);
            var nulls = values.All(v => v.Nulls is not null) ? values.Sum(v => v.Nulls!.Value) : -1;
            result[string.Join(".", parts)] = new ColumnStatistics(min, max, nulls);
        }
        return result;
    }

    private static DataType? LeafType(IReadOnlyDictionary<string, DataType> types, string[] path)
    {
        if (!types.TryGetValue(path[0], out var type)) return null;
        foreach (var part in path.Skip(1))
        {
            if (type is not StructType st || st.Find(part) is not { } field) return null;
            type = field.DataType;
        }
        return type is StructType or ArrayType or MapType ? null : type;
    }

    private static object? Typed(string? text, DataType type)
    {
        if (text is null) return null;
        var c = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                StringType => text,
                ByteType => sbyte.Parse(text, c),
                ShortType => short.Parse(text, c),
                IntegerType => int.Parse(text, c),
                LongType => long.Parse(text, c),
                FloatType => float.Parse(text, c),
                DoubleType => double.Parse(text, c),
                DecimalType => decimal.Parse(text, NumberStyles.Float, c),
                BooleanType => text is "true" or "1",
                DateType => DateOnly.Parse(text, c),
                TimestampType or TimestampNtzType => DateTime.SpecifyKind(
                    DateTimeOffset.Parse(text.EndsWith("+00", StringComparison.Ordinal) ? text + ":00" : text, c, DateTimeStyles.AssumeUniversal).UtcDateTime, DateTimeKind.Utc),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Removes the data files of a folder table (not hidden entries like _delta_log).</summary>
    private static void ClearDataFiles(string location)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(location))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('_') || name.StartsWith('.')) continue;
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
    }
}
