using AlaSpark.Config;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Tests.Catalog;

namespace AlaSpark.Tests;

/// <summary>A session of the embedded engine over a fresh lake in a temp folder, deleted on dispose.</summary>
internal sealed class LocalLake : IDisposable
{
    private readonly TempLake _folder = new();

    /// <param name="configToml">The job's config, written to <c>job/job.toml</c> under the root; none when null.</param>
    public LocalLake(string? configToml = null)
    {
        var config = configToml is null ? JobConfig.Empty : JobConfig.Load(File(Path.Combine("job", "job.toml"), configToml));
        Session = LocalSession.Create(new SessionOptions { LakeRoot = _folder.PathOf("lake"), Config = config });
    }

    public string Root => _folder.Root;
    public AlaSparkSession Session { get; }

    /// <summary>Writes a file under the root (creating its folder) and returns its full path.</summary>
    public string File(string relativePath, string content)
    {
        var path = _folder.PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Session.Dispose();
        _folder.Dispose();
    }
}
