using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>DropPartition, RenameColumns, CastColumns and StandardiseColumnNames on the embedded engine.</summary>
public class SchemaProcessorsTests
{
    private const string Ddl = "id INT, user_name STRING, amount STRING, event_time TIMESTAMP";

    private static ProcessedTable Orders(LocalLake lake) => FromRows(lake, Ddl,
        [1, "Zoë", "12.50", new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc)],
        [2, null, null, null],
        [3, "日本", "-0.5", new DateTime(2026, 3, 2, 23, 59, 59, DateTimeKind.Utc)]);

    [Fact]
    public void DropPartition_removes_the_column_and_its_partition_marking()
    {
        using var lake = new LocalLake();
        var table = Orders(lake).Apply(new AddPartition("event_date", "event_time")).Apply(new DropPartition("EVENT_DATE"));

        Assert.Equal(Ddl.Replace("INT", "int").Replace("STRING", "string").Replace("TIMESTAMP", "timestamp"), Schema(table));
        Assert.Empty(table.PartitionColumns);
        Assert.Equal(3, Rows(table).Count);
        Assert.Equal("DropPartition(\"EVENT_DATE\")", table.Lineage[^1].ToString());
    }

    [Fact]
    public void DropPartition_keeps_the_other_partitions_and_works_on_empty_input()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, Ddl)
            .Apply(new AddPartition("event_date", "event_time"))
            .Apply(new AddPartition("event_hour", "event_time", PartitionGranularity.Hour))
            .Apply(new DropPartition("event_date"));
        Assert.Equal(["event_hour"], table.PartitionColumns);
        Assert.Empty(Rows(table));
    }

    [Fact]
    public void DropPartition_refuses_an_ordinary_column_and_a_missing_one()
    {
        using var lake = new LocalLake();
        var error = Failure(Orders(lake), new DropPartition("amount"));
        Assert.StartsWith("DropPartition(\"amount\") in pipeline 'raw_to_cooked' (table raw__shop.orders): the column 'amount' is not a partition column here (partitions: none)", error);
        Assert.Contains("DropColumns([\"amount\"])", error);

        var missing = Failure(Orders(lake), new DropPartition("event_date"));
        Assert.Contains("the column 'event_date' does not exist", missing);
        Assert.Contains("Columns here: id, user_name, amount, event_time", missing);
        Assert.Contains("DropPartition: column is blank", ConstructorFailure(() => new DropPartition(" ")));
    }

    [Fact]
    public void RenameColumns_renames_in_place_at_once_and_moves_the_partition_marking()
    {
        using var lake = new LocalLake();
        var table = Orders(lake).Apply(new AddPartition("event_date", "event_time"))
            .Apply(new RenameColumns(["user_name = customer", "event_date=day", "id=amount", "amount=id"]));

        Assert.Equal("amount int, customer string, id string, event_time timestamp, day date", Schema(table));
        Assert.Equal(["day"], table.PartitionColumns);
        Assert.Equal(
            ["1|Zoë|12.50|2026-03-01 08:30:00|2026-03-01", "2|NULL|NULL|NULL|NULL", "3|日本|-0.5|2026-03-02 23:59:59|2026-03-02"],
            Rows(table));
        Assert.Equal("RenameColumns([\"user_name=customer\", \"event_date=day\", \"id=amount\", \"amount=id\"])", table.Lineage[^1].ToString());
    }

    [Fact]
    public void RenameColumns_on_empty_input_keeps_the_new_schema()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, Ddl).Apply(new RenameColumns(["user_name=name"]));
        Assert.Equal("id int, name string, amount string, event_time timestamp", Schema(table));
        Assert.Empty(Rows(table));
    }

    [Theory]
    [InlineData(new[] { "user_name" }, "is not a pair 'name=value'")]
    [InlineData(new[] { "=x" }, "is not a pair 'name=value'")]
    [InlineData(new[] { "a=" }, "the pair for 'a' has no new name")]
    [InlineData(new[] { "a=x", "A=y" }, "names 'A' twice")]
    [InlineData(new[] { "a=x", "b=x" }, "two columns (a, b) would be renamed 'x'")]
    [InlineData(new string[0], "pairs is empty")]
    public void RenameColumns_refuses_pairs_that_are_not_a_map(string[] pairs, string reason)
    {
        var error = ConstructorFailure(() => new RenameColumns(pairs));
        Assert.StartsWith("RenameColumns: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void RenameColumns_refuses_a_missing_column_and_a_name_that_is_taken()
    {
        using var lake = new LocalLake();
        Assert.Contains("the column 'nope' does not exist", Failure(Orders(lake), new RenameColumns(["nope=x"])));
        var clash = Failure(Orders(lake), new RenameColumns(["user_name=amount"]));
        Assert.Contains("the columns 'user_name' and 'amount' would both be named 'amount'", clash);
    }

    [Fact]
    public void CastColumns_casts_each_column_with_Spark_rules()
    {
        using var lake = new LocalLake();
        var table = Orders(lake).Apply(new CastColumns(["amount=decimal(10,2)", "id = string", "event_time=date"]));
        Assert.Equal("id string, user_name string, amount decimal(10,2), event_time date", Schema(table));
        Assert.Equal(["1|Zoë|12.50|2026-03-01", "2|NULL|NULL|NULL", "3|日本|-0.50|2026-03-02"], Rows(table));
        Assert.Equal("CastColumns([\"amount=decimal(10,2)\", \"id=string\", \"event_time=date\"])", table.Lineage[^1].ToString());
    }

    [Fact]
    public void CastColumns_fails_on_a_value_that_cannot_be_cast_with_ANSI_on()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "n STRING", ["12"], ["twelve"]).Apply(new CastColumns(["n=int"]));
        var error = Assert.Throws<AlaSparkException>(() => table.DataFrame.Collect());
        Assert.Contains("twelve", error.Message);
    }

    [Fact]
    public void CastColumns_refuses_an_unknown_type_a_missing_column_and_an_impossible_cast()
    {
        var error = ConstructorFailure(() => new CastColumns(["amount=money"]));
        Assert.StartsWith("CastColumns: the type \"money\" for 'amount' is not a Spark type", error);
        using var lake = new LocalLake();
        Assert.Contains("the column 'price' does not exist", Failure(Orders(lake), new CastColumns(["price=int"])));
        var impossible = Failure(Orders(lake), new CastColumns(["event_time=array<int>"]));
        Assert.StartsWith("CastColumns([\"event_time=array<int>\"]) in pipeline 'raw_to_cooked'", impossible);
    }

    [Fact]
    public void StandardiseColumnNames_makes_every_top_level_name_snake_case()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "`UserID` INT, `Top 10 Items` STRING, `café` STRING, `already_fine` BOOLEAN, `Address` STRUCT<`PostCode`: STRING>",
            [7, "a", "é", true, null]);
        var standard = table.Apply(new StandardiseColumnNames());
        Assert.Equal("user_id int, top_10_items string, cafe string, already_fine boolean, address struct<PostCode:string>", Schema(standard));
        Assert.Equal(["7|a|é|true|NULL"], Rows(standard));
        Assert.Equal("StandardiseColumnNames", standard.Lineage[^1].ToString());
    }

    [Fact]
    public void StandardiseColumnNames_moves_partitions_and_refuses_names_that_collide_or_have_no_letters()
    {
        using var lake = new LocalLake();
        var partitioned = FromRows(lake, "`EventTime` TIMESTAMP, v INT").Apply(new AddPartition("EventDate", "EventTime")).Apply(new StandardiseColumnNames());
        Assert.Equal(["event_date"], partitioned.PartitionColumns);
        Assert.Equal("event_time timestamp, v int, event_date date", Schema(partitioned));

        var collide = Failure(FromRows(lake, "`userId` INT, `user_id` INT"), new StandardiseColumnNames());
        Assert.Contains("the columns 'userId' and 'user_id' would both be named 'user_id'", collide);
        var symbols = Failure(FromRows(lake, "`日本` INT"), new StandardiseColumnNames());
        Assert.Contains("the column '日本' has no letter or digit", symbols);
    }
}
