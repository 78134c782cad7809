using System.Text.RegularExpressions;
using AlaSpark.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Tests;

/// <summary>
/// The examples of the docs pages of the schema tracker's and the streaming processors' ids are whole
/// pipelines: the "Reported" one compiles and gets its id on the line marked <c>// ALSxxxx</c>, the
/// "Fixed" one compiles and gets no warning or error at all. The pages can't drift from what the analyzer does.
/// </summary>
public partial class DocsExampleTests
{
    public static TheoryData<string> Pages() => new(
        "ALS2001", "ALS2002", "ALS2003", "ALS2004", "ALS2005",
        "ALS3001", "ALS3002", "ALS3003", "ALS3004", "ALS3005", "ALS3006",
        "ALS4002", "ALS4004");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_reported_example_gets_its_id_on_the_marked_line(string id)
    {
        var (source, diagnostics) = await AnalyzeAsync(Example(id, "Reported:"));

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        var reported = diagnostics.Where(d => d.Id == id).ToList();
        Assert.NotEmpty(reported);
        foreach (var diagnostic in reported)
            Assert.Contains("// " + id, LineOf(source, diagnostic));
        // The example shows one mistake: nothing else above an info.
        Assert.DoesNotContain(diagnostics, d => d.Id != id && d.Severity >= DiagnosticSeverity.Warning);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_fixed_example_gets_no_warning_and_not_the_id(string id)
    {
        var (_, diagnostics) = await AnalyzeAsync(Example(id, "Fixed:"));

        Assert.DoesNotContain(diagnostics, d => d.Id == id || d.Severity >= DiagnosticSeverity.Warning);
    }

    /// <summary>The first C# block after <paramref name="label"/> on the page of <paramref name="id"/>.</summary>
    private static string Example(string id, string label)
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "diagnostics", id + ".md"));
        var start = page.IndexOf("\n" + label + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, id + ".md has no '" + label + "' example");
        var block = CodeBlock().Match(page, start);
        Assert.True(block.Success, id + ".md has no C# block after '" + label + "'");
        return block.Groups["code"].Value;
    }

    private static async Task<(string Source, IReadOnlyList<Diagnostic> Diagnostics)> AnalyzeAsync(string example)
    {
        var source = example;
        var compilation = TestCompilation.Create(source);
        var (analyzerDiagnostics, exceptions) = await TestCompilation.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        return (source, [.. compilation.GetDiagnostics(), .. analyzerDiagnostics]);
    }

    private static string LineOf(string source, Diagnostic diagnostic)
    {
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        return source.Split('\n')[line];
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
