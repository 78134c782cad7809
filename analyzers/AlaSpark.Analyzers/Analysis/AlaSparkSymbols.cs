using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// The AlaSpark attribute types of one compilation, resolved once when the compilation starts.
/// Null when the compilation does not reference AlaSpark.Abstractions: then nothing is analyzed.
/// </summary>
internal sealed class AlaSparkSymbols
{
    private const string Namespace = "AlaSpark.";

    private static readonly string[] StreamSourceNames =
        { "CsvStreamSourceAttribute", "JsonStreamSourceAttribute", "ParquetStreamSourceAttribute", "DeltaStreamSourceAttribute" };

    private static readonly string[] StreamSinkNames = { "DeltaStreamSinkAttribute" };

    private static readonly string[] BatchNames =
    {
        "CsvSourceAttribute", "JsonSourceAttribute", "ParquetSourceAttribute", "DeltaSourceAttribute",
        "DeltaSinkAttribute", "ParquetSinkAttribute",
    };

    private readonly HashSet<INamedTypeSymbol> _streamAttributes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _knownNames = new HashSet<string>();

    private AlaSparkSymbols(Compilation compilation, INamedTypeSymbol pipeline, INamedTypeSymbol source, INamedTypeSymbol sink,
        INamedTypeSymbol? processor, INamedTypeSymbol? column)
    {
        Pipeline = pipeline;
        Source = source;
        Sink = sink;
        Processor = processor;
        Column = column;
        foreach (var name in StreamSourceNames) Add(compilation, name, stream: true);
        foreach (var name in StreamSinkNames) Add(compilation, name, stream: true);
        foreach (var name in BatchNames) Add(compilation, name, stream: false);
    }

    /// <summary><c>AlaSpark.PipelineAttribute</c>.</summary>
    public INamedTypeSymbol Pipeline { get; }

    /// <summary><c>AlaSpark.SourceAttribute</c>, the base of every source attribute.</summary>
    public INamedTypeSymbol Source { get; }

    /// <summary><c>AlaSpark.SinkAttribute</c>, the base of every sink attribute.</summary>
    public INamedTypeSymbol Sink { get; }

    /// <summary><c>AlaSpark.ProcessorAttribute</c>.</summary>
    public INamedTypeSymbol? Processor { get; }

    /// <summary><c>AlaSpark.ColumnAttribute</c>.</summary>
    public INamedTypeSymbol? Column { get; }

    public static AlaSparkSymbols? Resolve(Compilation compilation)
    {
        var pipeline = compilation.GetTypeByMetadataName(Namespace + "PipelineAttribute");
        var source = compilation.GetTypeByMetadataName(Namespace + "SourceAttribute");
        var sink = compilation.GetTypeByMetadataName(Namespace + "SinkAttribute");
        if (pipeline is null || source is null || sink is null) return null;
        return new AlaSparkSymbols(compilation, pipeline, source, sink,
            compilation.GetTypeByMetadataName(Namespace + "ProcessorAttribute"),
            compilation.GetTypeByMetadataName(Namespace + "ColumnAttribute"));
    }

    public bool IsSource(INamedTypeSymbol? attributeClass) => DerivesFrom(attributeClass, Source);

    public bool IsSink(INamedTypeSymbol? attributeClass) => DerivesFrom(attributeClass, Sink);

    /// <summary>True for the streaming sources and sinks (<c>CsvStreamSource</c>, <c>DeltaStreamSink</c>, ...).</summary>
    public bool IsStream(INamedTypeSymbol? attributeClass) => attributeClass is not null && _streamAttributes.Contains(attributeClass);

    /// <summary>True when the source or sink attribute <c>AlaSpark.{name}Attribute</c> exists, e.g. <c>DeltaStreamSink</c>.</summary>
    public bool AttributeExists(string name) => _knownNames.Contains(name + "Attribute");

    private void Add(Compilation compilation, string name, bool stream)
    {
        var type = compilation.GetTypeByMetadataName(Namespace + name);
        if (type is null) return;
        _knownNames.Add(name);
        if (stream) _streamAttributes.Add(type);
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
        return false;
    }
}
