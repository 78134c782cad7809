using System.Globalization;

namespace AlaSpark.Delta.Tests.Conformance;

/// <summary>Table-specific checks of partition values against what GoldenTables.scala wrote.</summary>
public static class Checks
{
    /// <summary>The multiset of a column's partition values over the active files (or the set, when <paramref name="distinct"/>).</summary>
    public static void PartitionValues(Snapshot s, string column, object?[] expected, bool distinct)
    {
        var actual = s.Files.Select(f => s.PartitionValue(f, column)).ToList();
        if (distinct) actual = actual.Distinct().ToList();
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    public static void PartitionValues(Snapshot s, string column, params object?[] expected) => PartitionValues(s, column, expected, distinct: false);

    private static List<string> Sorted(IEnumerable<object?> values) =>
        values.Select(v => v switch
        {
            null => "<null>",
            DateTime d => d.Kind + ":" + d.ToString("O", CultureInfo.InvariantCulture),
            _ => v.GetType().Name + ":" + Convert.ToString(v, CultureInfo.InvariantCulture),
        }).Order(StringComparer.Ordinal).ToList();

    /// <summary>data-reader-partition-values: rows 0 and 1 typed, and a row whose partition values are all null.</summary>
    public static void AllPartitionTypes(Snapshot s)
    {
        foreach (var file in s.Files)
        {
            var values = s.PartitionValuesOf(file);
            if (values["as_int"] is null)
            {
                Assert.All(values.Values, Assert.Null);
                continue;
            }
            var i = (int)values["as_int"]!;
            Assert.Equal((long)i, values["as_long"]);
            Assert.Equal((sbyte)i, values["as_byte"]);
            Assert.Equal((short)i, values["as_short"]);
            Assert.Equal(i % 2 == 0, values["as_boolean"]);
            Assert.Equal((float)i, values["as_float"]);
            Assert.Equal((double)i, values["as_double"]);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), values["as_string"]);
            Assert.Equal("null", values["as_string_lit_null"]);
            Assert.Equal(new DateOnly(2021, 9, 8), values["as_date"]);
            Assert.Equal(new DateTime(2021, 9, 8, 11, 11, 11, DateTimeKind.Utc), values["as_timestamp"]);
            Assert.Equal(DateTimeKind.Utc, ((DateTime)values["as_timestamp"]!).Kind);
            Assert.Equal((decimal)i, values["as_big_decimal"]);
        }
        Assert.Equal(new object?[] { 0, 1, null }.Select(v => v?.ToString()).Order(), s.Files.Select(f => s.PartitionValue(f, "as_int")?.ToString()).Order());
    }

    /// <summary>kernel-timestamp-*: 2020-01-01 08:09:10.001, 2021-10-01 08:09:20 (twice), 1969-01-01 00:00:00 and null, read as UTC.</summary>
    public static void TimestampPartitions(Snapshot s) => PartitionValues(s, "part",
        new DateTime(2020, 1, 1, 8, 9, 10, 1, DateTimeKind.Utc),
        new DateTime(2021, 10, 1, 8, 9, 20, DateTimeKind.Utc),
        new DateTime(2021, 10, 1, 8, 9, 20, DateTimeKind.Utc),
        new DateTime(1969, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        null);

    /// <summary>data-reader-timestamp_ntz*: wall-clock values with microseconds, no time zone.</summary>
    public static void NtzPartitions(Snapshot s)
    {
        var a = new DateTime(2021, 11, 18, 2, 30, 0, DateTimeKind.Unspecified).AddTicks(1234560);
        var b = new DateTime(2013, 7, 5, 17, 1, 0, DateTimeKind.Unspecified).AddTicks(1234560);
        PartitionValues(s, "tsNtzPartition", a, b, b, null);
    }
}
