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
/// Reads a <c>[Pipeline]</c> class symbol into a <see cref="PipelineModel"/>, with findings for
/// what is wrong in it (ALS0001-ALS0003 here, ALS3002 and ALS3003 from <see cref="ProcessorParser"/>).
/// The model is null only when the class can't be modelled at all (no pipeline name, not exactly one
/// readable source, not a plain top-level class); otherwise it holds what could be read, so that the
/// analyzers can check the rest. The generator emits only from a valid <see cref="CheckedPipeline"/>.
/// </summary>
internal static class PipelineParser
{
    private const string Namespace = "AlaSpark";

    /// <summary>Parses <paramref name="type"/>; never throws (a failure is a result without a model).</summary>
    public static ParsedPipeline Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        try
        {
            return ParseClass(type, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // The generator must never fail a build: code it can't understand yields no output.
            return new ParsedPipeline(null, EquatableArray<Finding>.Empty, HasUnreadableAttributes: true);
        }
    }

    /// <summary>The model of <paramref name="type"/> when the generator would emit code for it (see <see cref="CheckedPipeline.IsValid"/>), else null; never throws.</summary>
    public static PipelineModel? TryParse(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        Tracking.PipelineChecker.Check(type, cancellationToken) is { IsValid: true } pipeline ? pipeline.Model : null;

    private static ParsedPipeline ParseClass(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // Shapes the generator does not extend (records, structs, generic, nested or static classes)
        // have no model and no finding.
        if (type.TypeKind != TypeKind.Class || type.IsRecord || type.IsGenericType || type.ContainingType is not null || type.IsStatic)
            return new ParsedPipeline(null, EquatableArray<Finding>.Empty, HasUnreadableAttributes: false);

        var findings = new List<Finding>();
        if (!IsPartial(type, cancellationToken)) findings.Add(Finding.AtClass(FindingIds.NotPartial, FindingSeverity.Error, type.Name));

        var unreadable = false;
        string? name = null;
        var sources = new List<SourceModel>();
        var sourceAttributes = new List<int>();
        var processors = new List<ProcessorModel>();
        var sinks = new List<SinkModel>();
        var sinkAttributes = 0;
        var attributes = type.GetAttributes();
        for (var index = 0; index < attributes.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = attributes[index];
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null || attributeClass.ContainingNamespace?.ToDisplayString() != Namespace) continue;
            var attributeName = attributeClass.Name;
            if (attributeName == "PipelineAttribute")
            {
                if (IsBound(attribute) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string pipelineName)
                    name = pipelineName;
                else
                    unreadable = true;
            }
            else if (attributeName == "ProcessorAttribute")
            {
                processors.Add(ProcessorParser.Parse(attribute, index, type, findings, ref unreadable));
            }
            else if (TryKind<SourceKind>(attributeName, out var sourceKind))
            {
                sourceAttributes.Add(index);
                var source = ParseSource(attribute, sourceKind);
                if (source is null) unreadable = true;
                else sources.Add(source);
            }
            else if (TryKind<SinkKind>(attributeName, out var sinkKind))
            {
                sinkAttributes++;
                var sink = ParseSink(attribute, index, sinkKind);
                if (sink is null) unreadable = true;
                else sinks.Add(sink);
            }
        }

        var count = sourceAttributes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (sourceAttributes.Count == 0) findings.Add(Finding.AtClass(FindingIds.SourceCount, FindingSeverity.Error, type.Name, count));
        foreach (var extra in sourceAttributes.Skip(1))
            findings.Add(Finding.AtAttribute(FindingIds.SourceCount, FindingSeverity.Error, extra, type.Name, count));
        if (sinkAttributes == 0) findings.Add(Finding.AtClass(FindingIds.NoSink, FindingSeverity.Error, type.Name));

        PipelineModel? model = null;
        if (name is not null && sourceAttributes.Count == 1 && sources.Count == 1)
        {
            var containingNamespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
            model = new PipelineModel(
                containingNamespace,
                type.Name,
                type.DeclaredAccessibility == Accessibility.Public,
                name,
                !type.IsAbstract && type.InstanceConstructors.Any(c => c.Parameters.Length == 0),
                sources[0],
                processors.ToEquatableArray(),
                sinks.ToEquatableArray());
        }
        return new ParsedPipeline(model, findings.ToEquatableArray(), unreadable);
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
    internal static bool IsBound(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.All(a => a.Kind != TypedConstantKind.Error)
        && attribute.NamedArguments.All(a => a.Value.Kind != TypedConstantKind.Error);

    private static SourceModel? ParseSource(AttributeData attribute, SourceKind kind)
    {
        if (!IsBound(attribute) || !TableArguments(attribute, out var database, out var table)) return null;
        string? path = null;
        var badRecords = SourceModel.DefaultBadRecords;
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

    private static SinkModel? ParseSink(AttributeData attribute, int attributeIndex, SinkKind kind)
    {
        if (!IsBound(attribute) || !TableArguments(attribute, out var database, out var table)) return null;
        var partitionBy = EquatableArray<string>.Empty;
        var mode = SinkModel.DefaultMode;
        var outputMode = SinkModel.DefaultOutputMode;
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
        return new SinkModel(attributeIndex, kind, database, table, partitionBy, mode, outputMode, mergeSchema, trigger, checkpointLocation);
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
}
