namespace AlaSpark;

/// <summary>
/// A table read as a stream, with the processors to apply to each micro-batch (in order). The stream
/// counterpart of <see cref="ProcessedTable"/>: <c>table.Read&lt;CsvStreamReader&gt;().Apply(...).Write&lt;DeltaStreamWriter&gt;(...)</c>
/// starts a <see cref="StreamingQuery"/>.
/// </summary>
public sealed record StreamingTable(StreamSource Source, IReadOnlyList<ToTableProcessor> Processors)
{
    public SourceTable Table => Source.Table;

    /// <summary>Adds a 1:1 processor, applied to every micro-batch.</summary>
    public StreamingTable Apply(ToTableProcessor processor) => this with { Processors = [.. Processors, processor] };

    /// <summary>Starts a query writing every micro-batch to <paramref name="to"/> with a writer of type <typeparamref name="TWriter"/>.</summary>
    public StreamingQuery Write<TWriter>(DatabaseRef to, StreamWriteOptions? options = null, CancellationToken cancellationToken = default)
        where TWriter : StreamingWriter, new() =>
        Write(new TWriter(), to.Name, options, cancellationToken);

    public StreamingQuery Write(StreamingWriter writer, string database, StreamWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamingQuery.Start(this, writer, database, options ?? new StreamWriteOptions(), cancellationToken);
}

/// <summary>The start of a stream in the fluent API.</summary>
public static class StreamingTableExtensions
{
    /// <summary>Reads <paramref name="table"/> as a stream with a reader of type <typeparamref name="TReader"/>, configured by <paramref name="configure"/>.</summary>
    public static StreamingTable Read<TReader>(this SourceTable table, Action<TReader>? configure = null) where TReader : StreamingReader, new()
    {
        var reader = new TReader();
        configure?.Invoke(reader);
        return table.ReadStream(reader);
    }

    public static StreamingTable ReadStream(this SourceTable table, StreamingReader reader) => new(reader.CreateSource(table), []);
}
