
namespace AlaSpark.Delta;

/// <summary>
/// Reads a Delta table as a stream (the <c>DeltaStreamSource</c> of dsl.md), as Spark's Delta source does: without
/// <see cref="StartingVersion"/> the first batch is the table as it is when the query starts, then each batch
/// reads the files added by the versions after the last one read. A version that removes data is an error naming
/// it, unless <see cref="IgnoreDeletes"/> (versions that only remove files) or <see cref="SkipChangeCommits"/> (any
/// version that removes files) says to skip it.
/// </summary>
public sealed class DeltaStreamReader : StreamingReader
{
    /// <summary>
    /// The read option of a micro-batch: the versions (comma-separated) whose added files it reads, instead of
    /// the files of the snapshot given by <c>versionAsOf</c> (the last of them). The embedded engine reads it.
    /// </summary>
    public const string ChangeVersionsOption = "alaspark.changeVersions";

    /// <summary>The first version to read (its changes, not the table as of it); null to start with the table as it is.</summary>
    public long? StartingVersion { get; set; }

    /// <summary>Skip versions that only remove files (deletes of whole partitions), as Spark's <c>ignoreDeletes</c>.</summary>
    public bool IgnoreDeletes { get; set; }

    /// <summary>Skip every version that removes files (updates, deletes, merges), as Spark's <c>skipChangeCommits</c>.</summary>
    public bool SkipChangeCommits { get; set; }

    /// <summary>Roughly the most files a batch reads: whole versions are taken until it is reached (at least one version). Default 1000.</summary>
    public int MaxFilesPerTrigger { get; set; } = 1000;

    public override StreamSource CreateSource(SourceTable table)
    {
        if (!table.Entry.Format.Equals("delta", StringComparison.OrdinalIgnoreCase))
            throw new AlaSparkException($"The table {table.FullName} is a {table.Entry.Format} table; DeltaStreamReader reads Delta tables. Use the {table.Entry.Format} stream reader.");
        if (MaxFilesPerTrigger <= 0) throw new AlaSparkException($"The stream {table.FullName}: MaxFilesPerTrigger must be positive, not {MaxFilesPerTrigger}.");
        if (StartingVersion is < 0) throw new AlaSparkException($"The stream {table.FullName}: StartingVersion must be 0 or more, not {StartingVersion}.");
        return new DeltaStreamSource(this, table);
    }
}
