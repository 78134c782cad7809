using System.CommandLine;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark.Cli.Commands;

/// <summary><c>alaspark read --format csv|json|parquet &lt;path&gt;...</c>: reads files and prints the rows.</summary>
internal static class ReadCommand
{
    private static readonly string[] Formats = ["csv", "json", "parquet"];
    private static readonly string[] Modes = ["PERMISSIVE", "DROPMALFORMED", "FAILFAST"];

    /// <summary>Where malformed rows go without <c>--bad-records</c>: under the lake.</summary>
    public static string DefaultBadRecordsPath(string lake) => Path.Combine(lake, "_bad_records", "cli");

    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "The file format: csv, json (JSON lines) or parquet.",
            HelpName = "csv|json|parquet",
            Required = true,
        };
        format.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not null && !Formats.Contains(value, StringComparer.OrdinalIgnoreCase))
                r.AddError($"--format must be csv, json or parquet, not '{value}'.");
        });
        var paths = new Argument<string[]>("path")
        {
            Description = "A file, a folder (every file below it, except names starting with '.' or '_') or a glob (*, ?, **, [abc], {a,b}); several may be given.",
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
        var limit = new Option<int?>("--limit", "-n")
        {
            Description = "Print at most N rows.",
            HelpName = "N",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
                    return n;
                r.AddError($"--limit must be a whole number, 0 or more, not '{text}'.");
                return null;
            },
        };
        var lake = CommonOptions.Lake("The lake under which malformed rows are kept (<lake>/_bad_records/cli) unless --bad-records is given.");
        var json = CommonOptions.Json();
        var command = new Command("read", "Read CSV, JSON lines or Parquet files and print the rows.")
        {
            paths, format, schema, options, badRecords, limit, lake, json,
        };
        command.SetAction(result => Run(context, new Request(
            result.GetRequiredValue(format).ToLowerInvariant(),
            result.GetRequiredValue(paths),
            result.GetValue(schema),
            result.GetValue(options) ?? [],
            result.GetValue(badRecords),
            result.GetValue(limit),
            CommonOptions.ResolveLake(result, lake, context.Environment).Path,
            result.GetValue(json))));
        return command;
    }

    private sealed record Request(
        string Format, string[] Paths, string? Schema, string[] Options, string? BadRecords, int? Limit, string Lake, bool Json);

    private static int Run(CliContext context, Request request)
    {
        var env = context.Environment;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text in request.Options)
        {
            var (key, value) = SplitOption(text) ?? throw new ConfigurationException($"--option '{text}' is not key=value (e.g. --option header=false).");
            options[key] = value;
        }
        var schema = request.Schema is null ? null : ParseSchema(request.Schema);

        if (request.Format == "csv" && !options.ContainsKey("header")) options["header"] = "true";
        if (options.TryGetValue("mode", out var mode) && !Modes.Contains(mode, StringComparer.OrdinalIgnoreCase))
            throw new ConfigurationException($"--option mode={mode}: the mode must be PERMISSIVE, DROPMALFORMED or FAILFAST.");

        // The engine quarantines malformed rows in PERMISSIVE mode; without an explicit path they
        // would land in the (temporary) session's lake and be lost, so always pass one.
        if (options.TryGetValue("badRecordsPath", out var fromOption) && request.BadRecords is not null &&
            env.FullPath(fromOption) != env.FullPath(request.BadRecords))
            throw new ConfigurationException($"--bad-records '{request.BadRecords}' and --option badRecordsPath={fromOption} disagree; give one of them.");
        var badRecordsPath = request.BadRecords ?? fromOption;
        options["badRecordsPath"] = badRecordsPath is null ? DefaultBadRecordsPath(request.Lake) : env.FullPath(badRecordsPath);

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

    /// <summary><c>key=value</c> split at the first '='; null when there is no '=' or no key.</summary>
    internal static (string Key, string Value)? SplitOption(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0) return null;
        var key = text[..equals].Trim();
        return key.Length == 0 ? null : (key, text[(equals + 1)..]);
    }

    private static StructType ParseSchema(string ddl)
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
