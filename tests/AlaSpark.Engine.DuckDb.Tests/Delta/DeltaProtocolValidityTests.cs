using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Delta.Tests.Robustness;
using AlaSpark.Types;

namespace AlaSpark.Engine.DuckDb.Tests.Delta;

/// <summary>
/// Every write path of <see cref="DeltaWriter"/> leaves a log that passes the protocol validator, and what is
/// written reads back through the engine with the same rows and schema.
/// </summary>
public class DeltaProtocolValidityTests
{
    private static ProcessedTable Source(TempLake lake, string table, StructType schema, IReadOnlyList<string> partitions, params object?[][] rows)
    {
        lake.Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        var entry = new CatalogTable("raw__shop", table, Path.Combine(lake.Root, "src-" + table), "parquet", schema);
        return new ProcessedTable(new SourceTable(lake.Session, entry, "raw_to_cooked"), lake.Session.CreateDataFrame(schema, rows), partitions);
    }

    private static DatabaseRef Cooked(TempLake lake) => lake.Session.Catalog.Database("cooked__shop");

    private static List<string> Rows(DataFrame df) =>
        df.Collect().Select(r => string.Join("|", df.Schema.Fields.Select(f => Convert.ToString(r[f.Name], System.Globalization.CultureInfo.InvariantCulture) ?? "null"))).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Partitioned_appends_overwrite_merge_schema_txn_and_a_checkpoint_are_valid_and_read_back()
    {
        using var lake = new TempLake();
        var schema = StructType.FromDdl("id INT, day DATE, name STRING");
        object?[] Row(int id, int day) => [id, new DateOnly(2024, 1, day), id % 4 == 0 ? null : $"n {id}/é"];
        var expected = new List<object?[]>();
        void Write(WriteOptions? options, params object?[][] rows)
        {
            Source(lake, "orders", schema, ["day"], rows).Write<DeltaWriter>(Cooked(lake), options);
            if (options?.Mode == WriteMode.Overwrite) expected.Clear();
            expected.AddRange(rows);
        }
        Write(null, Row(1, 1), Row(2, 2));
        var path = lake.Session.Catalog.GetTable("cooked__shop", "orders").Location;
        ProtocolValidator.AssertValid(path);
        for (var i = 3; i < 8; i++) Write(null, Row(i, i % 3 + 1));
        Write(new WriteOptions { Mode = WriteMode.Overwrite }, Row(20, 1), Row(21, 2));
        Write(new WriteOptions { Txn = new TransactionId("loader", 1) }, Row(30, 3));
        Write(new WriteOptions { Txn = new TransactionId("loader", 2) }, Row(31, 3));
        // skipped: already committed
        Source(lake, "orders", schema, ["day"], Row(99, 1)).Write<DeltaWriter>(Cooked(lake), new WriteOptions { Txn = new TransactionId("loader", 2) });
        Write(null, Row(40, 2));
        Write(null, Row(41, 2)); // version 10: a checkpoint
        Write(null, Row(42, 1));

        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        Assert.Equal((11L, 10L), (snapshot.Version, snapshot.CheckpointVersion!.Value));
        ProtocolValidator.AssertValid(path);
        var read = lake.Session.Read.Format("delta").Load(path);
        Assert.Equal(schema.Fields.Select(f => (f.Name, f.DataType.SimpleString)).Order(), read.Schema.Fields.Select(f => (f.Name, f.DataType.SimpleString)).Order());
        var expectedDf = lake.Session.CreateDataFrame(schema, expected.ToArray());
        Assert.Equal(Rows(expectedDf), Rows(read.Select(schema.Fields.Select(f => f.Name).ToArray())));

        // MergeSchema: a new column; old rows read it as null.
        var wider = StructType.FromDdl("id INT, day DATE, name STRING, score DOUBLE");
        Source(lake, "orders", wider, ["day"], [50, new DateOnly(2024, 1, 3), "m", 1.5]).Write<DeltaWriter>(Cooked(lake), new WriteOptions { MergeSchema = true });
        ProtocolValidator.AssertValid(path);
        var merged = lake.Session.Read.Format("delta").Load(path);
        Assert.Equal("score", merged.Schema.Fields[^1].Name);
        Assert.Equal(expected.Count + 1, merged.Count());
        Assert.Equal([1.5], merged.Collect().Where(r => r["score"] is not null).Select(r => Convert.ToDouble(r["score"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_unpartitioned_table_of_many_types_is_valid_and_reads_back_the_same()
    {
        using var lake = new TempLake();
        var schema = StructType.FromDdl("id BIGINT, flag BOOLEAN, amount DECIMAL(10,2), at TIMESTAMP, label STRING");
        object?[][] rows =
        [
            [1L, true, 12.34m, new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), "a"],
            [2L, false, -0.5m, new DateTime(2024, 6, 30, 23, 59, 59, DateTimeKind.Utc), null],
            [3L, null, null, null, "ü \"q\""],
        ];
        Source(lake, "things", schema, [], rows).Write<DeltaWriter>(Cooked(lake));
        Source(lake, "things", schema, [], rows[0]).Write<DeltaWriter>(Cooked(lake));
        var path = lake.Session.Catalog.GetTable("cooked__shop", "things").Location;
        ProtocolValidator.AssertValid(path);
        var read = lake.Session.Read.Format("delta").Load(path);
        Assert.Equal(schema.SimpleString, read.Schema.SimpleString);
        var expected = lake.Session.CreateDataFrame(schema, [.. rows, rows[0]]);
        Assert.Equal(Rows(expected.Select("id", "flag", "amount", "at", "label")), Rows(read.Select("id", "flag", "amount", "at", "label")));
        Assert.Equal(4, read.Count());
    }
}
