namespace AlaSpark.Cli.Tests;

/// <summary>
/// The Delta golden tables (written by Delta on Spark) in <c>../shared/conformance/delta-golden</c> from the
/// repository root. Tests read them in place and never write there: a test that changes a table (or needs
/// its commits' times set) works on a copy.
/// </summary>
public static class DeltaGolden
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The absolute folder of a golden table.</summary>
    public static string Table(string name)
    {
        var path = Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(Directory.Exists(path), $"The golden table {path} is missing.");
        return path;
    }

    /// <summary>Copies a golden table into <paramref name="target"/> (made writable) and returns it.</summary>
    public static string CopyTo(string name, string target)
    {
        Copy(Table(name), target);
        return target;
    }

    /// <summary>
    /// Sets the modification time of each commit file <c>_delta_log/&lt;version&gt;.json</c>: the commit's
    /// timestamp for time travel and history (as in Delta, unless In-Commit Timestamps are on).
    /// </summary>
    public static void SetCommitTimes(string table, params DateTime[] utcTimes)
    {
        for (var version = 0; version < utcTimes.Length; version++)
            File.SetLastWriteTimeUtc(CommitFile(table, version), DateTime.SpecifyKind(utcTimes[version], DateTimeKind.Utc));
    }

    public static string CommitFile(string table, long version) =>
        Path.Combine(table, "_delta_log", version.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + ".json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlaSpark.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException($"No AlaSpark.sln above {AppContext.BaseDirectory}.");
        var root = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "delta-golden"));
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"The Delta golden tables are not at {root}.");
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal); // the golden files are read-only
        }
        foreach (var dir in Directory.EnumerateDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
