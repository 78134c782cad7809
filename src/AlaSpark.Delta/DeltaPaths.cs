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
