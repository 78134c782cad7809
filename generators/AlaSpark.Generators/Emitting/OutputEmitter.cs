using System.Linq;
using AlaSpark.Generators.Model;
using AlaSpark.Naming;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// Emits the sink schema as code (dsl.md section 5): <c>Output</c>, one typed column per sink column
/// (<c>Output.EventDate</c> is a <c>Column&lt;DateOnly&gt;</c>), and <c>OutputRow</c>, a record with
/// one property per column for reading the written table back. Every sink writes the same table, so
/// they share this schema.
/// </summary>
internal static class OutputEmitter
{
    public static void Emit(IndentedWriter writer, PipelineModel model, SchemaStep? schema)
    {
        if (schema is null) return;
        if (model.ClassName is "Output" or "OutputRow")
        {
            writer.Line("// No Output or OutputRow: a class named " + model.ClassName + " can't contain a type of its own name.");
            return;
        }
        var columns = schema.Columns;
        var names = PropertyNames.For(columns.Select(c => c.Name));
        EmitColumns(writer, schema, names);
        writer.Line();
        if (!schema.IsComplete)
        {
            writer.Line("// No OutputRow: some columns of the output are not known at compile time (a source without a Schema");
            writer.Line("// record, or a processor whose effect is not declared), so a row can't be described.");
            return;
        }
        EmitRow(writer, columns, names);
    }

    private static void EmitColumns(IndentedWriter writer, SchemaStep schema, System.Collections.Generic.IReadOnlyList<string> names)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The columns of the table the pipeline writes (the schema that reaches its sinks), typed: use them in");
        writer.Line(names.Count == 0
            ? "/// filters and typed functions."
            : "/// filters and typed functions, e.g. <c>frame.Filter(Output." + names[0] + ".IsNotNull())</c>.");
        if (!schema.IsComplete) writer.Line("/// Only the columns known at compile time are here.");
        writer.Line("/// </summary>");
        writer.Line(PipelineEmitter.GeneratedCode);
        writer.Line("public static class Output");
        writer.OpenBrace();
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            var column = schema.Columns[i];
            if (i > 0) writer.Line();
            writer.Line("/// <summary>The column <c>" + Xml(column.Name) + "</c>: " + Xml(Describe(column, schema)) + ".</summary>");
            var type = ClrTypes.ColumnType(column.Type);
            var name = PipelineEmitter.Literal(ColumnReference(column.Name));
            writer.Line(type is null
                ? "public static global::AlaSpark.Column " + names[i] + " { get; } = global::AlaSpark.Functions.Col(" + name + ");"
                : "public static global::AlaSpark.Column<" + type + "> " + names[i] + " { get; } = global::AlaSpark.Functions.Col<" + type + ">(" + name + ");");
        }
        writer.CloseBrace();
    }

    private static void EmitRow(IndentedWriter writer, EquatableArray<ColumnModel> columns, System.Collections.Generic.IReadOnlyList<string> names)
    {
        writer.Line("/// <summary>");
        writer.Line("/// One row of the table the pipeline writes, for reading results back:");
        writer.Line("/// <c>session.Table(\"database.table\").Collect&lt;OutputRow&gt;()</c> or <c>row.As&lt;OutputRow&gt;()</c>.");
        writer.Line("/// </summary>");
        writer.Line(PipelineEmitter.GeneratedCode);
        if (columns.IsEmpty)
        {
            writer.Line("public sealed record OutputRow();");
            return;
        }
        writer.Line("public sealed record OutputRow(");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            // Row.As<T> maps a parameter to the column named in [Column], else to its name in snake_case.
            var attribute = NamingRules.ToSnakeCase(names[i]) == column.Name ? "" : "[global::AlaSpark.Column(" + PipelineEmitter.Literal(column.Name) + ")] ";
            writer.Line("    " + attribute + ClrTypes.RowType(column.Type, column.Nullable) + " " + names[i] + (i == columns.Count - 1 ? ");" : ","));
        }
    }

    private static string Describe(ColumnModel column, SchemaStep schema) =>
        column.Type.SparkName + (column.Nullable ? "" : ", not null") + (schema.IsPartition(column.Name) ? ", a partition" : "");

    /// <summary>The name as <c>Functions.Col</c> reads it: back-quoted when it has a dot or a back-quote.</summary>
    private static string ColumnReference(string name) =>
        name.IndexOfAny(new[] { '.', '`' }) < 0 ? name : "`" + name.Replace("`", "``") + "`";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
