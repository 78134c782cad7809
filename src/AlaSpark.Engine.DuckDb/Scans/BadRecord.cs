using System.Text.Json;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>A malformed input row: the file, its 1-based line, the raw text and why it was refused.</summary>
internal sealed record BadRecord(string Path, long Line, string Record, string Reason);

/// <summary>Writes quarantined rows as JSON lines under the bad-records path, in the layout Databricks
/// uses for <c>badRecordsPath</c>: <c>&lt;path&gt;/&lt;yyyyMMddTHHmmss&gt;/bad_records/part-*.json</c>.</summary>
internal static class BadRecordWriter
{
    public static string Write(string badRecordsPath, IReadOnlyList<BadRecord> records)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetFullPath(badRecordsPath), stamp, "bad_records");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"part-00000-{Guid.NewGuid():N}.json");
        var temp = file + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (var r in records)
            {
                writer.WriteStartObject();
                writer.WriteString("path", r.Path);
                writer.WriteNumber("line", r.Line);
                writer.WriteString("record", r.Record);
                writer.WriteString("reason", r.Reason);
                writer.WriteEndObject();
                writer.Flush();
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }
        File.Move(temp, file);
        return file;
    }
}
