using System;
using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

// The processors of nested data: structs, arrays and JSON text.
internal static partial class BuiltInProcessors
{
    /// <summary>
    /// Each struct column is replaced, in its place, by its fields, recursively, named by their path
    /// joined with <c>separator</c>, each nullable (the embedded engine types every field it extracts
    /// from a struct as nullable, where Spark would keep a field not null inside a struct that is not
    /// null); a struct without fields disappears. Two columns that would get one name are ALS3006. A column of unknown
    /// type may be a struct: it is no longer known to exist, and the schema is not complete after.
    /// </summary>
    private static void FlattenSchema(ProcessorStep step)
    {
        var separator = step.String("separator");
        if (string.IsNullOrEmpty(separator))
        {
            step.Invalid("separator", separator is null ? "null" : "\"\"", "give the text that joins field names, such as \"_\"");
            return;
        }
        if (!step.Schema.Columns.Any(c => c.Type.Kind is DataTypeKind.Struct or DataTypeKind.Unknown)) return;

        var columns = new List<(ColumnModel Column, string Path)>();
        foreach (var column in step.Schema.Columns.Where(c => !c.Type.IsUnknown))
            Leaves(column, column.Name, column.Name, separator!, nested: false, columns);
        var clash = columns.GroupBy(c => c.Column.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            step.Invalid("separator", ProcessorStep.Quote(separator!),
                $"{string.Join(" and ", clash.Select(c => c.Path))} would all become the column '{clash.Key}'; rename one of them first, or flatten with another separator");
            return;
        }
        if (step.Schema.Columns.Any(c => c.Type.IsUnknown)) step.Schema.MarkIncomplete();
        step.Schema.Replace(columns.Select(c => c.Column).ToList());
    }

    private static void Leaves(ColumnModel column, string name, string path, string separator, bool nested, List<(ColumnModel, string)> leaves)
    {
        if (column.Type.Kind != DataTypeKind.Struct)
        {
            leaves.Add((nested ? new ColumnModel(name, "", column.Type, true) : column, path));
            return;
        }
        foreach (var field in column.Type.Fields)
            Leaves(field, name + separator + field.Name, path + "." + field.Name, separator, nested: true, leaves);
    }

    /// <summary>
    /// Spark's <c>from_json</c> on a string column, in place: a struct of the DDL schema's fields (as
    /// the runtime's <c>StructType.FromDdl</c> reads it; ALS3006 when it does not parse), nullable, its
    /// fields nullable whatever the DDL says (a field missing from the JSON is null; Spark makes the
    /// schema nullable, where the embedded engine keeps a <c>NOT NULL</c>). With a record type the
    /// struct's fields are not in the model (it holds the type's name only): the type is then unknown.
    /// </summary>
    private static void ParseJson(ProcessorStep step)
    {
        var column = step.RequireName("column", TypeRule.String);
        var type = ColumnType.Unknown;
        if (step.Has("ddlSchema"))
        {
            var text = step.String("ddlSchema");
            var error = "";
            var fields = text is null ? null : SparkTypes.ParseFields(text, out error);
            if (text is null) step.Invalid("ddlSchema", "null", "give a DDL schema such as \"id INT, name STRING\"");
            else if (fields is null) step.Invalid("ddlSchema", ProcessorStep.Quote(text), error + "; write fields and types, such as \"id INT, name STRING\"");
            else type = AsNullable(new ColumnType(DataTypeKind.Struct, "", 0, 0, null, fields.ToEquatableArray()));
        }
        else if (step.IsNull("schema"))
        {
            step.Invalid("schema", "null", "give a record type, such as typeof(Payload), or a DDL schema");
        }
        if (column is not null) step.Retype(column, type, nullable: true);
    }

    /// <summary>The type with every struct field in it nullable, however deep (Spark's <c>asNullable</c>).</summary>
    private static ColumnType AsNullable(ColumnType type) => type.Kind switch
    {
        DataTypeKind.Struct => type with { Fields = type.Fields.Select(f => f with { Type = AsNullable(f.Type), Nullable = true }).ToEquatableArray() },
        DataTypeKind.Array or DataTypeKind.Map => type with { Element = AsNullable(type.Element!) },
        _ => type,
    };

    /// <summary>
    /// One row per element of an array column: the column becomes the element type, nullable (an
    /// array may hold nulls, and with <c>outer</c> a null or empty array gives a null).
    /// </summary>
    private static void ExplodeColumn(ProcessorStep step)
    {
        var column = step.RequireName("column", TypeRule.Array);
        if (column is null) return;
        var element = column.Type.Kind == DataTypeKind.Array ? column.Type.Element! : ColumnType.Unknown;
        step.Retype(column, element, nullable: true);
    }
}
