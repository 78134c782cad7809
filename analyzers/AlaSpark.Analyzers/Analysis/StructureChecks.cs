using System.Linq;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>ALS0001 (not partial), ALS0002 (no source, several sources), ALS0003 (no sink).</summary>
internal static class StructureChecks
{
    public static void Run(PipelineContext context)
    {
        ReportNotPartial(context);
        ReportSourceCount(context);
        ReportNoSink(context);
    }

    private static void ReportNotPartial(PipelineContext context)
    {
        var type = context.Pipeline.Type;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.Report(Descriptors.NotPartial, declaration.Identifier.GetLocation(), type.Name);
            }
        }
    }

    private static void ReportSourceCount(PipelineContext context)
    {
        var pipeline = context.Pipeline;
        if (pipeline.Sources.Count == 0)
        {
            context.Report(Descriptors.SourceCount, context.Locate(pipeline.Pipeline, AttributeArgument.Attribute),
                "The pipeline '" + pipeline.DisplayName + "' has no source: add one source attribute, "
                + "e.g. [CsvSource(\"raw__domain\", \"table\", Schema = typeof(Row))]");
            return;
        }
        if (pipeline.Sources.Count == 1) return;

        var all = string.Join(", ", pipeline.Sources.Select(s => "[" + PipelineDeclaration.ShortName(s) + "]"));
        for (var i = 1; i < pipeline.Sources.Count; i++)
        {
            context.Report(Descriptors.SourceCount, context.Locate(pipeline.Sources[i], AttributeArgument.Attribute),
                "The pipeline '" + pipeline.DisplayName + "' has " + pipeline.Sources.Count + " sources (" + all
                + "); a pipeline reads exactly one: remove this one, or move it to a pipeline of its own");
        }
    }

    private static void ReportNoSink(PipelineContext context)
    {
        var pipeline = context.Pipeline;
        if (pipeline.Sinks.Count == 0)
            context.Report(Descriptors.NoSink, context.Locate(pipeline.Pipeline, AttributeArgument.Attribute), pipeline.DisplayName);
    }
}
