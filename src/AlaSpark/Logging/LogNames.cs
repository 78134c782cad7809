namespace AlaSpark.Logging;

/// <summary>
/// The property names of the AlaSpark logging standard. Every part of AlaSpark uses these names, so
/// that one query over the compact JSON (CLEF) output finds the same fact whichever part logged it.
/// </summary>
public static class LogProperties
{
    /// <summary>The pipeline the event belongs to.</summary>
    public const string Pipeline = "Pipeline";

    /// <summary>The table (source or target) the event is about.</summary>
    public const string Table = "Table";

    /// <summary>The position of a pipeline step (processor) in its pipeline, counted from 1.</summary>
    public const string Step = "Step";

    /// <summary>The batch the event belongs to.</summary>
    public const string BatchId = "BatchId";

    /// <summary>The kind of standard event, one of <see cref="LogEventTypes"/>.</summary>
    public const string EventType = "EventType";
}

/// <summary>
/// The values of the <see cref="LogProperties.EventType"/> property: one per standard event, so
/// that machines can filter the CLEF output without parsing messages.
/// </summary>
public static class LogEventTypes
{
    /// <summary>A pipeline run began.</summary>
    public const string PipelineStarted = "pipeline.started";

    /// <summary>A pipeline run ended, successfully or not.</summary>
    public const string PipelineFinished = "pipeline.finished";

    /// <summary>A source table was read.</summary>
    public const string SourceRead = "source.read";

    /// <summary>A processor (one step of the pipeline) was applied.</summary>
    public const string ProcessorApplied = "processor.applied";

    /// <summary>A target table was written.</summary>
    public const string TableWritten = "table.written";

    /// <summary>Bad records were written to a quarantine location.</summary>
    public const string BadRecordsQuarantined = "bad_records.quarantined";

    /// <summary>Bad records were dropped.</summary>
    public const string BadRecordsDropped = "bad_records.dropped";
}
