using System.Threading;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

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
        if (columnType is null) return;
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

    private static void Check(AttributeData? column, ISymbol target, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (column is not { ConstructorArguments.Length: 1 } || column.ConstructorArguments[0].Value is not string name) return;
        var check = NamingRules.CheckSnakeCase(name, NameKind.Column);
        if (check.IsValid) return;
        var location = AttributeLocator.Locate(column, AttributeArgument.Constructor(0), AttributeLocator.TypeLocation(target), cancellationToken);
        report(NamingChecks.CreateNameDiagnostic(check, location, Descriptors.ColumnName));
    }
}
