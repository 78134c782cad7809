using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// The AlaSpark attributes of one <c>[Pipeline]</c> class, sorted by role, in source order. Attributes
/// the compiler could not bind stay in their role when their class is known (a source with a missing
/// argument is still a source), so structure checks count what the author wrote.
/// </summary>
internal sealed class PipelineDeclaration
{
    private PipelineDeclaration(INamedTypeSymbol type, AttributeData pipeline)
    {
        Type = type;
        Pipeline = pipeline;
        Name = pipeline.ConstructorArguments.Length == 1 ? pipeline.ConstructorArguments[0].Value as string : null;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The <c>[Pipeline]</c> attribute.</summary>
    public AttributeData Pipeline { get; }

    /// <summary>The pipeline's name, when it is a string constant.</summary>
    public string? Name { get; }

    /// <summary>The name for messages: the pipeline's name, or the class's when the name is not readable.</summary>
    public string DisplayName => Name is { Length: > 0 } ? Name : Type.Name;

    public List<AttributeData> Sources { get; } = new List<AttributeData>();

    public List<AttributeData> Sinks { get; } = new List<AttributeData>();

    /// <summary>The one source, when there is exactly one.</summary>
    public AttributeData? SingleSource => Sources.Count == 1 ? Sources[0] : null;

    /// <summary>Reads <paramref name="type"/>'s attributes; null when it has no <c>[Pipeline]</c>.</summary>
    public static PipelineDeclaration? Read(INamedTypeSymbol type, AlaSparkSymbols symbols)
    {
        ImmutableArray<AttributeData> attributes = type.GetAttributes();
        PipelineDeclaration? declaration = null;
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.Pipeline))
            {
                declaration = new PipelineDeclaration(type, attribute);
                break;
            }
        }
        if (declaration is null) return null;

        foreach (var attribute in attributes)
        {
            if (symbols.IsSource(attribute.AttributeClass)) declaration.Sources.Add(attribute);
            else if (symbols.IsSink(attribute.AttributeClass)) declaration.Sinks.Add(attribute);
        }
        return declaration;
    }

    /// <summary>The string constructor argument at <paramref name="index"/> (database 0, table 1), or null.</summary>
    public static string? StringArgument(AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Kind == TypedConstantKind.Primitive
            ? attribute.ConstructorArguments[index].Value as string
            : null;

    /// <summary>The value of the named argument <paramref name="name"/>, when it is written and bound.</summary>
    public static TypedConstant? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
            if (named.Key == name && named.Value.Kind != TypedConstantKind.Error) return named.Value;
        return null;
    }

    /// <summary>How a source or sink is named in messages: <c>[DeltaSink("cooked__web", "events")]</c> gives <c>cooked__web.events</c>.</summary>
    public static string TableDisplay(AttributeData attribute)
    {
        var database = StringArgument(attribute, 0);
        var table = StringArgument(attribute, 1);
        return database is not null && table is not null ? database + "." + table : "[" + ShortName(attribute) + "]";
    }

    /// <summary>The attribute's name as written without the suffix: <c>DeltaSink</c>.</summary>
    public static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "?";
        const string Suffix = "Attribute";
        return name.EndsWith(Suffix, System.StringComparison.Ordinal) ? name.Substring(0, name.Length - Suffix.Length) : name;
    }
}
