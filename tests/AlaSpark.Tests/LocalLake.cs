using AlaSpark.Config;
using AlaSpark.Engine.DuckDb;

namespace AlaSpark.Tests;

/// <summary>A session of the embedded engine over a fresh lake in a temp folder, deleted on dispose.</summary>
internal sealed class LocalLake : IDisposable
{
    /// <param name="configToml">The job's config, written to <c>job/job.toml</c> under the root; none when null.</param>
    public LocalLake(string? configToml = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-tests", "local-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var config = configToml is null ? JobConfig.Empty : JobConfig.Load(File(Path.Combine("job", "job.toml"), configToml));
        Session = LocalSession.Create(new SessionOptions { LakeRoot = Path.Combine(Root, "lake"), Config = config });
    }

    public string Root { get; }
    public AlaSparkSession Session { get; }

    /// <summary>Writes a file under the root (creating its folder) and returns its full path.</summary>
    public string File(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Session.Dispose();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
