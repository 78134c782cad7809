using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Streaming;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>ALS4001 (stream and batch mixed) and ALS4003 (unparseable trigger). (ALS4002 and ALS4004 look at the processors.)</summary>
internal static class StreamingChecks
{
    public static void Run(PipelineContext context)
    {
        ReportStreamBatchMismatch(context);
        ReportInvalidTriggers(context);
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
