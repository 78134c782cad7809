using System.Text.Json.Nodes;
using AlaSpark.Delta.Writing;
using AlaSpark.Types;

namespace AlaSpark.Delta.Tests.Writing;

/// <summary>Partition values, statistics and paths as the writer serializes them, read back by the reader's code.</summary>
public class SerializationTests
{
    [Theory]
    [InlineData("string", "a b/c%=", "a b/c%=")]
    [InlineData("string", "", null)]
    [InlineData("int", "0042", "42")]
    [InlineData("bigint", "-9223372036854775808", "-9223372036854775808")]
    [InlineData("decimal(10,2)", "1.5", "1.50")]
    [InlineData("boolean", "True", "true")]
    [InlineData("date", "2024-02-29", "2024-02-29")]
    [InlineData("timestamp", "2024-01-01 10:00:00+00", "2024-01-01T10:00:00.000000Z")]
    [InlineData("timestamp", "2024-01-01 12:30:00.5+02", "2024-01-01T10:30:00.500000Z")]
    [InlineData("timestamp", "2024-01-01T10:00:00.123456Z", "2024-01-01T10:00:00.123456Z")]
    [InlineData("timestamp_ntz", "2024-01-01 10:00:00", "2024-01-01 10:00:00")]
    [InlineData("timestamp_ntz", "2024-01-01T10:00:00.25", "2024-01-01 10:00:00.250000")]
    public void Partition_values_are_written_in_the_protocols_form_and_read_back(string type, string engineText, string? expected)
    {
        var dataType = StructType.FromDdl("c " + type)["c"].DataType;
        var written = PartitionValueFormat.FromText(engineText, dataType);
        Assert.Equal(expected, written);
        if (written is not null)
            Assert.Equal(PartitionValues.Parse(engineText.EndsWith("+00", StringComparison.Ordinal) || engineText.EndsWith("+02", StringComparison.Ordinal) ? engineText + ":00" : engineText, dataType),
                PartitionValues.Parse(written, dataType));
    }

    [Fact]
    public void A_partition_value_that_is_not_of_the_type_is_an_error() =>
        Assert.Throws<FormatException>(() => PartitionValueFormat.FromText("abc", IntegerType.Instance));

    [Theory]
    [InlineData("day=2024-01-01/part-1.parquet", "day=2024-01-01/part-1.parquet")]
    [InlineData("tag=a%2Fb/f.parquet", "tag=a%252Fb/f.parquet")]
    [InlineData("tag=a b:c+d#/f.parquet", "tag=a%20b%3Ac%2Bd%23/f.parquet")]
    [InlineData("tag=ü€/f.parquet", "tag=%C3%BC%E2%82%AC/f.parquet")]
    public void Data_file_paths_are_encoded_so_one_decoding_gives_the_path_on_disk(string relative, string encoded)
    {
        Assert.Equal(encoded, DeltaPaths.EncodeRelativePath(relative));
        Assert.Equal(Path.Combine("/t", relative), DeltaPaths.Resolve("/t", encoded));
    }

    [Theory]
    [InlineData("../x.parquet")]
    [InlineData("/abs.parquet")]
    [InlineData("a//b.parquet")]
    public void Paths_outside_the_table_are_refused(string relative) =>
        Assert.Throws<ArgumentException>(() => DeltaPaths.EncodeRelativePath(relative));

    [Fact]
    public void Strings_are_cut_for_the_minimum_and_a_cut_maximum_is_left_out()
    {
        var schema = StructType.FromDdl("s STRING, t STRING");
        var emoji = string.Concat(Enumerable.Repeat("😀", 40)); // surrogate pairs: cut by characters, never in a pair
        var stats = new Dictionary<string, ColumnStatistics>
        {
            ["s"] = new(new string('a', 33), new string('b', 32), 0),
            ["t"] = new(emoji, emoji, 0),
        };
        var json = (JsonObject)JsonNode.Parse(FileStatistics.ToJson(2, schema, stats))!;
        Assert.Equal(new string('a', 32), (string?)json["minValues"]!["s"]);
        Assert.Equal(new string('b', 32), (string?)json["maxValues"]!["s"]);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 32)), (string?)json["minValues"]!["t"]);
        Assert.False(json["maxValues"]!.AsObject().ContainsKey("t"));
    }

    [Fact]
    public void Non_finite_numbers_booleans_and_binary_get_no_bounds_and_only_the_first_indexed_columns_get_statistics()
    {
        var schema = StructType.FromDdl("a DOUBLE, b BOOLEAN, c BINARY, d INT, e INT");
        var stats = new Dictionary<string, ColumnStatistics>
        {
            ["a"] = new(double.NegativeInfinity, double.NaN, 0),
            ["b"] = new(false, true, 1),
            ["c"] = new(null, null, 0),
            ["d"] = new(1, 2, 0),
            ["e"] = new(3, 4, -1),
        };
        Assert.Equal("""{"numRecords":5,"minValues":{"d":1,"e":3},"maxValues":{"d":2,"e":4},"nullCount":{"a":0,"b":1,"c":0,"d":0}}""",
            FileStatistics.ToJson(5, schema, stats));
        Assert.Equal("""{"numRecords":5,"nullCount":{"a":0,"b":1}}""",
            FileStatistics.ToJson(5, schema, stats, new Dictionary<string, string> { [FileStatistics.NumIndexedColsKey] = "2" }));
        Assert.Equal("""{"numRecords":5}""", FileStatistics.ToJson(5, schema, null));
    }

    [Fact]
    public void Timestamps_are_truncated_to_milliseconds()
    {
        var schema = StructType.FromDdl("ts TIMESTAMP, ntz TIMESTAMP_NTZ");
        var at = new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9999);
        var stats = new Dictionary<string, ColumnStatistics> { ["ts"] = new(at, at, 0), ["ntz"] = new(at, at, 0) };
        var json = (JsonObject)JsonNode.Parse(FileStatistics.ToJson(1, schema, stats))!;
        Assert.Equal("2024-01-02T03:04:05.678Z", (string?)json["minValues"]!["ts"]);
        Assert.Equal("2024-01-02T03:04:05.678", (string?)json["maxValues"]!["ntz"]);
    }
}
