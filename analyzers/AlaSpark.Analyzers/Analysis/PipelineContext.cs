using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>What the analysis of one compilation shares between its pipelines.</summary>
internal sealed class CompilationState
{
    public CompilationState(AlaSparkSymbols symbols) => Symbols = symbols;

    public AlaSparkSymbols Symbols { get; }

    // A schema record can serve several pipelines: its column diagnostics are reported once.
    private readonly ConcurrentDictionary<(string Id, Location Location), byte> _reportedOnce =
        new ConcurrentDictionary<(string Id, Location Location), byte>();

    /// <summary>True the first time <paramref name="id"/> is claimed at <paramref name="location"/>.</summary>
    public bool ClaimOnce(string id, Location location) => _reportedOnce.TryAdd((id, location), 0);
}

/// <summary>The analysis of one pipeline: its attributes, the naming options in force, and where diagnostics go.</summary>
internal sealed class PipelineContext
{
    private readonly Action<Diagnostic> _report;

    public PipelineContext(Compilation compilation, PipelineDeclaration pipeline, CompilationState state, NamingOptions naming,
        Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        Pipeline = pipeline;
        State = state;
        Naming = naming;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public Compilation Compilation { get; }

    public PipelineDeclaration Pipeline { get; }

    public CompilationState State { get; }

    public AlaSparkSymbols Symbols => State.Symbols;

    public NamingOptions Naming { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Where <paramref name="argument"/> of <paramref name="attribute"/> is written.</summary>
    public Location Locate(AttributeData attribute, AttributeArgument argument) =>
        AttributeLocator.Locate(attribute, argument, AttributeLocator.TypeLocation(Pipeline.Type), CancellationToken);

    /// <summary>
    /// True when a diagnostic may be reported at <paramref name="location"/>: it is in a syntax tree of
    /// this compilation (a record of a referenced project has source locations in another one).
    /// </summary>
    public bool IsReportable(Location location) =>
        location.IsInSource && location.SourceTree is { } tree && Compilation.ContainsSyntaxTree(tree);

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArguments) =>
        _report(Diagnostic.Create(descriptor, location, messageArguments));

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties,
        params object?[] messageArguments) =>
        _report(Diagnostic.Create(descriptor, location, properties, messageArguments));
}
