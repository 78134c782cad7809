using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

public class SmokeTests
{
    [Fact]
    public void Select_filter_and_functions_run_on_a_local_relation()
    {
        using var lake = new TempLake();
        var df = lake.Session.CreateDataFrame(StructType.FromDdl("id INT, email STRING, amount DOUBLE"),
            [[1, "Alice@Example.com", 10.5], [2, null, -1.0], [3, "bob@example.com", 3.25]]);
        var result = df.Filter(Col("amount") > 0)
            .WithColumn("email_hash", Sha2(Col("email"), 256))
            .WithColumn("upper", Upper(Col("email")))
            .Select("id", "email_hash", "upper")
            .OrderBy("id")
            .Collect();
        Assert.Equal(2, result.Count);
        Assert.Equal("ALICE@EXAMPLE.COM", result[0]["upper"]);
        Assert.Equal(64, ((string)result[0]["email_hash"]!).Length);
        Assert.Equal(3, result[1]["id"]);
    }
}

public class SessionConfTests
{
    [Fact]
    public void Spark_and_alaspark_keys_of_the_job_config_reach_the_session()
    {
        var config = Config.JobConfig.Parse("[spark.sql]\nansi.enabled = \"false\"\n[alaspark.duckdb]\nmemory_limit = \"1GB\"\n", "job.toml");
        var root = Path.Combine(Path.GetTempPath(), "alaspark-conf-" + Guid.NewGuid().ToString("N"));
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = root, Config = config });
        Assert.Equal("1GB", session.GetConf("alaspark.duckdb.memory_limit"));
        Assert.Null(session.Sql("SELECT CAST('abc' AS INT) AS x").Collect()[0]["x"]);
    }
}
