using AlaSpark.Delta.Actions;
using AlaSpark.Types;

namespace AlaSpark.Delta.Writing;

/// <summary>
/// What AlaSpark's Delta writer supports, and the lowest protocol a new table (or a new schema) needs.
/// AlaSpark writes appends and overwrites: it never rewrites rows, so it needs no deletion vectors, change data
/// files or row ids of its own. A table is written only when every capability its protocol and metadata switch
/// on is one the writer honours; otherwise <see cref="DeltaUnsupportedWriteException"/> names what is missing.
/// </summary>
public static class WriterFeatures
{
    public const string AppendOnly = "appendOnly";
    public const string Invariants = "invariants";
    public const string CheckConstraints = "checkConstraints";
    public const string GeneratedColumns = "generatedColumns";
    public const string AllowColumnDefaults = "allowColumnDefaults";
    public const string ChangeDataFeed = "changeDataFeed";
    public const string ColumnMapping = "columnMapping";
    public const string IdentityColumns = "identityColumns";
    public const string DeletionVectors = "deletionVectors";
    public const string RowTracking = "rowTracking";
    public const string TimestampNtz = "timestampNtz";
    public const string DomainMetadata = "domainMetadata";
    public const string V2Checkpoint = "v2Checkpoint";
    public const string InCommitTimestamp = "inCommitTimestamp";
    public const string VacuumProtocolCheck = "vacuumProtocolCheck";
    public const string TypeWidening = "typeWidening";
    public const string TypeWideningPreview = "typeWidening-preview";

    /// <summary>The highest writer protocol version AlaSpark writes (7 = table features).</summary>
    public const int MaxWriterVersion = 7;

    /// <summary>Writer features AlaSpark honours, with what honouring them means here.</summary>
    public static IReadOnlyDictionary<string, string> Supported { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AppendOnly] = "an overwrite of a table with delta.appendOnly=true is refused",
        [Invariants] = "supported while no column has a delta.invariants expression (a write to one with invariants is refused)",
        [CheckConstraints] = "supported while the table has no delta.constraints.* (a write to one with constraints is refused)",
        [GeneratedColumns] = "supported while no column has a delta.generationExpression (refused otherwise)",
        [AllowColumnDefaults] = "supported while no column has a CURRENT_DEFAULT (refused otherwise)",
        [ChangeDataFeed] = "appends and overwrites only add or remove whole files, which needs no change data files",
        [ColumnMapping] = "supported while the mapping mode is none (a table with name or id mapping is refused)",
        [IdentityColumns] = "supported while no column is an identity column (refused otherwise)",
        [DeletionVectors] = "AlaSpark writes no deletion vectors; an overwrite removes files with their deletion vectors",
        [TimestampNtz] = "timestamp_ntz columns and partition values",
        [DomainMetadata] = "domains are kept as they are (AlaSpark writes none)",
        [InCommitTimestamp] = "every commit starts with a commitInfo holding inCommitTimestamp",
        [VacuumProtocolCheck] = "AlaSpark never vacuums",
        [TypeWidening] = "data is written in the table's (wider) types",
        [TypeWideningPreview] = "as typeWidening",
    };

    /// <summary>Throws <see cref="DeltaUnsupportedWriteException"/> unless AlaSpark can write a table with this protocol and metadata.</summary>
    public static void CheckWritable(string tablePath, long version, Protocol protocol, Metadata metadata, StructType schema)
    {
        ReaderFeatures.Check(protocol, tablePath, version);
        string Prefix() => $"AlaSpark can't write the Delta table {tablePath} (version {version}): ";
        if (protocol.MinWriterVersion > MaxWriterVersion)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"it needs Delta writer version {protocol.MinWriterVersion}; AlaSpark writes versions 1 to {MaxWriterVersion}.");
        if (protocol.MinWriterVersion == 7)
        {
            foreach (var feature in protocol.WriterFeatures ?? Array.Empty<string>())
                if (!Supported.ContainsKey(feature))
                    throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"it needs the writer feature '{feature}', which AlaSpark does not support as a writer.");
        }
        var writer = protocol.MinWriterVersion;
        bool Enabled(string feature, int since) => writer == 7 ? protocol.HasWriterFeature(feature) : writer >= since;

        var fields = Flatten(schema).ToList();
        if (Enabled(Invariants, 2) && fields.FirstOrDefault(f => f.Metadata.ContainsKey("delta.invariants")) is { } inv)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"the column '{inv.Name}' has an invariant (delta.invariants), which AlaSpark can't check.");
        if (Enabled(CheckConstraints, 3) && metadata.Configuration.Keys.FirstOrDefault(k => k.StartsWith("delta.constraints.", StringComparison.OrdinalIgnoreCase)) is { } constraint)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"it has the CHECK constraint '{constraint}', which AlaSpark can't check.");
        if (Enabled(GeneratedColumns, 4) && fields.FirstOrDefault(f => f.Metadata.ContainsKey("delta.generationExpression")) is { } generated)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"the column '{generated.Name}' is a generated column, which AlaSpark can't compute.");
        if (Enabled(IdentityColumns, 6) && fields.FirstOrDefault(f => f.Metadata.Keys.Any(k => k.StartsWith("delta.identity.", StringComparison.Ordinal))) is { } identity)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"the column '{identity.Name}' is an identity column, which AlaSpark can't generate.");
        if (Enabled(AllowColumnDefaults, 8) && fields.FirstOrDefault(f => f.Metadata.ContainsKey("CURRENT_DEFAULT")) is { } withDefault)
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"the column '{withDefault.Name}' has a default value, which AlaSpark can't fill in.");
        if (ReaderFeatures.AllowsColumnMapping(protocol)
            && metadata.Configuration.TryGetValue(Delta.ColumnMapping.ModeKey, out var mode) && !mode.Equals("none", StringComparison.OrdinalIgnoreCase))
            throw new DeltaUnsupportedWriteException(tablePath, Prefix() + $"it uses column mapping (mode {mode}), and AlaSpark writes data files with logical column names only.");
    }

    /// <summary>True when the table refuses changes and removals of data (<c>delta.appendOnly=true</c>, honoured from writer version 2).</summary>
    public static bool IsAppendOnly(Protocol protocol, Metadata metadata) =>
        (protocol.MinWriterVersion == 7 ? protocol.HasWriterFeature(AppendOnly) : protocol.MinWriterVersion >= 2)
        && metadata.Configuration.TryGetValue("delta.appendOnly", out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The lowest protocol a table with this schema and configuration needs: reader 1 / writer 2 normally
    /// (writer 2 is what Delta gives every new table: append-only tables and invariants); writer 4 with the change
    /// data feed on; reader 3 / writer 7 listing <c>timestampNtz</c> when a column (nested too) is a
    /// <c>timestamp_ntz</c>, with the legacy features the configuration uses listed as writer features.
    /// </summary>
    public static Protocol RequiredProtocol(StructType schema, IReadOnlyDictionary<string, string> configuration)
    {
        var cdf = IsTrue(configuration, "delta.enableChangeDataFeed");
        if (!ContainsTimestampNtz(schema)) return new Protocol(1, cdf ? 4 : 2);
        var writerFeatures = new List<string> { TimestampNtz };
        if (IsTrue(configuration, "delta.appendOnly")) writerFeatures.Add(AppendOnly);
        if (cdf) writerFeatures.Add(ChangeDataFeed);
        return new Protocol(3, 7, new[] { TimestampNtz }, writerFeatures);
    }

    /// <summary>
    /// The protocol after a change of schema or configuration: the current one when it already allows them,
    /// otherwise an upgrade (to reader 3 / writer 7 with the features the table used before listed, when a
    /// table-features protocol is needed). Null when no upgrade is needed.
    /// </summary>
    public static Protocol? Upgrade(Protocol current, StructType schema, IReadOnlyDictionary<string, string> configuration)
    {
        var required = RequiredProtocol(schema, configuration);
        if (Satisfies(current, required)) return null;
        if (required.MinWriterVersion < 7 && current.MinWriterVersion < 7)
            return new Protocol(Math.Max(current.MinReaderVersion, required.MinReaderVersion), Math.Max(current.MinWriterVersion, required.MinWriterVersion));
        // Table features: keep what the old versions implied (the protocol says to assume every feature of the old
        // versions was used), and add what is required.
        var readers = new List<string>(current.MinReaderVersion == 3 ? current.ReaderFeatures ?? Array.Empty<string>() : Array.Empty<string>());
        var writers = new List<string>(current.MinWriterVersion == 7 ? current.WriterFeatures ?? Array.Empty<string>() : Implied(current.MinWriterVersion));
        if (current.MinReaderVersion == 2 && !readers.Contains(ColumnMapping)) readers.Add(ColumnMapping);
        foreach (var f in required.ReaderFeatures ?? Array.Empty<string>()) if (!readers.Contains(f)) readers.Add(f);
        foreach (var f in required.WriterFeatures ?? Array.Empty<string>()) if (!writers.Contains(f)) writers.Add(f);
        return readers.Count > 0 ? new Protocol(3, 7, readers, writers) : new Protocol(current.MinReaderVersion, 7, null, writers);
    }

    private static bool Satisfies(Protocol current, Protocol required)
    {
        if (required.MinWriterVersion < 7) return current.MinWriterVersion >= required.MinWriterVersion && current.MinReaderVersion >= required.MinReaderVersion
                                                   && (current.MinWriterVersion < 7 || (required.MinWriterVersion < 4 || current.HasWriterFeature(ChangeDataFeed)));
        return current.MinReaderVersion == 3 && current.MinWriterVersion == 7
               && (required.ReaderFeatures ?? Array.Empty<string>()).All(current.HasReaderFeature)
               && (required.WriterFeatures ?? Array.Empty<string>()).All(current.HasWriterFeature);
    }

    private static string[] Implied(int writerVersion) => writerVersion switch
    {
        >= 6 => new[] { AppendOnly, Invariants, CheckConstraints, ChangeDataFeed, GeneratedColumns, ColumnMapping, IdentityColumns },
        5 => new[] { AppendOnly, Invariants, CheckConstraints, ChangeDataFeed, GeneratedColumns, ColumnMapping },
        4 => new[] { AppendOnly, Invariants, CheckConstraints, ChangeDataFeed, GeneratedColumns },
        3 => new[] { AppendOnly, Invariants, CheckConstraints },
        2 => new[] { AppendOnly, Invariants },
        _ => Array.Empty<string>(),
    };

    private static bool IsTrue(IReadOnlyDictionary<string, string> configuration, string key) =>
        configuration.TryGetValue(key, out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a column, at any depth (struct fields, array elements, map keys and values), is a <c>timestamp_ntz</c>.</summary>
    public static bool ContainsTimestampNtz(DataType type) => type switch
    {
        TimestampNtzType => true,
        StructType st => st.Fields.Any(f => ContainsTimestampNtz(f.DataType)),
        ArrayType at => ContainsTimestampNtz(at.ElementType),
        MapType mt => ContainsTimestampNtz(mt.KeyType) || ContainsTimestampNtz(mt.ValueType),
        _ => false,
    };

    private static IEnumerable<StructField> Flatten(StructType schema)
    {
        foreach (var field in schema.Fields)
        {
            yield return field;
            if (field.DataType is StructType nested)
                foreach (var inner in Flatten(nested)) yield return inner;
        }
    }
}
