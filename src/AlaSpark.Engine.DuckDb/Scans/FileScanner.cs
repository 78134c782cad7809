using System.Globalization;
using AlaSpark.Engine.DuckDb.Compilation;
using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Plan;
using AlaSpark.Types;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// A file source: the query over its rows, and what reading it did once it has been read. When the
/// schema is known up front, reading (and quarantining) waits until a query actually runs, so asking
/// for a plan's schema never reads files.
/// </summary>
internal sealed class ScanResult
{
    private Func<ScanReport>? _stage;

    public ScanResult(CompiledRelation relation, ScanReport report, string? tempTable = null)
    {
        Relation = relation;
        Report = report;
        TempTable = tempTable;
    }

    public ScanResult(CompiledRelation relation, Func<ScanReport> stage, string tempTable)
    {
        Relation = relation;
        _stage = stage;
        TempTable = tempTable;
    }

    public CompiledRelation Relation { get; }

    /// <summary>What reading did; null until the files have been read.</summary>
    public ScanReport? Report { get; private set; }

    /// <summary>The temporary table holding the rows read, if any.</summary>
    public string? TempTable { get; }

    /// <summary>Reads the files now unless that happened already.</summary>
    public void EnsureRead()
    {
        if (_stage is null) return;
        Report = _stage();
        _stage = null;
    }
}

/// <summary>
/// Reads CSV, JSON lines and Parquet files. CSV and JSON are read once into a temporary table, so
/// that malformed rows are found, quarantined (or dropped, or reported) exactly once however many
/// times the plan runs, and so that rows read = rows passed on + rows refused.
/// </summary>
internal sealed class FileScanner(DuckDBConnection connection, string defaultBadRecordsPath, Action<string, ScanReport> onScanned)
{
    private int _counter;

    /// <summary>The files a source reads now, with their sizes and times: a new or changed file changes it.</summary>
    public static string Fingerprint(IReadOnlyList<string> files) =>
        string.Join("\n", files.Select(f => new FileInfo(f) is var i ? $"{f}|{i.Length}|{i.LastWriteTimeUtc.Ticks}" : f));

    public ScanResult Scan(DataSource source, IReadOnlyList<string> files)
    {
        var format = source.Format.ToLowerInvariant();
        var options = new ReadOptions(source.Options, format);
        var name = string.Join(", ", source.Paths);
        ScanReport Reported(ScanReport report)
        {
            onScanned(name, report);
            return report;
        }
        var result = format switch
        {
            "csv" => ScanCsv(files, source.Schema, options, Reported),
            "json" => JsonScanner.Scan(connection, files, source.Schema, options, NextName("json"), HandleBadRecords, Reported),
            "parquet" => ScanParquet(files, source.Schema),
            _ => throw new AlaSparkException($"The file format '{source.Format}' is not supported by the embedded engine (csv, json, parquet)."),
        };
        if (result.Report is { } known) onScanned(name, known);
        return result;
    }

    private string NextName(string kind) => $"alaspark_{kind}_{Interlocked.Increment(ref _counter)}";

    private ScanResult ScanCsv(IReadOnlyList<string> files, StructType? schema, ReadOptions options, Func<ScanReport, ScanReport> report)
    {
        var inferred = false;
        var header = options.Bool("header", false);
        var args = new List<string>
        {
            $"header = {(header ? "true" : "false")}",
            $"delim = {SqlText.String(options.Char("sep", options.Char("delimiter", ',')).ToString())}",
            $"quote = {SqlText.String(options.Char("quote", '"').ToString())}",
            $"escape = {SqlText.String(options.Char("escape", '"').ToString())}",
            $"nullstr = {SqlText.String(options.Get("nullValue") ?? "")}",
            "filename = " + SqlText.String(CompiledRelation.InputFileColumn),
            "strict_mode = true",
            "null_padding = false",
        };
        if (options.Get("comment") is { } comment) args.Add($"comment = {SqlText.String(comment)}");
        if (options.Get("dateFormat") is { } dateFormat) args.Add($"dateformat = {SqlText.String(JavaDateTimePattern.ToStrftime(dateFormat))}");
        if (options.Get("timestampFormat") is { } tsFormat) args.Add($"timestampformat = {SqlText.String(JavaDateTimePattern.ToStrftime(tsFormat))}");
        if (schema is null)
        {
            if (options.Bool("inferSchema", false))
            {
                args.Add("auto_detect = true");
                if (!header)
                {
                    schema = SniffColumnNames(files, args);
                    inferred = true;
                }
            }
            else
            {
                // Spark reads every column as a string, named by the header or _c0, _c1...; the first record decides.
                var first = CsvHeader.FirstRecord(files[0], options.Char("sep", options.Char("delimiter", ',')), options.Char("quote", '"'), options.Char("escape", '"'));
                schema = new StructType(first.Select((name, i) => new StructField(header ? UniqueName(name, i, first) : $"_c{i}", StringType.Instance)));
            }
        }
        if (schema is not null)
        {
            foreach (var f in schema.Fields)
                if (f.DataType is ArrayType or MapType or StructType or BinaryType)
                    throw new AlaSparkException($"CSV can't hold the {f.DataType.SimpleString} column '{f.Name}'; read it as a string and parse it (ParseJson, Split).");
            args.Add("auto_detect = false");
            args.Add("columns = {" + string.Join(", ", schema.Fields.Select(f => $"{SqlText.String(f.Name)}: {SqlText.String(TypeMapping.ToDuckDb(f.DataType))}")) + "}");
        }
        var mode = options.Mode;
        var (quoteChar, escapeChar) = (options.Char("quote", '"'), options.Char("escape", '"'));
        var scanTable = NextName("scan");
        var rejects = NextName("rejects");
        var rejectScans = NextName("reject_scans");
        args.Add("store_rejects = true");
        args.Add($"rejects_table = {SqlText.String(rejects)}");
        args.Add($"rejects_scan = {SqlText.String(rejectScans)}");
        var read = $"read_csv({SqlText.StringList(files)}, {string.Join(", ", args)})";

        ScanReport Stage()
        {
            connection.Execute($"CREATE TEMP TABLE {SqlText.Ident(scanTable)} AS SELECT * FROM {read}");
            var bad = connection.QueryList(
                $"""
                 SELECT s.file_path, e.line, any_value(e.csv_line), string_agg(e.error_message, '; ' ORDER BY e.column_idx)
                 FROM {SqlText.Ident(rejects)} e JOIN {SqlText.Ident(rejectScans)} s USING (scan_id, file_id)
                 GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line
                 """,
                r => new BadRecord(r.GetString(0), System.Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.IsDBNull(2) ? "" : r.GetString(2).TrimEnd('\r', '\n'), r.GetString(3)));
            connection.Execute($"DROP TABLE IF EXISTS {SqlText.Ident(rejects)}; DROP TABLE IF EXISTS {SqlText.Ident(rejectScans)}");
            bad = [.. ToPhysicalLines(bad, quoteChar, escapeChar), .. UnterminatedAtEnd(files, bad, quoteChar, escapeChar)];
            bad.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : a.Line.CompareTo(b.Line));
            var passed = System.Convert.ToInt64(connection.Scalar($"SELECT count(*) FROM {SqlText.Ident(scanTable)}"), CultureInfo.InvariantCulture);
            try
            {
                return report(HandleBadRecords(files, passed, bad, mode, options.BadRecordsPath));
            }
            catch
            {
                connection.Execute($"DROP TABLE IF EXISTS {SqlText.Ident(scanTable)}");
                throw;
            }
        }

        List<ColumnBinding> columns;
        ScanReport? staged = null;
        if (schema is not null && !inferred)
        {
            columns = schema.Fields.Select(f => new ColumnBinding(f.Name, f.Name, f.DataType, f.Nullable)).ToList();
        }
        else
        {
            // The columns are known only once the files are read.
            staged = Stage();
            var description = connection.QueryList($"DESCRIBE {SqlText.Ident(scanTable)}", r => (Name: r.GetString(0), Type: r.GetString(1)));
            columns = description.Where(d => d.Name != CompiledRelation.InputFileColumn)
                .Select(d => new ColumnBinding(d.Name, d.Name, schema?.Find(d.Name)?.DataType ?? TypeMapping.FromDuckDb(d.Type), true))
                .ToList();
        }
        var select = string.Join(", ", columns.Select(c => SqlText.Ident(c.SqlName)).Append(SqlText.Ident(CompiledRelation.InputFileColumn)));
        var relation = new CompiledRelation($"SELECT {select} FROM {SqlText.Ident(scanTable)}", columns, CompiledRelation.InputFileColumn);
        return staged is null ? new ScanResult(relation, Stage, scanTable) : new ScanResult(relation, staged, scanTable);
    }

    /// <summary>DuckDB numbers rejected rows by record; this turns them into the lines an editor shows.</summary>
    private static List<BadRecord> ToPhysicalLines(IReadOnlyList<BadRecord> bad, char quote, char escape)
    {
        if (quote > 127 || escape > 127) return bad.ToList();
        var result = new List<BadRecord>(bad.Count);
        foreach (var group in bad.GroupBy(b => b.Path))
        {
            var starts = CsvQuoteCheck.RecordStartLines(group.Key, quote, escape);
            result.AddRange(group.Select(b => b.Line >= 1 && b.Line <= starts.Count ? b with { Line = starts[(int)b.Line - 1] } : b));
        }
        return result;
    }

    /// <summary>Records whose quote is still open at the end of a file (DuckDB drops them silently).</summary>
    private static IEnumerable<BadRecord> UnterminatedAtEnd(IReadOnlyList<string> files, IReadOnlyList<BadRecord> known, char quote, char escape)
    {
        var reported = known.Where(b => b.Reason.Contains("unterminated quote", StringComparison.OrdinalIgnoreCase)).Select(b => b.Path).ToHashSet();
        var found = new BadRecord?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            if (!reported.Contains(files[i])) found[i] = CsvQuoteCheck.FindUnterminated(files[i], quote, escape);
        });
        return found.OfType<BadRecord>();
    }

    /// <summary>Spark's name for a header field: empty names become _c{i}; repeated names get their index appended.</summary>
    private static string UniqueName(string name, int index, IReadOnlyList<string> all)
    {
        if (string.IsNullOrEmpty(name)) return $"_c{index}";
        return all.Count(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) > 1 ? name + index : name;
    }

    /// <summary>Without a header, Spark names columns _c0, _c1, ...</summary>
    private StructType SniffColumnNames(IReadOnlyList<string> files, List<string> args)
    {
        var sniff = connection.QueryList(
            $"DESCRIBE SELECT * FROM read_csv({SqlText.String(files[0])}, {string.Join(", ", args.Where(a => !a.StartsWith("filename", StringComparison.Ordinal)))})",
            r => r.GetString(1));
        args.RemoveAll(a => a.StartsWith("all_varchar", StringComparison.Ordinal) || a.StartsWith("auto_detect", StringComparison.Ordinal));
        return new StructType(sniff.Select((t, i) => new StructField($"_c{i}", TypeMapping.FromDuckDb(t))));
    }

    /// <summary>Applies the bad-records mode; returns the counts.</summary>
    private ScanReport HandleBadRecords(IReadOnlyList<string> files, long passed, IReadOnlyList<BadRecord> bad, string mode, string? badRecordsPath)
    {
        if (bad.Count == 0) return new ScanReport(files, passed, passed, 0, 0, null);
        if (mode == "FAILFAST")
        {
            var first = bad[0];
            throw new AlaSparkException(
                $"[MALFORMED_RECORD_IN_PARSING] Malformed record in {first.Path} at line {first.Line}: {first.Reason}. " +
                $"Record: {Truncate(first.Record)}. {bad.Count} malformed record(s) in all; nothing was read. " +
                "Fix the file, or read with BadRecords = Quarantine to set bad rows aside.");
        }
        if (mode == "DROPMALFORMED") return new ScanReport(files, passed + bad.Count, passed, 0, bad.Count, null);
        var folder = badRecordsPath ?? defaultBadRecordsPath;
        var written = BadRecordWriter.Write(folder, bad);
        return new ScanReport(files, passed + bad.Count, passed, bad.Count, 0, Path.GetDirectoryName(Path.GetDirectoryName(written)));
    }

    private static string Truncate(string s) => s.Length > 200 ? s[..200] + "..." : s;

    private ScanResult ScanParquet(IReadOnlyList<string> files, StructType? schema)
    {
        var read = $"read_parquet({SqlText.StringList(files)}, filename = {SqlText.String(CompiledRelation.InputFileColumn)}, union_by_name = true, hive_partitioning = true)";
        var description = connection.QueryList($"DESCRIBE SELECT * FROM {read}", r => (Name: r.GetString(0), Type: r.GetString(1)))
            .Where(d => d.Name != CompiledRelation.InputFileColumn).ToList();
        var columns = new List<ColumnBinding>();
        var select = new List<string>();
        if (schema is null)
        {
            foreach (var (name, type) in description)
            {
                var spark = TypeMapping.FromDuckDb(type);
                columns.Add(new ColumnBinding(name, name, spark, true));
                select.Add($"CAST({SqlText.Ident(name)} AS {TypeMapping.ToDuckDb(spark)}) AS {SqlText.Ident(name)}");
            }
        }
        else
        {
            // Spark reads the requested columns and gives null for those a file lacks.
            foreach (var f in schema.Fields)
            {
                var present = description.FirstOrDefault(d => string.Equals(d.Name, f.Name, StringComparison.OrdinalIgnoreCase));
                columns.Add(new ColumnBinding(f.Name, f.Name, f.DataType, f.Nullable));
                select.Add(present.Name is null
                    ? $"CAST(NULL AS {TypeMapping.ToDuckDb(f.DataType)}) AS {SqlText.Ident(f.Name)}"
                    : $"CAST({SqlText.Ident(present.Name)} AS {TypeMapping.ToDuckDb(f.DataType)}) AS {SqlText.Ident(f.Name)}");
            }
        }
        select.Add(SqlText.Ident(CompiledRelation.InputFileColumn));
        var rows = System.Convert.ToInt64(connection.Scalar(
            $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlText.StringList(files)})"), CultureInfo.InvariantCulture);
        return new ScanResult(
            new CompiledRelation($"SELECT {string.Join(", ", select)} FROM {read}", columns, CompiledRelation.InputFileColumn),
            new ScanReport(files, rows, rows, 0, 0, null));
    }
}
