using AlaSpark.Engine.DuckDb;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>A lake in a temporary folder with a session on the embedded engine; deleted afterwards.</summary>
public sealed class TempLake : IDisposable
{
    public TempLake(bool ansi = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Session = LocalSession.Create(new SessionOptions
        {
            LakeRoot = Path.Combine(Root, "lake"),
            Conf = new Dictionary<string, string> { ["spark.sql.ansi.enabled"] = ansi ? "true" : "false" },
        });
    }

    public string Root { get; }
    public AlaSparkSession Session { get; }

    public string File(string name, string content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Session.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
