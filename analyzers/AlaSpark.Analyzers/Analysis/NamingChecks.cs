using System.Collections.Immutable;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// ALS1001 to ALS1006 for the names written on the pipeline's attributes: the pipeline, the
/// databases and tables of the source and the sinks, and the direction of the data between layers.
/// Column names come from the schema records: see <see cref="SchemaColumnChecks"/>.
/// </summary>
internal static class NamingChecks
{
    public static void Run(PipelineContext context)
    {
        var pipeline = context.Pipeline;
        if (pipeline.Name is not null)
        {
            ReportName(context, NamingRules.CheckSnakeCase(pipeline.Name, NameKind.Pipeline),
                context.Locate(pipeline.Pipeline, AttributeArgument.Constructor(0)), Descriptors.PipelineName);
        }

        foreach (var source in pipeline.Sources) CheckTable(context, source);
        foreach (var sink in pipeline.Sinks) CheckTable(context, sink);
        CheckLayerOrder(context);
    }

    /// <summary>Reports a name that breaks the standard: see <see cref="CreateNameDiagnostic"/>.</summary>
    public static void ReportName(PipelineContext context, NameCheck check, Location location, DiagnosticDescriptor style)
    {
        if (!check.IsValid) context.Report(CreateNameDiagnostic(check, location, style));
    }

    /// <summary>
    /// The diagnostic of a name that breaks the standard: ALS1005 when a metastore would refuse it,
    /// otherwise <paramref name="style"/>. The suggestion goes into the diagnostic for the rename fix.
    /// </summary>
    public static Diagnostic CreateNameDiagnostic(NameCheck check, Location location, DiagnosticDescriptor style)
    {
        var properties = check.Suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Suggestion, check.Suggestion);
        return Diagnostic.Create(check.IsMetastoreViolation ? Descriptors.MetastoreName : style, location, properties, check.Message);
    }

    private static void CheckTable(PipelineContext context, AttributeData attribute)
    {
        var database = PipelineDeclaration.StringArgument(attribute, 0);
        if (database is not null)
        {
            ReportName(context, NamingRules.CheckDatabase(database, context.Naming),
                context.Locate(attribute, AttributeArgument.Constructor(0)), Descriptors.DatabaseName);
        }
        var table = PipelineDeclaration.StringArgument(attribute, 1);
        if (table is not null)
        {
            ReportName(context, NamingRules.CheckSnakeCase(table, NameKind.Table),
                context.Locate(attribute, AttributeArgument.Constructor(1)), Descriptors.TableName);
        }
    }

    private static void CheckLayerOrder(PipelineContext context)
    {
        var source = context.Pipeline.SingleSource;
        var sourceDatabase = source is null ? null : PipelineDeclaration.StringArgument(source, 0);
        if (sourceDatabase is null) return;
        foreach (var sink in context.Pipeline.Sinks)
        {
            var sinkDatabase = PipelineDeclaration.StringArgument(sink, 0);
            if (sinkDatabase is null) continue;
            // A name whose layer can't be read is reported by its own check (ALS1002); only a known backward flow is ALS1006.
            var check = NamingRules.CheckLayerOrder(sourceDatabase, sinkDatabase, context.Naming);
            if (check.FlowsBackward)
                context.Report(Descriptors.LayerOrder, context.Locate(sink, AttributeArgument.Constructor(0)), check.Message);
        }
    }
}
