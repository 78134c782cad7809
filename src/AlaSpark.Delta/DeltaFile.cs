using System.Text.Json;
using AlaSpark.Delta.Actions;

namespace AlaSpark.Delta;

/// <summary>
/// An active logical file of a snapshot: its <c>add</c> action, with the data file's decoded absolute
/// <see cref="Path"/>. Partition values here are the raw strings keyed as in the log (by physical name under
/// column mapping); <see cref="Snapshot.PartitionValue"/> gives them typed, by column.
/// </summary>
public sealed class DeltaFile
{
    private readonly Lazy<long?> _numRecords;

    internal DeltaFile(AddFile add, string path)
    {
        Add = add;
        Path = path;
        _numRecords = new Lazy<long?>(() => ReadNumRecords(add.Stats));
    }

    /// <summary>The <c>add</c> action as the log holds it.</summary>
    public AddFile Add { get; }

    /// <summary>The data file: a local absolute path (decoded), or the URI for another file system.</summary>
    public string Path { get; }

    public long Size => Add.Size;

    public DateTimeOffset ModificationTime => DateTimeOffset.FromUnixTimeMilliseconds(Add.ModificationTime);

    /// <summary>The serialized partition values, keyed as in the log.</summary>
    public IReadOnlyDictionary<string, string?> RawPartitionValues => Add.PartitionValues;

    /// <summary>The deletion vector of rows this logical file no longer holds, or null.</summary>
    public DeletionVectorDescriptor? DeletionVector => Add.DeletionVector;

    /// <summary>The <c>numRecords</c> statistic (rows in the data file, before the deletion vector), when recorded.</summary>
    public long? NumRecords => _numRecords.Value;

    /// <summary>Rows the logical file holds: <see cref="NumRecords"/> less the deletion vector's cardinality.</summary>
    public long? LogicalRecords => NumRecords - (DeletionVector?.Cardinality ?? 0);

    public override string ToString() => Path;

    private static long? ReadNumRecords(string? stats)
    {
        if (string.IsNullOrWhiteSpace(stats)) return null;
        try
        {
            using var doc = JsonDocument.Parse(stats);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("numRecords", out var n)
                   && n.TryGetInt64(out var count)
                ? count
                : null;
        }
        catch (JsonException)
        {
            return null; // statistics are optional; unreadable ones are ignored
        }
    }
}
