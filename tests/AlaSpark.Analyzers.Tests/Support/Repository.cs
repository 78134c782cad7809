namespace AlaSpark.Analyzers.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder that holds AlaSpark.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "AlaSpark.sln"))) return folder.FullName;
        throw new InvalidOperationException("No AlaSpark.sln above " + AppContext.BaseDirectory + ": run the tests from the repository.");
    }
}
