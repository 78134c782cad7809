using AlaSpark.Catalog;

/// <summary>
/// The body of the child processes that <c>LocalCatalogConcurrencyTests</c> starts to use one catalog
/// file from several processes at once. The test runs <c>dotnet exec AlaSpark.Tests.dll</c> with
/// <c>DOTNET_STARTUP_HOOKS</c> pointing at this assembly, so the runtime calls <see cref="Initialize"/>
/// before the (empty) generated entry point. Without <c>ALASPARK_CATALOG_WORKER</c> it does nothing.
/// .NET requires the name <c>StartupHook</c>, no namespace.
/// </summary>
internal static class StartupHook
{
    public const string WorkerVariable = "ALASPARK_CATALOG_WORKER";

    public static void Initialize()
    {
        var spec = Environment.GetEnvironmentVariable(WorkerVariable);
        if (string.IsNullOrEmpty(spec)) return;
        try
        {
            // "<lake root>|<worker id>|<tables>"
            var parts = spec.Split('|');
            AlaSpark.Tests.Catalog.CatalogWorkload.Run(parts[0], int.Parse(parts[1]), int.Parse(parts[2]));
            Console.Out.WriteLine("ok");
            Environment.Exit(0);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e.ToString());
            Environment.Exit(1);
        }
    }
}
