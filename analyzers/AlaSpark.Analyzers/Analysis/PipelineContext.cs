using System;
using System.Threading;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Generators.Model;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>The analysis of one pipeline: its attributes, the naming options in force, and where diagnostics go.</summary>
internal sealed class PipelineContext
{
    private readonly Action<Diagnostic> _report;

    public PipelineContext(Compilation compilation, PipelineDeclaration pipeline, CheckedPipeline checkedPipeline, AlaSparkSymbols symbols,
        NamingOptions naming, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Pipeline = pipeline;
        Checked = checkedPipeline;
        Symbols = symbols;
        Naming = naming;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public Compilation Compilation { get; }

    public PipelineDeclaration Pipeline { get; }

    /// <summary>The pipeline as the shared parser and schema tracker read it: its model, the schema at each step, the findings.</summary>
    public CheckedPipeline Checked { get; }

    public AlaSparkSymbols Symbols { get; }

    public NamingOptions Naming { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Where <paramref name="argument"/> of <paramref name="attribute"/> is written.</summary>
    public Location Locate(AttributeData attribute, AttributeArgument argument) =>
        AttributeLocator.Locate(attribute, argument, AttributeLocator.TypeLocation(Pipeline.Type), CancellationToken);

    /// <summary>Where the attribute at <paramref name="attributeIndex"/> of the pipeline class is written (an index as findings and the model give it).</summary>
    public Location LocateAttribute(int attributeIndex) =>
        AttributeLocator.Locate(Pipeline.Type, attributeIndex, AttributeArgument.Attribute, CancellationToken);

    /// <summary>
    /// True when a diagnostic may be reported at <paramref name="location"/>: it is in a syntax tree of
    /// this compilation (a record of a referenced project has source locations in another one).
    /// </summary>
    public bool IsReportable(Location location) =>
        location.IsInSource && location.SourceTree is { } tree && Compilation.ContainsSyntaxTree(tree);

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArguments) =>
        _report(Diagnostic.Create(descriptor, location, messageArguments));

    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}
