using System.Globalization;

namespace AlaSpark.Delta;

/// <summary>
/// Reads a Delta table as a stream (the <c>DeltaStreamSource</c> of dsl.md), as Spark's Delta source does: without
/// a starting version or timestamp the first batch is the table as it is when the query starts, then each batch
/// reads the files added by the versions after the last one read. A version that removes data is an error naming
/// it, unless <see cref="IgnoreDeletes"/> (versions that only remove files) or <see cref="SkipChangeCommits"/> (any
/// version that removes files) says to skip it.
/// </summary>
/// <remarks>
/// <see cref="StreamingReader.Options"/> takes Spark's names of the same settings (<see cref="OptionNames"/>); an
/// option overrides its property, and <c>startingVersion</c> or <c>startingTimestamp</c> replaces whichever start the
/// properties give. Any other option is an error. The start is read once: the first time the query runs with its
/// checkpoint it is decided and recorded there, and a restart continues from the checkpoint.
/// </remarks>
public sealed class DeltaStreamReader : StreamingReader
{
    /// <summary>
    /// The read option of a micro-batch: the versions (comma-separated) whose added files it reads, instead of
    /// the files of the snapshot given by <c>versionAsOf</c> (the last of them). The embedded engine reads it.
    /// </summary>
    public const string ChangeVersionsOption = "alaspark.changeVersions";

    /// <summary>The options the reader takes, in Spark's names (case-insensitive).</summary>
    public static IReadOnlyList<string> OptionNames { get; } = ["startingVersion", "startingTimestamp", "ignoreDeletes", "skipChangeCommits", "maxFilesPerTrigger"];

    /// <summary>Options of Spark's Delta source that AlaSpark's does not read (an error, with a word saying so).</summary>
    private static readonly string[] SparkOnlyOptions =
        ["maxBytesPerTrigger", "readChangeFeed", "readChangeData", "ignoreChanges", "ignoreFileDeletion", "failOnDataLoss", "excludeRegex", "schemaTrackingLocation", "startingOffsets"];

    /// <summary>The first version to read (its changes, not the table as of it); null to start with the table as it is. Option <c>startingVersion</c>.</summary>
    public long? StartingVersion { get; set; }

    /// <summary>Read only the versions committed after the query first starts (Spark's <c>startingVersion=latest</c>).</summary>
    public bool StartingVersionLatest { get; set; }

    /// <summary>
    /// Start with the first version committed at or after this time (option <c>startingTimestamp</c>): the earliest
    /// version when it is before every commit; a time after the latest commit is an error. Commit times are those
    /// of time travel (<see cref="DeltaTable.SnapshotAsOf"/>).
    /// </summary>
    public DateTimeOffset? StartingTimestamp { get; set; }

    /// <summary>Skip versions that only remove files (deletes of whole partitions), as Spark's <c>ignoreDeletes</c>.</summary>
    public bool IgnoreDeletes { get; set; }

    /// <summary>Skip every version that removes files (updates, deletes, merges), as Spark's <c>skipChangeCommits</c>.</summary>
    public bool SkipChangeCommits { get; set; }

    /// <summary>Roughly the most files a batch reads: whole versions are taken until it is reached (at least one version). Default 1000. Option <c>maxFilesPerTrigger</c>.</summary>
    public int MaxFilesPerTrigger { get; set; } = 1000;

    public override StreamSource CreateSource(SourceTable table)
    {
        if (!table.Entry.Format.Equals("delta", StringComparison.OrdinalIgnoreCase))
            throw new AlaSparkException($"The table {table.FullName} is a {table.Entry.Format} table; DeltaStreamReader reads Delta tables. Use the {table.Entry.Format} stream reader.");
        return new DeltaStreamSource(Settings(table), table);
    }

    /// <summary>The properties with the options applied, checked.</summary>
    private DeltaStreamSettings Settings(SourceTable table)
    {
        foreach (var key in Options.Keys)
            if (!OptionNames.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new AlaSparkException(
                    $"The Delta stream {table.FullName} has the option '{key}', which it does not take{(SparkOnlyOptions.Contains(key, StringComparer.OrdinalIgnoreCase) ? " (Spark's Delta source has it; AlaSpark's does not)" : "")}. " +
                    $"Its options are {string.Join(", ", OptionNames)}; remove '{key}' or fix its name.");

        var starts = (StartingVersion is null ? 0 : 1) + (StartingVersionLatest ? 1 : 0) + (StartingTimestamp is null ? 0 : 1);
        if (starts > 1)
            throw new AlaSparkException($"The Delta stream {table.FullName} sets more than one of StartingVersion, StartingVersionLatest and StartingTimestamp; set one of them.");
        if (StartingVersion is < 0) throw new AlaSparkException($"The stream {table.FullName}: StartingVersion must be 0 or more, not {StartingVersion}.");
        if (MaxFilesPerTrigger <= 0) throw new AlaSparkException($"The stream {table.FullName}: MaxFilesPerTrigger must be positive, not {MaxFilesPerTrigger}.");
        var start = StartingTimestamp is { } at ? new DeltaStreamStart(null, false, at)
            : StartingVersionLatest || StartingVersion is not null ? new DeltaStreamStart(StartingVersion, StartingVersionLatest, null)
            : null;

        var version = Options.GetValueOrDefault("startingVersion");
        var timestamp = Options.GetValueOrDefault("startingTimestamp");
        if (version is not null && timestamp is not null)
            throw new AlaSparkException(
                $"[DELTA_STARTING_VERSION_AND_TIMESTAMP_BOTH_SET] The Delta stream {table.FullName} has both startingVersion ({version}) and startingTimestamp ({timestamp}); give one of them.");
        if (version is not null) start = ParseStartingVersion(version, table);
        if (timestamp is not null) start = new DeltaStreamStart(null, false, ParseStartingTimestamp(timestamp, table));

        return new DeltaStreamSettings(
            start,
            Options.TryGetValue("ignoreDeletes", out var ignoreDeletes) ? Boolean("ignoreDeletes", ignoreDeletes, table) : IgnoreDeletes,
            Options.TryGetValue("skipChangeCommits", out var skip) ? Boolean("skipChangeCommits", skip, table) : SkipChangeCommits,
            Options.TryGetValue("maxFilesPerTrigger", out var files) ? (int)Math.Min(int.MaxValue, PositiveOption("maxFilesPerTrigger", files, table)) : MaxFilesPerTrigger);
    }

    private static DeltaStreamStart ParseStartingVersion(string value, SourceTable table) =>
        value.Equals("latest", StringComparison.OrdinalIgnoreCase) ? new DeltaStreamStart(null, true, null)
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? new DeltaStreamStart(v, false, null)
        : throw BadOption("startingVersion", value, table, "a version number (0 or more) or 'latest'");

    private static DateTimeOffset ParseStartingTimestamp(string value, SourceTable table) =>
        DateTimeOffset.TryParseExact(value, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw BadOption("startingTimestamp", value, table, "a date such as 2026-01-01 or a timestamp such as 2026-01-01T10:00:00Z or 2026-01-01 10:00:00 (UTC unless it has an offset)");

    /// <summary>A date, or a date and time with <c>T</c> or a space between, optional fractions of a second and an optional offset (<c>Z</c>, <c>+01:00</c>).</summary>
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK"];

    private static bool Boolean(string name, string value, SourceTable table) =>
        bool.TryParse(value, out var b) ? b : throw BadOption(name, value, table, "true or false");
}

/// <summary>Where a Delta stream starts: a version, the versions after the latest, or the first version committed at or after a time.</summary>
internal sealed record DeltaStreamStart(long? Version, bool Latest, DateTimeOffset? Timestamp)
{
    public override string ToString() =>
        Timestamp is { } t ? $"startingTimestamp={DeltaTable.Format(t)}"
        : Latest ? "startingVersion=latest"
        : $"startingVersion={Version?.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A <see cref="DeltaStreamReader"/>'s settings once its options are applied; <see cref="Start"/> is null for the table as it is.</summary>
internal sealed record DeltaStreamSettings(DeltaStreamStart? Start, bool IgnoreDeletes, bool SkipChangeCommits, int MaxFilesPerTrigger);
