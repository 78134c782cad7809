using System;
using System.Collections.Generic;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>ALS2004: a column listed twice in a sink's <c>PartitionBy</c>. (ALS2001-ALS2003 and ALS2005 need the schema tracker.)</summary>
internal static class PartitionChecks
{
    private const string PartitionBy = "PartitionBy";

    public static void Run(PipelineContext context)
    {
        foreach (var sink in context.Pipeline.Sinks)
        {
            if (PipelineDeclaration.NamedArgument(sink, PartitionBy) is not { Kind: TypedConstantKind.Array, IsNull: false } columns) continue;
            // Spark compares column names case-insensitively by default: 'Day' repeats 'day'.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Values.Length; i++)
            {
                if (columns.Values[i].Value is not string column || seen.Add(column)) continue;
                context.Report(Descriptors.PartitionColumnDuplicate, context.Locate(sink, AttributeArgument.Named(PartitionBy, i)),
                    column, PipelineDeclaration.TableDisplay(sink));
            }
        }
    }
}
