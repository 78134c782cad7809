namespace AlaSpark.Tests.Catalog;

/// <summary>A fresh lake root under the temp directory, deleted on dispose.</summary>
internal sealed class TempLake : IDisposable
{
    public TempLake()
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-tests", "lake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string CatalogFile => Path.Combine(Root, "_catalog", "catalog.db");

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
