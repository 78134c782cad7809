using AlaSpark.Catalog;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>The starter processors on real data: nulls, unicode, empty input.</summary>
public class ProcessorTests
{
    private static readonly StructType Schema = StructType.FromDdl("id INT, email STRING, at TIMESTAMP, amount DOUBLE");

    private static ProcessedTable Table(TempLake lake, params object?[][] rows)
    {
        lake.Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        var entry = new CatalogTable("raw__shop", "orders", Path.Combine(lake.Root, "orders"), "parquet", Schema);
        var source = new SourceTable(lake.Session, entry, "raw_to_cooked");
        return new ProcessedTable(source, lake.Session.CreateDataFrame(Schema, rows));
    }

    private static readonly object?[][] Sample =
    [
        [1, "zoë@example.com", new DateTime(2024, 3, 1, 23, 59, 59, DateTimeKind.Utc), 10.0],
        [2, null, null, -1.5],
        [3, "bob@example.com", new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), 0.0],
        [3, "bob@example.com", new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), 0.0],
    ];

    [Fact]
    public void AddPartition_derives_dates_and_marks_the_partition()
    {
        using var lake = new TempLake();
        var table = Table(lake, Sample).Apply(new AddPartition("order_date", "at"));
        Assert.Equal(["order_date"], table.PartitionColumns);
        var rows = table.DataFrame.OrderBy("id").Collect();
        Assert.Equal(new DateOnly(2024, 3, 1), rows[0]["order_date"]);
        Assert.Null(rows[1]["order_date"]);
        Assert.Equal("date", table.DataFrame.Schema["order_date"].DataType.SimpleString);
        var month = Table(lake, Sample).Apply(new AddPartition("order_month", "at", PartitionGranularity.Month)).DataFrame.OrderBy("id").Collect();
        Assert.Equal(new DateOnly(2024, 3, 1), month[2]["order_month"]);
        var hour = Table(lake, Sample).Apply(new AddPartition("order_hour", "at", PartitionGranularity.Hour)).DataFrame.OrderBy("id").Collect();
        Assert.Equal(new DateTime(2024, 3, 1, 23, 0, 0, DateTimeKind.Utc), hour[0]["order_hour"]);
    }

    [Fact]
    public void AddPartition_refuses_a_column_that_is_not_a_time()
    {
        using var lake = new TempLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new AddPartition("p", "amount")));
        Assert.Contains("'amount'", error.Message);
        Assert.Contains("raw_to_cooked", error.Message);
    }

    [Fact]
    public void SelectColumns_and_DropColumns_keep_partition_marks_in_step()
    {
        using var lake = new TempLake();
        var partitioned = Table(lake, Sample).Apply(new AddPartition("order_date", "at"));
        var selected = partitioned.Apply(new SelectColumns(["order_date", "id"]));
        Assert.Equal(["order_date", "id"], selected.DataFrame.Columns);
        Assert.Equal(["order_date"], selected.PartitionColumns);
        var dropped = partitioned.Apply(new DropColumns(["order_date", "email"]));
        Assert.Equal(["id", "at", "amount"], dropped.DataFrame.Columns);
        Assert.Empty(dropped.PartitionColumns);
        Assert.Empty(partitioned.Apply(new SelectColumns(["id"])).PartitionColumns);
    }

    [Fact]
    public void A_processor_naming_a_missing_column_says_which_and_what_exists()
    {
        using var lake = new TempLake();
        var error = Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new DropColumns(["nope"])));
        Assert.Contains("'nope'", error.Message);
        Assert.Contains("id, email, at, amount", error.Message);
    }

    [Fact]
    public void WithColumn_and_FilterRows_take_Spark_SQL()
    {
        using var lake = new TempLake();
        var rows = Table(lake, Sample)
            .Apply(new WithColumn("domain", "upper(regexp_extract(email, '@(.*)$', 1))"))
            .Apply(new FilterRows("amount >= 0 AND email IS NOT NULL"))
            .DataFrame.OrderBy("id").Collect();
        Assert.Equal([1, 3, 3], rows.Select(r => (int)r["id"]!));
        Assert.Equal("EXAMPLE.COM", rows[0]["domain"]);
        var error = Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new FilterRows("amount >")));
        Assert.Contains("FilterRows", error.Message);
        var missing = Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new FilterRows("nope > 1")));
        Assert.Contains("nope", missing.Message);
    }

    [Fact]
    public void HashColumn_gives_Sparks_sha2_and_keeps_nulls()
    {
        using var lake = new TempLake();
        var rows = Table(lake, Sample).Apply(new HashColumn("email")).DataFrame.OrderBy("id").Collect();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("zoë@example.com")));
        Assert.Equal(expected, rows[0]["email"]);
        Assert.Null(rows[1]["email"]);
        var md5 = Table(lake, Sample).Apply(new HashColumn("email", HashAlgorithm.Md5)).DataFrame.OrderBy("id").Collect();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("bob@example.com"u8.ToArray())), md5[2]["email"]);
        var sha512 = Table(lake, Sample).Apply(new HashColumn("email", HashAlgorithm.Sha512)).DataFrame.OrderBy("id").Collect();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData("bob@example.com"u8.ToArray())), sha512[2]["email"]);
        Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new HashColumn("id")));
    }

    [Fact]
    public void Source_file_processors_name_the_file()
    {
        using var lake = new TempLake();
        var path = lake.File("in/orders_1.csv", "id\n1\n");
        lake.Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        var entry = lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "orders", Path.GetDirectoryName(path)!, "csv", StructType.FromDdl("id INT")));
        var row = new SourceTable(lake.Session, entry).Read<CsvReader>().Apply(new AddSourceFilename()).Apply(new AddSourcePath()).DataFrame.Collect().Single();
        Assert.Equal("orders_1.csv", row["source_filename"]);
        Assert.Equal("file://" + path, row["source_path"]);
    }

    [Fact]
    public void DropDuplicates_keeps_one_row_per_key_and_empty_input_stays_empty()
    {
        using var lake = new TempLake();
        Assert.Equal(3, Table(lake, Sample).Apply(new DropDuplicates(["id"])).DataFrame.Count());
        Assert.Equal(0, Table(lake).Apply(new DropDuplicates(["id"])).Apply(new AddCurrentTimestamp()).DataFrame.Count());
    }

    [Fact]
    public void AlterDataType_casts_with_Spark_rules()
    {
        using var lake = new TempLake();
        var rows = Table(lake, Sample).Apply(new AlterDataType("amount", "decimal(10,2)")).Apply(new AlterDataType("id", "string"))
            .DataFrame.OrderBy("id").Collect();
        Assert.Equal(-1.50m, rows[1]["amount"]);
        Assert.Equal("1", rows[0]["id"]);
        var error = Assert.Throws<AlaSparkException>(() => Table(lake, Sample).Apply(new AlterDataType("amount", "decimal(99,2)")));
        Assert.Contains("AlterDataType", error.Message);
    }

    [Fact]
    public void Lineage_records_every_processor_in_order()
    {
        using var lake = new TempLake();
        var table = Table(lake, Sample).Apply(new HashColumn("email")).Apply(new AddCurrentTimestamp("at2"));
        Assert.Equal(["HashColumn(\"email\", \"Sha256\")", "AddCurrentTimestamp(\"at2\")"], table.Lineage.Select(l => l.ToString()));
    }
}

public class ParquetWriterTests
{
    private static ProcessedTable Source(TempLake lake, string database = "raw__shop", params object?[][] rows)
    {
        lake.Session.Catalog.CreateDatabaseIfNotExists(database);
        var schema = StructType.FromDdl("id INT, day DATE");
        var entry = new CatalogTable(database, "orders", Path.Combine(lake.Root, "src"), "parquet", schema);
        return new ProcessedTable(new SourceTable(lake.Session, entry, "raw_to_cooked"), lake.Session.CreateDataFrame(schema, rows), ["day"]);
    }

    private static readonly object?[][] Rows = [[1, new DateOnly(2024, 1, 1)], [2, new DateOnly(2024, 1, 2)]];

    [Fact]
    public void Writes_partitioned_files_and_registers_the_table()
    {
        using var lake = new TempLake();
        var written = Source(lake, rows: Rows).Write<ParquetWriter>(lake.Session.Catalog.Database("cooked__shop"));
        Assert.Equal((2L, 2), (written.Rows, written.Files));
        Assert.Equal(["day=2024-01-01", "day=2024-01-02"], written.Partitions);
        var entry = lake.Session.Catalog.GetTable("cooked__shop", "orders");
        Assert.Equal(["day"], entry.PartitionColumns);
        Assert.Equal(2, lake.Session.Table("cooked__shop.orders").Count());
    }

    [Fact]
    public void Append_adds_overwrite_replaces_error_if_exists_fails_and_ignore_skips()
    {
        using var lake = new TempLake();
        var cooked = lake.Session.Catalog.Database("cooked__shop");
        Source(lake, rows: Rows).Write<ParquetWriter>(cooked);
        Source(lake, rows: Rows).Write<ParquetWriter>(cooked);
        Assert.Equal(4, lake.Session.Table("cooked__shop.orders").Count());
        Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { Mode = WriteMode.Overwrite });
        Assert.Equal(2, lake.Session.Table("cooked__shop.orders").Count());
        var error = Assert.Throws<AlaSparkException>(() => Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { Mode = WriteMode.ErrorIfExists }));
        Assert.Contains("cooked__shop.orders", error.Message);
        Assert.True(Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { Mode = WriteMode.Ignore }).Skipped);
        Assert.Equal(2, lake.Session.Table("cooked__shop.orders").Count());
    }

    [Fact]
    public void A_schema_change_needs_merge_schema_and_the_error_lists_the_differences()
    {
        using var lake = new TempLake();
        var cooked = lake.Session.Catalog.Database("cooked__shop");
        Source(lake, rows: Rows).Write<ParquetWriter>(cooked);
        var wider = Source(lake, rows: Rows).Apply(new AddCurrentTimestamp("loaded_at"));
        var error = Assert.Throws<AlaSparkException>(() => wider.Write<ParquetWriter>(cooked));
        Assert.Contains("new column 'loaded_at' (timestamp)", error.Message);
        wider.Write<ParquetWriter>(cooked, new WriteOptions { MergeSchema = true });
        Assert.Equal("struct<id:int,day:date,loaded_at:timestamp>", lake.Session.Catalog.GetTable("cooked__shop", "orders").Schema!.SimpleString);
    }

    [Fact]
    public void Names_and_layer_order_are_checked_before_anything_is_written()
    {
        using var lake = new TempLake();
        var bad = Assert.Throws<AlaSparkException>(() => Source(lake, rows: Rows).Write<ParquetWriter>(lake.Session.Catalog.Database("Cooked")));
        Assert.Contains("Cooked", bad.Message);
        var backwards = Assert.Throws<AlaSparkException>(() => Source(lake, "served__shop", Rows).Write<ParquetWriter>(lake.Session.Catalog.Database("cooked__shop")));
        Assert.Contains("served", backwards.Message);
        var badColumn = Source(lake, rows: Rows).Apply(new WithColumn("BadName", "id + 1"));
        var column = Assert.Throws<AlaSparkException>(() => badColumn.Write<ParquetWriter>(lake.Session.Catalog.Database("cooked__shop")));
        Assert.Contains("BadName", column.Message);
        Assert.False(Directory.Exists(Path.Combine(lake.Session.LakeRoot, "cooked__shop", "orders")));
    }

    [Fact]
    public void Invalid_partition_columns_are_refused_with_the_reason()
    {
        using var lake = new TempLake();
        var cooked = lake.Session.Catalog.Database("cooked__shop");
        Assert.Contains("does not exist", Assert.Throws<AlaSparkException>(() =>
            Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { PartitionBy = ["nope"] })).Message);
        Assert.Contains("listed twice", Assert.Throws<AlaSparkException>(() =>
            Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { PartitionBy = ["day", "day"] })).Message);
        Assert.Contains("Every column", Assert.Throws<AlaSparkException>(() =>
            Source(lake, rows: Rows).Write<ParquetWriter>(cooked, new WriteOptions { PartitionBy = ["day", "id"] })).Message);
    }
}
