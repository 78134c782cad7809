using AlaSpark.Engine.DuckDb;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>A lake in a temporary folder with a session on the embedded engine; deleted afterwards.</summary>
public sealed class TempLake : IDisposable
{
    /// <param name="ansi">The value of <c>spark.sql.ansi.enabled</c>.</param>
    /// <param name="secrets">Secrets the engine can read by name (such as <c>hash_salt</c>).</param>
    public TempLake(bool ansi = true, IReadOnlyDictionary<string, string>? secrets = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var options = new SessionOptions
        {
            LakeRoot = Path.Combine(Root, "lake"),
            Conf = new Dictionary<string, string> { ["spark.sql.ansi.enabled"] = ansi ? "true" : "false" },
        };
        Session = secrets is null
            ? LocalSession.Create(options)
            : new AlaSparkSession(options, context => LocalSession.CreateEngine(
                context with { Secret = name => secrets.GetValueOrDefault(name) ?? context.Secret(name) }));
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
