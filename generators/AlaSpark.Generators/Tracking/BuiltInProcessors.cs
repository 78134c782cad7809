using System;
using System.Collections.Generic;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// The schema effect of every built-in processor: the columns it requires (and their types), adds,
/// removes, renames, retypes and marks as partitions, and the argument values it refuses. One entry
/// per <c>ToTableProcessor</c> of the runtime, keyed by its full name and written against the
/// constructor's parameter names; the entries are grouped by kind in the parts of this class. Types
/// and nullability follow the runtime on the embedded engine (the schema parity test runs each
/// processor there and compares). <c>Relationalize</c>, a <c>ToManyTablesProcessor</c>, is not here:
/// <c>[Processor]</c> refuses it (ALS3003).
/// </summary>
internal static partial class BuiltInProcessors
{
    private static readonly Dictionary<string, Action<ProcessorStep>> Effects = new(StringComparer.Ordinal)
    {
        // Columns and names
        ["global::AlaSpark.AddPartition"] = AddPartition,
        ["global::AlaSpark.DropPartition"] = DropPartition,
        ["global::AlaSpark.SelectColumns"] = step => step.KeepOnly(step.RequireEach("columns"), "columns"),
        ["global::AlaSpark.DropColumns"] = DropColumns,
        ["global::AlaSpark.RenameColumns"] = RenameColumns,
        ["global::AlaSpark.StandardiseColumnNames"] = StandardiseColumnNames,
        ["global::AlaSpark.WithColumn"] = WithColumn,
        ["global::AlaSpark.AlterDataType"] = AlterDataType,
        ["global::AlaSpark.CastColumns"] = CastColumns,
        ["global::AlaSpark.AddConstantColumn"] = AddConstantColumn,
        ["global::AlaSpark.AddCurrentTimestamp"] = step => Add(step, "column", DataTypeKind.Timestamp),
        ["global::AlaSpark.AddIngestionDate"] = step => AddNamed(step, "column", ColumnType.Of(DataTypeKind.Date), nullable: false),
        ["global::AlaSpark.AddSourceFilename"] = step => Add(step, "column", DataTypeKind.String),
        ["global::AlaSpark.AddSourcePath"] = step => Add(step, "column", DataTypeKind.String),
        ["global::AlaSpark.AddSurrogateKey"] = AddSurrogateKey,
        ["global::AlaSpark.AddRowHash"] = AddRowHash,

        // Values
        ["global::AlaSpark.HashColumn"] = HashColumn,
        ["global::AlaSpark.MaskColumn"] = MaskColumn,
        ["global::AlaSpark.NullColumn"] = NullColumn,
        ["global::AlaSpark.ReplaceCharacter"] = ReplaceCharacter,
        ["global::AlaSpark.TrimStrings"] = step => step.RequireNames("columns", allowEmpty: true, TypeRule.String),
        ["global::AlaSpark.FillNulls"] = FillNulls,
        ["global::AlaSpark.CoalesceColumns"] = CoalesceColumns,
        ["global::AlaSpark.SplitColumn"] = SplitColumn,
        ["global::AlaSpark.RegexExtract"] = RegexExtract,
        ["global::AlaSpark.ExtractJsonField"] = ExtractJsonField,
        ["global::AlaSpark.ParseTimestamp"] = ParseTimestamp,
        ["global::AlaSpark.ConvertTimezone"] = ConvertTimezone,

        // Nested data
        ["global::AlaSpark.FlattenSchema"] = FlattenSchema,
        ["global::AlaSpark.ParseJson"] = ParseJson,
        ["global::AlaSpark.ExplodeColumn"] = ExplodeColumn,

        // Other tables
        ["global::AlaSpark.JoinDataframe"] = JoinDataframe,
        ["global::AlaSpark.UnionDataframe"] = UnionDataframe,

        // Rows: the schema stays
        // FilterRows' condition is Spark SQL, checked when the pipeline runs.
        ["global::AlaSpark.FilterRows"] = _ => { },
        ["global::AlaSpark.FilterNulls"] = step => step.RequireNames("columns", allowEmpty: true),
        ["global::AlaSpark.DropDuplicates"] = step => step.RequireEach("columns"),
        ["global::AlaSpark.DeduplicateMicrobatch"] = DeduplicateMicrobatch,
        // A watermark leaves the schema as it is; its column must be an event time.
        ["global::AlaSpark.AddWatermark"] = step => step.Require("eventTimeColumn", TypeRule.EventTime),
        ["global::AlaSpark.SortRows"] = SortRows,
        ["global::AlaSpark.LimitRows"] = LimitRows,
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

    /// <summary>Adds (or replaces) the column a name parameter names; the runtime refuses a null or blank name (ALS3006).</summary>
    private static void AddNamed(ProcessorStep step, string parameter, ColumnType type, bool nullable)
    {
        if (step.Name(parameter) is { } name) step.AddOrReplace(name, type, nullable);
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
        var type = DataType(step, step.String("dataType"), "dataType", -1);
        if (column is not null) Cast(step, column, type, "column", -1);
    }

    /// <summary>Each <c>"column=type"</c> pair as <see cref="AlterDataType"/>.</summary>
    private static void CastColumns(ProcessorStep step)
    {
        foreach (var (name, text, element) in step.Pairs("casts", "[\"amount=decimal(10,2)\", \"event_date=date\"]"))
        {
            var type = DataType(step, text, "casts", element);
            if (step.Require(name, "casts", element, null) is { } column) Cast(step, column, type, "casts", element);
        }
    }

    /// <summary>The Spark type <paramref name="text"/> names; ALS3006 and unknown when it does not parse.</summary>
    private static ColumnType DataType(ProcessorStep step, string? text, string parameter, int element)
    {
        if (text is null)
        {
            step.Invalid(parameter, "null", "a Spark data type is needed, such as \"date\" or \"decimal(10,2)\"", element);
            return ColumnType.Unknown;
        }
        var type = SparkTypes.Parse(text, out var error);
        if (type is null) step.Invalid(parameter, ProcessorStep.Quote(text), error, element);
        return type ?? ColumnType.Unknown;
    }

    /// <summary>Retypes <paramref name="column"/> by CAST, ALS3004 when Spark can't cast it to <paramref name="type"/>.</summary>
    private static void Cast(ProcessorStep step, ColumnModel column, ColumnType type, string parameter, int element)
    {
        if (!SparkTypes.CanCast(column.Type, type))
            step.Report(FindingIds.ColumnType, FindingSeverity.Error, parameter, element, step.Processor.ShortName, column.Name, column.Type.SparkName, "a column Spark can cast to " + type.SparkName);
        step.Retype(column, type, column.Nullable || SparkTypes.CastCanFail(column.Type, type));
    }
}
