using System.Diagnostics;
using System.Text.RegularExpressions;
using AlaSpark.Catalog;
using AlaSpark.Config;
using AlaSpark.Naming;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// A pipeline built in code with the fluent API: one source, processors in order, one or more
/// sinks. What the <c>[Pipeline]</c> attributes declare, this states directly.
/// </summary>
/// <remarks>
/// A pipeline may split its table once, with a <see cref="ToManyTablesProcessor"/> such as <see cref="Relationalize"/>:
/// the processors after it apply to every output, and each sink writes every output to a table of its own, named
/// after the sink's table and the output's suffix (<c>orders</c> gives <c>orders_root</c>, <c>orders_items</c>).
/// </remarks>
public sealed partial class PipelineDefinition : IPipeline
{
    private readonly List<ProcessorBase> _processors = [];
    private readonly List<(Func<Writer> Writer, SinkDescription Description, WriteOptions Options)> _sinks = [];
    private readonly List<(Func<StreamingWriter> Writer, SinkDescription Description, StreamWriteOptions Options)> _streamSinks = [];
    private readonly List<SinkDescription> _sinkDescriptions = []; // batch and stream sinks, in the order written
    private Func<Reader>? _reader;
    private Func<StreamingReader>? _streamReader;
    private SourceDescription? _source;
    private StructType? _schema;

    public PipelineDefinition(string name)
    {
        var check = NamingRules.Check(NameKind.Pipeline, name);
        if (!check.IsValid) throw new AlaSparkException(NamingRules.FormatMessage(check));
        Name = name;
    }

    public string Name { get; }

    /// <summary>Reads <c>database.table</c> from the catalog with a reader of type <typeparamref name="TReader"/>.</summary>
    /// <param name="path">Overrides the catalog's location; <c>{{ key }}</c> reads a key of the job's config.</param>
    /// <param name="schema">The columns, when the catalog doesn't know them (or to override it).</param>
    /// <param name="options">Extra reader options as <c>"key=value"</c> pairs (the source attribute's <c>Options</c>).</param>
    public PipelineDefinition ReadFrom<TReader>(string database, string table, BadRecordsMode badRecords = BadRecordsMode.Quarantine,
        string? path = null, StructType? schema = null, IReadOnlyList<string>? options = null) where TReader : Reader, new()
    {
        if (_source is not null) throw new AlaSparkException($"The pipeline '{Name}' already has a source; a pipeline reads one source.");
        var pairs = OptionPairs(options);
        _reader = () =>
        {
            var reader = new TReader { BadRecords = badRecords };
            foreach (var (key, value) in pairs) reader.Options[key] = value;
            return reader;
        };
        _source = new SourceDescription(typeof(TReader).Name, database, table, path, badRecords, IsStream: false);
        _schema = schema;
        return this;
    }

    /// <summary>
    /// Reads <c>database.table</c> as a stream with a reader of type <typeparamref name="TReader"/>: each run reads
    /// what its checkpoint has not seen yet (for a file stream, the new files of the folder).
    /// </summary>
    /// <param name="path">Overrides the catalog's location (a folder for a file stream); <c>{{ key }}</c> reads a key of the job's config.</param>
    /// <param name="schema">The columns, when the catalog doesn't know them (or to override it).</param>
    /// <param name="options">Extra reader options as <c>"key=value"</c> pairs (the source attribute's <c>Options</c>), given to the reader's
    /// <see cref="StreamingReader.Options"/>: for a file stream <c>maxFilesPerTrigger</c>, <c>maxBytesPerTrigger</c> and the batch reader's
    /// options; for a Delta stream <c>startingVersion</c>, <c>startingTimestamp</c>, <c>ignoreDeletes</c>, <c>skipChangeCommits</c>, <c>maxFilesPerTrigger</c>.</param>
    public PipelineDefinition ReadStreamFrom<TReader>(string database, string table, BadRecordsMode badRecords = BadRecordsMode.Quarantine,
        string? path = null, StructType? schema = null, IReadOnlyList<string>? options = null) where TReader : StreamingReader, new()
    {
        if (_source is not null) throw new AlaSparkException($"The pipeline '{Name}' already has a source; a pipeline reads one source.");
        var pairs = OptionPairs(options);
        _streamReader = () =>
        {
            var reader = new TReader();
            foreach (var (key, value) in pairs) reader.Options[key] = value;
            if (reader is FileStreamReader files) files.BadRecords = badRecords;
            return reader;
        };
        _source = new SourceDescription(typeof(TReader).Name, database, table, path, badRecords, IsStream: true);
        _schema = schema;
        return this;
    }

    /// <summary>Splits <c>"key=value"</c> options; an option without <c>=</c> or without a key is an error naming it.</summary>
    private List<KeyValuePair<string, string>> OptionPairs(IReadOnlyList<string>? options)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var option in options ?? [])
        {
            var equals = option?.IndexOf('=') ?? -1;
            if (option is null || equals <= 0 || option[..equals].Trim().Length == 0)
                throw new AlaSparkException($"The pipeline '{Name}' has the source option '{option}', which is not \"key=value\"; write it as, for example, \"sep=;\".");
            pairs.Add(new(option[..equals].Trim(), option[(equals + 1)..].Trim()));
        }
        return pairs;
    }

    public PipelineDefinition Apply(ToTableProcessor processor)
    {
        _processors.Add(processor);
        return this;
    }

    /// <summary>Splits the table into several (once per pipeline); the processors after it apply to every output.</summary>
    public PipelineDefinition Apply(ToManyTablesProcessor processor)
    {
        if (_processors.OfType<ToManyTablesProcessor>().FirstOrDefault() is { } earlier)
            throw new AlaSparkException(
                $"The pipeline '{Name}' already splits its table with {earlier.Name}({earlier.DescribeArguments()}); a pipeline splits its table once. " +
                $"Split the outputs further in a pipeline that reads them.");
        _processors.Add(processor);
        return this;
    }

    /// <summary>Writes to <c>database.table</c> with a writer of type <typeparamref name="TWriter"/>.</summary>
    public PipelineDefinition WriteTo<TWriter>(string database, string table, WriteOptions? options = null) where TWriter : Writer, new()
    {
        var o = (options ?? new WriteOptions()) with { TableName = table };
        _sinks.Add((() => new TWriter(), Listed(new SinkDescription(typeof(TWriter).Name, database, table, o.PartitionBy ?? [], o.Mode, o.MergeSchema, IsStream: false)), o));
        return this;
    }

    /// <summary>
    /// Writes the stream to <c>database.table</c> with a writer of type <typeparamref name="TWriter"/>, in micro-batches
    /// when the options' trigger says (available-now by default). The checkpoint defaults to
    /// <c>&lt;lake root&gt;/_checkpoints/&lt;pipeline&gt;/&lt;database&gt;/&lt;table&gt;</c>.
    /// </summary>
    public PipelineDefinition WriteStreamTo<TWriter>(string database, string table, StreamWriteOptions? options = null) where TWriter : StreamingWriter, new()
    {
        var o = (options ?? new StreamWriteOptions()) with { TableName = table };
        _streamSinks.Add((() => new TWriter(), Listed(new SinkDescription(typeof(TWriter).Name, database, table, o.PartitionBy ?? [], WriteMode.Append, o.MergeSchema, IsStream: true)), o));
        return this;
    }

    /// <summary>Adds a sink to the description's list, where batch and stream sinks keep the order they were written in.</summary>
    private SinkDescription Listed(SinkDescription sink)
    {
        _sinkDescriptions.Add(sink);
        return sink;
    }

    public PipelineDescription Description => new(
        Name,
        _source ?? throw new AlaSparkException($"The pipeline '{Name}' has no source."),
        _processors.Select(p => new StepDescription(p.Name, p.DescribeArguments()) { SplitsTable = p is ToManyTablesProcessor }).ToList(),
        _sinkDescriptions.ToList()) { Definition = this };

    /// <summary>
    /// The <see cref="Description"/> with what only the source's schema tells: for a pipeline that splits its table,
    /// the tables the split gives (<see cref="PipelineDescription.Outputs"/>). Opens the source; writes nothing.
    /// </summary>
    public PipelineDescription Describe(AlaSparkSession session)
    {
        var description = Description;
        if (!description.SplitsTable) return description;
        return description with { Outputs = BuildAll(session).Select(t => new OutputDescription(t.Suffix, t.Parent)).ToList() };
    }

    /// <summary>
    /// The table as it is just before the sinks, for describing a pipeline without running it. For a pipeline that
    /// splits its table, <paramref name="afterStep"/> sees every output at each step from the split on, and the first
    /// output (the root table) is returned; <see cref="BuildAll"/> returns them all.
    /// </summary>
    public ProcessedTable Build(AlaSparkSession session, Action<int, ProcessedTable>? afterStep = null) => BuildAll(session, afterStep)[0];

    /// <summary>The tables as they are just before the sinks: one, or the outputs of the processor that splits it.</summary>
    public IReadOnlyList<ProcessedTable> BuildAll(AlaSparkSession session, Action<int, ProcessedTable>? afterStep = null)
    {
        var source = _source ?? throw new AlaSparkException($"The pipeline '{Name}' has no source.");
        // Describing a stream pipeline reads its source as a batch, with the stream reader's batch reader.
        var reader = _reader?.Invoke() ?? (_streamReader!() as FileStreamReader)?.CreateBatchReader()
            ?? throw new AlaSparkException($"The pipeline '{Name}' reads {source.Database}.{source.Table} with {source.Reader}, which can only be read as a stream.");
        var table = OpenSource(session, source, reader.Format).SetPipelineName(Name);
        if (_schema is not null) table = table.WithSchema(_schema);
        IReadOnlyList<ProcessedTable> tables = [table.Read(reader)];
        afterStep?.Invoke(0, tables[0]);
        for (var i = 0; i < _processors.Count; i++)
        {
            tables = _processors[i] switch
            {
                ToManyTablesProcessor split => tables[0].Apply(split),
                ToTableProcessor processor => tables.Select(t => t.Apply(processor)).ToList(),
                var other => throw new AlaSparkException($"The processor {other.Name} is neither a ToTableProcessor nor a ToManyTablesProcessor."),
            };
            foreach (var t in tables) afterStep?.Invoke(i + 1, t);
        }
        return tables;
    }

    public IReadOnlyList<WrittenTable> Run(PipelineContext context)
    {
        if (_streamReader is not null || _streamSinks.Count > 0) return RunStream(context);
        if (_sinks.Count == 0) throw new AlaSparkException($"The pipeline '{Name}' has no sink; add one with WriteTo.");
        var tables = BuildAll(context.Session);
        var splits = _processors.OfType<ToManyTablesProcessor>().Any();
        var written = new List<WrittenTable>();
        foreach (var (writer, sink, options) in _sinks)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (splits) written.AddRange(tables.WriteAll(writer, sink.Database, sink.Table, options));
            else written.Add(tables[0].Write(writer(), sink.Database, options));
        }
        return written;
    }

    /// <summary>
    /// The source's catalog entry, read at its <c>Path</c> when one is given. A table the catalog does not have
    /// is read from its <c>Path</c> alone, in the reader's format (with the given schema, or the reader's inference).
    /// </summary>
    private SourceTable OpenSource(AlaSparkSession session, SourceDescription source, string format)
    {
        var location = source.Path is { } template ? ResolveSourcePath(Render(template, session), session.Config) : null;
        if (session.Catalog.TryGetTable(source.Database, source.Table, out var entry))
            return new SourceTable(session, location is null ? entry : entry with { Location = location });
        if (location is not null)
            return new SourceTable(session, new CatalogTable(source.Database, source.Table, location, format));
        try
        {
            return session.Catalog.Database(source.Database).Table(source.Table);
        }
        catch (TableNotFoundException e)
        {
            throw new TableNotFoundException(e.Database, e.Table,
                $"The pipeline '{Name}' reads {source.Database}.{source.Table}: {e.Message} " +
                "Register the table in the catalog, or give the source a Path (and a Schema) to read it from files.");
        }
    }

    /// <summary>
    /// A relative source path is relative to the folder of the job's config file, where data shipped with the
    /// job sits; with no config file, to the working directory.
    /// </summary>
    private static string ResolveSourcePath(string path, JobConfig config)
    {
        var baseDirectory = Path.IsPathFullyQualified(config.SourceName) ? Path.GetDirectoryName(config.SourceName) : null;
        return Path.GetFullPath(path, baseDirectory ?? Environment.CurrentDirectory);
    }

    /// <summary>Replaces <c>{{ key }}</c> with the job config's value of <c>key</c>.</summary>
    private string Render(string template, AlaSparkSession session) =>
        Placeholder().Replace(template, m => session.Config.GetString(m.Groups[1].Value) ?? throw new ConfigurationException(
            $"The pipeline '{Name}' reads '{template}', but the key '{m.Groups[1].Value}' is not in the job's config ({session.Config.SourceName})."));

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
