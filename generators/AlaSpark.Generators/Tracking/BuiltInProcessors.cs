using System;
using System.Collections.Generic;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// The schema effect of every built-in processor: the columns it requires (and their types), adds,
/// removes, retypes and marks as partitions. One entry per processor, keyed by its full name and
/// written against the constructor's parameter names; the processor catalogue issue adds its
/// processors here. Types and nullability follow the runtime (the schema parity test runs each
/// processor on the embedded engine and compares).
/// </summary>
internal static class BuiltInProcessors
{
    private static readonly Dictionary<string, Action<ProcessorStep>> Effects = new(StringComparer.Ordinal)
    {
        ["global::AlaSpark.AddPartition"] = AddPartition,
        ["global::AlaSpark.SelectColumns"] = step => step.KeepOnly(step.RequireEach("columns"), "columns"),
        ["global::AlaSpark.DropColumns"] = DropColumns,
        ["global::AlaSpark.WithColumn"] = WithColumn,
        // FilterRows keeps rows: the condition is Spark SQL, checked when the pipeline runs.
        ["global::AlaSpark.FilterRows"] = _ => { },
        ["global::AlaSpark.HashColumn"] = HashColumn,
        ["global::AlaSpark.AddCurrentTimestamp"] = step => Add(step, "column", DataTypeKind.Timestamp),
        ["global::AlaSpark.AddSourceFilename"] = step => Add(step, "column", DataTypeKind.String),
        ["global::AlaSpark.AddSourcePath"] = step => Add(step, "column", DataTypeKind.String),
        ["global::AlaSpark.DropDuplicates"] = step => step.RequireEach("columns"),
        ["global::AlaSpark.AlterDataType"] = AlterDataType,
        // A watermark leaves the schema as it is; its column must be an event time.
        ["global::AlaSpark.AddWatermark"] = step => step.Require("eventTimeColumn", TypeRule.Timestamp),
    };

    /// <summary>The full names (<c>global::</c> form) of the processors in the catalogue.</summary>
    public static IEnumerable<string> Names => Effects.Keys;

    /// <summary>Applies the processor's effect when it is a built-in one; false for a custom processor.</summary>
    public static bool TryApply(ProcessorStep step)
    {
        if (!Effects.TryGetValue(step.Processor.TypeName, out var effect)) return false;
        effect(step);
        return true;
    }

    /// <summary>Adds a column the processor fills for every row (never null).</summary>
    private static void Add(ProcessorStep step, string parameter, DataTypeKind kind)
    {
        var name = step.NewColumnName(parameter);
        if (name is not null) step.AddOrReplace(name, ColumnType.Of(kind), nullable: false);
    }

    /// <summary>
    /// <c>Day</c>, <c>Month</c> and <c>Year</c> give a date, <c>Hour</c> a timestamp, from a timestamp,
    /// date or string column (a string may not parse: the result may be null); marked as a partition.
    /// </summary>
    private static void AddPartition(ProcessorStep step)
    {
        var source = step.Require("sourceColumn", TypeRule.Temporal);
        var granularity = step.Member("granularity") ?? "Day";
        var kind = granularity switch
        {
            "Day" or "Month" or "Year" => DataTypeKind.Date,
            "Hour" => DataTypeKind.Timestamp,
            _ => DataTypeKind.Unknown,
        };
        if (kind == DataTypeKind.Unknown)
            step.Invalid("granularity", granularity, "it is not a PartitionGranularity member (Day, Hour, Month or Year)");
        var name = step.NewColumnName("column");
        if (name is null) return;
        var nullable = source is null || source.Nullable || source.Type.Kind is DataTypeKind.String or DataTypeKind.Unknown;
        step.AddOrReplace(name, ColumnType.Of(kind), nullable);
        step.MarkPartition(name);
    }

    private static void DropColumns(ProcessorStep step)
    {
        foreach (var (column, element) in step.RequireElements("columns"))
            step.Remove(column, "columns", element);
    }

    private static void WithColumn(ProcessorStep step)
    {
        var name = step.NewColumnName("column");
        var (type, nullable) = ExpressionTypes.Infer(step.String("expression"), step);
        if (name is not null) step.AddOrReplace(name, type, nullable);
    }

    /// <summary>A string (or binary) column becomes its hex hash: a string, null where the value is.</summary>
    private static void HashColumn(ProcessorStep step)
    {
        var column = step.Require("column", TypeRule.Text);
        if (column is not null) step.Retype(column, ColumnType.Of(DataTypeKind.String), column.Nullable || column.Type.IsUnknown);
    }

    /// <summary>The column is cast with Spark's CAST: the type parses as Spark's DDL; the result may be null where the cast fails.</summary>
    private static void AlterDataType(ProcessorStep step)
    {
        var column = step.Require("column");
        var text = step.String("dataType");
        ColumnType type;
        if (text is null)
        {
            step.Invalid("dataType", "null", "a Spark data type is needed, such as \"date\" or \"decimal(10,2)\"");
            type = ColumnType.Unknown;
        }
        else
        {
            type = SparkTypes.Parse(text, out var error) ?? ColumnType.Unknown;
            if (type.IsUnknown) step.Invalid("dataType", "\"" + text + "\"", error);
        }
        if (column is null) return;
        if (!SparkTypes.CanCast(column.Type, type))
            step.Report(FindingIds.ColumnType, FindingSeverity.Error, "column", -1, step.Processor.ShortName, column.Name, column.Type.SparkName, "a column Spark can cast to " + type.SparkName);
        step.Retype(column, type, column.Nullable || SparkTypes.CastCanFail(column.Type, type));
    }
}
