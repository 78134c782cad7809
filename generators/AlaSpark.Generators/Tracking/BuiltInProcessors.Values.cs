using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

// The processors that change values in place or derive new columns from one.
internal static partial class BuiltInProcessors
{
    private static readonly ColumnType StringType = ColumnType.Of(DataTypeKind.String);

    /// <summary>
    /// Masks a string column in place. The result is a CASE without ELSE (null stays null), which the
    /// engine types as nullable.
    /// </summary>
    private static void MaskColumn(ProcessorStep step)
    {
        var column = step.RequireName("column", TypeRule.String);
        if (step.Integer("keepLast") is < 0 and var keepLast)
            step.Invalid("keepLast", keepLast.ToString(CultureInfo.InvariantCulture), "it is how many characters stay visible at the end, 0 or more");
        if (step.Char("mask") is { } mask && (char.IsSurrogate(mask) || char.IsControl(mask)))
            step.Invalid("mask", "U+" + ((int)mask).ToString("X4", CultureInfo.InvariantCulture), "it is not a printable character; use one such as '*', '#' or 'X'");
        if (column is not null) step.Retype(column, column.Type, nullable: true);
    }

    /// <summary>Sets a column of any type to null: the type stays, the column becomes nullable.</summary>
    private static void NullColumn(ProcessorStep step)
    {
        var column = step.RequireName("column");
        if (column is not null) step.Retype(column, column.Type, nullable: true);
    }

    /// <summary>Spark's <c>regexp_replace</c> on a string column: the schema stays.</summary>
    private static void ReplaceCharacter(ProcessorStep step)
    {
        step.RequireName("column", TypeRule.String);
        if (step.IsNull("pattern")) step.Invalid("pattern", "null", "give a regular expression such as \"[^0-9]\"");
        if (step.IsNull("replacement")) step.Invalid("replacement", "null", "give the text to put in place of each match (\"\" to remove it)");
    }

    /// <summary>
    /// Fills nulls with a value cast to the column's type (columns of single values only). The column
    /// is then not null, unless it was nullable and the cast of the text can fail (with ANSI off, null).
    /// </summary>
    private static void FillNulls(ProcessorStep step)
    {
        var fills = new List<(string Column, string Parameter, int Element)>();
        if (step.Has("values"))
        {
            fills.AddRange(step.Pairs("values", "[\"country=unknown\", \"quantity=0\"]", trimValues: false).Select(p => (p.Key, "values", p.Element)));
        }
        else if (step.Name("column") is { } name)
        {
            if (step.IsNull("value")) step.Invalid("value", "null", $"give the value to put in place of nulls in '{name}'");
            fills.Add((name, "column", -1));
        }
        foreach (var (name, parameter, element) in fills)
        {
            var column = step.Require(name, parameter, element, TypeRule.Atomic);
            if (column is not null) step.Retype(column, column.Type, column.Nullable && SparkTypes.CastCanFail(StringType, column.Type));
        }
    }

    /// <summary>
    /// Adds (or replaces) <c>target</c>, the first value that is not null among two or more columns, of
    /// their common type (ALS3004 at the first column with none); null only when every column may be.
    /// </summary>
    private static void CoalesceColumns(ProcessorStep step)
    {
        var names = step.Names("columns", allowEmpty: false);
        if (step.Strings("columns") is { Count: 1 } one)
            step.Invalid("columns", "[" + ProcessorStep.Quote(one[0] ?? "null") + "]", "coalesce two or more columns, or copy a column with WithColumn");
        var columns = new List<ColumnModel>();
        var type = ColumnType.Unknown;
        foreach (var (name, element) in names)
        {
            var column = step.Require(name, "columns", element, null);
            if (column is null) continue;
            if (columns.Count > 0 && SparkTypes.Common(columns.Select(c => c.Type).Append(column.Type)) is null)
            {
                var before = SparkTypes.Common(columns.Select(c => c.Type))!;
                step.Report(FindingIds.ColumnType, FindingSeverity.Error, "columns", element, step.Processor.ShortName, column.Name, column.Type.SparkName,
                    $"columns with a common type, and the columns before it are {before.SparkName}");
                continue;
            }
            columns.Add(column);
        }
        if (columns.Count == names.Count && columns.Count > 0) type = SparkTypes.Common(columns.Select(c => c.Type))!;
        var nullable = type.IsUnknown || columns.All(c => c.Nullable);
        AddNamed(step, "target", type, nullable);
    }

    /// <summary>Splits a string column into string targets, each null when no part is left for it.</summary>
    private static void SplitColumn(ProcessorStep step)
    {
        step.RequireName("column", TypeRule.String);
        RequirePattern(step, "pattern", "the separator as a regular expression, such as \",\" or \"\\\\s+\"");
        var targets = step.Names("targets", allowEmpty: false);
        if (step.Strings("targets").Count > MaxSplitTargets)
            step.Invalid("targets", "(" + step.Strings("targets").Count + " names)", $"split into at most {MaxSplitTargets} columns");
        foreach (var (target, _) in targets) step.AddOrReplace(target, StringType, nullable: true);
    }

    /// <summary>The most targets of <c>SplitColumn</c> (the runtime's <c>SplitColumn.MaxTargets</c>).</summary>
    private const int MaxSplitTargets = 32;

    /// <summary>Spark's <c>regexp_extract</c> into <c>target</c>: a string, null where the column is.</summary>
    private static void RegexExtract(ProcessorStep step)
    {
        var column = step.RequireName("column", TypeRule.String);
        RequirePattern(step, "pattern", "a regular expression with a group, such as \"@(.+)$\"");
        if (step.Integer("group") is < 0 and var group)
            step.Invalid("group", group.ToString(CultureInfo.InvariantCulture), "it is 0 for the whole match or the number of a group, 1 for the first");
        AddNamed(step, "target", StringType, column is null || column.Nullable || column.Type.IsUnknown);
    }

    /// <summary>Spark's <c>get_json_object</c> into <c>target</c>: a string, null for a missing path or text that is not JSON.</summary>
    private static void ExtractJsonField(ProcessorStep step)
    {
        step.RequireName("column", TypeRule.String);
        var path = step.String("path");
        if (path is null || !path.StartsWith("$", System.StringComparison.Ordinal))
            step.Invalid("path", path is null ? "null" : ProcessorStep.Quote(path), "a JSONPath starts with '$'; write one such as \"$.user.id\" or \"$.items[0].sku\"");
        AddNamed(step, "target", StringType, nullable: true);
    }

    /// <summary>
    /// A string column parsed with a datetime pattern: it becomes a timestamp, or <c>target</c> is added
    /// as one, nullable: with ANSI off a text that does not parse gives null (Spark types
    /// <c>to_timestamp</c> as nullable then; the embedded engine keeps the column's nullability).
    /// </summary>
    private static void ParseTimestamp(ProcessorStep step)
    {
        var column = step.RequireName("column", TypeRule.String);
        var format = step.String("format");
        if (format is null || format.Trim().Length == 0)
            step.Invalid("format", format is null ? "null" : ProcessorStep.Quote(format), "give a Spark datetime pattern such as \"yyyy-MM-dd HH:mm:ss\"");
        var timestamp = ColumnType.Of(DataTypeKind.Timestamp);
        if (!step.IsNull("target")) AddNamed(step, "target", timestamp, nullable: true);
        else if (column is not null) step.Retype(column, timestamp, nullable: true);
    }

    /// <summary>A timestamp's wall-clock time moved between zones: the schema stays.</summary>
    private static void ConvertTimezone(ProcessorStep step)
    {
        step.RequireName("column", TypeRule.Timestamp);
        foreach (var zone in new[] { "fromZone", "toZone" })
        {
            var text = step.String(zone);
            if (text is null || text.Trim().Length == 0)
                step.Invalid(zone, text is null ? "null" : ProcessorStep.Quote(text), "give a time zone as Spark reads it, such as \"UTC\", \"Europe/Paris\" or \"+08:00\"");
        }
    }

    /// <summary>ALS3006 for a pattern that is null or empty.</summary>
    private static void RequirePattern(ProcessorStep step, string parameter, string example)
    {
        if (string.IsNullOrEmpty(step.String(parameter)))
            step.Invalid(parameter, step.IsNull(parameter) ? "null" : "\"\"", "give " + example);
    }
}
