using System.Collections.Immutable;
using AlaSpark.Generators;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlaSpark.Generators.Tests;

/// <summary>Builds compilations of pipeline sources against .NET 10 and AlaSpark.Abstractions, and runs the generator on them.</summary>
internal static class TestCompilation
{
    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PipelineAttribute).Assembly.Location)];

    /// <summary>.NET 10 plus the real runtime: AlaSpark.Abstractions, AlaSpark and AlaSpark.Delta.</summary>
    private static readonly ImmutableArray<MetadataReference> RuntimeReferences =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(PipelineAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(PipelineDefinition).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(AlaSpark.Delta.DeltaWriter).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A compilation of <paramref name="sources"/> plus the processor stubs.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "PipelineTests",
            sources.Append(ProcessorStubs.Source)
                .Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A compilation of <paramref name="sources"/> against the real runtime assemblies (no stubs).</summary>
    public static CSharpCompilation CreateWithRuntime(params string[] sources) =>
        CSharpCompilation.Create(
            "PipelineRuntimeTests",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            RuntimeReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            [new PipelineGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once; returns the updated driver, the output compilation and its diagnostics.</summary>
    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }
}
