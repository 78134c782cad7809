using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlaSpark.Delta;
using AlaSpark.Types;

namespace AlaSpark.Cli.Commands;

/// <summary><c>alaspark history &lt;path&gt;</c>: the commits of a Delta table, newest first (like
/// <c>DESCRIBE HISTORY</c>).</summary>
internal static class HistoryCommand
{
    /// <summary>How timestamps are printed: UTC, to the millisecond (commit timestamps are milliseconds).</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

    /// <summary>The columns of the table output (also the JSON keys, in order).</summary>
    public static readonly StructType Schema = new(
        new StructField("version", LongType.Instance, false),
        new StructField("timestamp", StringType.Instance, false),
        new StructField("operation", StringType.Instance, true),
        new StructField("operationParameters", StringType.Instance, false),
        new StructField("operationMetrics", StringType.Instance, false),
        new StructField("engineInfo", StringType.Instance, true));

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path")
        {
            Description = "The Delta table's folder (the one holding _delta_log).",
        };
        var limit = CommonOptions.Limit("Print at most N versions, the newest.");
        var json = CommonOptions.Json();
        var command = new Command("history",
            "Show a Delta table's commits, newest first: version, timestamp (UTC), operation, its parameters and metrics, engine.")
        {
            path, limit, json,
        };
        command.SetAction(result => Run(context, result.GetRequiredValue(path), result.GetValue(limit), result.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string path, int? limit, bool json)
    {
        if (path.Trim().Length == 0) throw new ConfigurationException("The path is empty: pass the Delta table's folder.");
        var full = context.Environment.FullPath(path);
        if (File.Exists(full))
            throw new DeltaTableNotFoundException(full, "it is a file; a Delta table is a folder holding a _delta_log folder.");
        var table = DeltaTable.ForPath(full);
        // A folder without _delta_log, or whose log has no commits or checkpoints, is not a table: say so
        // rather than print an empty history.
        table.Log.Range();
        var entries = table.History(limit);

        if (json)
        {
            foreach (var entry in entries)
            {
                context.Stdout.Write(ToJson(entry));
                context.Stdout.Write('\n');
            }
            return ExitCodes.Success;
        }
        var rows = entries.Select(e => new Row(Schema, [
            e.Version, FormatTimestamp(e.Timestamp), e.Operation, CompactJson(e.OperationParameters), CompactJson(e.OperationMetrics), e.EngineInfo,
        ])).ToList();
        Output.WriteRows(context.Stdout, Schema, rows, json: false);
        return ExitCodes.Success;
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>One version as a JSON object; parameters and metrics keep their JSON values (a boolean
    /// stays a boolean, a null stays null).</summary>
    public static string ToJson(DeltaHistoryEntry entry) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", entry.Version);
        writer.WriteString("timestamp", FormatTimestamp(entry.Timestamp));
        WriteStringOrNull(writer, "operation", entry.Operation);
        writer.WritePropertyName("operationParameters");
        WriteObject(writer, entry.OperationParameters);
        writer.WritePropertyName("operationMetrics");
        WriteObject(writer, entry.OperationMetrics);
        WriteStringOrNull(writer, "engineInfo", entry.EngineInfo);
        writer.WriteEndObject();
    });

    /// <summary>A map of JSON values as one line of JSON: <c>{"mode":"Append","partitionBy":"[]"}</c>.</summary>
    public static string CompactJson(IReadOnlyDictionary<string, JsonNode?> values) => Write(writer => WriteObject(writer, values));

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonNode?> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WritePropertyName(key);
            if (value is null) writer.WriteNullValue();
            else value.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
