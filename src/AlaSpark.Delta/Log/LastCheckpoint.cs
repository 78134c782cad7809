using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Json;

namespace AlaSpark.Delta.Log;

/// <summary>
/// The content of <c>_delta_log/_last_checkpoint</c>: a pointer to a recent checkpoint. Only a hint: a reader
/// that finds it missing, unparseable, failing its checksum or pointing at a checkpoint that is not there
/// lists the log instead.
/// </summary>
public sealed record LastCheckpoint(long Version, long? Size = null, int? Parts = null, long? SizeInBytes = null, long? NumOfAddFiles = null, string? Checksum = null)
{
    /// <summary>The <c>v2Checkpoint</c> object when the last checkpoint is a V2 one (kept as JSON).</summary>
    public JsonObject? V2Checkpoint { get; init; }

    /// <summary>
    /// Parses the file's text; null when it is empty, not JSON, has no version, or its checksum (when there is
    /// one) does not match the content, all of which mean "corrupt: list the log instead".
    /// </summary>
    public static LastCheckpoint? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (obj is null) return null;
        try
        {
            var version = JsonRead.Long(obj, "version");
            if (version is null or < 0) return null;
            var checksum = JsonRead.String(obj, "checksum");
            if (checksum is not null && !string.Equals(checksum, ComputeChecksum(obj), StringComparison.OrdinalIgnoreCase))
                return null;
            return new LastCheckpoint(version.Value, JsonRead.Long(obj, "size"), JsonRead.Int(obj, "parts"),
                JsonRead.Long(obj, "sizeInBytes"), JsonRead.Long(obj, "numOfAddFiles"), checksum)
            {
                V2Checkpoint = JsonRead.Field(obj, "v2Checkpoint") as JsonObject,
            };
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The protocol's checksum of a <c>_last_checkpoint</c> JSON object: the MD5 (32 lowercase hex digits) of its
    /// canonical form, leaving out the top-level <c>checksum</c> key.
    /// </summary>
    public static string ComputeChecksum(JsonObject obj)
    {
        var canonical = Canonicalize(obj);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The canonical form: every leaf as <c>path=value</c>, path segments joined by <c>+</c> (object keys quoted
    /// and URL-encoded, array positions as numbers), strings quoted and URL-encoded, numbers and literals as
    /// written; pairs sorted by the UTF-8 bytes of their paths and joined by <c>,</c>.
    /// </summary>
    public static string Canonicalize(JsonObject obj)
    {
        var pairs = new List<(string Path, string Value)>();
        foreach (var (key, value) in obj)
        {
            if (key == "checksum") continue;
            Collect(Quote(key), value, pairs);
        }
        pairs.Sort((a, b) => CompareUtf8(a.Path, b.Path));
        return string.Join(",", pairs.Select(p => p.Path + "=" + p.Value));
    }

    private static void Collect(string path, JsonNode? node, List<(string, string)> pairs)
    {
        switch (node)
        {
            case null:
                pairs.Add((path, "null"));
                break;
            case JsonObject o:
                foreach (var (key, value) in o) Collect(path + "+" + Quote(key), value, pairs);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Collect(path + "+" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), a[i], pairs);
                break;
            case JsonValue v:
                pairs.Add((path, v.TryGetValue<string>(out var s) ? Quote(s) : v.ToJsonString()));
                break;
        }
    }

    private static string Quote(string s) => "\"" + UrlEncode(s) + "\"";

    /// <summary>Percent-encodes every UTF-8 octet except <c>a-z A-Z 0-9 - . _ ~</c>, with uppercase hex digits.</summary>
    internal static string UrlEncode(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
