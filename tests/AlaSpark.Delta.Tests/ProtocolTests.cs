using AlaSpark.Delta.Actions;

namespace AlaSpark.Delta.Tests;

public class ProtocolTests
{
    private const string Schema = """{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}]}""";

    private static string MetaData(string schema = Schema, string configuration = "{}", string partitions = "[]") =>
        $$$"""{"metaData":{"id":"t","format":{"provider":"parquet","options":{}},"schemaString":"{{{schema}}}","partitionColumns":{{{partitions}}},"configuration":{{{configuration}}}}}""";

    private static TempTable Table(string protocol, string? metaData = null, params string[] more)
    {
        var temp = new TempTable();
        temp.Commit(0, new[] { protocol, metaData ?? MetaData() }.Concat(more).ToArray());
        return temp;
    }

    [Theory]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""")]
    [InlineData("""{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}""")]
    [InlineData("""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["timestampNtz","deletionVectors","v2Checkpoint","typeWidening","typeWidening-preview","vacuumProtocolCheck"],"writerFeatures":["timestampNtz"]}}""")]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":7,"writerFeatures":["rowTracking","domainMetadata","clustering","identityColumns","icebergCompatV2","someFutureWriterFeature"]}}""")]
    public void Supported_protocols_are_read(string protocol)
    {
        using var table = Table(protocol);
        Assert.Equal(0, DeltaTable.ForPath(table.Path).LatestSnapshot().Version);
    }

    [Theory]
    [InlineData("variantType", "no variant data type")]
    [InlineData("variantShredding-preview", "no variant data type")]
    [InlineData("catalogManaged", "from the file system only")]
    [InlineData("someFutureFeature", "does not know this feature")]
    public void An_unsupported_reader_feature_is_refused_naming_table_version_and_feature(string feature, string reason)
    {
        using var table = Table($$$"""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors","{{{feature}}}"],"writerFeatures":["{{{feature}}}"]}}""");
        var error = Assert.Throws<DeltaUnsupportedFeatureException>(() => DeltaTable.ForPath(table.Path).LatestSnapshot());
        Assert.Equal($"Table {table.Path} at version 0 needs the reader feature '{feature}', which AlaSpark does not support: " + error.Message.Split(": ", 2)[1], error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal((feature, 0L, table.Path), (error.Feature, error.Version, error.TablePath));
    }

    [Fact]
    public void A_later_protocol_upgrade_is_checked_at_the_version_read()
    {
        using var table = Table("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""");
        table.Commit(1, """{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["variantType"],"writerFeatures":["variantType"]}}""");
        var delta = DeltaTable.ForPath(table.Path);
        Assert.Equal(0, delta.SnapshotAt(0).Version);
        var error = Assert.Throws<DeltaUnsupportedFeatureException>(() => delta.LatestSnapshot());
        Assert.Contains("at version 1 needs the reader feature 'variantType'", error.Message);
    }

    [Fact]
    public void Column_mapping_is_honoured_only_when_the_protocol_allows_it()
    {
        const string mapped = """{\"type\":\"struct\",\"fields\":[{\"name\":\"p\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{\"delta.columnMapping.id\":1,\"delta.columnMapping.physicalName\":\"col-p\"}}]}""";
        var add = """{"add":{"path":"col-p=1/f.parquet","partitionValues":{"col-p":"1"},"size":1,"modificationTime":1,"dataChange":true}}""";
        using (var v2 = Table("""{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}""", MetaData(mapped, """{"delta.columnMapping.mode":"name"}""", """["p"]"""), add))
        {
            var s = DeltaTable.ForPath(v2.Path).LatestSnapshot();
            Assert.Equal(ColumnMappingMode.Name, s.ColumnMappingMode);
            Assert.Equal("col-p", s.PhysicalName("p"));
            Assert.Equal(1, s.PartitionValue(s.Files[0], "p"));
            Assert.Equal("struct<col-p:int>", s.PhysicalSchema.SimpleString);
        }
        using (var v1 = Table("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""", MetaData(mapped, """{"delta.columnMapping.mode":"name"}""")))
        {
            var s = DeltaTable.ForPath(v1.Path).LatestSnapshot();
            Assert.Equal(ColumnMappingMode.None, s.ColumnMappingMode);
            Assert.Equal("p", s.PhysicalName("p"));
        }
        using (var missing = Table("""{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}""", MetaData(Schema, """{"delta.columnMapping.mode":"id"}""")))
        {
            var error = Assert.Throws<DeltaException>(() => DeltaTable.ForPath(missing.Path).LatestSnapshot());
            Assert.Contains("column 'a' has no physical name", error.Message);
        }
        using (var bad = Table("""{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}""", MetaData(Schema, """{"delta.columnMapping.mode":"sideways"}""")))
            Assert.Contains("column mapping mode 'sideways'", Assert.Throws<DeltaException>(() => DeltaTable.ForPath(bad.Path).LatestSnapshot()).Message);
    }

    [Fact]
    public void A_type_change_the_protocol_does_not_allow_is_refused()
    {
        const string narrowed = """{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{\"delta.typeChanges\":[{\"fromType\":\"long\",\"toType\":\"integer\"}]}}]}""";
        using var table = Table("""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["typeWidening"],"writerFeatures":["typeWidening"]}}""", MetaData(narrowed));
        var error = Assert.Throws<DeltaUnsupportedFeatureException>(() => DeltaTable.ForPath(table.Path).LatestSnapshot());
        Assert.Contains("changed the type of 'a' from bigint to int", error.Message);
        Assert.Equal("typeWidening", error.Feature);
        Assert.True(TypeWidening.IsSupported(new Types.DecimalType(10, 2), new Types.DecimalType(12, 4)));
        Assert.False(TypeWidening.IsSupported(new Types.DecimalType(10, 2), new Types.DecimalType(11, 4)));
        Assert.True(TypeWidening.IsSupported(Types.LongType.Instance, new Types.DecimalType(21, 1)));
        Assert.False(TypeWidening.IsSupported(Types.LongType.Instance, new Types.DecimalType(20, 1)));
    }

    [Fact]
    public void Paths_that_are_not_Delta_tables_say_why()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-table-" + Guid.NewGuid().ToString("N"));
        Assert.Contains("does not exist", Assert.Throws<DeltaTableNotFoundException>(() => DeltaTable.ForPath(missing).LatestSnapshot()).Message);
        using var empty = new TempTable();
        Directory.CreateDirectory(empty.Log);
        Assert.Contains("no commits and no checkpoints", Assert.Throws<DeltaTableNotFoundException>(() => DeltaTable.ForPath(empty.Path).LatestSnapshot()).Message);
        Assert.False(DeltaTable.IsDeltaTable(empty.Path));
        Assert.False(DeltaTable.IsDeltaTable(Golden.Table("no-delta-log-folder")));
        Assert.True(DeltaTable.IsDeltaTable(Golden.Table("snapshot-data0")));
        Assert.True(DeltaTable.IsDeltaTable("file://" + Golden.Table("snapshot-data0")));
    }

    [Fact]
    public void A_commit_that_is_not_JSON_names_the_file_and_line()
    {
        using var table = Table("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""");
        table.Commit(1, """{"add":{"path":"f","partitionValues":{},"size":1,"modificationTime":1,"dataChange":true}}""", "{broken");
        var error = Assert.Throws<DeltaLogCorruptException>(() => DeltaTable.ForPath(table.Path).LatestSnapshot());
        Assert.Contains("00000000000000000001.json (version 1)", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Reconciliation_keys_files_by_path_and_deletion_vector_and_keeps_the_latest_txn_and_domains()
    {
        using var table = Table("""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors"],"writerFeatures":["deletionVectors","domainMetadata"]}}""", null,
            """{"add":{"path":"f","partitionValues":{},"size":1,"modificationTime":1,"dataChange":true}}""",
            """{"txn":{"appId":"app","version":5}}""",
            """{"domainMetadata":{"domain":"d1","configuration":"x","removed":false}}""",
            """{"domainMetadata":{"domain":"d2","configuration":"y","removed":false}}""");
        table.Commit(1,
            """{"add":{"path":"f","partitionValues":{},"size":1,"modificationTime":2,"dataChange":true,"deletionVector":{"storageType":"i","pathOrInlineDv":"wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L","sizeInBytes":40,"cardinality":6}}}""",
            """{"remove":{"path":"f","deletionTimestamp":2,"dataChange":true}}""",
            """{"txn":{"appId":"app","version":4}}""",
            """{"domainMetadata":{"domain":"d1","configuration":"x","removed":true}}""",
            """{"domainMetadata":{"domain":"d2","configuration":"z","removed":false}}""");
        var s = DeltaTable.ForPath(table.Path).LatestSnapshot();
        var file = Assert.Single(s.Files);
        Assert.Equal(2, file.Add.ModificationTime);
        Assert.Equal(new long[] { 3, 4, 7, 11, 18, 29 }, s.DeletedRows(file));
        Assert.Single(s.Tombstones);
        Assert.Equal(4, s.TxnVersion("app")); // the latest txn action wins, not the largest version
        Assert.Equal("z", Assert.Single(s.DomainMetadata).Value.Configuration);

        table.Commit(2, """{"remove":{"path":"f","deletionTimestamp":3,"dataChange":true,"deletionVector":{"storageType":"i","pathOrInlineDv":"wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L","sizeInBytes":40,"cardinality":6}}}""");
        var after = DeltaTable.ForPath(table.Path).LatestSnapshot();
        Assert.Empty(after.Files);
        Assert.Equal(2, after.Tombstones.Count);
    }

    [Fact]
    public void A_partition_column_outside_the_schema_and_a_non_partition_column_are_errors()
    {
        using var table = Table("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""", MetaData(Schema, "{}", """["b"]"""));
        Assert.Contains("partitioned by 'b', which is not a column", Assert.Throws<DeltaException>(() => DeltaTable.ForPath(table.Path).LatestSnapshot()).Message);
        var s = DeltaTable.ForPath(Golden.Table("snapshot-data0")).LatestSnapshot();
        Assert.Contains("'col1' is not a partition column", Assert.Throws<DeltaException>(() => s.PartitionValue(s.Files[0], "col1")).Message);
        Assert.Contains("no column 'nope'", Assert.Throws<DeltaException>(() => s.PartitionValue(s.Files[0], "nope")).Message);
    }
}
