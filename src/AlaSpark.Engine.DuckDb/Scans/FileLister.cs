using System.Text.RegularExpressions;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Expands the paths of a file source into files, as Spark does: a file is itself; a folder is
/// every file below it except hidden ones (names starting with '.' or '_', such as _delta_log and
/// _SUCCESS); a glob (<c>*</c>, <c>?</c>, <c>**</c>, <c>[abc]</c>) matches files.
/// </summary>
internal static class FileLister
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, string format)
    {
        var files = new List<string>();
        foreach (var raw in paths)
        {
            var path = raw.StartsWith("file://", StringComparison.Ordinal) ? new Uri(raw).LocalPath : raw;
            path = Path.GetFullPath(path);
            List<string> found;
            if (File.Exists(path)) found = [path];
            else if (Directory.Exists(path)) found = ListFolder(path).ToList();
            else if (path.IndexOfAny(['*', '?', '[']) >= 0) found = Glob(path).ToList();
            else throw new AlaSparkException($"[PATH_NOT_FOUND] The {format} source path '{raw}' does not exist.");
            if (found.Count == 0)
                throw new AlaSparkException($"[PATH_NOT_FOUND] No {format} files were found at '{raw}'. Check the path, or the table's location in the catalog.");
            files.AddRange(found);
        }
        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsHidden(string name) => name.StartsWith('.') || name.StartsWith('_');

    private static IEnumerable<string> ListFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !IsHidden(Path.GetFileName(f))).Order(StringComparer.Ordinal))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !IsHidden(Path.GetFileName(d))).Order(StringComparer.Ordinal))
            foreach (var file in ListFolder(sub))
                yield return file;
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var parts = pattern.Split('/');
        var firstWild = Array.FindIndex(parts, p => p.IndexOfAny(['*', '?', '[']) >= 0);
        var root = string.Join('/', parts.Take(firstWild));
        if (root.Length == 0) root = "/";
        if (!Directory.Exists(root)) return [];
        var regex = new Regex("^" + ToRegex(string.Join('/', parts.Skip(firstWild))) + "$", RegexOptions.CultureInvariant);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')) && !IsHidden(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);
    }

    private static string ToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/') { i++; sb.Append("(.*/)?"); }
                else sb.Append(".*");
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                var end = glob.IndexOf(']', i + 1);
                if (end < 0) { sb.Append("\\["); continue; }
                var set = glob.Substring(i + 1, end - i - 1);
                sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = end;
            }
            else if (c == '{')
            {
                var end = glob.IndexOf('}', i + 1);
                if (end < 0) { sb.Append("\\{"); continue; }
                sb.Append("(?:").Append(string.Join("|", glob.Substring(i + 1, end - i - 1).Split(',').Select(Regex.Escape))).Append(')');
                i = end;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
