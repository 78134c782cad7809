using AlaSpark.Catalog;
using AlaSpark.Types;
using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>JoinDataframe and UnionDataframe, reading another table registered in the real catalog.</summary>
public class CatalogTableProcessorsTests
{
    private const string OrdersDdl = "order_id INT, customer_id STRING, amount INT";

    private static ProcessedTable Orders(LocalLake lake) => FromRows(lake, OrdersDdl,
        [1, "c1", 10], [2, "c2", 20], [3, "c9", 30], [4, null, 40], [5, "c1", 50]);

    /// <summary>Registers <c>cooked__shop.&lt;name&gt;</c>: JSON lines in a file, with a schema.</summary>
    private static void Register(LocalLake lake, string name, string ddl, string jsonLines)
    {
        var path = lake.File($"tables/{name}/part-0.json", jsonLines);
        lake.Session.Catalog.CreateDatabaseIfNotExists("cooked__shop");
        lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("cooked__shop", name, Path.GetDirectoryName(path)!, "json", StructType.FromDdl(ddl)));
    }

    private static void Customers(LocalLake lake) => Register(lake, "customers", "customer_id STRING, name STRING, tier INT", """
        {"customer_id": "c1", "name": "Zoë", "tier": 1}
        {"customer_id": "c2", "name": "日本", "tier": null}
        {"customer_id": "c3", "name": "Nobody's", "tier": 2}
        {"customer_id": null, "name": "null key", "tier": 3}
        """);

    [Fact]
    public void JoinDataframe_inner_keeps_matching_rows_with_the_other_tables_columns()
    {
        using var lake = new LocalLake();
        Customers(lake);
        var joined = Orders(lake).Apply(new JoinDataframe("cooked__shop", "customers", ["customer_id"]));
        Assert.Equal("customer_id string, order_id int, amount int, name string, tier int", Schema(joined));
        Assert.Equal(["c1|1|10|Zoë|1", "c1|5|50|Zoë|1", "c2|2|20|日本|NULL"], Rows(joined));
        Assert.Equal("JoinDataframe(\"cooked__shop\", \"customers\", [\"customer_id\"], \"Inner\")", joined.Lineage[^1].ToString());
    }

    [Theory]
    [InlineData(JoinType.Left, new[] { "NULL|4|40|NULL|NULL", "c1|1|10|Zoë|1", "c1|5|50|Zoë|1", "c2|2|20|日本|NULL", "c9|3|30|NULL|NULL" })]
    [InlineData(JoinType.Right, new[] { "NULL|NULL|NULL|null key|3", "c1|1|10|Zoë|1", "c1|5|50|Zoë|1", "c2|2|20|日本|NULL", "c3|NULL|NULL|Nobody's|2" })]
    [InlineData(JoinType.Full, new[] { "NULL|4|40|NULL|NULL", "NULL|NULL|NULL|null key|3", "c1|1|10|Zoë|1", "c1|5|50|Zoë|1", "c2|2|20|日本|NULL", "c3|NULL|NULL|Nobody's|2", "c9|3|30|NULL|NULL" })]
    [InlineData(JoinType.LeftSemi, new[] { "c1|1|10", "c1|5|50", "c2|2|20" })]
    [InlineData(JoinType.LeftAnti, new[] { "NULL|4|40", "c9|3|30" })]
    public void JoinDataframe_follows_Sparks_join_types_and_null_keys_match_nothing(JoinType how, string[] expected)
    {
        using var lake = new LocalLake();
        Customers(lake);
        var joined = Orders(lake).Apply(new JoinDataframe("cooked__shop", "customers", ["customer_id"], how));
        Assert.Equal(expected, Rows(joined));
    }

    [Fact]
    public void JoinDataframe_on_an_empty_table_and_on_two_columns()
    {
        using var lake = new LocalLake();
        Register(lake, "empty", "customer_id STRING, name STRING", "");
        Assert.Empty(Rows(Orders(lake).Apply(new JoinDataframe("cooked__shop", "empty", ["customer_id"]))));
        Assert.Equal(5, Rows(Orders(lake).Apply(new JoinDataframe("cooked__shop", "empty", ["customer_id"], JoinType.Left))).Count);

        Register(lake, "rates", "customer_id STRING, amount INT, rate DOUBLE", """{"customer_id": "c1", "amount": 50, "rate": 0.5}""");
        Assert.Equal(["c1|50|5|0.5"], Rows(Orders(lake).Apply(new JoinDataframe("cooked__shop", "rates", ["customer_id", "amount"]))));
    }

    [Fact]
    public void JoinDataframe_names_what_is_wrong_with_the_other_table()
    {
        using var lake = new LocalLake();
        Customers(lake);
        var missingTable = Failure(Orders(lake), new JoinDataframe("cooked__shop", "clients", ["customer_id"]));
        Assert.StartsWith("JoinDataframe(\"cooked__shop\", \"clients\", [\"customer_id\"], \"Inner\") in pipeline 'raw_to_cooked' (table raw__shop.orders):", missingTable);
        Assert.Contains("customers", missingTable);
        Assert.Contains("Write or register the table first.", missingTable);

        Register(lake, "other", "id INT, amount INT", "");
        var missingKey = Failure(Orders(lake), new JoinDataframe("cooked__shop", "other", ["customer_id"]));
        Assert.Contains("the join column(s) 'customer_id' are not in cooked__shop.other. Its columns: id, amount.", missingKey);

        Register(lake, "shared", "customer_id STRING, amount INT", "");
        var shared = Failure(Orders(lake), new JoinDataframe("cooked__shop", "shared", ["customer_id"]));
        Assert.Contains("have the column(s) amount besides the join columns", shared);
        Assert.Contains("RenameColumns", shared);
        Assert.Empty(Rows(Orders(lake).Apply(new JoinDataframe("cooked__shop", "shared", ["customer_id"], JoinType.LeftSemi))));

        Assert.Contains("how is Cross", ConstructorFailure(() => new JoinDataframe("cooked__shop", "customers", ["customer_id"], JoinType.Cross)));
        Assert.Contains("on is empty", ConstructorFailure(() => new JoinDataframe("cooked__shop", "customers", [])));
    }

    [Fact]
    public void UnionDataframe_appends_by_name_and_widens_types()
    {
        using var lake = new LocalLake();
        Register(lake, "more_orders", "amount BIGINT, customer_id STRING, order_id INT", """
            {"amount": 5000000000, "customer_id": "日本", "order_id": 6}
            {"amount": null, "customer_id": null, "order_id": 1}
            """);
        var union = Orders(lake).Apply(new UnionDataframe("cooked__shop", "more_orders"));
        Assert.Equal("order_id int, customer_id string, amount bigint", Schema(union));
        Assert.Equal(["1|NULL|NULL", "1|c1|10", "2|c2|20", "3|c9|30", "4|NULL|40", "5|c1|50", "6|日本|5000000000"], Rows(union));
        Assert.Equal("UnionDataframe(\"cooked__shop\", \"more_orders\")", union.Lineage[^1].ToString());
    }

    [Fact]
    public void UnionDataframe_fills_missing_columns_with_nulls_only_when_allowed()
    {
        using var lake = new LocalLake();
        Register(lake, "archive", "order_id INT, note STRING", """{"order_id": 9, "note": "archivé"}""");
        var error = Failure(Orders(lake), new UnionDataframe("cooked__shop", "archive"));
        Assert.Contains("the columns differ: only here: customer_id, amount; only in cooked__shop.archive: note.", error);
        Assert.Contains("allowMissingColumns: true", error);

        var union = Orders(lake).Apply(new UnionDataframe("cooked__shop", "archive", allowMissingColumns: true));
        Assert.Equal("order_id int, customer_id string, amount int, note string", Schema(union));
        Assert.Contains("9|NULL|NULL|archivé", Rows(union));
        Assert.Contains("1|c1|10|NULL", Rows(union));
        Assert.Equal("UnionDataframe(\"cooked__shop\", \"archive\", allowMissingColumns: true)", union.Lineage[^1].ToString());

        Register(lake, "nothing", OrdersDdl, "");
        Assert.Equal(Rows(Orders(lake)), Rows(Orders(lake).Apply(new UnionDataframe("cooked__shop", "nothing"))));
    }
}
