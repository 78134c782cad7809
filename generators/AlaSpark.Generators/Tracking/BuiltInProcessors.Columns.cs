using System;
using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;
using AlaSpark.Naming;

namespace AlaSpark.Generators.Tracking;

// The processors that add, remove and rename columns.
internal static partial class BuiltInProcessors
{
    /// <summary>
    /// Removes a partition column and its mark. The column must be a partition here: one marked in
    /// the chain, or a source column (the source's catalog entry may be partitioned by it, which is
    /// not known at compile time); anything else is ALS3006, as the runtime refuses it.
    /// </summary>
    private static void DropPartition(ProcessorStep step)
    {
        var column = step.RequireName("column");
        if (column is null) return;
        if (!step.Schema.MayBePartition(column.Name))
        {
            var partitions = step.Schema.Partitions.Count == 0 ? "none" : string.Join(", ", step.Schema.Partitions);
            step.Invalid("column", ProcessorStep.Quote(column.Name),
                $"it is not a partition column at this step (partitions: {partitions}); remove an ordinary column with DropColumns(new[] {{ \"{column.Name}\" }})");
        }
        step.Remove(column, "column", -1);
    }

    /// <summary><c>"old=new"</c> pairs, renamed at once in place; partition marks follow.</summary>
    private static void RenameColumns(ProcessorStep step)
    {
        var renames = new List<(string Old, string New, int Element)>();
        foreach (var (old, name, element) in step.Pairs("pairs", "[\"userId=user_id\", \"ts=event_time\"]"))
        {
            if (name.Length == 0)
            {
                step.Invalid("pairs", ProcessorStep.Quote(old + "="), $"the pair for '{old}' has no new name; write \"{old}=new_name\"", element);
                continue;
            }
            if (renames.Any(r => Same(r.New, name)))
            {
                step.Invalid("pairs", ProcessorStep.Quote(old + "=" + name), $"another column is renamed '{name}' too; give each a name of its own", element);
                continue;
            }
            var column = step.Require(old, "pairs", element, null);
            if (column is not null) renames.Add((column.Name, name, element));
        }
        Rename(step, renames, "pairs");
    }

    /// <summary>Every top-level column to <c>NamingRules.ToSnakeCase</c> of its name; partition marks follow.</summary>
    private static void StandardiseColumnNames(ProcessorStep step)
    {
        var renames = new List<(string Old, string New, int Element)>();
        foreach (var column in step.Schema.Columns)
        {
            var name = NamingRules.ToSnakeCase(column.Name);
            if (name.Length == 0)
                ReportAtProcessor(step, column.Name, $"it has no letter or digit to make a snake_case name of; rename it first (RenameColumns(new[] {{ \"{column.Name}=a_name\" }}))");
            else if (name != column.Name)
                renames.Add((column.Name, name, -1));
        }
        Rename(step, renames, "");
    }

    /// <summary>
    /// Renames at once, as the runtime's <c>RenameAll</c>: two columns that would end with one name
    /// (ignoring case) are ALS3006. A column not known here (a schema not fully known) is added under
    /// its new name, of unknown type.
    /// </summary>
    private static void Rename(ProcessorStep step, IReadOnlyList<(string Old, string New, int Element)> renames, string parameter)
    {
        string NewName(string name) => renames.FirstOrDefault(r => Same(r.Old, name)).New ?? name;
        var clash = step.Schema.Columns.GroupBy(c => NewName(c.Name), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var names = string.Join(" and ", clash.Select(c => "'" + c.Name + "'"));
            var reason = $"the columns {names} would both be named '{clash.Key}'; rename or drop one of them first";
            var at = renames.FirstOrDefault(r => clash.Any(c => Same(c.Name, r.Old)));
            if (parameter.Length == 0) ReportAtProcessor(step, clash.First().Name, reason);
            else step.Invalid(parameter, ProcessorStep.Quote(at.Old + "=" + at.New), reason, at.Element);
            return;
        }
        var unknown = renames.Where(r => step.Schema.Find(r.Old) is null).ToList();
        step.Schema.Rename(renames.Select(r => (r.Old, r.New, step.RemovalAt(parameter, r.Element))).ToList());
        foreach (var (_, name, _) in unknown) step.AddOrReplace(name, ColumnType.Unknown, nullable: true);
    }

    /// <summary>
    /// ALS3006 at the whole attribute, for a processor without an argument to point at
    /// (<c>StandardiseColumnNames</c>): the column's name is what the runtime refuses.
    /// </summary>
    private static void ReportAtProcessor(ProcessorStep step, string column, string reason) =>
        step.Report(FindingIds.InvalidArgument, FindingSeverity.Error, "", -1, step.Processor.ShortName, "column", ProcessorStep.Quote(column), reason);

    /// <summary>
    /// Adds (or replaces) a column of one value: <c>dataType</c> parses as Spark's DDL and is a type a
    /// constant can be written in (not binary, array, map or struct). A null value gives a nullable
    /// column; text is cast to the type (checked when the step runs), which with ANSI off may be null.
    /// </summary>
    private static void AddConstantColumn(ProcessorStep step)
    {
        var text = step.String("dataType");
        var type = DataType(step, text, "dataType", -1);
        if (type.Kind is DataTypeKind.Binary or DataTypeKind.Array or DataTypeKind.Map or DataTypeKind.Struct)
        {
            step.Invalid("dataType", ProcessorStep.Quote(text!), "a constant can't be written in it; use a string, number, boolean, date or timestamp type");
            type = ColumnType.Unknown;
        }
        var nullable = step.IsNull("value") || SparkTypes.CastCanFail(ColumnType.Of(DataTypeKind.String), type);
        AddNamed(step, "column", type, nullable);
    }

    /// <summary>A key hashed from key columns of any type: a string, never null.</summary>
    private static void AddSurrogateKey(ProcessorStep step)
    {
        step.RequireNames("keyColumns", allowEmpty: false);
        AddNamed(step, "column", ColumnType.Of(DataTypeKind.String), nullable: false);
    }

    /// <summary>A hash of chosen columns (none: every other column): a string, never null; the hash column can't be one of them.</summary>
    private static void AddRowHash(ProcessorStep step)
    {
        var name = step.Name("column");
        foreach (var (column, element) in step.Names("columns", allowEmpty: true))
        {
            if (name is not null && Same(column, name))
                step.Invalid("columns", ProcessorStep.Quote(column), "it is the hash column itself; hash the other columns", element);
            else
                step.Require(column, "columns", element, null);
        }
        if (name is not null) step.AddOrReplace(name, ColumnType.Of(DataTypeKind.String), nullable: false);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
