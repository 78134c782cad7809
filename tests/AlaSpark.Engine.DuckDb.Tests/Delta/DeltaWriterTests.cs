using System.Text.Json.Nodes;
using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Log;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Tests.Delta;

/// <summary>The Delta writer end to end: files written by the engine, committed, read back by the engine and the log reader.</summary>
public class DeltaWriterTests
{
    private static readonly StructType OrderSchema = StructType.FromDdl("id INT, day DATE");

    private static ProcessedTable Source(TempLake lake, StructType schema, IReadOnlyList<string> partitions, params object?[][] rows)
    {
        lake.Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        var entry = new CatalogTable("raw__shop", "orders", Path.Combine(lake.Root, "src"), "parquet", schema);
        return new ProcessedTable(new SourceTable(lake.Session, entry, "raw_to_cooked"), lake.Session.CreateDataFrame(schema, rows), partitions);
    }

    private static ProcessedTable Orders(TempLake lake, params object?[][] rows) => Source(lake, OrderSchema, ["day"], rows);

    private static object?[] Order(int id, int day) => [id, new DateOnly(2024, 1, day)];

    private static DatabaseRef Cooked(TempLake lake) => lake.Session.Catalog.Database("cooked__shop");

    private static string TablePath(TempLake lake) => lake.Session.Catalog.GetTable("cooked__shop", "orders").Location;

    private static List<int> Ids(DataFrame df) => df.Collect().Select(r => Convert.ToInt32(r["id"])).Order().ToList();

    private static List<JsonObject> CommitLines(string table, long version) =>
        File.ReadAllLines(Path.Combine(table, "_delta_log", LogFileName.Commit(version))).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();

    private static int DataFiles(string table) =>
        Directory.EnumerateFiles(table, "*.parquet", SearchOption.AllDirectories).Count(f => !f.Contains("_delta_log", StringComparison.Ordinal));

    [Fact]
    public void Create_append_and_overwrite_round_trip_through_the_engine_and_the_log()
    {
        using var lake = new TempLake();
        var first = Orders(lake, Order(1, 1), Order(2, 2)).Write<DeltaWriter>(Cooked(lake));
        Assert.Equal((0L, 2L, 2, "delta"), (first.Version!.Value, first.Rows, first.Files, first.Format));
        var path = TablePath(lake);
        var entry = lake.Session.Catalog.GetTable("cooked__shop", "orders");
        Assert.Equal(("delta", "struct<id:int,day:date>"), (entry.Format, entry.Schema!.SimpleString));
        Assert.Equal(["day"], entry.PartitionColumns);

        var second = Orders(lake, Order(3, 1)).Write<DeltaWriter>(Cooked(lake));
        Assert.Equal(1L, second.Version);
        Assert.Equal([1, 2, 3], Ids(lake.Session.Read.Format("delta").Load(path)));
        Assert.Equal([1, 2, 3], Ids(lake.Session.Table("cooked__shop.orders")));

        var third = Orders(lake, Order(7, 3)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.Overwrite });
        Assert.Equal(2L, third.Version);
        Assert.Equal([7], Ids(lake.Session.Read.Format("delta").Load(path)));
        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        Assert.Equal((2L, 1), (snapshot.Version, snapshot.Files.Count));
        Assert.Equal(new DateOnly(2024, 1, 3), snapshot.PartitionValue(snapshot.Files[0], "day"));
        Assert.Equal(1, snapshot.Files[0].NumRecords);
        Assert.Equal(3, snapshot.Tombstones.Count);
        Assert.Equal(4, DataFiles(path)); // an overwrite never deletes data files: older versions still read them
        Assert.Equal([1, 2, 3], Ids(lake.Session.Read.Format("delta").Option("versionAsOf", "1").Load(path)));

        var reader = new DeltaReader();
        reader.Options["versionAsOf"] = "0";
        Assert.Equal([1, 2], Ids(lake.Session.Catalog.Database("cooked__shop").Table("orders").Read(reader).DataFrame));
        Assert.Equal([7], Ids(lake.Session.Catalog.Database("cooked__shop").Table("orders").Read<DeltaReader>().DataFrame));
    }

    [Fact]
    public void A_commit_holds_exactly_the_protocols_fields()
    {
        using var lake = new TempLake();
        Orders(lake, Order(1, 1)).Write<DeltaWriter>(Cooked(lake));
        Orders(lake, Order(2, 2)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.Overwrite });
        var path = TablePath(lake);

        var create = CommitLines(path, 0);
        Assert.Equal(["commitInfo", "protocol", "metaData", "add"], create.Select(l => l.Single().Key));
        var info = create[0]["commitInfo"]!.AsObject();
        Assert.Equal(["timestamp", "operation", "operationParameters", "isolationLevel", "isBlindAppend", "operationMetrics", "engineInfo", "txnId"], info.Select(p => p.Key));
        Assert.Equal("WRITE", (string?)info["operation"]);
        Assert.Equal(("Append", "[\"day\"]"), ((string?)info["operationParameters"]!["mode"], (string?)info["operationParameters"]!["partitionBy"]));
        Assert.Contains("""
            "operationParameters":{"mode":"Append","partitionBy":"[\"day\"]"}
            """, File.ReadAllText(Path.Combine(path, "_delta_log", LogFileName.Commit(0))));
        Assert.True((bool)info["isBlindAppend"]!);
        Assert.Equal(["numFiles", "numOutputRows", "numOutputBytes"], info["operationMetrics"]!.AsObject().Select(p => p.Key));
        Assert.Equal("1", (string?)info["operationMetrics"]!["numOutputRows"]);
        Assert.StartsWith("AlaSpark/", (string?)info["engineInfo"]);
        Assert.Equal("""{"minReaderVersion":1,"minWriterVersion":2}""", create[1]["protocol"]!.ToJsonString());
        var meta = create[2]["metaData"]!.AsObject();
        Assert.Equal(["id", "format", "schemaString", "partitionColumns", "configuration", "createdTime"], meta.Select(p => p.Key));
        Assert.True(Guid.TryParse((string?)meta["id"], out _));
        Assert.Equal("""{"provider":"parquet","options":{}}""", meta["format"]!.ToJsonString());
        Assert.Equal(OrderSchema.Json, (string?)meta["schemaString"]);
        Assert.Equal("""["day"]""", meta["partitionColumns"]!.ToJsonString());
        var add = create[3]["add"]!.AsObject();
        Assert.Equal(["path", "partitionValues", "size", "modificationTime", "dataChange", "stats"], add.Select(p => p.Key));
        Assert.StartsWith("day=2024-01-01/", (string?)add["path"]);
        Assert.Equal("""{"day":"2024-01-01"}""", add["partitionValues"]!.ToJsonString());
        Assert.Equal(new FileInfo(DeltaPaths.Resolve(path, (string)add["path"]!)).Length, (long)add["size"]!);
        Assert.True((bool)add["dataChange"]!);
        Assert.Equal("""{"numRecords":1,"minValues":{"id":1},"maxValues":{"id":1},"nullCount":{"id":0}}""", (string?)add["stats"]);

        var overwrite = CommitLines(path, 1);
        Assert.Equal(["commitInfo", "remove", "add"], overwrite.Select(l => l.Single().Key));
        var overwriteInfo = overwrite[0]["commitInfo"]!.AsObject();
        Assert.Equal(0L, (long)overwriteInfo["readVersion"]!);
        Assert.False((bool)overwriteInfo["isBlindAppend"]!);
        Assert.Equal("Overwrite", (string?)overwriteInfo["operationParameters"]!["mode"]);
        var remove = overwrite[1]["remove"]!.AsObject();
        Assert.Equal(["path", "deletionTimestamp", "dataChange", "extendedFileMetadata", "partitionValues", "size", "stats"], remove.Select(p => p.Key));
        Assert.Equal((string?)add["path"], (string?)remove["path"]);
        Assert.True((bool)remove["dataChange"]! && (bool)remove["extendedFileMetadata"]!);
    }

    [Fact]
    public void Partition_values_with_special_characters_and_nulls_round_trip()
    {
        using var lake = new TempLake();
        var schema = StructType.FromDdl("id INT, tag STRING");
        string?[] tags = ["a b", "x/y", "p%q", "=&?#+", "ünï €", "back\\slash", ":colon", null, ""];
        var rows = tags.Select((t, i) => new object?[] { i, t }).ToArray();
        var written = Source(lake, schema, ["tag"], rows).Write<DeltaWriter>(Cooked(lake));
        Assert.Equal(rows.Length, written.Rows);
        var path = TablePath(lake);

        var back = lake.Session.Read.Format("delta").Load(path).Collect().ToDictionary(r => Convert.ToInt32(r["id"]), r => (string?)r["tag"]);
        for (var i = 0; i < tags.Length; i++)
            Assert.Equal(tags[i] == "" ? null : tags[i], back[i]); // an empty partition value is null, as the protocol says

        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        var raw = snapshot.Files.Select(f => f.RawPartitionValues["tag"]).ToList();
        foreach (var tag in tags.Where(t => !string.IsNullOrEmpty(t))) Assert.Contains(tag, raw);
        Assert.Contains(null, raw);
        foreach (var file in snapshot.Files)
        {
            Assert.True(File.Exists(file.Path), $"{file.Add.Path} decodes to {file.Path}, which is not on disk");
            Assert.DoesNotContain(' ', file.Add.Path);
            Assert.Equal(file.Add.Path, DeltaPaths.EncodeRelativePath(Path.GetRelativePath(path, file.Path)));
        }
    }

    [Fact]
    public void Typed_partition_values_are_serialized_per_the_protocol_and_read_back()
    {
        using var lake = new TempLake();
        var schema = StructType.FromDdl("id INT, n BIGINT, d DATE, at TIMESTAMP, ok BOOLEAN, price DECIMAL(6,2)");
        object?[][] rows =
        [
            [1, 42L, new DateOnly(2024, 2, 29), new DateTime(2024, 1, 1, 10, 30, 0, 250, DateTimeKind.Utc), true, 1.5m],
            [2, null, null, null, null, null],
        ];
        Source(lake, schema, ["n", "d", "at", "ok", "price"], rows).Write<DeltaWriter>(Cooked(lake));
        var path = TablePath(lake);
        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        var values = snapshot.Files.Select(f => f.RawPartitionValues).OrderBy(v => v["n"] is null).ToList();
        Assert.Equal(["42", "2024-02-29", "2024-01-01T10:30:00.250000Z", "true", "1.50"], new[] { "n", "d", "at", "ok", "price" }.Select(c => values[0][c]));
        Assert.All(new[] { "n", "d", "at", "ok", "price" }, c => Assert.Null(values[1][c]));
        var back = lake.Session.Read.Format("delta").Load(path).OrderBy("id").Collect();
        Assert.Equal(42L, back[0]["n"]);
        Assert.Equal(new DateOnly(2024, 2, 29), back[0]["d"]);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 30, 0, 250, DateTimeKind.Utc), (DateTime)back[0]["at"]!);
        Assert.Equal(true, back[0]["ok"]);
        Assert.Equal(1.50m, back[0]["price"]);
        Assert.All(new[] { "n", "d", "at", "ok", "price" }, c => Assert.Null(back[1][c]));
    }

    [Fact]
    public void Statistics_of_a_known_file_are_exact()
    {
        using var lake = new TempLake();
        var flat = StructType.FromDdl("id BIGINT, name STRING, amount DOUBLE, at TIMESTAMP, d DATE, price DECIMAL(10,2), ok BOOLEAN, sa INT, sb STRING");
        var longName = new string('z', 40);
        object?[][] rows =
        [
            [5L, "bob", 2.5, new DateTime(2024, 5, 1, 10, 0, 0, 123, DateTimeKind.Utc).AddTicks(4560), new DateOnly(2024, 5, 1), 10.25m, true, 1, "x"],
            [-3L, longName, -1.0, new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateOnly(2023, 1, 2), 0.10m, false, 7, null],
            [9L, null, null, null, null, null, null, null, null],
        ];
        var source = Source(lake, flat, [], rows);
        var df = source.DataFrame.WithColumn("s", AlaSpark.Functions.Expr("CASE WHEN id = 9 THEN NULL ELSE named_struct('a', sa, 'b', sb) END"))
            .Select("id", "name", "amount", "at", "d", "price", "ok", "s");
        Assert.Equal("struct<id:bigint,name:string,amount:double,at:timestamp,d:date,price:decimal(10,2),ok:boolean,s:struct<a:int,b:string>>", df.Schema.SimpleString);
        (source with { DataFrame = df }).Write<DeltaWriter>(Cooked(lake));
        var add = CommitLines(TablePath(lake), 0).Single(l => l.ContainsKey("add"))["add"]!;
        Assert.Equal(
            "{\"numRecords\":3," +
            "\"minValues\":{\"id\":-3,\"name\":\"bob\",\"amount\":-1,\"at\":\"2023-01-02T03:04:05.000Z\",\"d\":\"2023-01-02\",\"price\":0.10,\"s\":{\"a\":1,\"b\":\"x\"}}," +
            "\"maxValues\":{\"id\":9,\"amount\":2.5,\"at\":\"2024-05-01T10:00:00.123Z\",\"d\":\"2024-05-01\",\"price\":10.25,\"s\":{\"a\":7,\"b\":\"x\"}}," +
            "\"nullCount\":{\"id\":0,\"name\":1,\"amount\":1,\"at\":1,\"d\":1,\"price\":1,\"ok\":1,\"s\":{\"a\":1,\"b\":2}}}",
            (string?)add["stats"]);
    }

    [Fact]
    public void A_transaction_id_makes_a_write_idempotent()
    {
        using var lake = new TempLake();
        var options = new WriteOptions { Txn = new TransactionId("nightly-load", 7) };
        var first = Orders(lake, Order(1, 1), Order(2, 1)).Write<DeltaWriter>(Cooked(lake), options);
        Assert.False(first.Skipped);
        var path = TablePath(lake);
        var files = DataFiles(path);
        var again = Orders(lake, Order(1, 1), Order(2, 1)).Write<DeltaWriter>(Cooked(lake), options);
        Assert.True(again.Skipped);
        Assert.Equal(0L, again.Version);
        Assert.Equal(files, DataFiles(path)); // checked before any data file was written
        var older = Orders(lake, Order(3, 1)).Write<DeltaWriter>(Cooked(lake), options with { Txn = new TransactionId("nightly-load", 6) });
        Assert.True(older.Skipped);
        Assert.Equal([1, 2], Ids(lake.Session.Read.Format("delta").Load(path)));
        var next = Orders(lake, Order(3, 1)).Write<DeltaWriter>(Cooked(lake), options with { Txn = new TransactionId("nightly-load", 8) });
        Assert.Equal((false, 1L), (next.Skipped, next.Version!.Value));
        Assert.Equal([1, 2, 3], Ids(lake.Session.Read.Format("delta").Load(path)));
        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        Assert.Equal(8L, snapshot.TxnVersion("nightly-load"));
    }

    [Fact]
    public void Every_tenth_version_is_checkpointed_and_reads_the_same()
    {
        using var lake = new TempLake();
        for (var i = 0; i < 12; i++)
            Orders(lake, Order(i, 1 + i % 3)).Write<DeltaWriter>(Cooked(lake), i == 5 ? new WriteOptions { Mode = WriteMode.Overwrite } : null);
        var path = TablePath(lake);
        var log = Path.Combine(path, "_delta_log");
        Assert.True(File.Exists(Path.Combine(log, LogFileName.ClassicCheckpoint(10))));
        Assert.False(File.Exists(Path.Combine(log, LogFileName.ClassicCheckpoint(0))));
        var last = LastCheckpoint.TryParse(File.ReadAllText(Path.Combine(log, LogFileName.LastCheckpoint)));
        Assert.NotNull(last);
        Assert.Equal(10L, last.Version);
        Assert.Equal(new FileInfo(Path.Combine(log, LogFileName.ClassicCheckpoint(10))).Length, last.SizeInBytes);
        Assert.Equal(6, last.NumOfAddFiles); // versions 5..10
        Assert.NotNull(last.Checksum);

        var fromCheckpoint = DeltaTable.ForPath(path).SnapshotAt(10);
        Assert.Equal(10L, fromCheckpoint.CheckpointVersion);
        Assert.Equal(Enumerable.Range(5, 7).ToList(), Ids(lake.Session.Read.Format("delta").Load(path)));
        Assert.Equal(Enumerable.Range(5, 6).ToList(), Ids(lake.Session.Read.Format("delta").Option("versionAsOf", "10").Load(path)));
        Assert.Equal(Enumerable.Range(0, 5).ToList(), Ids(lake.Session.Read.Format("delta").Option("versionAsOf", "4").Load(path)));
    }

    [Fact]
    public void Time_travel_reads_older_versions_after_overwrites()
    {
        using var lake = new TempLake();
        Orders(lake, Order(1, 1), Order(2, 1)).Write<DeltaWriter>(Cooked(lake));
        var path = TablePath(lake);
        Thread.Sleep(20);
        var between = DateTimeOffset.UtcNow;
        Thread.Sleep(20);
        Orders(lake, Order(3, 2), Order(4, 2), Order(5, 2)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.Overwrite });
        Orders(lake, Order(6, 3)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.Overwrite });
        DataFrame At(string option, string value) => lake.Session.Read.Format("delta").Option(option, value).Load(path);
        Assert.Equal([1, 2], Ids(At("versionAsOf", "0")));
        Assert.Equal([3, 4, 5], Ids(At("versionAsOf", "1")));
        Assert.Equal([6], Ids(At("versionAsOf", "2")));
        Assert.Equal([1, 2], Ids(At("timestampAsOf", between.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(["WRITE", "WRITE", "WRITE"], DeltaTable.ForPath(path).History().Select(h => h.Operation));
    }

    [Fact]
    public void A_new_column_needs_merge_schema_and_the_error_lists_the_differences()
    {
        using var lake = new TempLake();
        Orders(lake, Order(1, 1)).Write<DeltaWriter>(Cooked(lake));
        var path = TablePath(lake);
        var wider = Source(lake, StructType.FromDdl("id INT, day DATE, note STRING"), ["day"], [2, new DateOnly(2024, 1, 2), "hi"]);
        var error = Assert.Throws<AlaSparkException>(() => wider.Write<DeltaWriter>(Cooked(lake)));
        Assert.Contains("new column 'note' (string)", error.Message);
        Assert.Contains("cooked__shop.orders", error.Message);
        var retyped = Source(lake, StructType.FromDdl("id STRING, day DATE, extra INT"), ["day"], ["x", new DateOnly(2024, 1, 2), 1]);
        var both = Assert.Throws<AlaSparkException>(() => retyped.Write<DeltaWriter>(Cooked(lake)));
        Assert.Contains("new column 'extra' (int); column 'id' changes type from int to string", both.Message);
        Assert.Equal(0L, DeltaTable.ForPath(path).LatestSnapshot().Version);

        var merged = wider.Write<DeltaWriter>(Cooked(lake), new WriteOptions { MergeSchema = true });
        Assert.Equal("struct<id:int,day:date,note:string>", merged.Schema.SimpleString);
        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        Assert.Equal("struct<id:int,day:date,note:string>", snapshot.Schema.SimpleString);
        Assert.Equal(CommitLines(path, 0)[2]["metaData"]!["id"]!.ToString(), snapshot.Metadata.Id); // the same table
        Assert.Equal("struct<id:int,day:date,note:string>", lake.Session.Catalog.GetTable("cooked__shop", "orders").Schema!.SimpleString);
        var rows = lake.Session.Read.Format("delta").Load(path).OrderBy("id").Collect();
        Assert.Equal((null, "hi"), ((string?)rows[0]["note"], (string?)rows[1]["note"]));
        Assert.Throws<AlaSparkException>(() => retyped.Write<DeltaWriter>(Cooked(lake), new WriteOptions { MergeSchema = true }));

        // A missing nullable column is written as null, as Delta does.
        Orders(lake, Order(3, 3)).Write<DeltaWriter>(Cooked(lake));
        Assert.Equal(3, lake.Session.Read.Format("delta").Load(path).Count());
    }

    [Fact]
    public void Error_if_exists_fails_and_ignore_skips_an_existing_table()
    {
        using var lake = new TempLake();
        var created = Orders(lake, Order(1, 1)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.ErrorIfExists });
        Assert.Equal(0L, created.Version);
        var path = TablePath(lake);
        var error = Assert.Throws<AlaSparkException>(() => Orders(lake, Order(2, 1)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.ErrorIfExists }));
        Assert.Contains("cooked__shop.orders", error.Message);
        Assert.Contains("ErrorIfExists", error.Message);
        var ignored = Orders(lake, Order(2, 1)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Mode = WriteMode.Ignore });
        Assert.True(ignored.Skipped);
        Assert.Equal(0L, ignored.Version);
        Assert.Equal([1], Ids(lake.Session.Read.Format("delta").Load(path)));
        Assert.Equal("ErrorIfExists", (string?)CommitLines(path, 0)[0]["commitInfo"]!["operationParameters"]!["mode"]);
    }

    [Fact]
    public void Writers_on_many_threads_each_commit_exactly_once()
    {
        const int threads = 4, writesPerThread = 3;
        using var lake = new TempLake();
        Orders(lake, Order(0, 1)).Write<DeltaWriter>(Cooked(lake));
        var path = TablePath(lake);
        var lakes = Enumerable.Range(0, threads).Select(_ => new TempLake()).ToList();
        try
        {
            foreach (var other in lakes)
            {
                other.Session.Catalog.CreateDatabaseIfNotExists("cooked__shop");
                other.Session.Catalog.CreateOrUpdateTable(new CatalogTable("cooked__shop", "orders", path, "delta", OrderSchema, ["day"]));
            }
            var versions = new System.Collections.Concurrent.ConcurrentBag<long>();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                for (var i = 0; i < writesPerThread; i++)
                {
                    var id = 1 + t * writesPerThread + i;
                    versions.Add(Orders(lakes[t], Order(id, 1 + id % 3)).Write<DeltaWriter>(Cooked(lakes[t])).Version!.Value);
                }
            });
            Assert.Equal(Enumerable.Range(1, threads * writesPerThread).Select(v => (long)v), versions.Order());
            Assert.Equal(Enumerable.Range(0, 1 + threads * writesPerThread).ToList(), Ids(lake.Session.Read.Format("delta").Load(path)));
            Assert.True(File.Exists(Path.Combine(path, "_delta_log", LogFileName.ClassicCheckpoint(10))));
        }
        finally
        {
            foreach (var other in lakes) other.Dispose();
        }
    }

    [Fact]
    public void Writers_racing_to_create_a_table_all_commit()
    {
        const int writers = 3;
        using var root = new TempLake();
        var path = Path.Combine(root.Root, "shared", "orders");
        var lakes = Enumerable.Range(0, writers).Select(_ => new TempLake()).ToList();
        try
        {
            foreach (var other in lakes)
            {
                other.Session.Catalog.CreateDatabaseIfNotExists("cooked__shop");
                other.Session.Catalog.CreateOrUpdateTable(new CatalogTable("cooked__shop", "orders", path, "delta", OrderSchema, ["day"]));
            }
            using var start = new Barrier(writers);
            var versions = new System.Collections.Concurrent.ConcurrentBag<long>();
            Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, t =>
            {
                var source = Orders(lakes[t], Order(t, 1));
                start.SignalAndWait();
                versions.Add(source.Write<DeltaWriter>(Cooked(lakes[t])).Version!.Value);
            });
            Assert.Equal([0L, 1, 2], versions.Order());
            Assert.Equal([0, 1, 2], Ids(root.Session.Read.Format("delta").Load(path)));
        }
        finally
        {
            foreach (var other in lakes) other.Dispose();
        }
    }

    [Fact]
    public void A_table_of_another_format_is_not_written_as_delta()
    {
        using var lake = new TempLake();
        Orders(lake, Order(1, 1)).Write<ParquetWriter>(Cooked(lake));
        var error = Assert.Throws<AlaSparkException>(() => Orders(lake, Order(2, 1)).Write<DeltaWriter>(Cooked(lake)));
        Assert.Contains("parquet table", error.Message);
    }
}
