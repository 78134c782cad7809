using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>The malformed pipelines of <see cref="MalformedPipelines"/>: the generator must never throw on them.</summary>
public class RobustnessTests
{
    public static IEnumerable<object[]> Sources() => MalformedPipelines.All().Select(source => new object[] { source });

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_generator_never_throws(string source)
    {
        // Against the real runtime (the generated code uses IPipeline, PipelineDefinition...); processors
        // it lacks (AddWatermark, JoinDataframe) leave their attributes unbound, which is malformed too.
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source);

        var (driver, output, diagnostics) = TestCompilation.Run(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        // Whatever it emitted adds no error of its own to the user's.
        foreach (var generated in result.GeneratedSources)
        {
            Assert.DoesNotContain(output.GetDiagnostics(),
                d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath == generated.SyntaxTree.FilePath);
        }
    }

    [Fact]
    public void There_are_enough_malformed_pipelines() => Assert.Equal(MalformedPipelines.Count, MalformedPipelines.All().Distinct().Count());
}
