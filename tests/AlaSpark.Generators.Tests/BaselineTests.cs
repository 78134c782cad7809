using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// The generated code is compared with checked-in baselines (<c>Baselines/*.g.cs.txt</c>).
/// Set <c>ALASPARK_UPDATE_BASELINES=1</c> to rewrite them, then review the diff.
/// </summary>
public class BaselineTests
{
    [Fact]
    public void The_dsl_pipeline_generates_its_baseline()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents));

        Assert.Empty(diagnostics);
        // The sample uses AddWatermark, which only the stubs have, and the stubs have no IPipeline:
        // that the generated code compiles is checked against the real runtime in RuntimeCompileTests.
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.EndsWith("WebEvents.WebEventsPipeline.Pipeline.g.cs", generated.FilePath);
        AssertBaseline("WebEventsPipeline.g.cs.txt", generated.ToString());
    }

    [Theory]
    [InlineData(BaselineSamples.JsonToSeveralSinks, "Shop.Orders.OrdersPipeline", "OrdersPipeline.g.cs.txt")]
    [InlineData(BaselineSamples.CustomProcessors, "Factory.ReadingsPipeline", "ReadingsPipeline.g.cs.txt")]
    public void Representative_pipelines_generate_their_baselines_and_compile_against_the_runtime(string source, string pipeline, string baseline)
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source));

        Assert.Empty(diagnostics);
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.EndsWith(pipeline + ".Pipeline.g.cs", generated.FilePath);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        AssertBaseline(baseline, generated.ToString());
    }

    private static void AssertBaseline(string fileName, string actual, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile)!, "Baselines", fileName);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("ALASPARK_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline {path}; run the tests with ALASPARK_UPDATE_BASELINES=1 to write it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
