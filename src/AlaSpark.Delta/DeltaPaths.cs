using System.Text.RegularExpressions;

namespace AlaSpark.Delta;

/// <summary>
/// Paths in the log are URIs (RFC 2396): relative to the table root or absolute, percent-encoded. These helpers
/// turn them into the paths AlaSpark reads, and back.
/// </summary>
public static partial class DeltaPaths
{
    /// <summary>
    /// The decoded absolute path of a path written in the log. A relative path is resolved against the
    /// table root; <c>/abs/path</c> and <c>file:/abs/path</c> / <c>file:///abs/path</c> become local paths;
    /// a URI of another scheme (<c>s3://...</c>) is returned as it is.
    /// </summary>
    public static string Resolve(string tableRoot, string logPath)
    {
        if (HasScheme(logPath, out var scheme))
        {
            if (!scheme.Equals("file", StringComparison.OrdinalIgnoreCase)) return logPath;
            // file:/a, file:///a and file://host/a: the path part, decoded.
            var rest = logPath[(scheme.Length + 1)..];
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = rest.IndexOf('/', 2);
                rest = slash < 0 ? "/" : rest[slash..];
            }
            return Normalize(Uri.UnescapeDataString(rest));
        }
        var decoded = Uri.UnescapeDataString(logPath);
        if (decoded.StartsWith('/') || Path.IsPathRooted(decoded)) return Normalize(decoded);
        return Normalize(Path.Combine(tableRoot, decoded));
    }

    /// <summary>The path to write in the log for a file under the table root: relative and percent-encoded.</summary>
    public static string ToLogPath(string tableRoot, string absolutePath)
    {
        var relative = Path.GetRelativePath(tableRoot, absolutePath).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return "file://" + string.Join('/', absolutePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
        return string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>
    /// The <c>add.path</c> of a data file given by its path relative to the table root, as it is on disk with
    /// '/' separators (partition folders such as <c>day=2024-01-01/</c>, whose names may hold percent-escapes the
    /// file writer made): each segment is percent-encoded as UTF-8, keeping only letters, digits and
    /// <c>- _ . ~ =</c>, so decoding the URI once gives back the path on disk exactly (a <c>%</c> in a folder
    /// name becomes <c>%25</c>; a <c>:</c> can't be read as a scheme).
    /// </summary>
    public static string EncodeRelativePath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var segments = (Path.DirectorySeparatorChar == '\\' ? relativePath.Replace('\\', '/') : relativePath).Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
            throw new ArgumentException($"'{relativePath}' is not a relative path of a file under the table root.", nameof(relativePath));
        var sb = new System.Text.StringBuilder(relativePath.Length + 16);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) sb.Append('/');
            foreach (var b in System.Text.Encoding.UTF8.GetBytes(segments[i]))
            {
                var c = (char)b;
                if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' or '=') sb.Append(c);
                else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>A table path given as a local path or a <c>file:</c> URI, made absolute without a trailing separator.</summary>
    public static string NormalizeTablePath(string path)
    {
        if (HasScheme(path, out var scheme) && scheme.Equals("file", StringComparison.OrdinalIgnoreCase))
            path = Resolve("/", path);
        var full = Path.GetFullPath(path);
        return full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    private static bool HasScheme(string path, out string scheme)
    {
        var m = SchemePattern().Match(path);
        // One letter is a Windows drive (C:\...), not a scheme.
        scheme = m.Success && m.Groups[1].Value.Length > 1 ? m.Groups[1].Value : "";
        return scheme.Length > 0;
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9+.\-]*):")]
    private static partial Regex SchemePattern();
}
