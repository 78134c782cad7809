using System.Globalization;
using System.Text.RegularExpressions;

namespace AlaSpark.Delta.Log;

/// <summary>The kinds of file in <c>_delta_log</c> that matter to readers.</summary>
public enum LogFileKind
{
    /// <summary><c>n.json</c>: the commit of version n.</summary>
    Commit,
    /// <summary><c>n.checkpoint.parquet</c>: a classic (single-file) checkpoint, V1 or V2 spec.</summary>
    ClassicCheckpoint,
    /// <summary><c>n.checkpoint.o.p.parquet</c>: part o of a p-part (V1) checkpoint.</summary>
    MultiPartCheckpoint,
    /// <summary><c>n.checkpoint.&lt;uuid&gt;.json|parquet</c>: a UUID-named V2 checkpoint.</summary>
    UuidCheckpoint,
    /// <summary><c>n.crc</c>: a version checksum file.</summary>
    Checksum,
    /// <summary><c>x.y.compacted.json</c>: a log compaction file (optional; AlaSpark reads the commits instead).</summary>
    Compaction,
}

/// <summary>A parsed <c>_delta_log</c> file name.</summary>
public sealed partial record LogFileName(LogFileKind Kind, long Version, int Part = 0, int Parts = 0, string? Uuid = null, string? Extension = null)
{
    public bool IsCheckpoint => Kind is LogFileKind.ClassicCheckpoint or LogFileKind.MultiPartCheckpoint or LogFileKind.UuidCheckpoint;

    /// <summary>Parses a file name (not a path); null when it is not a log file AlaSpark knows.</summary>
    public static LogFileName? Parse(string fileName)
    {
        var m = Pattern().Match(fileName);
        if (!m.Success) return null;
        var version = long.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["json"].Success) return new LogFileName(LogFileKind.Commit, version, Extension: "json");
        if (m.Groups["crc"].Success) return new LogFileName(LogFileKind.Checksum, version, Extension: "crc");
        if (m.Groups["compacted"].Success) return new LogFileName(LogFileKind.Compaction, version, Extension: "json");
        if (m.Groups["classic"].Success) return new LogFileName(LogFileKind.ClassicCheckpoint, version, Extension: "parquet");
        if (m.Groups["part"].Success)
        {
            var part = int.Parse(m.Groups["part"].Value, CultureInfo.InvariantCulture);
            var parts = int.Parse(m.Groups["parts"].Value, CultureInfo.InvariantCulture);
            return part >= 1 && part <= parts ? new LogFileName(LogFileKind.MultiPartCheckpoint, version, part, parts, Extension: "parquet") : null;
        }
        if (m.Groups["uuid"].Success)
            return new LogFileName(LogFileKind.UuidCheckpoint, version, Uuid: m.Groups["uuid"].Value, Extension: m.Groups["ext"].Value);
        return null;
    }

    /// <summary>A version zero-padded to 20 digits, as log file names spell it.</summary>
    public static string Pad(long version) => version.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary><c>00000000000000000007.json</c>.</summary>
    public static string Commit(long version) => Pad(version) + ".json";

    /// <summary><c>00000000000000000007.checkpoint.parquet</c>.</summary>
    public static string ClassicCheckpoint(long version) => Pad(version) + ".checkpoint.parquet";

    /// <summary><c>00000000000000000007.checkpoint.0000000001.0000000003.parquet</c>.</summary>
    public static string MultiPartCheckpoint(long version, int part, int parts) =>
        $"{Pad(version)}.checkpoint.{part.ToString("D10", CultureInfo.InvariantCulture)}.{parts.ToString("D10", CultureInfo.InvariantCulture)}.parquet";

    /// <summary><c>00000000000000000007.checkpoint.&lt;uuid&gt;.json</c> (or <c>.parquet</c>).</summary>
    public static string UuidCheckpoint(long version, Guid uuid, string extension) => $"{Pad(version)}.checkpoint.{uuid:D}.{extension}";

    /// <summary><c>_last_checkpoint</c>.</summary>
    public const string LastCheckpoint = "_last_checkpoint";

    [GeneratedRegex(@"^(?<v>\d{20})(?:(?<json>\.json)|(?<crc>\.crc)|\.(?<compacted>\d{20}\.compacted\.json)|(?<classic>\.checkpoint\.parquet)|\.checkpoint\.(?<part>\d{10})\.(?<parts>\d{10})\.parquet|\.checkpoint\.(?<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\.(?<ext>json|parquet))$")]
    private static partial Regex Pattern();
}
