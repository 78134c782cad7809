using AlaSpark.Delta.Actions;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>
/// A write to a Delta table: started on the latest snapshot (none when the table does not exist yet), it
/// collects actions — a new protocol or metadata, files added and removed, an application transaction — and
/// commits them as one version with <see cref="DeltaCommitter"/>. Not thread-safe; one transaction per writer.
/// </summary>
/// <example>
/// <code>
/// var txn = DeltaTable.ForPath(path).StartTransaction();
/// if (txn.IsCommitted(new TransactionId("ingest", 42))) return;      // already written
/// txn.AddFiles(written.Files.Select(f => txn.AddFileFor(f)));
/// var result = txn.Commit("WRITE", new Dictionary&lt;string, string?&gt; { ["mode"] = "Append", ["partitionBy"] = "[]" });
/// </code>
/// </example>
public sealed class DeltaTransaction
{
    private readonly List<AddFile> _adds = [];
    private readonly List<RemoveFile> _removes = [];
    private readonly List<DeltaAction> _other = [];
    private Metadata? _metadata;
    private Protocol? _protocol;

    internal DeltaTransaction(DeltaTable table, Snapshot? snapshot)
    {
        Table = table;
        Snapshot = snapshot;
        if (snapshot is not null)
            WriterFeatures.CheckWritable(table.Path, snapshot.Version, snapshot.Protocol, snapshot.Metadata, snapshot.Schema);
    }

    public DeltaTable Table { get; }

    /// <summary>The snapshot the transaction read; null when the table does not exist yet.</summary>
    public Snapshot? Snapshot { get; }

    /// <summary>The version read; -1 when the transaction creates the table.</summary>
    public long ReadVersion => Snapshot?.Version ?? -1;

    /// <summary>The metadata the commit will leave: the new one, or the snapshot's.</summary>
    public Metadata? Metadata => _metadata ?? Snapshot?.Metadata;

    /// <summary>The protocol the commit will leave: the new one, or the snapshot's.</summary>
    public Protocol? Protocol => _protocol ?? Snapshot?.Protocol;

    /// <summary>The schema the commit will leave.</summary>
    public StructType Schema => _metadata is not null ? StructType.FromJson(_metadata.SchemaString ?? StructType.Empty.Json) : Snapshot?.Schema ?? StructType.Empty;

    /// <summary>True when the transaction's write depends on the table's data (an overwrite): not a blind append.</summary>
    public bool ReadsData { get; set; }

    /// <summary>The application transaction committed with the actions, if any.</summary>
    public TransactionId? Txn { get; private set; }

    /// <summary>True when the table already holds this version (or a later one) of the application's transaction.</summary>
    public bool IsCommitted(TransactionId txn) => Snapshot?.TxnVersion(txn.AppId) is { } v && v >= txn.Version;

    /// <summary>Records the application transaction (a <c>txn</c> action) with this commit.</summary>
    public void SetTransaction(TransactionId txn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txn.AppId);
        Txn = txn;
    }

    /// <summary>
    /// Sets the table's metadata (a new table, a merged schema, a replaced schema or partitioning). The protocol
    /// is upgraded in the same commit when the schema or configuration needs it (a <c>timestamp_ntz</c> column).
    /// </summary>
    public void UpdateMetadata(Metadata metadata)
    {
        _metadata = metadata;
        var schema = StructType.FromJson(metadata.SchemaString ?? StructType.Empty.Json);
        var current = _protocol ?? Snapshot?.Protocol;
        if (current is null) _protocol = WriterFeatures.RequiredProtocol(schema, metadata.Configuration);
        else if (WriterFeatures.Upgrade(current, schema, metadata.Configuration) is { } upgraded) _protocol = upgraded;
    }

    /// <summary>Sets the protocol explicitly (normally <see cref="UpdateMetadata"/> chooses it).</summary>
    public void UpdateProtocol(Protocol protocol) => _protocol = protocol;

    public void AddFile(AddFile add) => _adds.Add(add);

    public void AddFiles(IEnumerable<AddFile> adds) => _adds.AddRange(adds);

    public void RemoveFile(RemoveFile remove)
    {
        _removes.Add(remove);
        ReadsData = true;
    }

    /// <summary>Removes every file of the snapshot (an overwrite): the data files stay on disk for older versions.</summary>
    public int RemoveAllFiles(long? deletionTimestamp = null)
    {
        if (Snapshot is null) return 0;
        var now = deletionTimestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var file in Snapshot.Files) _removes.Add(file.Add.ToRemove(now));
        ReadsData = true;
        return Snapshot.Files.Count;
    }

    /// <summary>Adds another action (domain metadata, ...).</summary>
    public void Add(DeltaAction action)
    {
        switch (action)
        {
            case AddFile add: AddFile(add); break;
            case RemoveFile remove: RemoveFile(remove); break;
            case Metadata metadata: UpdateMetadata(metadata); break;
            case Protocol protocol: UpdateProtocol(protocol); break;
            case SetTransaction txn: SetTransaction(new TransactionId(txn.AppId, txn.Version)); break;
            default: _other.Add(action); break;
        }
    }

    /// <summary>The <c>add</c> action of a data file the engine wrote under the table root.</summary>
    public AddFile AddFileFor(WrittenFile file, long? modificationTime = null)
    {
        var metadata = Metadata ?? throw new InvalidOperationException($"The Delta table {Table.Path} has no metadata yet: call UpdateMetadata first.");
        return FileActions.Add(file, Schema, metadata, modificationTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>The actions collected so far (without the <c>commitInfo</c> and the <c>txn</c>).</summary>
    public IReadOnlyList<DeltaAction> Actions
    {
        get
        {
            var actions = new List<DeltaAction>();
            if (_protocol is not null && !_protocol.Equals(Snapshot?.Protocol)) actions.Add(_protocol);
            if (_metadata is not null) actions.Add(_metadata);
            actions.AddRange(_other);
            actions.AddRange(_removes);
            actions.AddRange(_adds);
            return actions;
        }
    }

    /// <summary>Commits the transaction as the next version (see <see cref="DeltaCommitter"/>).</summary>
    public CommitResult Commit(string operation, IReadOnlyDictionary<string, string?>? parameters = null, IReadOnlyDictionary<string, long>? metrics = null,
        int maxAttempts = 100)
    {
        var actions = Actions;
        if (Snapshot is null && _protocol is not null && !actions.OfType<Protocol>().Any()) actions = [_protocol, .. actions];
        var request = new CommitRequest
        {
            Operation = operation,
            OperationParameters = parameters ?? new Dictionary<string, string?>(),
            OperationMetrics = metrics ?? new Dictionary<string, long>(),
            ReadVersion = ReadVersion,
            IsBlindAppend = !ReadsData,
            Txn = Txn,
            MaxAttempts = maxAttempts,
        };
        return DeltaCommitter.Commit(Table, Snapshot, actions, request);
    }
}
