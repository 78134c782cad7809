using System.Collections.Generic;
using System.Linq;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// ALS1004 and ALS1005 for column names: every public instance property of a source's <c>Schema</c>
/// record (and of the records nested in it) is a column named by <c>[Column("...")]</c> on the
/// property or on the constructor parameter of the same name, or else by the property's name in
/// snake_case, as the generator and the runtime's record schema read it.
/// </summary>
/// <remarks>
/// A diagnostic is placed on the <c>[Column]</c> argument or on the property; for a record from
/// another assembly or project, on the source's <c>Schema</c> argument. A record shared by several pipelines
/// is reported once.
/// </remarks>
internal static class SchemaColumnChecks
{
    public static void Run(PipelineContext context)
    {
        foreach (var source in context.Pipeline.Sources)
        {
            if (PipelineDeclaration.NamedArgument(source, "Schema") is not { Value: ITypeSymbol schema }) continue;
            var schemaLocation = context.Locate(source, AttributeArgument.Named("Schema"));
            var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ITypeSymbol>();
            pending.Push(schema);
            while (pending.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var record = pending.Pop();
                if (!IsRecord(record) || !visited.Add(record)) continue;
                foreach (var property in Properties(record))
                {
                    CheckColumn(context, record, property, schemaLocation);
                    foreach (var nested in RecordsIn(property.Type)) pending.Push(nested);
                }
            }
        }
    }

    private static void CheckColumn(PipelineContext context, ITypeSymbol record, IPropertySymbol property, Location schemaLocation)
    {
        var propertyLocation = AttributeLocator.TypeLocation(property);
        var inSource = context.IsReportable(propertyLocation);
        var fallback = inSource ? propertyLocation : schemaLocation;
        var prefix = inSource ? "" : "In the schema record " + record.Name + ", property " + property.Name + ": ";

        var column = ColumnAttribute(context, record, property);
        if (column is { ConstructorArguments.Length: 1 } && column.ConstructorArguments[0].Value is string name)
        {
            var location = inSource ? AttributeLocator.Locate(column, AttributeArgument.Constructor(0), fallback, context.CancellationToken) : fallback;
            var check = NamingRules.CheckSnakeCase(name, NameKind.Column);
            if (!check.IsValid && context.State.ClaimOnce(DiagnosticIds.ColumnName, location))
                NamingChecks.ReportName(context, check, location, Descriptors.ColumnName, prefix);
            return;
        }

        // The property's name converts to snake_case; it fails only when nothing of it is left.
        if (NamingRules.ToSnakeCase(property.Name).Length == 0 && context.State.ClaimOnce(DiagnosticIds.MetastoreName, fallback))
        {
            context.Report(Descriptors.MetastoreName, fallback,
                prefix + "The property '" + record.Name + "." + property.Name + "' gives an empty column name: it has no ASCII letter or digit "
                + "to convert to snake_case, and a metastore refuses an empty name. Name the column with [Column(\"...\")].");
        }
    }

    /// <summary>The <c>[Column]</c> of the property, or of the constructor parameter with the property's name.</summary>
    private static AttributeData? ColumnAttribute(PipelineContext context, ITypeSymbol record, IPropertySymbol property)
    {
        var columnType = context.Symbols.Column;
        if (columnType is null) return null;
        var found = Find(property, columnType);
        if (found is not null || record is not INamedTypeSymbol named) return found;
        foreach (var constructor in named.InstanceConstructors)
            foreach (var parameter in constructor.Parameters)
                if (parameter.Name == property.Name)
                    return Find(parameter, columnType);
        return null;
    }

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeType) =>
        symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    /// <summary>The public instance properties that become columns, the most derived first, each name once.</summary>
    private static IEnumerable<IPropertySymbol> Properties(ITypeSymbol record)
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
    private static IEnumerable<ITypeSymbol> RecordsIn(ITypeSymbol type)
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
    private static bool IsRecord(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct) return false;
        if (type.SpecialType != SpecialType.None) return false;
        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            if (ns.ContainingNamespace is { IsGlobalNamespace: true } && ns.Name == "System") return false;
        return true;
    }
}
