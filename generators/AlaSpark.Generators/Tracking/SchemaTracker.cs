using System;
using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// Follows the schema from the source through every processor to the sinks, over the model alone
/// (no symbols: the result is cacheable, and the analyzers reuse it). Built-in processors change it
/// as <see cref="BuiltInProcessors"/> says; a custom processor as its <c>[AddsColumn]</c>,
/// <c>[RemovesColumn]</c> and <c>[PreservesSchema]</c> declare, and without any the schema is
/// unknown after it (ALS3005). Along the way it reports missing columns (ALS3001), wrong column
/// types (ALS3004), invalid arguments (ALS3006), and at each sink the partition checks ALS2001-ALS2005.
/// </summary>
internal static class SchemaTracker
{
    public static (EquatableArray<SchemaStep> Steps, EquatableArray<Finding> Findings) Track(PipelineModel model)
    {
        var findings = new List<Finding>();
        var schema = new WorkingSchema(model.Source.Schema);
        var steps = new List<SchemaStep> { schema.Snapshot() };
        foreach (var processor in model.Processors)
        {
            Apply(processor, schema, findings);
            steps.Add(schema.Snapshot());
        }
        foreach (var sink in model.Sinks) CheckPartitions(sink, schema, findings);
        return (steps.ToEquatableArray(), findings.ToEquatableArray());
    }

    private static void Apply(ProcessorModel processor, WorkingSchema schema, List<Finding> findings)
    {
        // A processor that does not bind has been reported already; nothing is known after it.
        if (processor.Constructor is null)
        {
            schema.Forget();
            return;
        }
        if (BuiltInProcessors.TryApply(new ProcessorStep(processor, processor.Constructor, schema, findings))) return;

        if (processor.DeclaredEffects is not { } effects)
        {
            findings.Add(Finding.AtAttribute(FindingIds.SchemaUnknown, FindingSeverity.Info, processor.AttributeIndex, processor.ShortName));
            schema.Forget();
            return;
        }
        var site = new RemovalSite(processor.ShortName, processor.AttributeIndex, -1, -1);
        foreach (var removed in effects.Removes) schema.Remove(removed, site);
        foreach (var added in effects.Adds) schema.AddOrReplace(added);
    }

    /// <summary>
    /// The partition columns a sink writes: its <c>PartitionBy</c>, else the columns marked as
    /// partitions (the runtime's writers do the same). Each must exist (ALS2001, or ALS2002 at the
    /// processor that removed it), be listed once (ALS2004), have a type a partition value can have
    /// (ALS2003), and leave at least one data column (ALS2005).
    /// </summary>
    private static void CheckPartitions(SinkModel sink, WorkingSchema schema, List<Finding> findings)
    {
        var explicitList = !sink.PartitionBy.IsEmpty;
        var partitions = explicitList ? sink.PartitionBy.ToList() : schema.Partitions.ToList();
        Finding At(int element, string id, FindingSeverity severity, params string[] arguments) =>
            explicitList
                ? Finding.AtNamedArgument(id, severity, sink.AttributeIndex, "PartitionBy", element, arguments)
                : Finding.AtAttribute(id, severity, sink.AttributeIndex, arguments);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < partitions.Count; i++)
        {
            var name = partitions[i];
            if (!seen.Add(name))
            {
                findings.Add(At(i, FindingIds.PartitionColumnTwice, FindingSeverity.Error, name, sink.FullName));
                continue;
            }
            var column = schema.Find(name);
            if (column is null)
            {
                if (schema.TryGetRemoval(name, out var site))
                {
                    findings.Add(site.ArgumentIndex < 0
                        ? Finding.AtAttribute(FindingIds.PartitionColumnRemoved, FindingSeverity.Error, site.AttributeIndex, name, sink.FullName, site.Processor)
                        : Finding.AtProcessorArgument(FindingIds.PartitionColumnRemoved, FindingSeverity.Error, site.AttributeIndex, site.ArgumentIndex, site.ElementIndex,
                            name, sink.FullName, site.Processor));
                }
                else if (schema.IsComplete)
                {
                    findings.Add(At(i, FindingIds.PartitionColumnMissing, FindingSeverity.Error, name, sink.FullName, schema.Describe()));
                }
                continue;
            }
            existing.Add(column.Name);
            switch (column.Type.Kind)
            {
                case DataTypeKind.Float or DataTypeKind.Double or DataTypeKind.Binary or DataTypeKind.Array or DataTypeKind.Map or DataTypeKind.Struct:
                    findings.Add(At(i, FindingIds.PartitionColumnType, FindingSeverity.Error, column.Name, sink.FullName, column.Type.SparkName));
                    break;
                case DataTypeKind.Timestamp or DataTypeKind.TimestampNtz:
                    findings.Add(At(i, FindingIds.PartitionColumnType, FindingSeverity.Warning, column.Name, sink.FullName, column.Type.SparkName));
                    break;
            }
        }
        if (schema.IsComplete && existing.Count > 0 && existing.Count == schema.Columns.Count)
            findings.Add(Finding.AtAttribute(FindingIds.EveryColumnPartitioned, FindingSeverity.Error, sink.AttributeIndex, sink.FullName));
    }
}
