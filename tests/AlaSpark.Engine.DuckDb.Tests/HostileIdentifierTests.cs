using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>A column name or value is data, never SQL: names are quoted and literals escaped.</summary>
public class HostileIdentifierTests
{
    public static TheoryData<string> HostileNames =>
    [
        "a\"; DROP TABLE x; --",
        "x' OR '1'='1",
        "semi;colon",
        "with space",
        "sélect",
        "__alaspark_input_file_lookalike",
        "\")) FROM (SELECT 1",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_column_name_round_trips_through_every_operation(string name)
    {
        using var lake = new TempLake();
        var df = lake.Session.CreateDataFrame(new StructType(new StructField(name, StringType.Instance), new StructField("n", IntegerType.Instance)),
            [["v1", 1], ["v2", 2], ["v1", 3]]);
        var quoted = "`" + name.Replace("`", "``") + "`";
        var result = df.WithColumn("upper", Upper(Col(quoted)))
            .Filter(Col(quoted) == "v1")
            .DropDuplicates(name)
            .WithColumnRenamed(name, name + "2")
            .Select(Col("`" + (name + "2").Replace("`", "``") + "`"), Col("upper"))
            .Collect();
        Assert.Single(result);
        Assert.Equal(name + "2", result[0].Schema[0].Name);
        Assert.Equal("V1", result[0]["upper"]);

        var location = Path.Combine(lake.Root, "t");
        lake.Session.Engine.WriteFiles(df.Plan, new FileWriteRequest(location, "parquet", [], false));
        Assert.Equal(3, lake.Session.Read.Parquet(location).Filter(Col(quoted).IsNotNull()).Count());
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_value_is_a_value(string value)
    {
        using var lake = new TempLake();
        var rows = lake.Session.CreateDataFrame(StructType.FromDdl("s STRING"), [[value]])
            .Filter(Col("s") == value).Select(Concat(Col("s"), Lit(value)).Alias("c")).Collect();
        Assert.Equal(value + value, Assert.Single(rows)["c"]);
    }

    [Fact]
    public void A_hostile_path_is_a_path()
    {
        using var lake = new TempLake();
        var path = lake.File("we'ird \"dir\"/f'ile.csv", "x\n1\n");
        Assert.Equal(1, lake.Session.Read.Format("csv").Option("header", true).Load(path).Count());
    }
}
