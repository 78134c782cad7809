using System.CommandLine;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Cli.Commands;

/// <summary><c>alaspark read --format csv|json|parquet|delta &lt;path&gt;...</c>: reads files, or a Delta table
/// (optionally at a version or a time), and prints the rows.</summary>
internal static class ReadCommand
{
    private static readonly string[] Formats = ["csv", "json", "parquet", "delta"];
    private static readonly string[] Modes = ["PERMISSIVE", "DROPMALFORMED", "FAILFAST"];

    /// <summary>Where malformed rows go without <c>--bad-records</c>: under the lake.</summary>
    public static string DefaultBadRecordsPath(string lake) => Path.Combine(lake, "_bad_records", "cli");

    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "The format: csv, json (JSON lines), parquet, or delta (a Delta table: one folder holding _delta_log).",
            HelpName = "csv|json|parquet|delta",
            Required = true,
        };
        format.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not null && !Formats.Contains(value, StringComparer.OrdinalIgnoreCase))
                r.AddError($"--format must be csv, json, parquet or delta, not '{value}'.");
        });
        var paths = new Argument<string[]>("path")
        {
            Description = "A file, a folder (every file below it, except names starting with '.' or '_') or a glob (*, ?, **, [abc], {a,b}); several may be given. With --format delta: the table's folder (one).",
            Arity = ArgumentArity.OneOrMore,
        };
        var schema = new Option<string?>("--schema")
        {
            Description = "The schema as DDL, e.g. \"id INT, name STRING, day DATE\". Without it CSV columns are strings, JSON and Parquet types are inferred.",
            HelpName = "DDL",
        };
        var options = new Option<string[]>("--option", "-o")
        {
            Description = "A reader option as key=value (Spark's names: header, sep, quote, escape, nullValue, dateFormat, timestampFormat, inferSchema, mode, ...). Repeat for several.",
            HelpName = "key=value",
            Arity = ArgumentArity.OneOrMore,
        };
        options.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (SplitOption(token.Value) is null)
                    r.AddError($"--option '{token.Value}' is not key=value (e.g. --option header=false).");
        });
        var badRecords = new Option<string?>("--bad-records")
        {
            Description = "Folder for malformed rows (sets the option badRecordsPath). [default: <lake>/_bad_records/cli]",
            HelpName = "DIR",
        };
        var limit = CommonOptions.Limit("Print at most N rows.");
        var version = new Option<long?>("--version")
        {
            Description = "Delta only: read the table as of this version (time travel; sets the option versionAsOf).",
            HelpName = "N",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (DeltaTimeTravel.ParseVersion(text) is { } v) return v;
                r.AddError($"--version must be a table version, a whole number 0 or more, not '{text}'.");
                return null;
            },
        };
        var timestamp = new Option<DateTimeOffset?>("--timestamp")
        {
            Description = "Delta only: read the table as it was at this time, UTC unless it has an offset: the latest version committed at or before it (sets the option timestampAsOf). "
                          + "E.g. \"2024-01-31 10:00:00\", 2024-01-31, 2024-01-31T10:00:00.5+01:00.",
            HelpName = "TIME",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (DeltaTimeTravel.ParseTimestamp(text) is { } t) return t;
                r.AddError($"--timestamp must be a time such as \"2024-01-31 10:00:00\", 2024-01-31 or 2024-01-31T10:00:00Z, not '{text}'.");
                return null;
            },
        };
        var lake = CommonOptions.Lake("The lake under which malformed rows are kept (<lake>/_bad_records/cli) unless --bad-records is given.");
        var json = CommonOptions.Json();
        var command = new Command("read", "Read CSV, JSON lines or Parquet files, or a Delta table (at a version or time), and print the rows.")
        {
            paths, format, schema, options, badRecords, limit, version, timestamp, lake, json,
        };
        command.Validators.Add(r =>
        {
            // Tokens rather than values: a value that failed to parse (or is missing) has its own error.
            var formatName = r.GetResult(format) is { Tokens: [var token] } ? token.Value : null;
            var isDelta = string.Equals(formatName, "delta", StringComparison.OrdinalIgnoreCase);
            var hasVersion = r.GetResult(version) is not null;
            var hasTimestamp = r.GetResult(timestamp) is not null;
            if (hasVersion && hasTimestamp)
                r.AddError("--version and --timestamp can't be used together: give one of them.");
            if (!isDelta && formatName is not null)
            {
                if (hasVersion) r.AddError("--version is only valid with --format delta.");
                if (hasTimestamp) r.AddError("--timestamp is only valid with --format delta.");
            }
            if (isDelta)
            {
                if (r.GetResult(schema) is not null)
                    r.AddError("--schema can't be used with --format delta: a Delta table has its own schema.");
                if (r.GetResult(paths) is { Tokens.Count: > 1 and var count })
                    r.AddError($"--format delta reads one table: give one path, not {count}.");
            }
        });
        command.SetAction(result => Run(context, new Request(
            result.GetRequiredValue(format).ToLowerInvariant(),
            result.GetRequiredValue(paths),
            result.GetValue(schema),
            result.GetValue(options) ?? [],
            result.GetValue(badRecords),
            result.GetValue(limit),
            CommonOptions.ResolveLake(result, lake, context.Environment).Path,
            result.GetValue(json),
            result.GetValue(version),
            result.GetValue(timestamp))));
        return command;
    }

    private sealed record Request(
        string Format, string[] Paths, string? Schema, string[] Options, string? BadRecords, int? Limit, string Lake, bool Json,
        long? Version = null, DateTimeOffset? Timestamp = null);

    private static int Run(CliContext context, Request request)
    {
        var env = context.Environment;
        var options = ReaderOptions(env, request.Format, request.Options, request.BadRecords, request.Lake, request.Version, request.Timestamp);
        var schema = request.Schema is null ? null : ParseSchema(request.Schema);

        // Reading files needs no catalog: the session lives in an empty temporary lake.
        using var temp = new TempLake();
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = temp.Root });
        var reader = session.Read.Format(request.Format).Options(options);
        if (schema is not null) reader.Schema(schema);
        var frame = reader.Load(request.Paths.Select(env.FullPath).ToArray());
        var read = (Read)frame.Plan;
        var result = request.Limit is { } n ? frame.Limit(n) : frame;
        var rows = result.Collect();
        Output.WriteRows(context.Stdout, rows.Count > 0 ? rows[0].Schema : result.Schema, rows, request.Json);
        Output.WriteScanNote(context.Stderr, string.Join(", ", request.Paths), session.Engine.GetScanReport(read));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The reader options of a read from the command line (shared by <c>read</c> and <c>copy</c>): the
    /// <c>--option key=value</c> pairs; CSV <c>header=true</c> unless given; the <c>mode</c> checked; Delta time
    /// travel (<c>--version</c>, <c>--timestamp</c>, or the same as options); and always a <c>badRecordsPath</c>
    /// (<c>--bad-records</c>, <c>--option badRecordsPath=</c> or <c>&lt;lake&gt;/_bad_records/cli</c>), so that no
    /// malformed row lands in the temporary session's lake. Mistakes are <see cref="ConfigurationException"/>s.
    /// </summary>
    internal static Dictionary<string, string> ReaderOptions(
        CliEnvironment env, string format, IEnumerable<string> optionTexts, string? badRecords, string lake,
        long? version = null, DateTimeOffset? timestamp = null)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in optionTexts)
        {
            var (key, value) = SplitOption(text) ?? throw new ConfigurationException($"--option '{text}' is not key=value (e.g. --option header=false).");
            options[key] = value;
        }

        if (format == "csv" && !options.ContainsKey("header")) options["header"] = "true";
        if (options.TryGetValue("mode", out var mode) && !Modes.Contains(mode, StringComparer.OrdinalIgnoreCase))
            throw new ConfigurationException($"--option mode={mode}: the mode must be PERMISSIVE, DROPMALFORMED or FAILFAST.");

        // The engine quarantines malformed rows in PERMISSIVE mode; without an explicit path they
        // would land in the (temporary) session's lake and be lost, so always pass one.
        if (options.TryGetValue("badRecordsPath", out var fromOption) && badRecords is not null &&
            env.FullPath(fromOption) != env.FullPath(badRecords))
            throw new ConfigurationException($"--bad-records '{badRecords}' and --option badRecordsPath={fromOption} disagree; give one of them.");
        if (format == "delta") DeltaTimeTravel.Apply(options, version, timestamp);
        var badRecordsPath = badRecords ?? fromOption;
        options["badRecordsPath"] = badRecordsPath is null ? DefaultBadRecordsPath(lake) : env.FullPath(badRecordsPath);
        return options;
    }

    /// <summary><c>key=value</c> split at the first '='; null when there is no '=' or no key.</summary>
    internal static (string Key, string Value)? SplitOption(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0) return null;
        var key = text[..equals].Trim();
        return key.Length == 0 ? null : (key, text[(equals + 1)..]);
    }

    internal static StructType ParseSchema(string ddl)
    {
        try
        {
            return StructType.FromDdl(ddl);
        }
        catch (AlaSparkException e)
        {
            throw new ConfigurationException($"--schema: {e.Message}", e);
        }
    }
}
