using AlaSpark.Delta.Actions;

namespace AlaSpark.Delta.Tests.Conformance;

public enum Verdict
{
    /// <summary>The snapshot is read, and checked against what wrote the table.</summary>
    Read,
    /// <summary>The table is refused with an error that names it and the reason.</summary>
    Refused,
}

/// <summary>
/// What AlaSpark must do with one golden table. For <see cref="Verdict.Read"/>: the version, schema, partition
/// columns, active files, and the rows they hold (Parquet footers less deletion vectors), from what
/// <c>GoldenTables.scala</c> (or, for tables it does not describe, the Delta Kernel suite that reads them, or
/// the log's own statistics) says was written. For <see cref="Verdict.Refused"/>: the error type and a phrase of
/// its message. This list is also the conformance table of docs/delta.md; a test keeps the two equal.
/// </summary>
public sealed record Expectation(string Table, Verdict Verdict, string Why)
{
    public long Version { get; init; }
    public string? Schema { get; init; }
    public string[] PartitionColumns { get; init; } = Array.Empty<string>();
    public int Files { get; init; }

    /// <summary>Rows the snapshot holds (data file rows less deleted rows); null when nothing states it.</summary>
    public long? Rows { get; init; }

    /// <summary>The files are made-up paths (<c>AddFile("foo", ...)</c>): nothing on disk to check.</summary>
    public bool Synthetic { get; init; }

    public long? CheckpointVersion { get; init; }
    public ColumnMappingMode ColumnMapping { get; init; }

    /// <summary>Where the expectation comes from.</summary>
    public string Source { get; init; } = "GoldenTables.scala";

    public Action<Snapshot>? Check { get; init; }

    public Type? Error { get; init; }
    public string? ErrorContains { get; init; }

    public string Result => Verdict == Verdict.Read ? "read" : "refused";
}

public static class Expectations
{
    private const string Kernel = "kernel DeltaTableReadsSuite / LogReplaySuite";
    private const string Stats = "the log's numRecords statistics";
    private const string TwoCols = "struct<col1:int,col2:string>";
    private const string Id = "struct<id:bigint>";
    private const string AllTypes = "struct<ByteType:tinyint,ShortType:smallint,IntegerType:int,LongType:bigint,FloatType:float,DoubleType:double,decimal:decimal(10,2),BooleanType:boolean,StringType:string,BinaryType:binary,DateType:date,TimestampType:timestamp,TimestampNTZType:timestamp_ntz,nested_struct:struct<aa:string,ac:struct<aca:int>>,array_of_prims:array<int>,array_of_arrays:array<array<int>>,array_of_structs:array<struct<ab:bigint>>,map_of_prims:map<int,bigint>,map_of_rows:map<int,struct<ab:bigint>>,map_of_arrays:map<bigint,array<int>>>";
    private const string MappedTypes = "struct<ByteType:tinyint,ShortType:smallint,IntegerType:int,LongType:bigint,FloatType:float,DoubleType:double,decimal:decimal(10,2),BooleanType:boolean,StringType:string,BinaryType:binary,DateType:date,TimestampType:timestamp,nested_struct:struct<aa:string,ac:struct<aca:int>>,array_of_prims:array<int>,array_of_arrays:array<array<int>>,array_of_map_of_arrays:array<map<int,array<int>>>,array_of_structs:array<struct<ab:int>>,struct_of_arrays_maps_of_structs:struct<aa:array<int>,ab:map<array<int>,struct<aca:int>>>,map_of_prims:map<int,bigint>,map_of_rows:map<int,struct<ab:bigint>>,map_of_arrays:map<bigint,array<int>>,map_of_maps:map<bigint,map<int,int>>>";
    private const string StatsTypes = "struct<as_int:int,as_long:bigint,as_byte:tinyint,as_short:smallint,as_float:float,as_double:double,as_string:string,as_date:date,as_timestamp:timestamp,as_big_decimal:decimal(1,0)>";
    private const string DateTypes = "struct<timestamp:timestamp,date:date>";
    private const string Timestamps = "struct<id:int,part:timestamp,time:timestamp>";
    private const string Ntz = "struct<id:int,tsNtz:timestamp_ntz,tsNtzPartition:timestamp_ntz>";
    private const string Decimals = "struct<part:decimal(12,5),col1:decimal(5,2),col2:decimal(10,5),col3:decimal(20,10)>";
    private const string Collated = "struct<id:int,utf8_binary_col:string,utf8_lcase_col:string,unicode_col:string>";
    private const string IdStr = "struct<id:int,str:string>";
    private const string DvTable = "struct<part:int,col1:int,col2:string>";

    private static Expectation Read(string table, string why, long version, string schema, int files, long? rows) =>
        new(table, Verdict.Read, why) { Version = version, Schema = schema, Files = files, Rows = rows };

    private static Expectation Refused<TError>(string table, string why, string contains) where TError : Exception =>
        new(table, Verdict.Refused, why) { Error = typeof(TError), ErrorContains = contains };

    public static IReadOnlyList<Expectation> All { get; } = new List<Expectation>
    {
        Read("124-decimal-decode-bug", "decimal(10,0) value 1000000 (issue #124)", 0, "struct<large_decimal:decimal(10,0)>", 2, 1),
        Read("125-iterator-bug", "12 appends, most of them empty files; checkpoint at 10", 11, "struct<col1:int>", 12, 5) with { CheckpointVersion = 10 },
        Read("basic-decimal-table", "decimal partition column (12,5) and INT32/INT64/FIXED decimals", 0, Decimals, 4, 4) with
        {
            PartitionColumns = new[] { "part" },
            Check = s => Checks.PartitionValues(s, "part", 234.00000m, 2342222.23454m, 0.00004m, -2342342.23423m),
        },
        Read("basic-decimal-table-legacy", "as basic-decimal-table, Parquet legacy format", 0, Decimals, 4, 4) with
        {
            PartitionColumns = new[] { "part" },
            Check = s => Checks.PartitionValues(s, "part", 234.00000m, 2342222.23454m, 0.00004m, -2342342.23423m),
        },
        Read("basic-with-inserts-deletes-checkpoint", "appends and deletes, checkpoint at 10", 13, Id, 7, 41) with { CheckpointVersion = 10 },
        Read("basic-with-inserts-merge", "MERGE (update, insert, delete by source)", 1, IdStr, 1, 140) with { Source = Kernel },
        Read("basic-with-inserts-overwrite-restore", "append, overwrite, RESTORE to version 1; checkpoint at 3", 3, Id, 4, 200) with { CheckpointVersion = 3, Source = Kernel },
        Read("basic-with-inserts-updates", "UPDATE of half the rows", 1, IdStr, 2, 100) with { Source = Kernel },
        Read("basic-with-vacuum-protocol-check-feature", "reader feature vacuumProtocolCheck (nothing for readers to do)", 1, IdStr, 2, 100) with
        {
            Source = Kernel,
            Check = s => Assert.Equal(new[] { "vacuumProtocolCheck" }, s.ReaderFeatureNames),
        },
        Read("canonicalized-paths-normal-a", "add /p, remove file:/p: the same file, so none is left", 1, "struct<>", 0, 0) with { Synthetic = true },
        Read("canonicalized-paths-normal-b", "add /p, remove file:///p: the same file", 1, "struct<>", 0, 0) with { Synthetic = true },
        Read("canonicalized-paths-special-a", "as normal-a with an escaped path (with%20space/p@%23h)", 1, "struct<>", 0, 0) with { Synthetic = true },
        Read("canonicalized-paths-special-b", "as normal-b with an escaped path", 1, "struct<>", 0, 0) with { Synthetic = true },
        Read("checkpoint", "15 manual commits, each replacing the file; checkpoint at 10", 14, "struct<intCol:int>", 1, null) with
        {
            Synthetic = true, CheckpointVersion = 10,
            Check = s => Assert.Equal("15", Path.GetFileName(s.Files.Single().Path)),
        },
        Read("collations-preview-table", "writer feature collations-preview (reader version 1); collated strings read as strings", 0, Collated, 0, 0) with
        {
            Source = "the table's log",
            Check = s => Assert.True(s.Schema["utf8_lcase_col"].Metadata.ContainsKey("__COLLATIONS")),
        },
        Read("collations-table", "writer feature collations (reader version 1); collation kept in field metadata", 0, Collated, 0, 0) with
        {
            Source = "the table's log",
            Check = s => Assert.Contains("spark.UTF8_LCASE", s.Schema["utf8_lcase_col"].Metadata["__COLLATIONS"]!.ToJsonString()),
        },
        Read("commit-info-containing-arbitrary-operationParams-types", "OPTIMIZE commitInfo with non-string operationParameters", 2, "struct<id:int,month:int>", 2, 2) with
        {
            PartitionColumns = new[] { "month" }, Source = Stats,
            Check = s =>
            {
                Assert.Equal("OPTIMIZE", s.CommitInfo!.Operation);
                Assert.Contains(s.CommitInfo.OperationParameters.Values, v => v is System.Text.Json.Nodes.JsonArray or System.Text.Json.Nodes.JsonObject || v?.GetValueKind() is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
                Checks.PartitionValues(s, "month", 1, 2);
            },
        },
        Read("corrupted-last-checkpoint", "11 commits and a checkpoint at 10 (corrupting _last_checkpoint is tested on a copy)", 10, "struct<>", 11, null) with { Synthetic = true, CheckpointVersion = 10 },
        Read("corrupted-last-checkpoint-kernel", "_last_checkpoint is empty: recovered by listing the log", 11, Id, 2, 100) with { CheckpointVersion = 10, Source = Kernel },
        Refused<DeltaLogCorruptException>("data-reader-absolute-paths-escaped-chars", "no metaData action in any commit", "has no metadata"),
        Read("data-reader-array-complex-objects", "nested arrays, arrays of maps and structs", 0, "struct<i:int,3d_int_list:array<array<array<int>>>,4d_int_list:array<array<array<array<int>>>>,list_of_maps:array<map<string,bigint>>,list_of_records:array<struct<val:int>>>", 2, 10),
        Read("data-reader-array-primitives", "arrays of every primitive type", 0, "struct<as_array_int:array<int>,as_array_long:array<bigint>,as_array_byte:array<tinyint>,as_array_short:array<smallint>,as_array_boolean:array<boolean>,as_array_float:array<float>,as_array_double:array<double>,as_array_string:array<string>,as_array_binary:array<binary>,as_array_big_decimal:array<decimal(1,0)>>", 2, 10),
        Read("data-reader-date-types-America/Los_Angeles", "timestamp and date written in America/Los_Angeles", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-Asia/Beirut", "timestamp and date written in Asia/Beirut", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-Etc/GMT+9", "timestamp and date written in Etc/GMT+9", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-Iceland", "timestamp and date written in Iceland", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-JST", "timestamp and date written in JST", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-PST", "timestamp and date written in PST", 0, DateTypes, 2, 1),
        Read("data-reader-date-types-UTC", "timestamp and date written in UTC", 0, DateTypes, 2, 1),
        Read("data-reader-escaped-chars", "partition values bar+%21..%23: paths decoded once, '+' kept", 2, "struct<_1:string,_2:string>", 3, 3) with
        {
            PartitionColumns = new[] { "_2" },
            Check = s =>
            {
                Checks.PartitionValues(s, "_2", "bar+%21", "bar+%22", "bar+%23");
                Assert.All(s.Files, f => Assert.StartsWith("_2=bar+%25", Path.GetFileName(Path.GetDirectoryName(f.Path))));
            },
        },
        Read("data-reader-map", "maps of every key and value kind", 0, "struct<i:int,a:map<int,int>,b:map<bigint,tinyint>,c:map<smallint,boolean>,d:map<float,double>,e:map<string,decimal(1,0)>,f:map<int,array<struct<val:int>>>>", 2, 10),
        Read("data-reader-nested-struct", "two-level nested struct", 0, "struct<a:struct<aa:string,ab:string,ac:struct<aca:int,acb:bigint>>,b:int>", 2, 10),
        Read("data-reader-nullable-field-invalid-schema-key", "array of nulls", 0, "struct<array_can_contain_null:array<string>>", 2, 1),
        Read("data-reader-partition-values", "12 partition columns of every partitionable type, and a row of null partition values", 0,
            "struct<as_int:int,as_long:bigint,as_byte:tinyint,as_short:smallint,as_boolean:boolean,as_float:float,as_double:double,as_string:string,as_string_lit_null:string,as_date:date,as_timestamp:timestamp,as_big_decimal:decimal(1,0),as_list_of_records:array<struct<val:int>>,as_nested_struct:struct<aa:string,ab:string,ac:struct<aca:int,acb:bigint>>,value:string>", 3, 3) with
        {
            PartitionColumns = new[] { "as_int", "as_long", "as_byte", "as_short", "as_boolean", "as_float", "as_double", "as_string", "as_string_lit_null", "as_date", "as_timestamp", "as_big_decimal" },
            Check = Checks.AllPartitionTypes,
        },
        Read("data-reader-primitives", "every primitive type, and a row of nulls", 0, "struct<as_int:int,as_long:bigint,as_byte:tinyint,as_short:smallint,as_boolean:boolean,as_float:float,as_double:double,as_string:string,as_binary:binary,as_big_decimal:decimal(1,0)>", 2, 11),
        Read("data-reader-timestamp_ntz", "timestamp_ntz data and partition column (reader feature timestampNtz)", 1, Ntz, 4, 9) with
        {
            PartitionColumns = new[] { "tsNtzPartition" }, Source = Kernel, Check = s => Checks.NtzPartitions(s),
        },
        Read("data-reader-timestamp_ntz-id-mode", "timestampNtz with column mapping id: partition values by physical name", 1, Ntz, 4, 9) with
        {
            PartitionColumns = new[] { "tsNtzPartition" }, Source = Kernel, ColumnMapping = ColumnMappingMode.Id, Check = s => Checks.NtzPartitions(s),
        },
        Read("data-reader-timestamp_ntz-name-mode", "timestampNtz with column mapping name", 1, Ntz, 4, 9) with
        {
            PartitionColumns = new[] { "tsNtzPartition" }, Source = Kernel, ColumnMapping = ColumnMappingMode.Name, Check = s => Checks.NtzPartitions(s),
        },
        Read("data-skipping-basic-stats-all-types", "statistics of every type", 0, StatsTypes, 1, 1) with { Source = Stats },
        Read("data-skipping-basic-stats-all-types-checkpoint", "statistics of every type, checkpointInterval 1", 0, StatsTypes, 1, 1) with { Source = Stats },
        Read("data-skipping-basic-stats-all-types-columnmapping-id", "statistics under column mapping id (reader version 2)", 0, StatsTypes, 1, 1) with { Source = Stats, ColumnMapping = ColumnMappingMode.Id },
        Read("data-skipping-basic-stats-all-types-columnmapping-name", "statistics under column mapping name (reader version 2)", 0, StatsTypes, 1, 1) with { Source = Stats, ColumnMapping = ColumnMappingMode.Name },
        Read("data-skipping-change-stats-collected-across-versions", "dataSkippingNumIndexedCols changed across versions", 4, "struct<col1:int,col2:int>", 3, 3) with { Source = Stats },
        Read("data-skipping-partition-and-data-column", "four appends", 3, "struct<part:int,id:int>", 4, 4) with { Source = Stats },
        Read("decimal-various-scale-precision", "decimals of precision 4 to 38 and many scales", 0, "struct<decimal_4_0:decimal(4,0),decimal_7_0:decimal(7,0),decimal_7_6:decimal(7,6),decimal_12_0:decimal(12,0),decimal_12_6:decimal(12,6),decimal_15_0:decimal(15,0),decimal_15_6:decimal(15,6),decimal_15_12:decimal(15,12),decimal_18_0:decimal(18,0),decimal_18_6:decimal(18,6),decimal_18_12:decimal(18,12),decimal_25_0:decimal(25,0),decimal_25_6:decimal(25,6),decimal_25_12:decimal(25,12),decimal_25_18:decimal(25,18),decimal_25_24:decimal(25,24),decimal_35_0:decimal(35,0),decimal_35_6:decimal(35,6),decimal_35_12:decimal(35,12),decimal_35_18:decimal(35,18),decimal_35_24:decimal(35,24),decimal_35_30:decimal(35,30),decimal_38_0:decimal(38,0),decimal_38_6:decimal(38,6),decimal_38_12:decimal(38,12),decimal_38_18:decimal(38,18),decimal_38_24:decimal(38,24),decimal_38_30:decimal(38,30),decimal_38_36:decimal(38,36)>", 1, 3) with { Source = Stats },
        Read("delete-re-add-same-file-different-transactions", "foo added, removed, added again; then bar", 3, "struct<intCol:int>", 2, null) with
        {
            Synthetic = true,
            Check = s =>
            {
                Assert.Equal(new[] { "bar", "foo" }, s.Files.Select(f => Path.GetFileName(f.Path)).Order(StringComparer.Ordinal));
                Assert.Equal(1700000000000L, s.Files.Single(f => f.Path.EndsWith("foo", StringComparison.Ordinal)).Add.ModificationTime);
            },
        },
        Read("deltalog-commit-info", "commitInfo with every field", 0, "struct<>", 1, null) with
        {
            Synthetic = true,
            Check = s =>
            {
                var info = s.CommitInfo!;
                Assert.Equal("WRITE", info.Operation);
                Assert.Equal(1540415658000L, info.Timestamp);
                Assert.Equal("foo", info.UserMetadata);
                Assert.Equal(-1L, info.ReadVersion);
                Assert.Equal("user_0", info.Raw["userId"]!.GetValue<string>());
                Assert.Equal("job_id_0", info.Raw["job"]!["jobId"]!.GetValue<string>());
                Assert.Equal("test", info.OperationParameters["test"]!.GetValue<string>());
                Assert.Equal("test", info.OperationMetrics["test"]!.GetValue<string>());
            },
        },
        Read("deltalog-getChanges", "add, then cdc + remove, then protocol + txn", 2, "struct<part:int,id:int>", 0, 0) with
        {
            Synthetic = true,
            Check = s =>
            {
                Assert.Equal(3L, s.TxnVersion("fakeAppId"));
                Assert.Null(s.TxnVersion("nonExistentAppId"));
            },
        },
        Refused<DeltaUnsupportedFeatureException>("deltalog-invalid-protocol-version", "minReaderVersion 99", "needs Delta reader version 99"),
        Refused<DeltaLogCorruptException>("deltalog-state-reconstruction-from-checkpoint-missing-metadata", "the checkpoint at 10 lost its metaData", "has no metadata"),
        Refused<DeltaLogCorruptException>("deltalog-state-reconstruction-from-checkpoint-missing-protocol", "the checkpoint at 10 lost its protocol", "has no protocol action"),
        Refused<DeltaLogCorruptException>("deltalog-state-reconstruction-without-metadata", "no metaData action", "has no metadata"),
        Refused<DeltaLogCorruptException>("deltalog-state-reconstruction-without-protocol", "no protocol action", "has no protocol action"),
        Read("dv-partitioned-with-checkpoint", "deletion vectors on a partitioned table: 50 rows, 15 deleted; checkpoint at 10", 15, DvTable, 15, 35) with
        {
            PartitionColumns = new[] { "part" }, CheckpointVersion = 10,
            Check = s => Checks.PartitionValues(s, "part", Enumerable.Range(0, 10).Cast<object>().ToArray(), distinct: true),
        },
        Read("dv-with-columnmapping", "deletion vectors with column mapping name: partition values by physical name", 15, DvTable, 15, 35) with
        {
            PartitionColumns = new[] { "part" }, CheckpointVersion = 10, ColumnMapping = ColumnMappingMode.Name,
            Check = s =>
            {
                Assert.StartsWith("col-", s.PhysicalName("part"));
                Checks.PartitionValues(s, "part", Enumerable.Range(0, 10).Cast<object>().ToArray(), distinct: true);
            },
        },
        Read("hive/deltatbl-column-names-case-insensitive", "mixed-case column names, partitioned by BarFoo", 0, "struct<FooBar:int,BarFoo:string>", 4, 10) with
        {
            PartitionColumns = new[] { "BarFoo" }, Check = s => Checks.PartitionValues(s, "barfoo", new object[] { "foo0", "foo1" }, distinct: true),
        },
        Read("hive/deltatbl-deleted-path", "plain table", 0, "struct<c1:int,c2:string>", 2, 10),
        Read("hive/deltatbl-incorrect-format-config", "plain table", 0, "struct<a:int,b:string>", 2, 10),
        Read("hive/deltatbl-map-types-correctly", "one row of every Hive type", 0, "struct<c1:tinyint,c2:binary,c3:boolean,c4:int,c5:bigint,c6:string,c7:float,c8:double,c9:smallint,c10:date,c11:timestamp,c12:decimal(38,18),c13:array<string>,c14:map<string,bigint>,c15:struct<f1:string,f2:bigint>>", 1, 1),
        Read("hive/deltatbl-non-partitioned", "plain table", 0, "struct<c1:int,c2:string>", 2, 10),
        Read("hive/deltatbl-not-allow-write", "plain table", 0, "struct<a:int,b:string>", 2, 10),
        Read("hive/deltatbl-partition-prune", "partitioned by date and city", 0, "struct<city:string,date:string,name:string,cnt:int>", 5, 5) with
        {
            PartitionColumns = new[] { "date", "city" }, Check = s => Checks.PartitionValues(s, "city", "hz", "hz", "bj", "sh", "sz"),
        },
        Read("hive/deltatbl-partitioned", "partitioned by c2", 0, "struct<c1:int,c2:string>", 4, 10) with
        {
            PartitionColumns = new[] { "c2" }, Check = s => Checks.PartitionValues(s, "c2", new object[] { "foo0", "foo1" }, distinct: true),
        },
        Read("hive/deltatbl-schema-match", "partitioned by b", 0, "struct<a:int,b:string,c:string>", 4, 10) with { PartitionColumns = new[] { "b" } },
        Read("hive/deltatbl-special-chars-in-partition-column", "partition values '+ =%0' and '+ =%1'", 0, "struct<c1:int,c2:string>", 4, 10) with
        {
            PartitionColumns = new[] { "c2" }, Check = s => Checks.PartitionValues(s, "c2", new object[] { "+ =%0", "+ =%1" }, distinct: true),
        },
        Read("hive/deltatbl-touch-files-needed-for-partitioned", "partitioned by c2", 0, "struct<c1:int,c2:string>", 4, 10) with { PartitionColumns = new[] { "c2" } },
        Read("kernel-timestamp-INT96", "timestamp partition values with and without fractions, INT96 data", 0, Timestamps, 5, 5) with { PartitionColumns = new[] { "part" }, Check = Checks.TimestampPartitions },
        Read("kernel-timestamp-PST", "as INT96, written in PST (partition values are wall-clock text)", 0, Timestamps, 5, 5) with { PartitionColumns = new[] { "part" }, Check = Checks.TimestampPartitions },
        Read("kernel-timestamp-TIMESTAMP_MICROS", "as INT96, TIMESTAMP_MICROS data", 0, Timestamps, 5, 5) with { PartitionColumns = new[] { "part" }, Check = Checks.TimestampPartitions },
        Read("kernel-timestamp-TIMESTAMP_MILLIS", "as INT96, TIMESTAMP_MILLIS data", 0, Timestamps, 5, 5) with { PartitionColumns = new[] { "part" }, Check = Checks.TimestampPartitions },
        Read("kernel-timestamp-partition-col-ISO8601", "timestamp partition values in ISO 8601 (2024-01-01T10:00:00.000000Z)", 0, "struct<str:string,ts:timestamp>", 2, 2) with
        {
            PartitionColumns = new[] { "ts" }, Source = Kernel,
            Check = s => Checks.PartitionValues(s, "ts", new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 2, 12, 30, 0, DateTimeKind.Utc)),
        },
        Read("log-replay-dv-key-cases", "one file re-added with three successive deletion vectors: one logical file, 3 rows deleted", 3, Id, 1, 47) with
        {
            Source = Kernel, Check = s => Assert.Equal(3, s.Files.Single().DeletionVector!.Cardinality),
        },
        Read("log-replay-latest-metadata-protocol", "schema evolves and the protocol is upgraded: the latest of each wins", 2, "struct<col1:bigint,col2:bigint>", 4, 40) with
        {
            Source = Kernel + "; rows: " + Stats,
            Check = s => Assert.Equal((3, 7), (s.Protocol.MinReaderVersion, s.Protocol.MinWriterVersion)),
        },
        Read("log-replay-special-characters", "add and remove of 'special p@#h' (URI-encoded)", 1, "struct<intCol:int>", 0, 0) with { Synthetic = true, Source = Kernel },
        Read("log-replay-special-characters-a", "add and remove of an encoded path", 1, "struct<intCol:int>", 0, 0) with { Synthetic = true, Source = Kernel },
        Read("log-replay-special-characters-b", "add of an encoded path: decoded to 'special p@#h'", 0, "struct<intCol:int>", 1, null) with
        {
            Synthetic = true, Source = Kernel,
            Check = s => Assert.Equal("special p@#h", Path.GetFileName(s.Files.Single().Path)),
        },
        Refused<DeltaTableNotFoundException>("log-store-listFrom", "not a table: files for the log store's listFrom test (used by LogStoreTests)", "no _delta_log folder"),
        Refused<DeltaTableNotFoundException>("log-store-read", "not a table: files for the log store's read test (used by LogStoreTests)", "no _delta_log folder"),
        Read("multi-part-checkpoint", "checkpoint at 1 in two parts", 1, Id, 10, 31) with { CheckpointVersion = 1 },
        Refused<DeltaTableNotFoundException>("no-delta-log-folder", "a plain Parquet folder", "no _delta_log folder"),
        Read("only-checkpoint-files", "checkpointInterval 1: checkpoints at 1 and 2", 2, Id, 7, 25) with { CheckpointVersion = 2, Source = Kernel },
        Read("parquet-all-types", "every type, nested and null-heavy (reader feature timestampNtz)", 0, AllTypes, 1, 200),
        Read("parquet-all-types-legacy-format", "as parquet-all-types, Parquet legacy format", 0, AllTypes, 1, 200),
        Read("parquet-decimal-dictionaries", "1,000,000 rows of dictionary-encoded decimals", 0, "struct<id:int,col1:decimal(9,0),col2:decimal(12,0),col3:decimal(25,0)>", 1, 1_000_000),
        Read("parquet-decimal-dictionaries-v2", "as parquet-decimal-dictionaries, Parquet writer v2", 0, "struct<id:int,col1:decimal(9,0),col2:decimal(12,0),col3:decimal(25,0)>", 1, 1_000_000),
        Read("parquet-decimal-type", "99,998 rows of INT32/INT64/FIXED decimals", 0, "struct<id:int,col1:decimal(5,1),col2:decimal(10,5),col3:decimal(20,5)>", 1, 99_998),
        Read("snapshot-data0", "10 rows appended", 0, TwoCols, 2, 10),
        Read("snapshot-data1", "10 more appended", 1, TwoCols, 4, 20),
        Read("snapshot-data2", "overwritten with 10 rows", 2, TwoCols, 2, 10),
        Read("snapshot-data2-deleted", "the data-2 rows deleted", 4, TwoCols, 3, 20),
        Read("snapshot-data3", "20 more appended", 3, TwoCols, 4, 30),
        Read("snapshot-repartitioned", "rewritten into 2 files (dataChange=false)", 5, TwoCols, 2, 20),
        Read("snapshot-vacuumed", "vacuumed: only the live files are left on disk", 5, TwoCols, 2, 20),
        Refused<DeltaUnsupportedFeatureException>("spark-variant-checkpoint", "reader feature variantType-preview: AlaSpark has no variant type", "'variantType-preview'"),
        Read("table-with-columnmapping-mode-id", "column mapping id (reader version 2), nested types", 0, MappedTypes, 2, 6) with { Source = Kernel, ColumnMapping = ColumnMappingMode.Id },
        Read("table-with-columnmapping-mode-name", "column mapping name (reader version 2), nested types", 0, MappedTypes, 2, 6) with { Source = Kernel, ColumnMapping = ColumnMappingMode.Name },
        Read("table-with-icebegCompatV2Enabled", "writer feature icebergCompatV2 with column mapping id", 0, MappedTypes, 2, 6) with { Source = Stats, ColumnMapping = ColumnMappingMode.Id },
        Read("time-travel-partition-changes-a", "partitioned by part5", 0, "struct<id:bigint,part5:bigint>", 10, 10) with
        {
            PartitionColumns = new[] { "part5" }, Check = s => Checks.PartitionValues(s, "part5", new object[] { 0L, 1L, 2L, 3L, 4L }, distinct: true),
        },
        Read("time-travel-partition-changes-b", "overwritten and repartitioned by part2 (version 0 is checked by TimeTravelTests)", 1, "struct<id:bigint,part2:bigint>", 4, 10) with
        {
            PartitionColumns = new[] { "part2" }, Check = s => Checks.PartitionValues(s, "part2", new object[] { 0L, 1L }, distinct: true),
        },
        Read("time-travel-schema-changes-a", "10 rows", 0, Id, 2, 10),
        Read("time-travel-schema-changes-b", "a column added with mergeSchema", 1, "struct<id:bigint,part:bigint>", 4, 20),
        Read("time-travel-start", "one commit", 0, Id, 2, 10),
        Read("time-travel-start-start20", "two commits", 1, Id, 4, 20),
        Read("time-travel-start-start20-start40", "three commits (timestamps checked by TimeTravelTests)", 2, Id, 6, 30),
        Read("type-widening", "types widened (byte/int to long, float/ints to double, decimals, date to timestamp_ntz); feature typeWidening-preview", 2, "struct<byte_long:bigint,int_long:bigint,float_double:double,byte_double:double,short_double:double,int_double:double,decimal_decimal_same_scale:decimal(20,2),decimal_decimal_greater_scale:decimal(20,5),byte_decimal:decimal(11,1),short_decimal:decimal(11,1),int_decimal:decimal(11,1),long_decimal:decimal(21,1),date_timestamp_ntz:timestamp_ntz>", 2, 2) with
        {
            Source = Kernel, Check = s => Assert.Equal(13, TypeWidening.Changes(s.Schema).Count),
        },
        Read("type-widening-nested", "types widened in a struct, map key and value, array element", 2, "struct<struct:struct<a:bigint>,map:map<bigint,bigint>,array:array<bigint>>", 2, 2) with
        {
            Source = Kernel, Check = s => Assert.Equal(4, TypeWidening.Changes(s.Schema).Count),
        },
        Read("update-deleted-directory", "10 files and a checkpoint at 0", 0, "struct<>", 10, null) with { Synthetic = true, CheckpointVersion = 0 },
        Read("v2-checkpoint-json", "UUID-named JSON V2 checkpoint with two sidecars", 2, Id, 4, 10) with
        {
            CheckpointVersion = 2, Source = Stats,
            Check = s => Assert.Contains("v2Checkpoint", s.ReaderFeatureNames),
        },
        Read("v2-checkpoint-parquet", "UUID-named Parquet V2 checkpoint with two sidecars", 2, Id, 4, 10) with { CheckpointVersion = 2, Source = Stats },
        Refused<DeltaLogCorruptException>("versions-not-contiguous", "commit 1 deleted: versions 0 and 2", "version 1 is missing"),
    };

    public static Expectation For(string table) =>
        All.SingleOrDefault(e => e.Table == table) ?? throw new InvalidOperationException($"No expectation for {table}.");
}
