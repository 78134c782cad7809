namespace AlaSpark.Tests.Config;

/// <summary>A temporary directory holding config files; deleted on dispose.</summary>
internal sealed class TempConfigFile : IDisposable
{
    private readonly string _directory;

    public TempConfigFile()
    {
        _directory = Path.Combine(Path.GetTempPath(), "alaspark-config-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Writes <paramref name="toml"/> to a file in the directory and returns its full path.</summary>
    public string Write(string toml, string fileName = "job.toml")
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, toml);
        return path;
    }

    public string PathOf(string fileName) => Path.Combine(_directory, fileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
