using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Parsing;

/// <summary>
/// The columns of a schema record, by the rules of the runtime's <c>RecordSchema</c> (which maps
/// <c>System.Type</c>s; this class maps symbols, and the two must agree): each public instance
/// property is a column named in snake_case unless <c>[Column]</c> (on the property or on the
/// constructor parameter of the same name) names it; nullable value types and reference types not
/// annotated as non-null give nullable columns; <c>byte</c> widens to smallint as Spark has no
/// unsigned byte.
/// </summary>
internal static class SchemaParser
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;

    private static readonly string[] ListTypes =
    {
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IReadOnlyCollection`1",
    };

    private static readonly string[] DictionaryTypes =
    {
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.IDictionary`2",
    };

    /// <summary>The schema of <paramref name="record"/>, or null when a property has no Spark type or the record contains itself.</summary>
    public static SchemaModel? Parse(ITypeSymbol record)
    {
        var columns = Columns(record, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
        return columns is null ? null : new SchemaModel(record.ToDisplayString(Qualified), columns.Value);
    }

    /// <summary>The column type and nullability of a C# type (for <c>[AddsColumn("name", typeof(T))]</c>); null when it has no Spark type.</summary>
    public static (ColumnType Type, bool Nullable)? MapColumn(ITypeSymbol type) =>
        Map(type, null, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static EquatableArray<ColumnModel>? Columns(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (type.TypeKind == TypeKind.Error || !visiting.Add(type)) return null;
        var columns = new List<ColumnModel>();
        var seen = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public) continue;
                if (property.Name == "EqualityContract" || !seen.Add(property.Name)) continue;
                var parameter = ConstructorParameter(type, property.Name);
                var name = StringArgument(property, "ColumnAttribute")
                           ?? (parameter is null ? null : StringArgument(parameter, "ColumnAttribute"))
                           ?? NamingRules.ToSnakeCase(property.Name);
                var decimalAttribute = Find(property, "DecimalAttribute") ?? (parameter is null ? null : Find(parameter, "DecimalAttribute"));
                var mapped = Map(property.Type, decimalAttribute, visiting);
                if (mapped is null) return null;
                columns.Add(new ColumnModel(name, property.Name, mapped.Value.Type, mapped.Value.Nullable));
            }
        }
        visiting.Remove(type);
        return columns.ToEquatableArray();
    }

    private static (ColumnType Type, bool Nullable)? Map(ITypeSymbol type, AttributeData? decimalAttribute, HashSet<ITypeSymbol> visiting)
    {
        if (type.TypeKind == TypeKind.Error) return null;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Map(nullable.TypeArguments[0], decimalAttribute, visiting);
            return inner is null ? null : (inner.Value.Type, true);
        }

        var referenceNullable = !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        var columnType = MapType(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), decimalAttribute, visiting);
        return columnType is null ? null : (columnType, !type.IsValueType && referenceNullable);
    }

    private static ColumnType? MapType(ITypeSymbol type, AttributeData? decimalAttribute, HashSet<ITypeSymbol> visiting)
    {
        var clrName = type.ToDisplayString(Qualified);
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return Simple(DataTypeKind.String, clrName);
            case SpecialType.System_Int32: return Simple(DataTypeKind.Integer, clrName);
            case SpecialType.System_Int64: return Simple(DataTypeKind.Long, clrName);
            case SpecialType.System_Int16: return Simple(DataTypeKind.Short, clrName);
            case SpecialType.System_SByte: return Simple(DataTypeKind.Byte, clrName);
            case SpecialType.System_Byte: return Simple(DataTypeKind.Short, clrName);
            case SpecialType.System_Boolean: return Simple(DataTypeKind.Boolean, clrName);
            case SpecialType.System_Single: return Simple(DataTypeKind.Float, clrName);
            case SpecialType.System_Double: return Simple(DataTypeKind.Double, clrName);
            case SpecialType.System_DateTime: return Simple(DataTypeKind.Timestamp, clrName);
            case SpecialType.System_Decimal:
            {
                var precision = 38;
                var scale = 18;
                if (decimalAttribute is { ConstructorArguments.Length: 2 }
                    && decimalAttribute.ConstructorArguments[0].Value is int p
                    && decimalAttribute.ConstructorArguments[1].Value is int s)
                {
                    precision = p;
                    scale = s;
                }
                return new ColumnType(DataTypeKind.Decimal, clrName, precision, scale, null, EquatableArray<ColumnModel>.Empty);
            }
        }

        var metadataName = MetadataName(type);
        if (metadataName == "System.DateTimeOffset") return Simple(DataTypeKind.Timestamp, clrName);
        if (metadataName == "System.DateOnly") return Simple(DataTypeKind.Date, clrName);

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1) return null;
            if (array.ElementType.SpecialType == SpecialType.System_Byte) return Simple(DataTypeKind.Binary, clrName);
            return Collection(DataTypeKind.Array, clrName, array.ElementType, visiting);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var definition = MetadataName(generic.OriginalDefinition);
            if (ListTypes.Contains(definition)) return Collection(DataTypeKind.Array, clrName, generic.TypeArguments[0], visiting);
            if (DictionaryTypes.Contains(definition))
            {
                if (generic.TypeArguments[0].SpecialType != SpecialType.System_String) return null;
                return Collection(DataTypeKind.Map, clrName, generic.TypeArguments[1], visiting);
            }
        }

        // Anything else that is a class, or a struct that is neither a primitive nor an enum, is a
        // nested record: a struct column.
        var isStruct = type.TypeKind == TypeKind.Class
                       || type.TypeKind == TypeKind.Struct && type.SpecialType == SpecialType.None;
        if (!isStruct) return null;
        var fields = Columns(type, visiting);
        // Generated public members (Output, OutputRow) may name the record only when it is public.
        return fields is null ? null : new ColumnType(DataTypeKind.Struct, IsPublic(type) ? clrName : "", 0, 0, null, fields.Value);
    }

    private static ColumnType? Collection(DataTypeKind kind, string clrName, ITypeSymbol element, HashSet<ITypeSymbol> visiting)
    {
        var mapped = Map(element, null, visiting);
        return mapped is null ? null : new ColumnType(kind, clrName, 0, 0, mapped.Value.Type, EquatableArray<ColumnModel>.Empty);
    }

    private static bool IsPublic(ITypeSymbol type)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            if (named.DeclaredAccessibility != Accessibility.Public) return false;
        }
        return true;
    }

    private static ColumnType Simple(DataTypeKind kind, string clrName) =>
        new(kind, clrName, 0, 0, null, EquatableArray<ColumnModel>.Empty);

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static IParameterSymbol? ConstructorParameter(ITypeSymbol type, string name) =>
        (type as INamedTypeSymbol)?.InstanceConstructors.SelectMany(c => c.Parameters).FirstOrDefault(p => p.Name == name);

    private static AttributeData? Find(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().FirstOrDefault(a =>
            a.AttributeClass is { Name: var n, ContainingNamespace: var ns } && n == attributeName && ns.ToDisplayString() == "AlaSpark");

    private static string? StringArgument(ISymbol symbol, string attributeName) =>
        Find(symbol, attributeName) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as string : null;
}
