namespace AlaSpark.Cli;

/// <summary>An empty lake in a temporary folder, for commands that need a session but must not
/// create anything in the user's lake; deleted on dispose.</summary>
internal sealed class TempLake : IDisposable
{
    public TempLake() =>
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "alaspark-cli-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
