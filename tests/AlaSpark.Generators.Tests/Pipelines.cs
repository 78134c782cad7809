using AlaSpark.Generators.Model;
using AlaSpark.Generators.Tracking;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>Parses and checks pipelines written against the processor stubs, and shows the results compactly.</summary>
internal static class Pipelines
{
    /// <summary>The checked pipeline <paramref name="typeName"/>; the sources must compile without errors.</summary>
    public static CheckedPipeline Check(string typeName, params string[] sources)
    {
        var compilation = TestCompilation.Create([Samples.GlobalUsings, .. sources]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return CheckIn(compilation, typeName);
    }

    /// <summary>The checked pipeline <paramref name="typeName"/>, compiled against the real runtime (its processors, not the stubs); no compiler errors.</summary>
    public static CheckedPipeline CheckWithRuntime(string typeName, params string[] sources)
    {
        var compilation = TestCompilation.CreateWithRuntime([Samples.GlobalUsings, .. sources]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return CheckIn(compilation, typeName);
    }

    /// <summary>The checked pipeline <paramref name="typeName"/>, whether the sources compile or not.</summary>
    public static CheckedPipeline CheckIn(Compilation compilation, string typeName)
    {
        var type = compilation.GetTypeByMetadataName(typeName);
        Assert.NotNull(type);
        return PipelineChecker.Check(type, CancellationToken.None);
    }

    /// <summary>A pipeline over <c>Input</c> (id, name, email, amount, event_time, day, score, note) with these processor attributes.</summary>
    public static CheckedPipeline WithProcessors(string processors, string sink = """[DeltaSink("cooked__t", "t")]""", string extra = "") =>
        Check("P", $$"""
            using AlaSpark;
            public sealed record Input(int Id, string Name, string Email, [Decimal(10, 2)] decimal Amount, DateTime EventTime, DateOnly Day, double Score, string? Note);
            [Pipeline("p")]
            [CsvSource("raw__t", "t", Schema = typeof(Input))]
            {{processors}}
            {{sink}}
            public partial class P;
            {{extra}}
            """);

    /// <summary>Each bound parameter: <c>name=value</c>, <c>(default)</c> when defaulted.</summary>
    public static string Parameters(ProcessorModel processor) =>
        processor.Constructor is null
            ? "(unbound)"
            : string.Join(", ", processor.Constructor.Parameters.Select(p => $"{p.Name}={Value(p.Value)}{(p.IsDefaulted ? " (default)" : "")}"));

    public static string Value(ArgumentModel argument) => argument.Kind switch
    {
        ArgumentKind.Null => "null",
        ArgumentKind.String => "\"" + argument.Value + "\"",
        ArgumentKind.Array => "[" + string.Join(", ", argument.Items.Select(Value)) + "]",
        _ => argument.Kind + " " + argument.Value,
    };

    /// <summary>The columns of a step: <c>name type [not null] [partition]</c>, comma separated; <c>...</c> when not complete.</summary>
    public static string Columns(SchemaStep step) =>
        string.Join(", ", step.Columns.Select(c => c.Name + " " + c.Type.SparkName + (c.Nullable ? "" : " not null") + (step.IsPartition(c.Name) ? " partition" : "")))
        + (step.IsComplete ? "" : " ...");

    /// <summary>The findings as <c>id severity target(attribute, argument, element, property): message</c>.</summary>
    public static IReadOnlyList<string> Findings(CheckedPipeline pipeline) =>
        pipeline.Findings.Select(f => $"{f.Id} {f.Severity} {f.Target}({f.AttributeIndex},{f.ArgumentIndex},{f.ElementIndex},{f.PropertyName}): {f.Message}").ToList();

    public static Finding Single(CheckedPipeline pipeline, string id) =>
        Assert.Single(pipeline.Findings, f => f.Id == id);
}
