using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

/// <summary>The DataFrame API in Spark's vocabulary, on the embedded engine.</summary>
public class DataFrameTests
{
    private static DataFrame People(TempLake lake) => lake.Session.CreateDataFrame(StructType.FromDdl("id INT, name STRING, dept STRING, salary DOUBLE"),
        [[1, "Ann", "eng", 100.0], [2, "Bob", "eng", 80.0], [3, "Cy", "ops", null], [4, "Di", null, 50.0]]);

    private static DataFrame Depts(TempLake lake) => lake.Session.CreateDataFrame(StructType.FromDdl("dept STRING, floor INT"),
        [["eng", 3], ["ops", 1], ["hr", 2]]);

    [Fact]
    public void Joins_keep_Sparks_columns_and_rows()
    {
        using var lake = new TempLake();
        var inner = People(lake).Join(Depts(lake), ["dept"]).OrderBy("id").Collect();
        Assert.Equal(["dept", "id", "name", "salary", "floor"], inner[0].Schema.FieldNames);
        Assert.Equal([1, 2, 3], inner.Select(r => (int)r["id"]!));
        var left = People(lake).Join(Depts(lake), ["dept"], JoinType.Left).OrderBy("id").Collect();
        Assert.Null(left[3]["floor"]);
        var full = People(lake).Join(Depts(lake), ["dept"], JoinType.Full).Count();
        Assert.Equal(5, full);
        var anti = People(lake).Join(Depts(lake), ["dept"], JoinType.LeftAnti).Collect();
        Assert.Equal(4, Assert.Single(anti)["id"]);
        var onCondition = People(lake).Join(Depts(lake).WithColumnRenamed("dept", "d"), Col("dept") == Col("d")).Count();
        Assert.Equal(3, onCondition);
    }

    [Fact]
    public void UnionByName_aligns_columns_and_allows_missing_ones_when_asked()
    {
        using var lake = new TempLake();
        var a = lake.Session.CreateDataFrame(StructType.FromDdl("x INT, y STRING"), [[1, "a"]]);
        var b = lake.Session.CreateDataFrame(StructType.FromDdl("y STRING, x INT"), [["b", 2]]);
        var c = lake.Session.CreateDataFrame(StructType.FromDdl("x INT, z BOOLEAN"), [[3, true]]);
        Assert.Equal([1, 2], a.UnionByName(b).OrderBy("x").Collect().Select(r => (int)r["x"]!));
        var error = Assert.Throws<AlaSparkException>(() => a.UnionByName(c).Collect());
        Assert.Contains("allowMissingColumns", error.Message);
        var merged = a.UnionByName(c, allowMissingColumns: true).OrderBy("x").Collect();
        Assert.Equal(["x", "y", "z"], merged[0].Schema.FieldNames);
        Assert.Null(merged[1]["y"]);
    }

    [Fact]
    public void GroupBy_aggregates_and_OrderBy_puts_nulls_where_Spark_does()
    {
        using var lake = new TempLake();
        var rows = People(lake).GroupBy("dept").Agg(Count(Col("id")).Alias("n"), Sum(Col("salary")).Alias("total"), Avg(Col("salary")).Alias("mean"))
            .OrderBy("dept").Collect();
        Assert.Null(rows[0]["dept"]);
        Assert.Equal(("eng", 2L, 180.0), ((string)rows[1]["dept"]!, (long)rows[1]["n"]!, (double)rows[1]["total"]!));
        Assert.Null(rows[2]["total"]);
        var desc = People(lake).OrderBy(Col("salary").Desc()).Collect();
        Assert.Null(desc[^1]["salary"]);
        Assert.Equal(2, People(lake).Limit(2).Count());
    }

    [Fact]
    public void When_otherwise_coalesce_and_struct_access()
    {
        using var lake = new TempLake();
        var rows = People(lake)
            .WithColumn("band", When(Col("salary") >= 90, "high").When(Col("salary") >= 60, "mid").Otherwise("low"))
            .WithColumn("dept2", Coalesce(Col("dept"), Lit("none")))
            .WithColumn("s", Struct(Col("name"), Col("id")))
            .WithColumn("first_name", Col("s.name"))
            .OrderBy("id").Collect();
        Assert.Equal(["high", "mid", "low", "low"], rows.Select(r => (string)r["band"]!));
        Assert.Equal("none", rows[3]["dept2"]);
        Assert.Equal("Ann", rows[0]["first_name"]);
    }

    [Fact]
    public void Explode_gives_a_row_per_element_and_explode_outer_keeps_empty_arrays()
    {
        using var lake = new TempLake();
        var df = lake.Session.CreateDataFrame(StructType.FromDdl("id INT, csv STRING"), [[1, "a,b"], [2, null]])
            .WithColumn("parts", Split(Col("csv"), ","));
        Assert.Equal(2, df.Select(Col("id"), Explode(Col("parts"))).Count());
        var outer = df.Select(Col("id"), ExplodeOuter(Col("parts"))).OrderBy("id").Collect();
        Assert.Equal(3, outer.Count);
        Assert.Equal("col", outer[0].Schema[1].Name);
        Assert.Null(outer[2]["col"]);
    }

    [Fact]
    public void An_unsupported_function_is_an_error_that_names_it()
    {
        using var lake = new TempLake();
        var df = People(lake).Select(new Column(new Plan.UnresolvedFunction("frobnicate", Col("id").Expression)));
        var error = Assert.Throws<AlaSparkException>(() => df.Schema);
        Assert.Contains("frobnicate", error.Message);
    }

    [Fact]
    public void An_unknown_column_lists_the_columns_that_exist()
    {
        using var lake = new TempLake();
        var error = Assert.Throws<AlaSparkException>(() => People(lake).Select("nope").Collect());
        Assert.Contains("'nope'", error.Message);
        Assert.Contains("id, name, dept, salary", error.Message);
    }

    [Fact]
    public void Explain_shows_the_plan_and_the_SQL_and_Show_prints_a_table()
    {
        using var lake = new TempLake();
        var df = People(lake).Filter(Col("salary") > 60).Select(Upper(Col("name")));
        var explain = df.Explain();
        Assert.Contains("Project [upper(name)]", explain);
        Assert.Contains("+- Filter (salary > 60)", explain);
        Assert.Contains("== DuckDB SQL ==", explain);
        Assert.Contains("upper(", explain);
        var show = df.ShowString();
        Assert.Contains("|upper(name)|", show);
        Assert.Contains("|        ANN|", show);
    }

    [Fact]
    public void Spark_SQL_queries_run_over_catalog_tables()
    {
        using var lake = new TempLake();
        var location = Path.Combine(lake.Root, "people");
        var people = People(lake);
        lake.Session.Engine.WriteFiles(people.Plan, new FileWriteRequest(location, "parquet", [], false));
        lake.Session.Catalog.CreateDatabaseIfNotExists("cooked__hr");
        lake.Session.Catalog.CreateOrUpdateTable(new Catalog.CatalogTable("cooked__hr", "people", location, "parquet", people.Schema));
        var rows = lake.Session.Sql("SELECT p.dept, count(*) AS n FROM cooked__hr.people AS p WHERE p.salary IS NOT NULL GROUP BY p.dept ORDER BY n DESC").Collect();
        Assert.Equal(("eng", 2L), ((string)rows[0]["dept"]!, (long)rows[0]["n"]!));
        Assert.Equal("struct<dept:string,n:bigint>", rows[0].Schema.SimpleString);
    }

    [Fact]
    public void Ansi_mode_fails_a_bad_cast_and_non_ansi_gives_null()
    {
        using (var ansi = new TempLake(ansi: true))
        {
            var error = Assert.Throws<AlaSparkException>(() => ansi.Session.Sql("SELECT CAST('abc' AS INT)").Collect());
            Assert.Contains("CAST_INVALID_INPUT", error.Message);
            Assert.Contains("abc", error.Message);
        }
        using var legacy = new TempLake(ansi: false);
        Assert.Null(legacy.Session.Sql("SELECT CAST('abc' AS INT) AS x").Collect()[0]["x"]);
        Assert.Null(legacy.Session.Sql("SELECT 1 / 0 AS x").Collect()[0]["x"]);
    }
}

public class SqlShapeTests
{
    [Fact]
    public void Order_by_a_column_the_select_dropped_works_as_in_Spark()
    {
        using var lake = new TempLake();
        var rows = lake.Session.CreateDataFrame(Types.StructType.FromDdl("id INT, name STRING"), [[2, "b"], [1, "a"], [3, "c"]])
            .Select("name").OrderBy(AlaSpark.Functions.Col("id").Desc()).Collect();
        Assert.Equal(["c", "b", "a"], rows.Select(r => (string)r["name"]!));
        Assert.Equal(["name"], rows[0].Schema.FieldNames);
    }

    [Fact]
    public void Count_star_is_named_count_1_as_in_Spark()
    {
        using var lake = new TempLake();
        var df = lake.Session.CreateDataFrame(Types.StructType.FromDdl("id INT"), [[1], [2]])
            .Agg(new Column(new Plan.UnresolvedFunction("count", new Plan.UnresolvedStar())));
        Assert.Equal("count(1)", df.Schema[0].Name);
        Assert.Equal(2L, df.Collect()[0][0]);
    }

    [Fact]
    public void Without_a_header_the_first_line_decides_the_columns()
    {
        using var lake = new TempLake();
        var df = lake.Session.Read.Csv(lake.File("x.csv", "1,a\n2,b\n"));
        Assert.Equal("struct<_c0:string,_c1:string>", df.Schema.SimpleString);
        Assert.Equal(2, df.Count());
    }
}
