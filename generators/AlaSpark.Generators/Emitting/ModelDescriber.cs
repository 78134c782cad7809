using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// A plain-text description of a checked pipeline: its source and schema, each processor with the
/// value of each constructor parameter and the schema changes it makes, the schema that reaches the
/// sinks, and the sinks. Deterministic (no hash codes, no machine-dependent formatting) so that
/// baselines can hold it.
/// </summary>
internal static class ModelDescriber
{
    public static string Describe(CheckedPipeline pipeline)
    {
        var model = pipeline.Model!;
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
            writer.OpenBrace();
            foreach (var column in schema.Columns) writer.Line(Column(column, null));
            writer.CloseBrace();
        }
        else
        {
            writer.Line("schema: not declared (the catalog's, known when the pipeline runs)");
        }
        writer.CloseBrace();

        for (var i = 0; i < model.Processors.Count; i++)
        {
            var processor = model.Processors[i];
            writer.Line("processor " + processor.ShortName + "(" + Parameters(processor) + ")");
            if (i + 1 < pipeline.Steps.Count) WriteChanges(writer, pipeline.Steps[i], pipeline.Steps[i + 1]);
        }

        if (pipeline.SinkSchema is { } sinkSchema)
        {
            writer.Line("schema at the sinks");
            writer.OpenBrace();
            foreach (var column in sinkSchema.Columns) writer.Line(Column(column, sinkSchema));
            if (!sinkSchema.IsComplete) writer.Line("... and columns not known at compile time");
            writer.CloseBrace();
        }

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

    /// <summary>Each parameter with its value: <c>column: "x", algorithm: HashAlgorithm.Sha256 (default)</c>.</summary>
    private static string Parameters(ProcessorModel processor) =>
        processor.Constructor is { } constructor
            ? string.Join(", ", constructor.Parameters.Select(p => p.Name + ": " + ArgumentModel.Display(p.Value) + (p.IsDefaulted ? " (default)" : "")))
            : string.Join(", ", processor.Arguments.Select(ArgumentModel.Display));

    /// <summary>The columns a step adds (+), removes (-) and changes (~); nothing when it changes none.</summary>
    private static void WriteChanges(IndentedWriter writer, SchemaStep before, SchemaStep after)
    {
        var lines = new System.Collections.Generic.List<string>();
        if (before.IsComplete && !after.IsComplete)
        {
            writer.OpenBrace();
            writer.Line("? the columns after this step are not known at compile time");
            writer.CloseBrace();
            return;
        }
        foreach (var column in before.Columns)
        {
            if (after.Find(column.Name) is null) lines.Add("- " + column.Name);
        }
        foreach (var column in after.Columns)
        {
            var previous = before.Find(column.Name);
            if (previous is null) lines.Add("+ " + Column(column, after));
            else if (Column(previous, before) != Column(column, after)) lines.Add("~ " + Column(column, after));
        }
        if (lines.Count == 0) return;
        writer.OpenBrace();
        foreach (var line in lines) writer.Line(line);
        writer.CloseBrace();
    }

    private static string Column(ColumnModel column, SchemaStep? step) =>
        column.Name + " " + column.Type.SparkName + (column.Nullable ? "" : " not null") + (step is not null && step.IsPartition(column.Name) ? " partition" : "");
}
