namespace AlaSpark.Cli.Tests;

public sealed class SqlCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private void CreateOrders() => _lake.CreateCsvTable("raw__shop", "orders",
        "id INT, day DATE, ts TIMESTAMP, tags STRING, city STRING, zip INT, note STRING",
        """
        id,day,ts,tags,city,zip,note
        1,2024-01-31,2024-01-31 10:15:30.123456,a;b,Paris,75001,
        2,2024-02-01,2024-02-01 00:00:00,c,Lyon,69001,gift

        """);

    [Fact]
    public void Json_prints_one_object_per_line_with_dates_timestamps_arrays_structs_nulls_and_exact_column_names()
    {
        CreateOrders();
        var result = Cli.Run(_lake.Root, "sql", "SELECT id, day, ts, split(tags, ';') AS tags, named_struct('city', city, 'zip', zip) AS address, note AS `gift note` FROM raw__shop.orders ORDER BY id", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "{\"id\":1,\"day\":\"2024-01-31\",\"ts\":\"2024-01-31 10:15:30.123456\",\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Paris\",\"zip\":75001},\"gift note\":null}\n" +
            "{\"id\":2,\"day\":\"2024-02-01\",\"ts\":\"2024-02-01 00:00:00\",\"tags\":[\"c\"],\"address\":{\"city\":\"Lyon\",\"zip\":69001},\"gift note\":\"gift\"}\n",
            result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Prints_a_table_by_default()
    {
        CreateOrders();
        var result = Cli.Run(_lake.Root, "sql", "SELECT id, note, city FROM raw__shop.orders ORDER BY id DESC");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            +--+----+-----+
            |id|note| city|
            +--+----+-----+
            | 2|gift| Lyon|
            | 1|NULL|Paris|
            +--+----+-----+

            """.ReplaceLineEndings(Environment.NewLine),
            result.Stdout);
    }

    [Fact]
    public void An_empty_result_prints_the_header_or_nothing_in_json()
    {
        CreateOrders();
        var table = Cli.Run(_lake.Root, "sql", "SELECT id FROM raw__shop.orders WHERE id > 10");
        var json = Cli.Run(_lake.Root, "sql", "SELECT id FROM raw__shop.orders WHERE id > 10", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Equal(["+--+", "|id|", "+--+", "+--+"], table.Lines);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal("", json.Stdout);
    }

    [Fact]
    public void Select_without_from_evaluates_expressions_without_a_lake()
    {
        // No lake in the current directory: nothing is needed and nothing is created.
        var result = Cli.Run(_lake.Root, "sql", "SELECT sha2('Spark', 256)", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"sha2(Spark, 256)\":\"529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b\"}\n", result.Stdout);
        Assert.False(Directory.Exists(_lake.Lake));
    }

    [Fact]
    public void Select_without_from_prints_a_table()
    {
        var result = Cli.Run(_lake.Root, "sql", "SELECT 1 + 1 AS two, upper('x') AS up, DATE '2024-03-01' AS d");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["+---+--+----------+", "|two|up|         d|", "+---+--+----------+", "|  2| X|2024-03-01|", "+---+--+----------+"], result.Lines);
    }

    [Fact]
    public void Joins_and_groups_two_tables()
    {
        _lake.CreateCsvTable("raw__shop", "customers", "id INT, country STRING", "id,country\n1,FR\n2,DE\n3,FR\n4,IT\n");
        _lake.CreateCsvTable("cooked__shop", "sales", "id INT, customer_id INT, amount DOUBLE",
            "id,customer_id,amount\n10,1,20.0\n11,1,5.5\n12,2,100.0\n13,3,4.5\n14,99,1.0\n");

        var result = Cli.Run(_lake.Root, "sql",
            """
            SELECT c.country, count(*) AS orders, sum(s.amount) AS total
            FROM cooked__shop.sales s
            JOIN raw__shop.customers c ON s.customer_id = c.id
            GROUP BY c.country
            ORDER BY total DESC
            """,
            "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "{\"country\":\"DE\",\"orders\":1,\"total\":100}",
                "{\"country\":\"FR\",\"orders\":3,\"total\":30}",
            ],
            result.Lines);
    }

    [Fact]
    public void Lake_option_points_at_another_folder()
    {
        CreateOrders();
        var elsewhere = Path.GetTempPath();
        var result = Cli.Run(elsewhere, "sql", "SELECT count(*) AS n FROM raw__shop.orders", "--lake", _lake.Lake, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"n\":2}\n", result.Stdout);
    }

    [Theory]
    [InlineData("SELECT sum(id) OVER (ORDER BY id) FROM raw__shop.orders", "Window functions (OVER) are not supported")]
    [InlineData("SELECT id FROM raw__shop.orders UNION SELECT id FROM raw__shop.orders", "UNION")]
    [InlineData("WITH t AS (SELECT 1) SELECT * FROM t", "WITH")]
    [InlineData("INSERT INTO raw__shop.orders SELECT 1", "INSERT")]
    public void Sql_outside_the_subset_fails_with_the_parsers_message(string query, string expected)
    {
        CreateOrders();
        var result = Cli.Run(_lake.Root, "sql", query);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_syntax_error_names_the_position()
    {
        var result = Cli.Run(_lake.Root, "sql", "SELECT upper('x'");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot parse", result.Stderr);
        Assert.Contains("position", result.Stderr);
    }

    [Fact]
    public void An_unknown_table_fails_naming_it()
    {
        CreateOrders();
        var result = Cli.Run(_lake.Root, "sql", "SELECT * FROM raw__shop.nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("raw__shop.nope", result.Stderr);
        Assert.Contains("orders", result.Stderr);
    }

    [Fact]
    public void Reading_tables_without_a_lake_is_a_usage_error()
    {
        var result = Cli.Run(_lake.Root, "sql", "SELECT * FROM raw__shop.orders");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("raw__shop.orders", result.Stderr);
        Assert.Contains("--lake", result.Stderr);
        Assert.False(Directory.Exists(_lake.Lake));
    }

    [Fact]
    public void Debug_variable_adds_the_stack_trace()
    {
        var quiet = Cli.Run(_lake.Root, "sql", "SELECT upper('x'");
        var debug = Cli.Run(_lake.Root, new Dictionary<string, string> { ["ALASPARK_DEBUG"] = "1" }, "sql", "SELECT upper('x'");

        Assert.DoesNotContain("   at ", quiet.Stderr);
        Assert.Equal(1, debug.ExitCode);
        Assert.Contains("   at ", debug.Stderr);
    }

    [Fact]
    public void Malformed_rows_of_a_csv_table_are_quarantined_under_the_lake_with_a_note()
    {
        _lake.CreateCsvTable("raw__shop", "items", "id INT, name STRING", "id,name\n1,pen\nnot a number,ink\n3,cap\n");
        var result = Cli.Run(_lake.Root, "sql", "SELECT id, name FROM raw__shop.items ORDER BY id", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":1,\"name\":\"pen\"}", "{\"id\":3,\"name\":\"cap\"}"], result.Lines);
        var folder = Path.Combine(_lake.Lake, "_bad_records");
        var record = Assert.Single(Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories));
        Assert.Contains("\"line\":3", File.ReadAllText(record));
        Assert.StartsWith($"1 malformed row(s) of raw__shop.items quarantined under {folder}{Path.DirectorySeparatorChar}", result.Stderr);
    }

    [Fact]
    public void Reads_parquet_tables()
    {
        _lake.CreateParquetTable("raw__shop", "items", "id INT, name STRING", [[1, "pen"], [2, "ink"]]);
        var result = Cli.Run(_lake.Root, "sql", "SELECT id, name FROM raw__shop.items ORDER BY id", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":1,\"name\":\"pen\"}", "{\"id\":2,\"name\":\"ink\"}"], result.Lines);
    }
}
