using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Parsing;

/// <summary>
/// Reads <c>[Processor(typeof(T), args...)]</c>: the written arguments, the constructor they bind to
/// (ALS3002 when none does), whether <c>T</c> is a <c>ToTableProcessor</c> (ALS3003), and the
/// schema effect a custom <c>T</c> declares.
/// </summary>
internal static class ProcessorParser
{
    /// <summary>
    /// The processor's model. An attribute that can't be read still yields a model, without a
    /// constructor, so that the chain keeps its positions (the tracker treats it as unknown).
    /// </summary>
    public static ProcessorModel Parse(AttributeData attribute, int attributeIndex, INamedTypeSymbol pipeline, List<Finding> findings, ref bool unreadable)
    {
        var arguments = attribute.ConstructorArguments;
        var processorType = arguments.Length > 0 ? arguments[0].Value as INamedTypeSymbol : null;
        var typeName = processorType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "";
        var shortName = processorType?.Name ?? "";
        var written = PipelineParser.IsBound(attribute) ? WrittenArguments(attribute) : null;
        if (written is null || processorType is null || processorType.TypeKind == TypeKind.Error || processorType.IsUnboundGenericType)
        {
            unreadable = true;
            return new ProcessorModel(attributeIndex, typeName, shortName, EquatableArray<ArgumentModel>.Empty, null, null);
        }

        var models = written.Select(w => w.Model).ToEquatableArray();
        var effects = DeclaredEffects(processorType);
        if (!DerivesFrom(processorType, "ToTableProcessor"))
        {
            var kind = DerivesFrom(processorType, "ToManyTablesProcessor") ? "ToManyTablesProcessor" : "";
            findings.Add(Finding.AtProcessorType(FindingIds.NotAProcessor, FindingSeverity.Error, attributeIndex, processorType.ToDisplayString(), kind));
            return new ProcessorModel(attributeIndex, typeName, shortName, models, null, effects);
        }

        var result = ConstructorBinder.Bind(processorType, pipeline, written);
        if (result.Constructor is null)
        {
            findings.Add(Finding.AtAttribute(FindingIds.NoConstructor, FindingSeverity.Error, attributeIndex,
                shortName, string.Join(", ", models.Select(ArgumentModel.Display)), result.Constructors, result.Reason));
        }
        return new ProcessorModel(attributeIndex, typeName, shortName, models, result.Constructor, effects);
    }

    /// <summary>
    /// The arguments after the type. With the <c>(Type, params object[])</c> constructor each array
    /// element is one argument (an element that is itself an array is one array argument); with the
    /// <c>(Type, string[])</c> constructor the array is the one argument. Null when one can't be read.
    /// </summary>
    private static List<WrittenArgument>? WrittenArguments(AttributeData attribute)
    {
        var constructor = attribute.AttributeConstructor!;
        var arguments = attribute.ConstructorArguments;
        var written = new List<WrittenArgument>();
        if (arguments.Length == 1) return written;
        if (arguments.Length != 2) return null;

        var isColumnList = constructor.Parameters.Length == 2
                           && !constructor.Parameters[1].IsParams
                           && constructor.Parameters[1].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String };
        var constants = isColumnList ? new[] { arguments[1] }
            : arguments[1].Kind != TypedConstantKind.Array ? null
            // (object[])null passes no argument, as the attribute's own constructor reads it.
            : arguments[1].IsNull ? System.Array.Empty<TypedConstant>()
            : arguments[1].Values.ToArray();
        if (constants is null) return null;
        foreach (var constant in constants)
        {
            var model = ArgumentParser.Parse(constant);
            if (model is null) return null;
            written.Add(new WrittenArgument(model, constant));
        }
        return written;
    }

    /// <summary>The effect declared with <c>[AddsColumn]</c>, <c>[RemovesColumn]</c> and <c>[PreservesSchema]</c>; null when none is.</summary>
    internal static DeclaredEffects? DeclaredEffects(INamedTypeSymbol processorType)
    {
        var adds = new List<ColumnModel>();
        var removes = new List<string>();
        var preserves = false;
        var declared = false;
        foreach (var attribute in processorType.GetAttributes())
        {
            if (attribute.AttributeClass is not { ContainingNamespace: var ns } attributeClass || ns?.ToDisplayString() != "AlaSpark") continue;
            switch (attributeClass.Name)
            {
                case "AddsColumnAttribute"
                    when attribute.ConstructorArguments.Length == 2
                         && attribute.ConstructorArguments[0].Value is string added
                         && attribute.ConstructorArguments[1].Value is ITypeSymbol type:
                    var mapped = SchemaParser.MapColumn(type);
                    adds.Add(new ColumnModel(added, "", mapped?.Type ?? ColumnType.Unknown, mapped?.Nullable ?? true));
                    declared = true;
                    break;
                case "RemovesColumnAttribute"
                    when attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string removed:
                    removes.Add(removed);
                    declared = true;
                    break;
                case "PreservesSchemaAttribute":
                    preserves = true;
                    declared = true;
                    break;
            }
        }
        return declared ? new DeclaredEffects(adds.ToEquatableArray(), removes.ToEquatableArray(), preserves) : null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == baseName && current.ContainingNamespace?.ToDisplayString() == "AlaSpark") return true;
        }
        return false;
    }
}
