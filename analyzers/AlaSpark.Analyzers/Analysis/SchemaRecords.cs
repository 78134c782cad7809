using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>How a schema record's columns are read from its symbol: which properties, which <c>[Column]</c>, which nested records.</summary>
internal static class SchemaRecords
{
    /// <summary>The <c>[Column]</c> of the property, or of the constructor parameter with the property's name.</summary>
    public static AttributeData? ColumnAttribute(ITypeSymbol record, IPropertySymbol property, INamedTypeSymbol? columnType)
    {
        if (columnType is null) return null;
        var found = Find(property, columnType);
        if (found is not null || record is not INamedTypeSymbol named) return found;
        foreach (var constructor in named.InstanceConstructors)
            foreach (var parameter in constructor.Parameters)
                if (parameter.Name == property.Name)
                    return Find(parameter, columnType);
        return null;
    }

    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType) =>
        symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    /// <summary>The public instance properties that become columns, the most derived first, each name once.</summary>
    public static IEnumerable<IPropertySymbol> Properties(ITypeSymbol record)
    {
        var names = new HashSet<string>();
        for (var current = record; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol property || property.IsStatic || property.IsIndexer
                    || property.DeclaredAccessibility != Accessibility.Public || property.Name == "EqualityContract")
                    continue;
                if (names.Add(property.Name)) yield return property;
            }
        }
    }

    /// <summary>The user-declared records a property type contains: itself, an element type, a type argument.</summary>
    public static IEnumerable<ITypeSymbol> RecordsIn(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            foreach (var nested in RecordsIn(array.ElementType)) yield return nested;
            yield break;
        }
        if (type is not INamedTypeSymbol named) yield break;
        if (IsRecord(named)) yield return named;
        foreach (var argument in named.TypeArguments)
            foreach (var nested in RecordsIn(argument))
                yield return nested;
    }

    /// <summary>A class or struct of the user's (not a primitive, an enum or a System type): its properties are columns.</summary>
    public static bool IsRecord(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct) return false;
        if (type.SpecialType != SpecialType.None) return false;
        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            if (ns.ContainingNamespace is { IsGlobalNamespace: true } && ns.Name == "System") return false;
        return true;
    }
}
