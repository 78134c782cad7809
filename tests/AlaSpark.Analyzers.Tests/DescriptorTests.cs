using AlaSpark.Analyzers.Diagnostics;
using System.Reflection;
using AlaSpark.Analyzers.Tests.Support;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Tests;

/// <summary>The descriptor catalogue against the contract (dsl.md section 3), the docs pages and the release file.</summary>
public class DescriptorTests
{
    /// <summary>dsl.md section 3: every id with its severity (ALS2003 is an error, reported as a warning for timestamps).</summary>
    public static TheoryData<string, DiagnosticSeverity> Contract => new()
    {
        { "ALS0001", DiagnosticSeverity.Error },
        { "ALS0002", DiagnosticSeverity.Error },
        { "ALS0003", DiagnosticSeverity.Error },
        { "ALS1001", DiagnosticSeverity.Warning },
        { "ALS1002", DiagnosticSeverity.Warning },
        { "ALS1003", DiagnosticSeverity.Warning },
        { "ALS1004", DiagnosticSeverity.Warning },
        { "ALS1005", DiagnosticSeverity.Error },
        { "ALS1006", DiagnosticSeverity.Warning },
        { "ALS2001", DiagnosticSeverity.Error },
        { "ALS2002", DiagnosticSeverity.Error },
        { "ALS2003", DiagnosticSeverity.Error },
        { "ALS2004", DiagnosticSeverity.Error },
        { "ALS2005", DiagnosticSeverity.Error },
        { "ALS3001", DiagnosticSeverity.Error },
        { "ALS3002", DiagnosticSeverity.Error },
        { "ALS3003", DiagnosticSeverity.Error },
        { "ALS3004", DiagnosticSeverity.Error },
        { "ALS3005", DiagnosticSeverity.Info },
        { "ALS4001", DiagnosticSeverity.Error },
        { "ALS4002", DiagnosticSeverity.Warning },
        { "ALS4003", DiagnosticSeverity.Error },
        { "ALS4004", DiagnosticSeverity.Error },
    };

    [Theory]
    [MemberData(nameof(Contract))]
    public void Every_id_of_the_contract_has_one_descriptor_with_its_severity_and_category(string id, DiagnosticSeverity severity)
    {
        var descriptor = Assert.Single(Descriptors.All, d => d.Id == id);
        Assert.Equal(severity, descriptor.DefaultSeverity);
        Assert.Equal(CategoryOf(id), descriptor.Category);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void The_catalogue_adds_only_ALS1000_and_ALS3006_to_the_contract()
    {
        var contract = Contract.Select(row => (string)row[0]).ToHashSet();
        var extra = Descriptors.All.Select(d => d.Id).Where(id => !contract.Contains(id));
        Assert.Equal(["ALS1000", "ALS3006"], extra);
        Assert.Equal(Descriptors.All.Length, Descriptors.All.Select(d => d.Id).Distinct().Count());
    }

    /// <summary>Every id of the shared parser and schema tracker: each constant of FindingIds.</summary>
    private static string[] CheckerIds() =>
        typeof(FindingIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

    public static TheoryData<string> FindingIdValues() => new(CheckerIds());

    [Fact]
    public void The_shared_checker_has_ids_to_check()
    {
        var ids = CheckerIds();
        Assert.True(ids.Length >= 14, "FindingIds has " + ids.Length + " ids: " + string.Join(", ", ids));
        Assert.Contains(FindingIds.NotPartial, ids);
        Assert.Contains(FindingIds.InvalidArgument, ids);
    }

    [Theory]
    [MemberData(nameof(FindingIdValues))]
    public void Every_id_the_shared_checker_can_emit_has_a_descriptor(string id)
    {
        var descriptor = Descriptors.Find(id);

        Assert.NotNull(descriptor);
        Assert.Equal(id, descriptor.Id);
        Assert.Contains(descriptor, new PipelineAnalyzer().SupportedDiagnostics);
    }

    [Fact]
    public void The_analyzer_supports_every_descriptor() =>
        Assert.Equal(Descriptors.All.Select(d => d.Id), new PipelineAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    [Fact]
    public void Every_help_link_points_to_an_existing_docs_page()
    {
        foreach (var descriptor in Descriptors.All)
        {
            Assert.StartsWith(Descriptors.DocsBaseUrl, descriptor.HelpLinkUri);
            var page = descriptor.HelpLinkUri[Descriptors.DocsBaseUrl.Length..];
            Assert.Equal(descriptor.Id + ".md", page);
            var path = Repository.PathOf("docs", "diagnostics", page);
            Assert.True(File.Exists(path), $"{descriptor.Id}: its help link names {path}, which does not exist.");
            Assert.StartsWith("# " + descriptor.Id + ":", File.ReadLines(path).First());
        }
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_descriptor()
    {
        var ids = Descriptors.All.Select(d => d.Id + ".md").ToHashSet();
        var pages = Directory.GetFiles(Repository.PathOf("docs", "diagnostics"), "*.md").Select(path => Path.GetFileName(path));
        Assert.All(pages, page => Assert.Contains(page, ids));
    }

    [Fact]
    public void The_unshipped_release_lists_every_descriptor_with_its_category_and_severity()
    {
        var rows = File.ReadLines(Repository.PathOf("analyzers", "AlaSpark.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("ALS", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0]);
        foreach (var descriptor in Descriptors.All)
        {
            Assert.True(rows.TryGetValue(descriptor.Id, out var cells), descriptor.Id + " is not in AnalyzerReleases.Unshipped.md");
            Assert.Equal(descriptor.Category, cells[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
        }
        Assert.Equal(Descriptors.All.Length, rows.Count);
    }

    private static string CategoryOf(string id) => id[3] switch
    {
        '0' => "Structure",
        '1' => "Naming",
        '2' => "Partitioning",
        '3' => "Processors",
        _ => "Streaming",
    };
}
