namespace AlaSpark.Delta;

/// <summary>An error reading or writing a Delta table: it names the table, the version and what is wrong.</summary>
public class DeltaException : AlaSparkException
{
    public DeltaException(string message) : base(message) { }

    public DeltaException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The path holds no Delta table: no <c>_delta_log</c> folder, or one without commits or checkpoints.</summary>
public sealed class DeltaTableNotFoundException : DeltaException
{
    public DeltaTableNotFoundException(string tablePath, string reason)
        : base($"No Delta table at {tablePath}: {reason}") => TablePath = tablePath;

    public string TablePath { get; }
}

/// <summary>
/// The table needs a reader protocol version or a reader feature that AlaSpark does not support
/// (<see cref="Feature"/> is null when it is the protocol version itself).
/// </summary>
public sealed class DeltaUnsupportedFeatureException : DeltaException
{
    public DeltaUnsupportedFeatureException(string tablePath, long version, string? feature, string message)
        : base(message)
    {
        TablePath = tablePath;
        Version = version;
        Feature = feature;
    }

    public string TablePath { get; }
    public long Version { get; }
    public string? Feature { get; }
}

/// <summary>
/// The log can't be replayed into a valid snapshot: a missing protocol or metadata, versions that are not
/// contiguous, a commit that is not valid JSON, an unreadable or incomplete checkpoint.
/// </summary>
public sealed class DeltaLogCorruptException : DeltaException
{
    public DeltaLogCorruptException(string tablePath, long? version, string message, Exception? inner = null)
        : base(message, inner ?? new InvalidDataException(message))
    {
        TablePath = tablePath;
        Version = version;
    }

    public string TablePath { get; }
    public long? Version { get; }
}

/// <summary>
/// A version or timestamp asked for is not available: after the latest version, or before the earliest one
/// the log can still reconstruct. The message names the earliest and latest available.
/// </summary>
public sealed class DeltaVersionNotFoundException : DeltaException
{
    public DeltaVersionNotFoundException(string tablePath, string message, long earliest, long latest)
        : base(message)
    {
        TablePath = tablePath;
        EarliestVersion = earliest;
        LatestVersion = latest;
    }

    public string TablePath { get; }
    public long EarliestVersion { get; }
    public long LatestVersion { get; }
}

/// <summary>A put-if-absent write found the file already there: another writer committed that version first.</summary>
public sealed class DeltaFileAlreadyExistsException : DeltaException
{
    public DeltaFileAlreadyExistsException(string path)
        : base($"The file {path} already exists.") => FilePath = path;

    public string FilePath { get; }
}

/// <summary>
/// A commit lost a race it can't retry: another writer committed a version in between that this transaction
/// conflicts with (it changed the protocol or metadata, created the table, committed the same application
/// transaction, or added or removed files a non-blind write depends on). The message names the table, the
/// version the other writer committed and what it did.
/// </summary>
public sealed class DeltaConcurrentModificationException : DeltaException
{
    public DeltaConcurrentModificationException(string tablePath, long readVersion, long conflictingVersion, string message)
        : base(message)
    {
        TablePath = tablePath;
        ReadVersion = readVersion;
        ConflictingVersion = conflictingVersion;
    }

    public string TablePath { get; }

    /// <summary>The version the transaction read (-1 when it created the table).</summary>
    public long ReadVersion { get; }

    /// <summary>The version another writer committed that this transaction conflicts with.</summary>
    public long ConflictingVersion { get; }
}

/// <summary>
/// AlaSpark can't write the table: its protocol needs a writer version or feature AlaSpark does not support,
/// or the table uses a capability (invariants, constraints, generated or identity columns...) the writer can't
/// honour. (Reading it may still work.)
/// </summary>
public sealed class DeltaUnsupportedWriteException : DeltaException
{
    public DeltaUnsupportedWriteException(string tablePath, string message) : base(message) => TablePath = tablePath;

    public string TablePath { get; }
}
