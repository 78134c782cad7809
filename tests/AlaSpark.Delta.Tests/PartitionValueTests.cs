using AlaSpark.Types;

namespace AlaSpark.Delta.Tests;

public class PartitionValueTests
{
    [Fact]
    public void Null_and_empty_are_null_for_every_type()
    {
        foreach (var type in new DataType[] { StringType.Instance, IntegerType.Instance, DateType.Instance, TimestampType.Instance, new DecimalType(5, 2), BooleanType.Instance, BinaryType.Instance })
        {
            Assert.Null(PartitionValues.Parse(null, type));
            Assert.Null(PartitionValues.Parse("", type));
        }
    }

    [Fact]
    public void Numbers_booleans_and_strings()
    {
        Assert.Equal((sbyte)-8, PartitionValues.Parse("-8", ByteType.Instance));
        Assert.Equal((short)300, PartitionValues.Parse("300", ShortType.Instance));
        Assert.Equal(-2147483648, PartitionValues.Parse("-2147483648", IntegerType.Instance));
        Assert.Equal(9223372036854775807L, PartitionValues.Parse("9223372036854775807", LongType.Instance));
        Assert.Equal(1.5f, PartitionValues.Parse("1.5", FloatType.Instance));
        Assert.Equal(double.NaN, PartitionValues.Parse("NaN", DoubleType.Instance));
        Assert.Equal(double.NegativeInfinity, PartitionValues.Parse("-Infinity", DoubleType.Instance));
        Assert.Equal(1e-7, PartitionValues.Parse("1.0E-7", DoubleType.Instance));
        Assert.Equal(-2342342.23423m, PartitionValues.Parse("-2342342.23423", new DecimalType(12, 5)));
        Assert.Equal(true, PartitionValues.Parse("true", BooleanType.Instance));
        Assert.Equal(false, PartitionValues.Parse("FALSE", BooleanType.Instance));
        Assert.Equal("+ =%0/ü\"", PartitionValues.Parse("+ =%0/ü\"", StringType.Instance));
        Assert.Equal(new byte[] { 1, 2, 3 }, PartitionValues.Parse("\u0001\u0002\u0003", BinaryType.Instance));
    }

    [Fact]
    public void Dates_and_timestamps_in_the_protocols_formats()
    {
        Assert.Equal(new DateOnly(1970, 1, 1), PartitionValues.Parse("1970-01-01", DateType.Instance));
        var utc = (DateTime)PartitionValues.Parse("1970-01-01 00:00:00.123456", TimestampType.Instance)!;
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(1234560L, utc.Ticks - DateTime.UnixEpoch.Ticks);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), PartitionValues.Parse("2024-01-01T10:00:00.000000Z", TimestampType.Instance));
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc), PartitionValues.Parse("2024-01-01T10:00:00+02:00", TimestampType.Instance));
        Assert.Equal(new DateTime(2021, 9, 8, 11, 11, 11, DateTimeKind.Utc), PartitionValues.Parse("2021-09-08 11:11:11", TimestampType.Instance));
        var ntz = (DateTime)PartitionValues.Parse("2013-07-05 17:01:00.123456", TimestampNtzType.Instance)!;
        Assert.Equal(DateTimeKind.Unspecified, ntz.Kind);
        Assert.Equal(new DateTime(2013, 7, 5, 17, 1, 0).AddTicks(1234560), ntz);
        // A date widened to timestamp_ntz keeps its old partition values: midnight.
        Assert.Equal(new DateTime(2024, 9, 9), PartitionValues.Parse("2024-09-09", TimestampNtzType.Instance));
    }

    [Theory]
    [InlineData("abc", "int", "is not a int partition value")]
    [InlineData("300", "tinyint", "out of the range of tinyint")]
    [InlineData("123456789012345678901234567890123", "decimal(38,0)", "28-29 significant digits")]
    [InlineData("2021-13-45", "date", "not a date")]
    [InlineData("yes", "boolean", "expected true or false")]
    public void A_value_that_is_not_of_the_type_says_so(string text, string type, string message)
    {
        var error = Assert.Throws<FormatException>(() => PartitionValues.Parse(text, DataType.Parse(type)));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("/t", "a%20b/c.parquet", "/t/a b/c.parquet")]
    [InlineData("/t", "_2=bar+%252521/p.parquet", "/t/_2=bar+%2521/p.parquet")]
    [InlineData("/t", "/abs/x%23y", "/abs/x#y")]
    [InlineData("/t", "file:/abs/x", "/abs/x")]
    [InlineData("/t", "file:///abs/with%20space/p@%23h", "/abs/with space/p@#h")]
    [InlineData("/t", "..//other/f.parquet", "/other/f.parquet")]
    [InlineData("/t", "s3://bucket/key%20x", "s3://bucket/key%20x")]
    public void Log_paths_are_decoded_once_and_resolved_against_the_table(string root, string logPath, string expected) =>
        Assert.Equal(expected, DeltaPaths.Resolve(root, logPath));

    [Fact]
    public void A_data_file_path_is_encoded_for_the_log()
    {
        Assert.Equal("a%20b/c%23.parquet", DeltaPaths.ToLogPath("/t", "/t/a b/c#.parquet"));
        Assert.Equal("/t/a b/c#.parquet", DeltaPaths.Resolve("/t", DeltaPaths.ToLogPath("/t", "/t/a b/c#.parquet")));
    }
}
