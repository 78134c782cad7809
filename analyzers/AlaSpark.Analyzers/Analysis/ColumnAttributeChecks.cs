using System.Linq;
using System.Threading;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// ALS1004 (and ALS1005): a <c>[Column("...")]</c> whose name is not snake_case, on any property or
/// constructor parameter of a type. <c>[Column]</c> only ever names a column, so it is checked where it
/// is written, whichever pipeline reads the record: the diagnostic belongs to the record's own
/// declaration, so the editor shows it (and its fix) while the record is edited.
/// </summary>
internal static class ColumnAttributeChecks
{
    public static void Run(INamedTypeSymbol type, AlaSparkSymbols symbols, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var columnType = symbols.Column;
        if (columnType is null || !MayUseColumnAttribute(type, cancellationToken)) return;
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                Check(SchemaRecords.Find(property, columnType), property, report, cancellationToken);
            }
            else if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                foreach (var parameter in constructor.Parameters)
                    Check(SchemaRecords.Find(parameter, columnType), parameter, report, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A syntactic pre-check, so that the members' attributes are bound only for the types that write an
    /// attribute named <c>Column</c> (or <c>ColumnAttribute</c>, qualified or not) on a parameter or member.
    /// A using alias with another name for <c>ColumnAttribute</c> is not seen.
    /// </summary>
    private static bool MayUseColumnAttribute(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration) continue;
            if (declaration.ParameterList is { } parameters && parameters.Parameters.Any(p => HasColumn(p.AttributeLists))) return true;
            foreach (var member in declaration.Members)
            {
                if (HasColumn(member.AttributeLists)) return true;
                var memberParameters = member switch
                {
                    ConstructorDeclarationSyntax constructor => constructor.ParameterList,
                    _ => null,
                };
                if (memberParameters is not null && memberParameters.Parameters.Any(p => HasColumn(p.AttributeLists))) return true;
            }
        }
        return false;
    }

    private static bool HasColumn(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                    : attribute.Name is AliasQualifiedNameSyntax alias ? alias.Name.Identifier.ValueText
                    : (attribute.Name as IdentifierNameSyntax)?.Identifier.ValueText;
                if (name is "Column" or "ColumnAttribute") return true;
            }
        }
        return false;
    }

    private static void Check(AttributeData? column, ISymbol target, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (column is not { ConstructorArguments.Length: 1 } || column.ConstructorArguments[0].Value is not string name) return;
        var check = NamingRules.CheckSnakeCase(name, NameKind.Column);
        if (check.IsValid) return;
        var location = AttributeLocator.Locate(column, AttributeArgument.Constructor(0), AttributeLocator.TypeLocation(target), cancellationToken);
        report(NamingChecks.CreateNameDiagnostic(check, location, Descriptors.ColumnName));
    }
}
