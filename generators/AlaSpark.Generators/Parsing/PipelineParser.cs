using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Generators.Parsing;

/// <summary>
/// Reads a <c>[Pipeline]</c> class symbol into a <see cref="PipelineModel"/>. It returns null for a
/// pipeline that is not valid enough to generate code for (not partial, no or several sources, no
/// sink, an attribute the compiler could not bind): the analyzers explain those, the generator
/// stays silent rather than emitting code that adds errors of its own.
/// </summary>
internal static class PipelineParser
{
    private const string Namespace = "AlaSpark";

    /// <summary>Parses <paramref name="type"/>; never throws (a failure is a null model).</summary>
    public static PipelineModel? TryParse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        try
        {
            return Parse(type, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // The generator must never fail a build: code it can't understand yields no output.
            return null;
        }
    }

    private static PipelineModel? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsGenericType || type.ContainingType is not null) return null;
        // A static class cannot implement IPipeline: nothing to generate.
        if (type.IsStatic) return null;
        if (!IsPartial(type, cancellationToken)) return null;

        string? name = null;
        var sources = new List<SourceModel>();
        var processors = new List<ProcessorModel>();
        var sinks = new List<SinkModel>();
        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != Namespace) continue;
            var attributeName = attributeClass.Name;
            if (attributeName == "PipelineAttribute")
            {
                if (!IsBound(attribute) || attribute.ConstructorArguments.Length != 1) return null;
                name = attribute.ConstructorArguments[0].Value as string;
                if (name is null) return null;
            }
            else if (attributeName == "ProcessorAttribute")
            {
                var processor = ParseProcessor(attribute);
                if (processor is null) return null;
                processors.Add(processor);
            }
            else if (TryKind<SourceKind>(attributeName, out var sourceKind))
            {
                var source = ParseSource(attribute, sourceKind);
                if (source is null) return null;
                sources.Add(source);
            }
            else if (TryKind<SinkKind>(attributeName, out var sinkKind))
            {
                var sink = ParseSink(attribute, sinkKind);
                if (sink is null) return null;
                sinks.Add(sink);
            }
        }

        if (name is null || sources.Count != 1 || sinks.Count == 0) return null;
        var containingNamespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
        return new PipelineModel(
            containingNamespace,
            type.Name,
            type.DeclaredAccessibility == Accessibility.Public,
            name,
            !type.IsAbstract && type.InstanceConstructors.Any(c => c.Parameters.Length == 0),
            sources[0],
            processors.ToEquatableArray(),
            sinks.ToEquatableArray());
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 0) return false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration) return false;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
        }
        return true;
    }

    private static bool TryKind<TKind>(string attributeName, out TKind kind) where TKind : struct
    {
        kind = default;
        const string suffix = "Attribute";
        return attributeName.EndsWith(suffix, StringComparison.Ordinal)
               && Enum.TryParse(attributeName.Substring(0, attributeName.Length - suffix.Length), out kind)
               && Enum.IsDefined(typeof(TKind), kind);
    }

    /// <summary>True when the compiler bound the attribute to a constructor without errors.</summary>
    private static bool IsBound(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.All(a => a.Kind != TypedConstantKind.Error)
        && attribute.NamedArguments.All(a => a.Value.Kind != TypedConstantKind.Error);

    private static SourceModel? ParseSource(AttributeData attribute, SourceKind kind)
    {
        if (!IsBound(attribute) || !TableArguments(attribute, out var database, out var table)) return null;
        string? path = null;
        var badRecords = "Quarantine";
        var options = EquatableArray<string>.Empty;
        SchemaModel? schema = null;
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value;
            switch (named.Key)
            {
                case "Schema":
                    if (value.Value is not ITypeSymbol schemaType) return null;
                    // typeof(List<>) can't be named in RecordSchema.For<T>().
                    if (schemaType is INamedTypeSymbol { IsUnboundGenericType: true }) return null;
                    schema = SchemaParser.Parse(schemaType);
                    if (schema is null) return null;
                    break;
                case "Path":
                    path = value.Value as string;
                    break;
                case "BadRecords":
                    badRecords = ArgumentParser.EnumMemberName(value);
                    break;
                case "Options":
                    if (!ArgumentParser.TryStrings(value, out options)) return null;
                    break;
            }
        }
        return new SourceModel(kind, database, table, path, badRecords, options, schema);
    }

    private static SinkModel? ParseSink(AttributeData attribute, SinkKind kind)
    {
        if (!IsBound(attribute) || !TableArguments(attribute, out var database, out var table)) return null;
        var partitionBy = EquatableArray<string>.Empty;
        var mode = "Append";
        var outputMode = "Append";
        var mergeSchema = false;
        string? trigger = null;
        string? checkpointLocation = null;
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value;
            switch (named.Key)
            {
                case "PartitionBy":
                    if (!ArgumentParser.TryStrings(value, out partitionBy)) return null;
                    break;
                case "Mode":
                    mode = ArgumentParser.EnumMemberName(value);
                    break;
                case "OutputMode":
                    outputMode = ArgumentParser.EnumMemberName(value);
                    break;
                case "MergeSchema":
                    mergeSchema = value.Value is true;
                    break;
                case "Trigger":
                    trigger = value.Value as string;
                    break;
                case "CheckpointLocation":
                    checkpointLocation = value.Value as string;
                    break;
            }
        }
        return new SinkModel(kind, database, table, partitionBy, mode, outputMode, mergeSchema, trigger, checkpointLocation);
    }

    private static bool TableArguments(AttributeData attribute, out string database, out string table)
    {
        database = table = "";
        if (attribute.ConstructorArguments.Length != 2) return false;
        if (attribute.ConstructorArguments[0].Value is not string db || attribute.ConstructorArguments[1].Value is not string tb) return false;
        database = db;
        table = tb;
        return true;
    }

    /// <summary>
    /// Reads <c>[Processor(typeof(T), args...)]</c>. With the <c>(Type, params object[])</c>
    /// constructor each array element is one argument (an element that is itself an array is one
    /// array argument); with the <c>(Type, string[])</c> constructor the array is the one argument.
    /// </summary>
    private static ProcessorModel? ParseProcessor(AttributeData attribute)
    {
        if (!IsBound(attribute)) return null;
        var constructor = attribute.AttributeConstructor!;
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length == 0 || arguments[0].Value is not INamedTypeSymbol processorType) return null;
        if (processorType.TypeKind == TypeKind.Error || processorType.IsUnboundGenericType) return null;

        var bound = new List<ArgumentModel>();
        if (arguments.Length == 2)
        {
            var isColumnList = constructor.Parameters.Length == 2
                               && !constructor.Parameters[1].IsParams
                               && constructor.Parameters[1].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };
            if (isColumnList)
            {
                var columns = ArgumentParser.Parse(arguments[1]);
                if (columns is null) return null;
                bound.Add(columns);
            }
            else
            {
                if (arguments[1].Kind != TypedConstantKind.Array) return null;
                if (arguments[1].IsNull) return null;
                foreach (var element in arguments[1].Values)
                {
                    var argument = ArgumentParser.Parse(element);
                    if (argument is null) return null;
                    bound.Add(argument);
                }
            }
        }
        else if (arguments.Length != 1)
        {
            return null;
        }

        return new ProcessorModel(
            processorType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            processorType.Name,
            bound.ToEquatableArray());
    }
}
