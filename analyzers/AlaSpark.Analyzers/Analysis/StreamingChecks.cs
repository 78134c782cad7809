using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// ALS4001 (stream and batch mixed) and ALS4003 (unparseable trigger) from the attributes; ALS4002
/// (DropDuplicates without a watermark) and ALS4004 (a batch-only processor) from the processors of the
/// shared model, when the source is a stream.
/// </summary>
internal static class StreamingChecks
{
    public static void Run(PipelineContext context)
    {
        ReportStreamBatchMismatch(context);
        ReportInvalidTriggers(context);
        ReportProcessorsOnStream(context);
    }

    private static void ReportProcessorsOnStream(PipelineContext context)
    {
        if (context.Checked.Model is not { Source.IsStream: true } model) return;
        var stream = model.Source.Database + "." + model.Source.Table;
        var watermarked = false;
        for (var i = 0; i < model.Processors.Count; i++)
        {
            var processor = model.Processors[i];
            var name = StreamProcessors.AlaSparkName(processor.TypeName);
            if (name == StreamProcessors.AddWatermark)
            {
                watermarked = true;
            }
            else if (name == StreamProcessors.DropDuplicates && !watermarked)
            {
                context.Report(Descriptors.UnboundedDeduplication, context.LocateAttribute(processor.AttributeIndex),
                    stream, EventTimeColumn(context.Checked, i) ?? "<event time column>");
            }
            if (StreamProcessors.WhyBatchOnly(name) is { } reason)
                context.Report(Descriptors.NotStreamable, context.LocateAttribute(processor.AttributeIndex), name, stream, reason);
        }
    }

    /// <summary>A timestamp column of the schema before processor <paramref name="processor"/>, for the watermark the message suggests.</summary>
    private static string? EventTimeColumn(CheckedPipeline pipeline, int processor)
    {
        if (processor >= pipeline.Steps.Count) return null;
        foreach (var column in pipeline.Steps[processor].Columns)
            if (column.Type.Kind is DataTypeKind.Timestamp or DataTypeKind.TimestampNtz) return column.Name;
        return null;
    }

    private static void ReportStreamBatchMismatch(PipelineContext context)
    {
        var source = context.Pipeline.SingleSource;
        if (source is null) return;
        var symbols = context.Symbols;
        var sourceIsStream = symbols.IsStream(source.AttributeClass);
        var sourceName = PipelineDeclaration.ShortName(source);
        foreach (var sink in context.Pipeline.Sinks)
        {
            if (symbols.IsStream(sink.AttributeClass) == sourceIsStream) continue;
            var sinkName = PipelineDeclaration.ShortName(sink);
            string message;
            if (sourceIsStream)
            {
                var streamSink = sinkName.Replace("Sink", "StreamSink");
                var batchSource = sourceName.Replace("StreamSource", "Source");
                message = "The pipeline '" + context.Pipeline.DisplayName + "' reads a stream ([" + sourceName + "]) but [" + sinkName
                          + "] writes a batch: " + (symbols.AttributeExists(streamSink)
                              ? "write with [" + streamSink + "]"
                              : "write with a streaming sink such as [DeltaStreamSink]")
                          + (symbols.AttributeExists(batchSource) ? ", or read the batch with [" + batchSource + "]" : "");
            }
            else
            {
                var batchSink = sinkName.Replace("StreamSink", "Sink");
                var streamSource = sourceName.Replace("Source", "StreamSource");
                message = "The pipeline '" + context.Pipeline.DisplayName + "' reads a batch ([" + sourceName + "]) but [" + sinkName
                          + "] writes a stream: " + (symbols.AttributeExists(batchSink) ? "write with [" + batchSink + "]" : "write with a batch sink")
                          + (symbols.AttributeExists(streamSource) ? ", or read the stream with [" + streamSource + "]" : "");
            }
            context.Report(Descriptors.StreamBatchMismatch, context.Locate(sink, AttributeArgument.Attribute), message);
        }
    }

    private static void ReportInvalidTriggers(PipelineContext context)
    {
        foreach (var sink in context.Pipeline.Sinks)
        {
            if (PipelineDeclaration.NamedArgument(sink, "Trigger") is not { Value: string trigger }) continue;
            if (TriggerText.TryParse(trigger, out _, out var problem)) continue;
            context.Report(Descriptors.InvalidTrigger, context.Locate(sink, AttributeArgument.Named("Trigger")),
                trigger, PipelineDeclaration.TableDisplay(sink), problem);
        }
    }
}
