using System.Text.Json.Nodes;
using AlaSpark.Delta.Json;

namespace AlaSpark.Delta.Actions;

/// <summary>
/// One action of the Delta transaction log (a line of a commit file, a row of a checkpoint).
/// <see cref="ToJson"/> gives the action's own object with the fields the protocol names, in the protocol's
/// order, leaving out optional fields that are absent; <see cref="ToJsonLine"/> wraps it as a commit line
/// (<c>{"add":{...}}</c>). Parse lines with <see cref="ActionJson"/>.
/// </summary>
public abstract record DeltaAction
{
    /// <summary>The action's key in the log: <c>add</c>, <c>remove</c>, <c>metaData</c>, <c>protocol</c>, ...</summary>
    public abstract string ActionName { get; }

    /// <summary>The action's own JSON object (without the wrapping key).</summary>
    public abstract JsonObject ToJson();

    /// <summary>The action as one line of a commit file: <c>{"&lt;name&gt;":{...}}</c>, no newline.</summary>
    public string ToJsonLine() => new JsonObject { [ActionName] = ToJson() }.ToJsonString(JsonRead.Compact);
}

/// <summary>The <c>protocol</c> action: the reader and writer versions (and features) a client needs.</summary>
public sealed record Protocol(
    int MinReaderVersion,
    int MinWriterVersion,
    IReadOnlyList<string>? ReaderFeatures = null,
    IReadOnlyList<string>? WriterFeatures = null) : DeltaAction
{
    public const string Key = "protocol";
    public override string ActionName => Key;

    /// <summary>True when the reader feature is listed (only reader version 3 lists features).</summary>
    public bool HasReaderFeature(string feature) => ReaderFeatures?.Contains(feature, StringComparer.Ordinal) == true;

    /// <summary>True when the writer feature is listed (only writer version 7 lists features).</summary>
    public bool HasWriterFeature(string feature) => WriterFeatures?.Contains(feature, StringComparer.Ordinal) == true;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["minReaderVersion"] = MinReaderVersion, ["minWriterVersion"] = MinWriterVersion };
        if (ReaderFeatures is not null) obj["readerFeatures"] = JsonRead.ToJsonArray(ReaderFeatures);
        if (WriterFeatures is not null) obj["writerFeatures"] = JsonRead.ToJsonArray(WriterFeatures);
        return obj;
    }

    public static Protocol FromJson(JsonObject obj) => new(
        JsonRead.Int(obj, "minReaderVersion") ?? throw new InvalidDataException("The 'protocol' action has no 'minReaderVersion'."),
        JsonRead.Int(obj, "minWriterVersion") ?? throw new InvalidDataException("The 'protocol' action has no 'minWriterVersion'."),
        JsonRead.StringList(obj, "readerFeatures"),
        JsonRead.StringList(obj, "writerFeatures"));
}

/// <summary>The <c>format</c> of a <see cref="Metadata"/> action: the data files' encoding.</summary>
public sealed record Format(string Provider, IReadOnlyDictionary<string, string> Options)
{
    public static Format Parquet { get; } = new("parquet", new Dictionary<string, string>());

    public JsonObject ToJson() => new() { ["provider"] = Provider, ["options"] = JsonRead.ToJsonObject(Options) };

    public static Format FromJson(JsonObject? obj) => obj is null
        ? Parquet
        : new Format(JsonRead.String(obj, "provider") ?? "parquet", JsonRead.StringMap(obj, "options") ?? new Dictionary<string, string>());
}

/// <summary>
/// The <c>metaData</c> action: the table's id, schema, partition columns and configuration. The protocol
/// requires <see cref="SchemaString"/>; tables written by old Delta versions without one read as having an
/// empty schema (as Delta on Spark does).
/// </summary>
public sealed record Metadata(
    string Id,
    string? Name,
    string? Description,
    Format Format,
    string? SchemaString,
    IReadOnlyList<string> PartitionColumns,
    IReadOnlyDictionary<string, string> Configuration,
    long? CreatedTime) : DeltaAction
{
    public const string Key = "metaData";
    public override string ActionName => Key;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["id"] = Id };
        if (Name is not null) obj["name"] = Name;
        if (Description is not null) obj["description"] = Description;
        obj["format"] = Format.ToJson();
        if (SchemaString is not null) obj["schemaString"] = SchemaString;
        obj["partitionColumns"] = JsonRead.ToJsonArray(PartitionColumns);
        obj["configuration"] = JsonRead.ToJsonObject(Configuration);
        if (CreatedTime is not null) obj["createdTime"] = CreatedTime.Value;
        return obj;
    }

    public static Metadata FromJson(JsonObject obj) => new(
        JsonRead.String(obj, "id") ?? "",
        JsonRead.String(obj, "name"),
        JsonRead.String(obj, "description"),
        Format.FromJson(JsonRead.Object(obj, "format")),
        JsonRead.String(obj, "schemaString"),
        JsonRead.StringList(obj, "partitionColumns") ?? Array.Empty<string>(),
        JsonRead.StringMap(obj, "configuration") ?? new Dictionary<string, string>(),
        JsonRead.Long(obj, "createdTime"));
}

/// <summary>
/// The <c>add</c> action: a logical file of the table (a data file plus an optional deletion vector).
/// <see cref="Path"/> is the URI-encoded path as written in the log, relative to the table root or absolute.
/// </summary>
public sealed record AddFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    long ModificationTime,
    bool DataChange,
    string? Stats = null,
    IReadOnlyDictionary<string, string?>? Tags = null,
    DeletionVectorDescriptor? DeletionVector = null,
    long? BaseRowId = null,
    long? DefaultRowCommitVersion = null,
    string? ClusteringProvider = null) : DeltaAction
{
    public const string Key = "add";
    public override string ActionName => Key;

    /// <summary>The primary key's second half: the deletion vector's unique id, or null without one.</summary>
    public string? DeletionVectorId => DeletionVector?.UniqueId;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject
        {
            ["path"] = Path,
            ["partitionValues"] = JsonRead.ToJsonObject(PartitionValues),
            ["size"] = Size,
            ["modificationTime"] = ModificationTime,
            ["dataChange"] = DataChange,
        };
        if (Stats is not null) obj["stats"] = Stats;
        if (Tags is not null) obj["tags"] = JsonRead.ToJsonObject(Tags);
        if (DeletionVector is not null) obj["deletionVector"] = DeletionVector.ToJson();
        if (BaseRowId is not null) obj["baseRowId"] = BaseRowId.Value;
        if (DefaultRowCommitVersion is not null) obj["defaultRowCommitVersion"] = DefaultRowCommitVersion.Value;
        if (ClusteringProvider is not null) obj["clusteringProvider"] = ClusteringProvider;
        return obj;
    }

    public static AddFile FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "path", Key),
        JsonRead.NullableStringMap(obj, "partitionValues") ?? new Dictionary<string, string?>(),
        JsonRead.Long(obj, "size") ?? 0,
        JsonRead.Long(obj, "modificationTime") ?? 0,
        JsonRead.Bool(obj, "dataChange") ?? true,
        JsonRead.String(obj, "stats"),
        JsonRead.NullableStringMap(obj, "tags"),
        DeletionVectorDescriptor.FromJson(JsonRead.Object(obj, "deletionVector")),
        JsonRead.Long(obj, "baseRowId"),
        JsonRead.Long(obj, "defaultRowCommitVersion"),
        JsonRead.String(obj, "clusteringProvider"));

    /// <summary>The <c>remove</c> that tombstones this logical file (what a writer commits to delete it).</summary>
    public RemoveFile ToRemove(long deletionTimestamp, bool dataChange = true) => new(
        Path, deletionTimestamp, dataChange, ExtendedFileMetadata: true, PartitionValues, Size, Stats, Tags,
        DeletionVector, BaseRowId, DefaultRowCommitVersion);
}

/// <summary>The <c>remove</c> action: a tombstone for a logical file that is no longer in the table.</summary>
public sealed record RemoveFile(
    string Path,
    long? DeletionTimestamp,
    bool DataChange,
    bool? ExtendedFileMetadata = null,
    IReadOnlyDictionary<string, string?>? PartitionValues = null,
    long? Size = null,
    string? Stats = null,
    IReadOnlyDictionary<string, string?>? Tags = null,
    DeletionVectorDescriptor? DeletionVector = null,
    long? BaseRowId = null,
    long? DefaultRowCommitVersion = null) : DeltaAction
{
    public const string Key = "remove";
    public override string ActionName => Key;

    public string? DeletionVectorId => DeletionVector?.UniqueId;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["path"] = Path };
        if (DeletionTimestamp is not null) obj["deletionTimestamp"] = DeletionTimestamp.Value;
        obj["dataChange"] = DataChange;
        if (ExtendedFileMetadata is not null) obj["extendedFileMetadata"] = ExtendedFileMetadata.Value;
        if (PartitionValues is not null) obj["partitionValues"] = JsonRead.ToJsonObject(PartitionValues);
        if (Size is not null) obj["size"] = Size.Value;
        if (Stats is not null) obj["stats"] = Stats;
        if (Tags is not null) obj["tags"] = JsonRead.ToJsonObject(Tags);
        if (DeletionVector is not null) obj["deletionVector"] = DeletionVector.ToJson();
        if (BaseRowId is not null) obj["baseRowId"] = BaseRowId.Value;
        if (DefaultRowCommitVersion is not null) obj["defaultRowCommitVersion"] = DefaultRowCommitVersion.Value;
        return obj;
    }

    public static RemoveFile FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "path", Key),
        JsonRead.Long(obj, "deletionTimestamp"),
        JsonRead.Bool(obj, "dataChange") ?? true,
        JsonRead.Bool(obj, "extendedFileMetadata"),
        JsonRead.NullableStringMap(obj, "partitionValues"),
        JsonRead.Long(obj, "size"),
        JsonRead.String(obj, "stats"),
        JsonRead.NullableStringMap(obj, "tags"),
        DeletionVectorDescriptor.FromJson(JsonRead.Object(obj, "deletionVector")),
        JsonRead.Long(obj, "baseRowId"),
        JsonRead.Long(obj, "defaultRowCommitVersion"));
}

/// <summary>The <c>cdc</c> action: a change data file of the version it is in.</summary>
public sealed record AddCdcFile(
    string Path,
    IReadOnlyDictionary<string, string?> PartitionValues,
    long Size,
    bool DataChange = false,
    IReadOnlyDictionary<string, string?>? Tags = null) : DeltaAction
{
    public const string Key = "cdc";
    public override string ActionName => Key;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject
        {
            ["path"] = Path,
            ["partitionValues"] = JsonRead.ToJsonObject(PartitionValues),
            ["size"] = Size,
            ["dataChange"] = DataChange,
        };
        if (Tags is not null) obj["tags"] = JsonRead.ToJsonObject(Tags);
        return obj;
    }

    public static AddCdcFile FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "path", Key),
        JsonRead.NullableStringMap(obj, "partitionValues") ?? new Dictionary<string, string?>(),
        JsonRead.Long(obj, "size") ?? 0,
        JsonRead.Bool(obj, "dataChange") ?? false,
        JsonRead.NullableStringMap(obj, "tags"));
}

/// <summary>The <c>txn</c> action: an application's transaction version (idempotent writes).</summary>
public sealed record SetTransaction(string AppId, long Version, long? LastUpdated = null) : DeltaAction
{
    public const string Key = "txn";
    public override string ActionName => Key;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["appId"] = AppId, ["version"] = Version };
        if (LastUpdated is not null) obj["lastUpdated"] = LastUpdated.Value;
        return obj;
    }

    public static SetTransaction FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "appId", Key),
        JsonRead.RequiredLong(obj, "version", Key),
        JsonRead.Long(obj, "lastUpdated"));
}

/// <summary>
/// The <c>commitInfo</c> action: free-form provenance. The whole JSON object is kept in <see cref="Raw"/>
/// (and written back as it is); the usual fields are read from it when present.
/// </summary>
public sealed record CommitInfo : DeltaAction
{
    public const string Key = "commitInfo";

    public CommitInfo(JsonObject raw) => Raw = raw;

    public override string ActionName => Key;

    /// <summary>The commit information exactly as read; treat it as read-only.</summary>
    public JsonObject Raw { get; }

    /// <summary>Milliseconds since the epoch when the writer committed (<c>timestamp</c>).</summary>
    public long? Timestamp => Try(() => JsonRead.Long(Raw, "timestamp"));

    /// <summary>The in-commit timestamp (milliseconds since the epoch), written when In-Commit Timestamps are on.</summary>
    public long? InCommitTimestamp => Try(() => JsonRead.Long(Raw, "inCommitTimestamp"));

    public string? Operation => JsonRead.String(Raw, "operation");

    /// <summary>The operation's parameters; values are JSON (usually strings, but any JSON type occurs).</summary>
    public IReadOnlyDictionary<string, JsonNode?> OperationParameters => Map("operationParameters");

    public IReadOnlyDictionary<string, JsonNode?> OperationMetrics => Map("operationMetrics");

    public string? EngineInfo => JsonRead.String(Raw, "engineInfo");

    /// <summary>The writer's version string as old Delta writers recorded it (<c>clientVersion</c>).</summary>
    public string? ClientVersion => JsonRead.String(Raw, "clientVersion");

    public string? UserMetadata => JsonRead.String(Raw, "userMetadata");

    public long? ReadVersion => Try(() => JsonRead.Long(Raw, "readVersion"));

    public string? IsolationLevel => JsonRead.String(Raw, "isolationLevel");

    public bool? IsBlindAppend => Try(() => JsonRead.Bool(Raw, "isBlindAppend"));

    public string? TxnId => JsonRead.String(Raw, "txnId");

    public override JsonObject ToJson() => (JsonObject)Raw.DeepClone();

    public static CommitInfo FromJson(JsonObject obj) => new(obj);

    private IReadOnlyDictionary<string, JsonNode?> Map(string name)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (JsonRead.Field(Raw, name) is JsonObject obj)
            foreach (var (key, value) in obj) result[key] = value;
        return result;
    }

    private static T? Try<T>(Func<T?> read) where T : struct
    {
        try { return read(); }
        catch (InvalidDataException) { return null; }
    }
}

/// <summary>The <c>domainMetadata</c> action: a named configuration string; <see cref="Removed"/> makes it a tombstone.</summary>
public sealed record DomainMetadata(string Domain, string Configuration, bool Removed) : DeltaAction
{
    public const string Key = "domainMetadata";
    public override string ActionName => Key;

    public override JsonObject ToJson() => new() { ["domain"] = Domain, ["configuration"] = Configuration, ["removed"] = Removed };

    public static DomainMetadata FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "domain", Key),
        JsonRead.String(obj, "configuration") ?? "",
        JsonRead.Bool(obj, "removed") ?? false);
}

/// <summary>The <c>checkpointMetadata</c> action of a V2 checkpoint.</summary>
public sealed record CheckpointMetadata(long Version, IReadOnlyDictionary<string, string?>? Tags = null) : DeltaAction
{
    public const string Key = "checkpointMetadata";
    public override string ActionName => Key;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["version"] = Version };
        if (Tags is not null) obj["tags"] = JsonRead.ToJsonObject(Tags);
        return obj;
    }

    public static CheckpointMetadata FromJson(JsonObject obj) => new(
        JsonRead.RequiredLong(obj, "version", Key), JsonRead.NullableStringMap(obj, "tags"));
}

/// <summary>The <c>sidecar</c> action of a V2 checkpoint: a file of <c>_delta_log/_sidecars</c> holding file actions.</summary>
public sealed record SidecarFile(string Path, long SizeInBytes, long ModificationTime, IReadOnlyDictionary<string, string?>? Tags = null) : DeltaAction
{
    public const string Key = "sidecar";
    public override string ActionName => Key;

    public override JsonObject ToJson()
    {
        var obj = new JsonObject { ["path"] = Path, ["sizeInBytes"] = SizeInBytes, ["modificationTime"] = ModificationTime };
        if (Tags is not null) obj["tags"] = JsonRead.ToJsonObject(Tags);
        return obj;
    }

    public static SidecarFile FromJson(JsonObject obj) => new(
        JsonRead.RequiredString(obj, "path", Key),
        JsonRead.Long(obj, "sizeInBytes") ?? 0,
        JsonRead.Long(obj, "modificationTime") ?? 0,
        JsonRead.NullableStringMap(obj, "tags"));
}
