using AlaSpark.Catalog;
using AlaSpark.Delta;

namespace AlaSpark.Streaming.Tests;

public sealed class FormatTests
{
    private static StreamingTable Stream<TReader>(StreamLake lake, string format, string folder) where TReader : FileStreamReader, new()
    {
        lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "clicks", folder, format, StreamLake.Schema));
        return lake.Session.Catalog.Database("raw__shop").Table("clicks").Read<TReader>(r =>
        {
            r.FileStableAfter = TimeSpan.Zero;
            r.Options["maxFilesPerTrigger"] = "1";
        });
    }

    private static List<string> Clicks(StreamLake lake) =>
        lake.Session.Table("cooked__shop.clicks").Collect().Select(r => $"{r[0]},{r[1]}").Order(StringComparer.Ordinal).ToList();

    private static StreamWriteOptions Options(StreamLake lake) => new() { CheckpointLocation = lake.CheckpointFolder };

    [Fact]
    public void JsonLines_AreStreamed_WithMalformedLinesQuarantined()
    {
        using var lake = new StreamLake();
        var folder = Path.Combine(lake.Root, "raw", "clicks");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "a.json"), ["{\"id\":1,\"name\":\"a\"}", "{\"id\":2,"]);
        File.WriteAllLines(Path.Combine(folder, "b.json"), ["{\"id\":3,\"name\":\"c\"}"]);

        var query = Stream<JsonStreamReader>(lake, "json", folder).Write<DeltaStreamWriter>(lake.Session.Catalog.Database("cooked__shop"), Options(lake));
        query.AwaitTermination();

        Assert.Equal(2, query.RecentProgress.Count);
        Assert.Equal(["1,a", "3,c"], Clicks(lake));
        Assert.Equal(1L, query.RecentProgress.Sum(p => p.RowsQuarantined));
    }

    [Fact]
    public void ParquetFiles_AreStreamed()
    {
        using var lake = new StreamLake();
        var folder = Path.Combine(lake.Root, "raw", "clicks");
        foreach (var (id, name) in new[] { (1, "a"), (2, "b") })
            lake.Session.Engine.WriteFiles(lake.Session.CreateDataFrame(StreamLake.Schema, [[id, name]]).Plan,
                new FileWriteRequest(folder, "parquet", [], Overwrite: false));

        var query = Stream<ParquetStreamReader>(lake, "parquet", folder).Write<DeltaStreamWriter>(lake.Session.Catalog.Database("cooked__shop"), Options(lake));
        query.AwaitTermination();

        Assert.Equal(2, query.RecentProgress.Count);
        Assert.Equal(["1,a", "2,b"], Clicks(lake));
    }

    [Fact]
    public void AMissingSourceFolder_IsAnErrorAtStart()
    {
        using var lake = new StreamLake();

        var error = Assert.Throws<AlaSparkException>(() => Stream<CsvStreamReader>(lake, "csv", Path.Combine(lake.Root, "nowhere")));

        Assert.Contains("nowhere", error.Message);
        Assert.Contains("raw__shop.clicks", error.Message);
    }
}

public sealed class SchemaChangeTests
{
    [Fact]
    public void ANewColumnInTheSource_IsAClearErrorThatWritesNothing_AndMergeSchemaThenWritesTheBatchOnce()
    {
        using var lake = new StreamLake();
        var folder = Path.Combine(lake.Root, "raw", "loose");
        Directory.CreateDirectory(folder);
        // No schema in the catalog: each batch's columns come from its files' header.
        lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "loose", folder, "csv", null, properties: [new("header", "true")]));
        File.WriteAllLines(Path.Combine(folder, "a.csv"), ["id,name", "1,a"]);
        File.WriteAllLines(Path.Combine(folder, "b.csv"), ["id,name,colour", "2,b,red"]);
        StreamingQuery Run(bool mergeSchema)
        {
            var query = lake.Session.Catalog.Database("raw__shop").Table("loose").Read<CsvStreamReader>(r =>
                {
                    r.FileStableAfter = TimeSpan.Zero;
                    r.MaxFilesPerTrigger = 1;
                })
                .Write<DeltaStreamWriter>(lake.Session.Catalog.Database("cooked__shop"),
                    new StreamWriteOptions { CheckpointLocation = lake.CheckpointFolder, MergeSchema = mergeSchema });
            query.AwaitTermination();
            return query;
        }
        List<string> Rows() => lake.Session.Table("cooked__shop.loose").Collect().Select(r => string.Join(",", r.Values)).Order(StringComparer.Ordinal).ToList();

        var error = Assert.Throws<AlaSparkException>(() => Run(mergeSchema: false));

        Assert.Contains("new column 'colour'", error.Message);
        Assert.Contains("MergeSchema", error.Message);
        Assert.Equal(["1,a"], Rows());
        var replay = Run(mergeSchema: true);
        Assert.Equal([1L], replay.RecentProgress.Select(p => p.BatchId));
        Assert.Equal(["1,a,", "2,b,red"], Rows());
    }
}
