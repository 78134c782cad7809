using Parquet;

namespace AlaSpark.Delta.Tests;

/// <summary>
/// The Delta golden tables in <c>../shared/conformance/delta-golden</c> from the repository root (the folder
/// holding AlaSpark.sln). They are read in place and never written; a test that changes a table copies it to a
/// temporary folder first.
/// </summary>
public static class Golden
{
    private static readonly Lazy<string> RepoRootPath = new(FindRepoRoot);
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the folder holding AlaSpark.sln, above the test binaries.</summary>
    public static string RepoRoot => RepoRootPath.Value;

    public static string Root => RootPath.Value;

    public static string Table(string name) => Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The top-level folders of the golden set (the tables and the folders that group tables).</summary>
    public static IReadOnlyList<string> Folders() =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Every folder under the root that holds a <c>_delta_log</c>, as a relative path with '/'.</summary>
    public static IReadOnlyList<string> TablesWithLog() =>
        Directory.EnumerateDirectories(Root, "_delta_log", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Root, Path.GetDirectoryName(d)!).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Copies a golden table to a new temporary folder (for tests that change files).</summary>
    public static TempTable Copy(string name)
    {
        var temp = new TempTable();
        CopyDirectory(Table(name), temp.Path);
        return temp;
    }

    /// <summary>Rows in a Parquet file, from its footer (the sum of its row groups).</summary>
    public static long ParquetRowCount(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = Parquet.ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return reader.RowGroups.Sum(g => g.RowCount);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlaSpark.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No AlaSpark.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindRoot()
    {
        var root = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance", "delta-golden"));
        if (!Directory.Exists(root)) throw new InvalidOperationException($"The Delta golden tables are not at {root}.");
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal); // the golden files are read-only
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>A temporary folder, deleted when disposed.</summary>
public sealed class TempTable : IDisposable
{
    public TempTable() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alaspark-delta-" + Guid.NewGuid().ToString("N"));

    public string Log => System.IO.Path.Combine(Path, "_delta_log");

    /// <summary>Writes a commit file of JSON lines.</summary>
    public void Commit(long version, params string[] lines)
    {
        Directory.CreateDirectory(Log);
        File.WriteAllText(System.IO.Path.Combine(Log, version.ToString("D20") + ".json"), string.Join("\n", lines) + "\n");
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
