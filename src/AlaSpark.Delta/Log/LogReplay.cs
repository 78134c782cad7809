using AlaSpark.Delta.Actions;

namespace AlaSpark.Delta.Log;

/// <summary>
/// Action reconciliation, as the protocol defines it: the latest <c>protocol</c> and <c>metaData</c> win; a
/// logical file is keyed by its path and deletion vector id, and the newest reference wins (an <c>add</c> keeps
/// it, a <c>remove</c> turns it into a tombstone); the latest <c>txn</c> per application id and
/// <c>domainMetadata</c> per domain win (a removed domain is dropped). Paths are compared after decoding and
/// resolving against the table root, so <c>file:/t/a</c>, <c>/t/a</c> and <c>a</c> are one file.
/// A pure function of the actions: no I/O.
/// </summary>
public sealed class LogReplay
{
    private readonly string _tableRoot;
    private readonly Dictionary<string, (AddFile Add, string Path)> _adds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, string? DvId), RemoveFile> _tombstones = new();
    private readonly Dictionary<string, SetTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DomainMetadata> _domains = new(StringComparer.Ordinal);

    public LogReplay(string tableRoot) => _tableRoot = tableRoot;

    /// <summary>A replay holding the state of <paramref name="snapshot"/>, to apply the commits after it.</summary>
    internal static LogReplay From(Snapshot snapshot)
    {
        var replay = new LogReplay(snapshot.TablePath) { Protocol = snapshot.Protocol, Metadata = snapshot.Metadata };
        foreach (var file in snapshot.Files) replay._adds[file.Path] = (file.Add, file.Path);
        foreach (var remove in snapshot.Tombstones)
            replay._tombstones[(DeltaPaths.Resolve(replay._tableRoot, remove.Path), remove.DeletionVectorId)] = remove;
        foreach (var txn in snapshot.TransactionActions) replay._transactions[txn.AppId] = txn;
        foreach (var (domain, value) in snapshot.DomainMetadata) replay._domains[domain] = value;
        return replay;
    }

    public Protocol? Protocol { get; private set; }
    public Metadata? Metadata { get; private set; }

    /// <summary>The active logical files with their resolved absolute paths.</summary>
    public IEnumerable<(AddFile Add, string Path)> Files => _adds.Values;

    public IEnumerable<RemoveFile> Tombstones => _tombstones.Values;
    public IReadOnlyDictionary<string, SetTransaction> Transactions => _transactions;
    public IReadOnlyDictionary<string, DomainMetadata> Domains => _domains;

    /// <summary>Applies actions in log order (a checkpoint's, then each commit's in version order).</summary>
    public void Apply(IEnumerable<DeltaAction> actions)
    {
        foreach (var action in actions) Apply(action);
    }

    public void Apply(DeltaAction action)
    {
        switch (action)
        {
            case AddFile add:
            {
                var path = DeltaPaths.Resolve(_tableRoot, add.Path);
                _adds[path] = (add, path);
                _tombstones.Remove((path, add.DeletionVectorId));
                break;
            }
            case RemoveFile remove:
            {
                var path = DeltaPaths.Resolve(_tableRoot, remove.Path);
                if (_adds.TryGetValue(path, out var current) && current.Add.DeletionVectorId == remove.DeletionVectorId)
                    _adds.Remove(path);
                _tombstones[(path, remove.DeletionVectorId)] = remove;
                break;
            }
            case Protocol protocol:
                Protocol = protocol;
                break;
            case Metadata metadata:
                Metadata = metadata;
                break;
            case SetTransaction txn:
                _transactions[txn.AppId] = txn;
                break;
            case DomainMetadata domain:
                if (domain.Removed) _domains.Remove(domain.Domain);
                else _domains[domain.Domain] = domain;
                break;
            // commitInfo, cdc, checkpointMetadata and sidecar take no part in reconciliation.
        }
    }
}
