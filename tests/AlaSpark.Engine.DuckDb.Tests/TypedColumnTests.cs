using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>Typed columns build the same expressions as untyped ones and run with Spark's semantics.</summary>
public class TypedColumnTests
{
    private static DataFrame Events(TempLake lake) => lake.Session.CreateDataFrame(
        StructType.FromDdl("id INT, email STRING, day DATE, amount DECIMAL(10,2), ok BOOLEAN"),
        [
            [1, "a@x.io", new DateOnly(2024, 1, 1), 10.50m, true],
            [2, null, new DateOnly(2024, 1, 2), 0.00m, false],
            [3, "c@x.io", null, null, null],
            [4, "ünï@x.io", new DateOnly(2024, 1, 3), 99.99m, true],
        ]);

    private static readonly Column<int> Id = Col<int>("id");
    private static readonly Column<string> Email = Col<string>("email");
    private static readonly Column<DateOnly> Day = Col<DateOnly>("day");
    private static readonly Column<decimal> Amount = Col<decimal>("amount");
    private static readonly Column<bool> Ok = Col<bool>("ok");

    private static int[] Ids(DataFrame frame, Column<bool> condition) =>
        frame.Filter(condition).OrderBy("id").Collect().Select(r => (int)r["id"]!).ToArray();

    [Fact]
    public void Comparisons_with_values_and_columns_of_the_same_type_are_typed_conditions()
    {
        using var lake = new TempLake();
        var events = Events(lake);
        Assert.Equal([2, 4], Ids(events, Day > new DateOnly(2024, 1, 1)));
        Assert.Equal([1, 2], Ids(events, Day <= new DateOnly(2024, 1, 2)));
        Assert.Equal([3], Ids(events, Id == 3));
        Assert.Equal([1, 2, 4], Ids(events, Id != 3));
        Assert.Equal([1], Ids(events, Email == "a@x.io"));
        Assert.Equal([4], Ids(events, Amount > 10.50m));
        Assert.Equal([1, 2, 3, 4], Ids(events, Id == Col<int>("id")));
        Assert.Equal([2], Ids(events, Email.IsNull()));
        Assert.Equal([1, 3, 4], Ids(events, Email.IsNotNull()));
        Assert.Equal([1, 4], Ids(events, Id.IsIn(1, 4)));
        Assert.Equal([2, 3], Ids(events, Id.Between(2, 3)));
        Assert.Equal([2, 3], Ids(events, Email.EqNullSafe((string)null!) | Id == 3));
    }

    [Fact]
    public void Boolean_logic_on_typed_conditions_keeps_Sparks_three_valued_semantics()
    {
        using var lake = new TempLake();
        var events = Events(lake);
        Assert.Equal([1, 4], Ids(events, Ok & Id > 0));
        Assert.Equal([1, 2, 4], Ids(events, Ok | Id < 3));
        // NOT null is null: row 3 (ok = null) is kept by neither a condition nor its negation.
        Assert.Equal([2], Ids(events, !Ok));
    }

    [Fact]
    public void Cast_to_a_CLR_type_uses_the_Spark_type_that_RecordSchema_maps_it_to()
    {
        using var lake = new TempLake();
        var row = Events(lake).Select(Id.Cast<string>().Alias("s"), Id.Cast<long>().Alias("l"), Day.Cast<DateTime>().Alias("t"), Amount.Cast<double>().Alias("d"))
            .OrderBy("s").Collect()[0];
        Assert.Equal(StructType.FromDdl("s STRING, l BIGINT, t TIMESTAMP, d DOUBLE").Fields.Select(f => f.DataType), row.Schema.Fields.Select(f => f.DataType));
        Assert.Equal(("1", 1L, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 10.5), ((string)row["s"]!, (long)row["l"]!, (DateTime)row["t"]!, (double)row["d"]!));
    }

    [Fact]
    public void A_typed_comparison_builds_the_same_plan_as_the_untyped_one()
    {
        Assert.Equal((Col("day") > new DateOnly(2024, 1, 1)).Expression, (Day > new DateOnly(2024, 1, 1)).Expression);
        Assert.Equal((Col("id") == Col("id")).Expression, (Id == Col<int>("id")).Expression);
        Assert.Equal((Col("ok") & Col("id") > 0).Expression, (Ok & Id > 0).Expression);
    }
}
