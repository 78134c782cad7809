using AlaSpark.Delta.Actions;

namespace AlaSpark.Delta;

/// <summary>
/// What AlaSpark's Delta reader supports: reader versions 1 (plain), 2 (column mapping) and 3 with the
/// reader features in <see cref="Supported"/>. A table that needs anything else is refused with a
/// <see cref="DeltaUnsupportedFeatureException"/> naming the table, the version and the feature.
/// </summary>
public static class ReaderFeatures
{
    public const string ColumnMapping = "columnMapping";
    public const string DeletionVectors = "deletionVectors";
    public const string TimestampNtz = "timestampNtz";
    public const string V2Checkpoint = "v2Checkpoint";
    public const string TypeWidening = "typeWidening";
    public const string TypeWideningPreview = "typeWidening-preview";
    public const string VacuumProtocolCheck = "vacuumProtocolCheck";
    public const string VariantType = "variantType";
    public const string VariantTypePreview = "variantType-preview";
    public const string VariantShredding = "variantShredding";
    public const string VariantShreddingPreview = "variantShredding-preview";
    public const string CatalogManaged = "catalogManaged";
    public const string CatalogOwnedPreview = "catalogOwned-preview";

    /// <summary>The highest reader protocol version AlaSpark reads.</summary>
    public const int MaxReaderVersion = 3;

    /// <summary>Reader features AlaSpark supports, with what supporting them means here.</summary>
    public static IReadOnlyDictionary<string, string> Supported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ColumnMapping] = "name and id modes: the snapshot maps logical columns to physical names and field ids; partition values are read by physical name",
        [DeletionVectors] = "inline and on-disk deletion vectors are decoded (Z85, RoaringBitmap, CRC-32); a scan must drop the rows they list",
        [TimestampNtz] = "timestamp_ntz columns and partition values",
        [V2Checkpoint] = "UUID-named and classic V2 checkpoints, JSON or Parquet, with sidecar files",
        [TypeWidening] = "every type change recorded in delta.typeChanges is checked against the protocol's list; a scan reads older files as the wider type",
        [TypeWideningPreview] = "as typeWidening",
        [VacuumProtocolCheck] = "nothing to do for readers",
    };

    /// <summary>Reader features AlaSpark knows and refuses, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> Refused { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [VariantType] = "AlaSpark has no variant data type yet",
        [VariantTypePreview] = "AlaSpark has no variant data type yet",
        [VariantShredding] = "AlaSpark has no variant data type yet",
        [VariantShreddingPreview] = "AlaSpark has no variant data type yet",
        [CatalogManaged] = "the table's latest commits are held by a catalog, and AlaSpark reads Delta tables from the file system only",
        [CatalogOwnedPreview] = "the table's latest commits are held by a catalog, and AlaSpark reads Delta tables from the file system only",
    };

    /// <summary>Throws when AlaSpark can't read a table with this protocol.</summary>
    public static void Check(Protocol protocol, string tablePath, long version)
    {
        if (protocol.MinReaderVersion < 1 || protocol.MinReaderVersion > MaxReaderVersion)
            throw new DeltaUnsupportedFeatureException(tablePath, version, null,
                $"Table {tablePath} at version {version} needs Delta reader version {protocol.MinReaderVersion}, which AlaSpark does not support: it reads reader versions 1 to {MaxReaderVersion}.");
        if (protocol.MinReaderVersion < 3) return; // versions 1 and 2 have no reader features; 2 means column mapping
        foreach (var feature in protocol.ReaderFeatures ?? Array.Empty<string>())
        {
            if (Supported.ContainsKey(feature)) continue;
            var reason = Refused.TryGetValue(feature, out var why) ? why : "AlaSpark does not know this feature";
            throw new DeltaUnsupportedFeatureException(tablePath, version, feature,
                $"Table {tablePath} at version {version} needs the reader feature '{feature}', which AlaSpark does not support: {reason}.");
        }
    }

    /// <summary>True when the protocol lets the table use column mapping (reader 2, or reader 3 listing the feature).</summary>
    public static bool AllowsColumnMapping(Protocol protocol) =>
        protocol.MinReaderVersion == 2 || (protocol.MinReaderVersion >= 3 && protocol.HasReaderFeature(ColumnMapping));
}
