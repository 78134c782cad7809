namespace AlaSpark;

/// <summary>
/// Reads a table's folder as a stream of new files (the <c>CsvStreamSource</c>, <c>JsonStreamSource</c> and
/// <c>ParquetStreamSource</c> of dsl.md): each batch reads its files with the batch reader of the format, so
/// options, schema and bad-record handling are the batch read's. Its <see cref="StreamingReader.Options"/> are
/// <c>maxFilesPerTrigger</c>, <c>maxBytesPerTrigger</c> and the batch reader's options (which override the catalog's).
/// </summary>
public abstract class FileStreamReader : StreamingReader
{
    /// <summary>The data source format (<c>csv</c>, <c>json</c>, <c>parquet</c>).</summary>
    public abstract string Format { get; }

    /// <summary>What to do with malformed rows (CSV and JSON). Quarantined rows of batch <c>b</c> go to
    /// <c>&lt;bad records path&gt;/&lt;query id&gt;/&lt;b&gt;/</c>, written once even when the batch is replayed.</summary>
    public BadRecordsMode BadRecords { get; set; } = BadRecordsMode.Quarantine;

    /// <summary>Where quarantined rows go; default <c>&lt;bad records path&gt;/&lt;database&gt;/&lt;table&gt;</c>.</summary>
    public string? BadRecordsPath { get; set; }

    /// <summary>The most files a batch reads (Spark's <c>maxFilesPerTrigger</c>; option of the same name). Default 1000.</summary>
    public int? MaxFilesPerTrigger { get; set; } = 1000;

    /// <summary>Roughly the most bytes a batch reads (Spark's <c>maxBytesPerTrigger</c>); a batch takes at least one file.</summary>
    public long? MaxBytesPerTrigger { get; set; }

    /// <summary>A file modified more recently than this is listed again after it; if it changed, it waits for a later batch.</summary>
    public TimeSpan FileStableAfter { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The batch reader that reads a batch's files.</summary>
    protected internal abstract Reader CreateBatchReaderOfFormat();

    internal Reader CreateBatchReader()
    {
        var reader = CreateBatchReaderOfFormat();
        reader.BadRecords = BadRecords;
        reader.BadRecordsPath = BadRecordsPath;
        foreach (var (key, value) in Options)
            if (!IsStreamOption(key)) reader.Options[key] = value;
        return reader;
    }

    public override StreamSource CreateSource(SourceTable table)
    {
        if (Options.TryGetValue("maxFilesPerTrigger", out var files)) MaxFilesPerTrigger = (int)Math.Min(int.MaxValue, PositiveOption("maxFilesPerTrigger", files, table));
        if (Options.TryGetValue("maxBytesPerTrigger", out var bytes)) MaxBytesPerTrigger = PositiveOption("maxBytesPerTrigger", bytes, table);
        if (MaxFilesPerTrigger is <= 0 || MaxBytesPerTrigger is <= 0)
            throw new AlaSparkException($"The stream {table.FullName}: maxFilesPerTrigger and maxBytesPerTrigger must be positive.");
        return new FileStreamSource(this, table);
    }

    private static bool IsStreamOption(string key) =>
        key.Equals("maxFilesPerTrigger", StringComparison.OrdinalIgnoreCase) || key.Equals("maxBytesPerTrigger", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads new CSV files of a folder as a stream (with a header unless the table's <c>header</c> property says otherwise).</summary>
public sealed class CsvStreamReader : FileStreamReader
{
    public override string Format => "csv";
    protected internal override Reader CreateBatchReaderOfFormat() => new CsvReader();
}

/// <summary>Reads new JSON lines files of a folder as a stream.</summary>
public sealed class JsonStreamReader : FileStreamReader
{
    public override string Format => "json";
    protected internal override Reader CreateBatchReaderOfFormat() => new JsonReader();
}

/// <summary>Reads new Parquet files of a folder as a stream.</summary>
public sealed class ParquetStreamReader : FileStreamReader
{
    public override string Format => "parquet";
    protected internal override Reader CreateBatchReaderOfFormat() => new ParquetReader();
}
