using System.Reflection;
using System.Xml.Linq;

namespace AlaSpark.PackageTests;

/// <summary>
/// Packs the solution once (what its build left, with no new build) into a folder feed under a
/// temporary folder, with a version no NuGet cache has seen, and installs the alaspark tool from
/// it when a test first asks.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private readonly Lazy<Task<string>> _tool;

    public PackageFeed()
    {
        RepositoryRoot = FindRepositoryRoot();
        Work = Directory.CreateTempSubdirectory("alaspark-package-tests-").FullName;
        Feed = Path.Combine(Work, "feed");
        // The version of Directory.Build.props, made unique: a consumer can't restore a stale copy.
        Version = $"{BaseVersion(RepositoryRoot)}-test.{DateTime.UtcNow.Ticks}";
        _tool = new Lazy<Task<string>>(InstallTool);
    }

    /// <summary>The checkout the packages come from.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The temporary folder of everything these tests write; its nuget.config names the feed.</summary>
    public string Work { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>How long packing the solution took.</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>The file of a package in the feed.</summary>
    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>The installed <c>alaspark</c> command (installed from the feed on first use).</summary>
    public Task<string> Tool => _tool.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // The feed first; nuget.org for the third-party dependencies (already in the global packages
        // folder after the solution's restore, so restoring them downloads nothing).
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="alaspark-test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        // Projects under Work must not pick up MSBuild files from a folder above it.
        File.WriteAllText(Path.Combine(Work, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Work, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Work, "Directory.Packages.props"), "<Project />\n");

        var pack = await ChildProcess.Dotnet(RepositoryRoot, PackTimeout,
            "pack", "AlaSpark.sln", "--no-build", "--disable-build-servers", "--configuration", BuildConfiguration,
            "--output", Feed, $"-p:Version={Version}", $"-p:NuspecOutputPath={Path.Combine(Work, "nuspec")}/",
            "-tl:off", "-nologo");
        pack.Succeeded();
        PackTime = pack.Elapsed;
    }

    private async Task<string> InstallTool()
    {
        var toolPath = Path.Combine(Work, "tools");
        (await ChildProcess.Dotnet(Work, PackTimeout,
            "tool", "install", "AlaSpark.Cli", "--version", Version, "--tool-path", toolPath, "--add-source", Feed)).Succeeded();
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "alaspark.exe" : "alaspark");
        Assert.True(File.Exists(command), $"dotnet tool install did not create {command}.");
        return command;
    }

    public async Task DisposeAsync()
    {
        // The packages restored into the global packages folder under this run's unique version are
        // of no use again; everything else there stays.
        var locals = await ChildProcess.Dotnet(Work, TimeSpan.FromMinutes(1), "nuget", "locals", "global-packages", "--list");
        var global = locals.Out.Split(':', 2) is [_, var path] ? path.Trim() : "";
        if (locals.ExitCode == 0 && Directory.Exists(global))
            foreach (var id in new[] { "alaspark", "alaspark.cli" })
            {
                var package = Path.Combine(global, id);
                var folder = Path.Combine(package, Version.ToLowerInvariant());
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                if (Directory.Exists(package) && !Directory.EnumerateFileSystemEntries(package).Any()) Directory.Delete(package);
            }
        Directory.Delete(Work, recursive: true);
    }

    /// <summary>The configuration this test assembly was built in; the packed projects were built with it.</summary>
    private static string BuildConfiguration =>
        typeof(PackageFeed).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "AlaSpark.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No AlaSpark.sln in {AppContext.BaseDirectory} or a folder above it.");
    }

    private static string BaseVersion(string root)
    {
        var props = XDocument.Load(Path.Combine(root, "Directory.Build.props"));
        return props.Descendants("Version").Single().Value;
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}
