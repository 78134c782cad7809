using AlaSpark.Types;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// Row.As&lt;T&gt;() and DataFrame.Collect&lt;T&gt;(): columns to a record's parameters by name, as
/// RecordSchema names them, with the conversions a generated OutputRow needs.
/// </summary>
public class RowRecordTests
{
    public sealed record Address(string Street, int? Number);

    public sealed record Wide(
        long Id,
        [property: Column("label")] string Name,
        DateOnly Day,
        DateTime Seen,
        DateTimeOffset SeenAt,
        double Ratio,
        decimal Amount,
        byte Small,
        int? Missing,
        string? Note,
        Address Home,
        string?[] Tags,
        List<int?> Counts,
        IReadOnlyDictionary<string, long?> Totals,
        HashAlgorithm Algorithm,
        string Extra = "default");

    public sealed class Settable
    {
        public string? Name { get; set; }
        public int Count { get; init; }
        public string Untouched { get; set; } = "kept";
    }

    public sealed record Strict(int Count);

    public sealed record Dated(DateOnly Day);

    private static readonly StructType AddressType = new(new StructField("street", StringType.Instance), new StructField("number", IntegerType.Instance));

    private static Row WideRow() => new(
        new StructType(
            new StructField("id", IntegerType.Instance, false),
            new StructField("LABEL", StringType.Instance),
            new StructField("day", DateType.Instance),
            new StructField("seen", DateType.Instance),
            new StructField("seen_at", TimestampType.Instance),
            new StructField("ratio", FloatType.Instance),
            new StructField("amount", LongType.Instance),
            new StructField("small", ShortType.Instance),
            new StructField("missing", IntegerType.Instance),
            new StructField("note", StringType.Instance),
            new StructField("home", AddressType),
            new StructField("tags", new ArrayType(StringType.Instance)),
            new StructField("counts", new ArrayType(IntegerType.Instance)),
            new StructField("totals", new MapType(StringType.Instance, LongType.Instance)),
            new StructField("algorithm", StringType.Instance),
            new StructField("ignored", StringType.Instance)),
        [
            7, "seven", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), new DateTime(2024, 3, 3, 4, 5, 6, DateTimeKind.Utc), 0.5f, 12L, (short)200, null, null,
            new Row(AddressType, ["Main St", 5]),
            new List<object?> { "a", null }, new List<object?> { 1, null, 3 },
            (IReadOnlyDictionary<object, object?>)new Dictionary<object, object?> { ["x"] = 1L, ["y"] = null },
            "md5", "not read",
        ]);

    [Fact]
    public void A_row_reads_into_a_record_by_column_name_with_the_conversions_it_needs()
    {
        var wide = WideRow().As<Wide>();

        Assert.Equal((7L, "seven", new DateOnly(2024, 3, 1)), (wide.Id, wide.Name, wide.Day));
        Assert.Equal(new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), wide.Seen);
        Assert.Equal(DateTimeKind.Utc, wide.Seen.Kind);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 4, 5, 6, TimeSpan.Zero), wide.SeenAt);
        Assert.Equal((0.5, 12m, (byte)200), (wide.Ratio, wide.Amount, wide.Small));
        Assert.Null(wide.Missing);
        Assert.Null(wide.Note);
        Assert.Equal(new Address("Main St", 5), wide.Home);
        Assert.Equal(new[] { "a", null }, wide.Tags.AsEnumerable());
        Assert.Equal([1, null, 3], wide.Counts);
        Assert.Equal(new Dictionary<string, long?> { ["x"] = 1, ["y"] = null }, wide.Totals);
        Assert.Equal(HashAlgorithm.Md5, wide.Algorithm);
        Assert.Equal("default", wide.Extra);
    }

    [Fact]
    public void Settable_properties_read_too_and_columns_that_are_absent_leave_them_as_they_are()
    {
        var row = new Row(new StructType(new StructField("name", StringType.Instance), new StructField("count", LongType.Instance)), ["n", 3L]);

        var settable = row.As<Settable>();

        Assert.Equal(("n", 3, "kept"), (settable.Name, settable.Count, settable.Untouched));
    }

    [Theory]
    [InlineData("missing", "Rows can't be read as RowRecordTests.Strict: there is no column 'count' for the parameter Count of RowRecordTests.Strict. Columns: missing.")]
    [InlineData("null", "The column 'count' is null, but the parameter Count of RowRecordTests.Strict is a non-nullable Int32; make it Int32?.")]
    [InlineData("overflow", "The value 3000000000 of the column 'count' does not fit the parameter Count of RowRecordTests.Strict (Int32).")]
    [InlineData("fraction", "The column 'count' holds Double values (1.5), which the parameter Count of RowRecordTests.Strict (Int32) can't take; give it the column's type.")]
    [InlineData("text", "The column 'count' holds String values (x), which the parameter Count of RowRecordTests.Strict (Int32) can't take")]
    public void A_mismatch_fails_naming_the_column_and_the_parameter(string kind, string message)
    {
        var row = kind switch
        {
            "missing" => new Row(new StructType(new StructField("missing", IntegerType.Instance)), [1]),
            "null" => new Row(new StructType(new StructField("count", IntegerType.Instance)), [null]),
            "overflow" => new Row(new StructType(new StructField("count", LongType.Instance)), [3_000_000_000L]),
            "fraction" => new Row(new StructType(new StructField("count", DoubleType.Instance)), [1.5]),
            _ => new Row(new StructType(new StructField("count", StringType.Instance)), ["x"]),
        };

        var error = Assert.Throws<AlaSparkException>(() => row.As<Strict>());

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_timestamp_with_a_time_of_day_is_not_silently_cut_to_a_date()
    {
        var row = new Row(new StructType(new StructField("day", TimestampType.Instance)), [new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc)]);

        var error = Assert.Throws<AlaSparkException>(() => row.As<Dated>());

        Assert.Contains("the parameter Day of RowRecordTests.Dated (DateOnly) can't take", error.Message);
        Assert.Equal(new DateOnly(2024, 3, 1), new Row(row.Schema, [new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc)]).As<Dated>().Day);
    }

    public sealed record Person(int Id, string Name, DateOnly Born, decimal? Score);

    [Fact]
    public void Collect_of_a_record_reads_every_row_of_a_frame_on_the_engine()
    {
        using var lake = new TempLake();
        using var session = lake.Open();

        var people = session.Sql("SELECT * FROM VALUES (1, 'Ann', DATE'1990-05-01', 1.5BD), (2, 'Bob', DATE'1985-12-31', NULL) AS t(id, name, born, score) ORDER BY id")
            .Collect<Person>();
        var empty = session.Sql("SELECT * FROM VALUES (1, 'x', DATE'2000-01-01', 1.0BD) AS t(id, name, born, score) WHERE id > 1").Collect<Person>();

        Assert.Equal([new Person(1, "Ann", new DateOnly(1990, 5, 1), 1.5m), new Person(2, "Bob", new DateOnly(1985, 12, 31), null)], people);
        Assert.Empty(empty);
        var error = Assert.Throws<AlaSparkException>(() => session.Sql("SELECT * FROM VALUES (1) AS t(id)").Collect<Person>());
        Assert.Contains("there is no column 'name' for the parameter Name of RowRecordTests.Person", error.Message);
    }
}
