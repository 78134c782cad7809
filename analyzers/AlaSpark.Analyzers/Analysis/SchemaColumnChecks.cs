using System.Collections.Generic;
using System.Linq;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// Column names of a source's <c>Schema</c> record (and of the records nested in it), from the
/// pipeline's side: every public instance property is a column named by <c>[Column("...")]</c> on the
/// property or on the constructor parameter of the same name, or else by the property's name in
/// snake_case, as the generator and the runtime's record schema read it.
/// </summary>
/// <remarks>
/// Reported on the source's <c>Schema</c> argument, so the diagnostic belongs to the pipeline that
/// reads the record: ALS1005 when a property's name leaves nothing to convert (an empty column
/// name), and ALS1004/ALS1005 for a <c>[Column]</c> of a record from another assembly or project.
/// A <c>[Column]</c> in this compilation is checked where it is written, see <see cref="ColumnAttributeChecks"/>.
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
                if (!SchemaRecords.IsRecord(record) || !visited.Add(record)) continue;
                foreach (var property in SchemaRecords.Properties(record))
                {
                    CheckColumn(context, record, property, schemaLocation);
                    foreach (var nested in SchemaRecords.RecordsIn(property.Type)) pending.Push(nested);
                }
            }
        }
    }

    private static void CheckColumn(PipelineContext context, ITypeSymbol record, IPropertySymbol property, Location schemaLocation)
    {
        var where = "In the schema record " + record.Name + ", property " + property.Name + ": ";
        var column = SchemaRecords.ColumnAttribute(record, property, context.Symbols.Column);
        if (column is { ConstructorArguments.Length: 1 } && column.ConstructorArguments[0].Value is string name)
        {
            // A [Column] written in this compilation is reported where it is written.
            if (context.IsReportable(AttributeLocator.Locate(column, AttributeArgument.Attribute, Location.None, context.CancellationToken))) return;
            var check = NamingRules.CheckSnakeCase(name, NameKind.Column);
            if (!check.IsValid)
                context.Report(check.IsMetastoreViolation ? Descriptors.MetastoreName : Descriptors.ColumnName, schemaLocation, where + check.Message);
            return;
        }

        // A property's name converts to snake_case; it fails only when nothing of it is left.
        if (NamingRules.ToSnakeCase(property.Name).Length == 0)
        {
            context.Report(Descriptors.MetastoreName, schemaLocation,
                where + "the column name is empty: the property's name has no ASCII letter or digit to convert to snake_case, "
                + "and a metastore refuses an empty name. Name the column with [Column(\"...\")] on " + record.Name + "." + property.Name + ".");
        }
    }
}
