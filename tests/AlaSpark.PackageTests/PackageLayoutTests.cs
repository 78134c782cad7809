using System.IO.Compression;
using System.Xml.Linq;

namespace AlaSpark.PackageTests;

/// <summary>What `dotnet pack` of the solution puts in the feed, read from the .nupkg files.</summary>
[Collection(PackageFeedCollection.Name)]
public class PackageLayoutTests(PackageFeed feed)
{
    /// <summary>The projects whose assemblies the AlaSpark package carries in lib/net10.0.</summary>
    private static readonly string[] LibProjects = ["AlaSpark.Abstractions", "AlaSpark", "AlaSpark.Delta", "AlaSpark.Engine.DuckDb"];

    [Fact]
    public void Packing_the_solution_makes_the_AlaSpark_package_and_the_tool_and_nothing_else()
    {
        Assert.Equal(
            [$"AlaSpark.{feed.Version}.nupkg", $"AlaSpark.Cli.{feed.Version}.nupkg"],
            Directory.GetFiles(feed.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_AlaSpark_package_carries_the_runtime_in_lib_and_the_generator_in_analyzers()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath("AlaSpark"));
        var files = package.Entries.Select(e => e.FullName).Where(n => n.StartsWith("lib/", StringComparison.Ordinal) || n.StartsWith("analyzers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var expectedLib = LibProjects.SelectMany(p => new[] { $"{p}.dll", $"{p}.pdb", $"{p}.xml" }).Select(f => $"lib/net10.0/{f}");
        Assert.Equal(expectedLib.Order(StringComparer.Ordinal), files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)));
        // The generator, analyzers and code fixes are loaded by the compiler, never referenced: only under analyzers/dotnet/cs.
        Assert.Equal(
            new[] { "AlaSpark.Analyzers", "AlaSpark.Analyzers.CodeFixes", "AlaSpark.Generators" }
                .SelectMany(p => new[] { $"analyzers/dotnet/cs/{p}.dll", $"analyzers/dotnet/cs/{p}.pdb" }).Order(StringComparer.Ordinal),
            files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.DoesNotContain(package.Entries, e => e.Name.StartsWith("AlaSpark.Package", StringComparison.Ordinal));
    }

    [Fact]
    public void The_AlaSpark_package_depends_on_each_third_party_package_of_its_assemblies_at_the_central_version()
    {
        var central = XDocument.Load(Path.Combine(feed.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        var used = LibProjects
            .SelectMany(p => XDocument.Load(Path.Combine(feed.RepositoryRoot, "src", p, $"{p}.csproj")).Descendants("PackageReference"))
            .Where(r => !string.Equals((string?)r.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            .Select(r => (string)r.Attribute("Include")!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(used);

        var nuspec = Nuspec("AlaSpark");
        var group = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "group");
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var dependencies = group.Elements().Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!)).OrderBy(d => d.Item1, StringComparer.Ordinal);

        Assert.Equal(used.Select(id => (id, central[id])), dependencies);
        Assert.Equal(feed.Version, nuspec.Descendants().Single(e => e.Name.LocalName == "version").Value);
    }

    [Fact]
    public void The_CLI_package_is_a_dotnet_tool_whose_command_is_alaspark()
    {
        var nuspec = Nuspec("AlaSpark.Cli");
        Assert.Equal("DotnetTool", (string?)nuspec.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name"));
        // A tool carries its dependencies inside: the package has none.
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");

        using var package = ZipFile.OpenRead(feed.PackagePath("AlaSpark.Cli"));
        using var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = Assert.Single(XDocument.Load(settings).Descendants("Command"));
        Assert.Equal(("alaspark", "AlaSpark.Cli.dll"), ((string)command.Attribute("Name")!, (string)command.Attribute("EntryPoint")!));
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/AlaSpark.Engine.DuckDb.dll");
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/runtimes/linux-x64/native/libduckdb.so");
    }

    private XDocument Nuspec(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
