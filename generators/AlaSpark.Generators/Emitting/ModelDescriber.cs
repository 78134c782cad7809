using System.Linq;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// A plain-text description of a pipeline model: one line per source, column, processor and sink.
/// Deterministic (no hash codes, no machine-dependent formatting) so that baselines can hold it.
/// </summary>
internal static class ModelDescriber
{
    public static string Describe(PipelineModel model)
    {
        var writer = new IndentedWriter();
        writer.Line("pipeline " + model.Name);

        var source = model.Source;
        writer.Line("source " + source.Kind + " " + source.Database + "." + source.Table);
        writer.OpenBrace();
        if (source.Path is not null) writer.Line("path: " + source.Path);
        writer.Line("bad records: " + source.BadRecords);
        if (!source.Options.IsEmpty) writer.Line("options: " + string.Join(", ", source.Options));
        if (source.Schema is { } schema)
        {
            writer.Line("schema " + schema.TypeName);
            WriteColumns(writer, schema.Columns);
        }
        writer.CloseBrace();

        foreach (var processor in model.Processors)
            writer.Line("processor " + processor.ShortName + "(" + string.Join(", ", processor.Arguments.Select(Argument)) + ")");

        foreach (var sink in model.Sinks)
        {
            writer.Line("sink " + sink.Kind + " " + sink.Database + "." + sink.Table);
            writer.OpenBrace();
            if (!sink.PartitionBy.IsEmpty) writer.Line("partition by: " + string.Join(", ", sink.PartitionBy));
            writer.Line(sink.IsStream ? "output mode: " + sink.OutputMode : "mode: " + sink.Mode);
            writer.Line("merge schema: " + (sink.MergeSchema ? "true" : "false"));
            if (sink.Trigger is not null) writer.Line("trigger: " + sink.Trigger);
            if (sink.CheckpointLocation is not null) writer.Line("checkpoint: " + sink.CheckpointLocation);
            writer.CloseBrace();
        }
        return writer.ToString();
    }

    private static void WriteColumns(IndentedWriter writer, EquatableArray<ColumnModel> columns)
    {
        writer.OpenBrace();
        foreach (var column in columns)
        {
            writer.Line(column.Name + " " + column.Type.SparkName + (column.Nullable ? "" : " not null"));
        }
        writer.CloseBrace();
    }

    /// <summary>An argument as C# would write it (the type of an enum or a <c>typeof</c> shortened to its name).</summary>
    public static string Argument(ArgumentModel argument) => argument.Kind switch
    {
        ArgumentKind.Null => "null",
        ArgumentKind.String => SymbolDisplay.FormatLiteral(argument.Value!, quote: true),
        ArgumentKind.Char => SymbolDisplay.FormatLiteral(argument.Value![0], quote: true),
        ArgumentKind.Enum => ShortName(argument.TypeName) + "." + argument.Value,
        ArgumentKind.Type => "typeof(" + ShortName(argument.Value!) + ")",
        ArgumentKind.Array => "new[] { " + string.Join(", ", argument.Items.Select(Argument)) + " }",
        ArgumentKind.Single => argument.Value + "f",
        ArgumentKind.Int64 => argument.Value + "L",
        _ => argument.Value!,
    };

    private static string ShortName(string qualified)
    {
        var dot = qualified.LastIndexOf('.');
        var name = dot < 0 ? qualified : qualified.Substring(dot + 1);
        return name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
    }
}
