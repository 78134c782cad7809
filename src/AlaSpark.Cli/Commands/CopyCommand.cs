using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlaSpark.Delta;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Plan;

namespace AlaSpark.Cli.Commands;

/// <summary>
/// <c>alaspark copy --from-format csv|json|parquet|delta --from &lt;path&gt; --to &lt;delta-path&gt;</c>: reads files (or a
/// Delta table) the way <c>alaspark read</c> does and writes the rows to a Delta table at a path (created when
/// missing) with the Delta writer of pipelines: one <c>WRITE</c> commit, append or overwrite, optionally partitioned
/// and idempotent (<c>--txn APP_ID:VERSION</c>). Prints a summary.
/// </summary>
internal static class CopyCommand
{
    private static readonly string[] Formats = ["csv", "json", "parquet", "delta"];
    private static readonly string[] Modes = ["append", "overwrite"];
    private const string LogFolder = "_delta_log";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var fromFormat = new Option<string>("--from-format")
        {
            Description = "The source's format: csv, json (JSON lines), parquet, or delta (a Delta table: one folder holding _delta_log).",
            HelpName = "csv|json|parquet|delta",
            Required = true,
        };
        fromFormat.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not null && !Formats.Contains(value, StringComparer.OrdinalIgnoreCase))
                r.AddError($"--from-format must be csv, json, parquet or delta, not '{value}'.");
        });
        var from = new Option<string[]>("--from")
        {
            Description = "What to read: a file, a folder (every file below it, except names starting with '.' or '_') or a glob; repeat for several. With --from-format delta: the table's folder (one).",
            HelpName = "path",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to")
        {
            Description = "The Delta table to write: its folder (created, with the table, when missing).",
            HelpName = "delta-path",
            Required = true,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "append: add the rows to the table; overwrite: replace its rows (and schema) in a new version, older versions stay readable. [default: append]",
            HelpName = "append|overwrite",
        };
        mode.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not null && !Modes.Contains(value, StringComparer.OrdinalIgnoreCase))
                r.AddError($"--mode must be append or overwrite, not '{value}'.");
        });
        var partitionBy = new Option<string[]>("--partition-by")
        {
            Description = "The partition columns, comma-separated (e.g. day,country). [default: none for a new table, the table's own when appending]",
            HelpName = "a,b",
            Arity = ArgumentArity.OneOrMore,
        };
        partitionBy.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (SplitColumns(token.Value) is null)
                    r.AddError($"--partition-by '{token.Value}' is not a comma-separated list of column names (e.g. --partition-by day,country).");
        });
        var schema = new Option<string?>("--schema")
        {
            Description = "The source's schema as DDL, e.g. \"id INT, name STRING, day DATE\". Without it CSV columns are strings, JSON and Parquet types are inferred.",
            HelpName = "DDL",
        };
        var options = new Option<string[]>("--option", "-o")
        {
            Description = "A reader option as key=value (Spark's names: header, sep, quote, nullValue, dateFormat, inferSchema, mode, versionAsOf, ...). Repeat for several.",
            HelpName = "key=value",
            Arity = ArgumentArity.OneOrMore,
        };
        options.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (ReadCommand.SplitOption(token.Value) is null)
                    r.AddError($"--option '{token.Value}' is not key=value (e.g. --option header=false).");
        });
        var badRecords = new Option<string?>("--bad-records")
        {
            Description = "Folder for malformed source rows (sets the option badRecordsPath). [default: <lake>/_bad_records/cli]",
            HelpName = "DIR",
        };
        var txn = new Option<TransactionId?>("--txn")
        {
            Description = "Make the copy idempotent: APP_ID:VERSION, an application id and a whole number. A copy whose application has already committed this version (or a later one) to the table writes nothing and reports it skipped.",
            HelpName = "APP_ID:VERSION",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (ParseTxn(text) is { } id) return id;
                r.AddError($"--txn must be APP_ID:VERSION, an application id and a version 0 or more (e.g. --txn nightly-orders:42), not '{text}'.");
                return null;
            },
        };
        var mergeSchema = new Option<bool>("--merge-schema")
        {
            Description = "Add the source's new columns to the table's schema (nullable) instead of failing.",
        };
        var lake = CommonOptions.Lake("The lake under which malformed rows are kept (<lake>/_bad_records/cli) unless --bad-records is given.");
        var json = new Option<bool>("--json")
        {
            Description = "Print the summary as one JSON object instead of text.",
        };
        var command = new Command("copy",
            "Copy CSV, JSON lines or Parquet files, or a Delta table, into a Delta table at a path (created when missing): append or overwrite, optionally partitioned and idempotent.")
        {
            fromFormat, from, to, mode, partitionBy, schema, options, badRecords, txn, mergeSchema, lake, json,
        };
        command.Validators.Add(r =>
        {
            var formatName = r.GetResult(fromFormat) is { Tokens: [var token] } ? token.Value : null;
            if (string.Equals(formatName, "delta", StringComparison.OrdinalIgnoreCase))
            {
                if (r.GetResult(schema) is not null)
                    r.AddError("--schema can't be used with --from-format delta: a Delta table has its own schema.");
                if (r.GetResult(from) is { Tokens.Count: > 1 and var count })
                    r.AddError($"--from-format delta copies one table: give one --from, not {count}.");
            }
        });
        command.SetAction(result => Run(context, new Request(
            result.GetRequiredValue(fromFormat).ToLowerInvariant(),
            result.GetRequiredValue(from),
            result.GetRequiredValue(to),
            (result.GetValue(mode) ?? "append").ToLowerInvariant() == "overwrite" ? WriteMode.Overwrite : WriteMode.Append,
            result.GetResult(partitionBy) is not null && result.GetValue(partitionBy) is { } columns ? columns.SelectMany(c => SplitColumns(c) ?? []).ToList() : null,
            result.GetValue(schema),
            result.GetValue(options) ?? [],
            result.GetValue(badRecords),
            result.GetValue(txn),
            result.GetValue(mergeSchema),
            CommonOptions.ResolveLake(result, lake, context.Environment).Path,
            result.GetValue(json))));
        return command;
    }

    private sealed record Request(
        string Format, string[] From, string To, WriteMode Mode, IReadOnlyList<string>? PartitionBy, string? Schema, string[] Options,
        string? BadRecords, TransactionId? Txn, bool MergeSchema, string Lake, bool Json);

    /// <summary>What a copy did, as printed.</summary>
    internal sealed record Summary(
        string Table, string Mode, long RowsRead, long RowsQuarantined, long RowsDropped, long RowsWritten, int Files, long Version,
        bool Skipped, TransactionId? Txn, string? BadRecords, IReadOnlyList<string> PartitionColumns);

    private static int Run(CliContext context, Request request)
    {
        var env = context.Environment;
        if (request.From.Any(p => p.Trim().Length == 0)) throw new ConfigurationException("--from is empty: pass a file, folder or glob to read.");
        if (request.To.Trim().Length == 0) throw new ConfigurationException("--to is empty: pass the Delta table's folder.");
        var readerOptions = ReadCommand.ReaderOptions(env, request.Format, request.Options, request.BadRecords, request.Lake);
        var schema = request.Schema is null ? null : ReadCommand.ParseSchema(request.Schema);
        var target = env.FullPath(request.To);
        CheckTarget(target);

        // Reading needs no catalog: the session lives in an empty temporary lake; the table is written at its path.
        using var temp = new TempLake();
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = temp.Root });
        var reader = session.Read.Format(request.Format).Options(readerOptions);
        if (schema is not null) reader.Schema(schema);
        var frame = reader.Load(request.From.Select(env.FullPath).ToArray());
        var read = (Read)frame.Plan;
        if (request.PartitionBy is { } partitions)
        {
            try
            {
                PartitionColumns.Validate(partitions, frame.Schema, target);
            }
            catch (AlaSparkException e) when (e is not ConfigurationException)
            {
                throw new ConfigurationException($"--partition-by: {e.Message}", e);
            }
        }

        var written = DeltaWriter.WriteToPath(frame, target, new WriteOptions
        {
            Mode = request.Mode,
            PartitionBy = request.PartitionBy,
            MergeSchema = request.MergeSchema,
            Txn = request.Txn,
        });
        var report = written.Skipped ? null : session.Engine.GetScanReport(read);
        var summary = new Summary(
            target, request.Mode.ToString().ToLowerInvariant(),
            report?.RowsRead ?? written.Rows, report?.RowsQuarantined ?? 0, report?.RowsDropped ?? 0,
            written.Rows, written.Files, written.Version, written.Skipped, request.Txn,
            report is { RowsQuarantined: > 0 } ? report.BadRecordsLocation : null, written.PartitionColumns);
        if (request.Json)
        {
            context.Stdout.Write(ToJson(summary));
            context.Stdout.Write('\n');
        }
        else
        {
            context.Stdout.Write(ToText(summary));
        }
        Output.WriteScanNote(context.Stderr, string.Join(", ", request.From), report);
        return ExitCodes.Success;
    }

    /// <summary>The target must be a Delta table, a folder that does not exist yet, or an empty folder: copying
    /// into a folder of other files would mix them with the table's.</summary>
    private static void CheckTarget(string target)
    {
        if (target.Contains("://", StringComparison.Ordinal)) return;
        if (File.Exists(target))
            throw new AlaSparkException($"--to {target} is a file; a Delta table is a folder.");
        if (Directory.Exists(target) && !Directory.Exists(Path.Combine(target, LogFolder)) &&
            Directory.EnumerateFileSystemEntries(target).Any())
            throw new AlaSparkException($"--to {target} is a folder that is not a Delta table (it has no {LogFolder}) and is not empty; copy into a new or empty folder, or into a Delta table.");
    }

    /// <summary><c>APP_ID:VERSION</c> split at the last ':'; null when the id is empty or the version is not a whole number 0 or more.</summary>
    internal static TransactionId? ParseTxn(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0) return null;
        var appId = text[..colon].Trim();
        if (appId.Length == 0) return null;
        return long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new TransactionId(appId, version)
            : null;
    }

    /// <summary>Column names from <c>a,b</c> (trimmed); null when one is empty.</summary>
    internal static IReadOnlyList<string>? SplitColumns(string text)
    {
        var names = text.Split(',').Select(n => n.Trim()).ToList();
        return names.Any(n => n.Length == 0) ? null : names;
    }

    internal static string Describe(TransactionId txn) => $"{txn.AppId}:{txn.Version.ToString(CultureInfo.InvariantCulture)}";

    internal static string ToText(Summary s)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"table: {s.Table}");
        Line($"mode: {s.Mode}");
        if (s.Skipped)
        {
            Line($"skipped: transaction {Describe(s.Txn!)} already committed (the table is at version {s.Version})");
            return text.ToString();
        }
        Line($"rows read: {s.RowsRead}");
        Line($"rows quarantined: {s.RowsQuarantined}" + (s.BadRecords is null ? "" : $" (under {s.BadRecords})"));
        if (s.RowsDropped > 0) Line($"rows dropped: {s.RowsDropped}");
        Line($"rows written: {s.RowsWritten}");
        Line($"files: {s.Files}");
        Line($"version: {s.Version}");
        return text.ToString();
    }

    internal static string ToJson(Summary s)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("table", s.Table);
            writer.WriteString("mode", s.Mode);
            writer.WriteNumber("rowsRead", s.RowsRead);
            writer.WriteNumber("rowsQuarantined", s.RowsQuarantined);
            writer.WriteNumber("rowsDropped", s.RowsDropped);
            writer.WriteNumber("rowsWritten", s.RowsWritten);
            writer.WriteNumber("files", s.Files);
            writer.WriteNumber("version", s.Version);
            writer.WriteBoolean("skipped", s.Skipped);
            if (s.Txn is null) writer.WriteNull("txn");
            else writer.WriteString("txn", Describe(s.Txn));
            if (s.BadRecords is null) writer.WriteNull("badRecords");
            else writer.WriteString("badRecords", s.BadRecords);
            writer.WriteStartArray("partitionColumns");
            foreach (var column in s.PartitionColumns) writer.WriteStringValue(column);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
