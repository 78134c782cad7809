using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Tests.App;

/// <summary>Where a PipelineDefinition reads its source: the catalog's entry, or the source's Path.</summary>
public class PipelineSourceTests
{
    private static readonly StructType Schema = StructType.FromDdl("order_id STRING, amount DOUBLE");

    private const string Csv = "order_id,amount\no1,10.5\no2,3\n";

    private static PipelineDefinition Orders(string? path, StructType? schema = null) =>
        new PipelineDefinition("raw_to_cooked").ReadFrom<CsvReader>("raw__shop", "orders", path: path, schema: schema ?? Schema);

    private static List<string> Rows(ProcessedTable table) =>
        table.DataFrame.Collect().Select(r => $"{r["order_id"]}={r["amount"]}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_table_the_catalog_does_not_have_is_read_from_its_path_with_its_schema_and_a_header_row()
    {
        using var lake = new LocalLake();
        var file = lake.File(Path.Combine("shipped", "orders.csv"), Csv);

        var table = Orders(Path.GetDirectoryName(file)).Build(lake.Session);

        Assert.Equal(["o1=10.5", "o2=3"], Rows(table));
        Assert.Equal(Schema, table.DataFrame.Schema);
        Assert.Equal("raw__shop.orders", table.Source.FullName);
        Assert.False(lake.Session.Catalog.TryGetTable("raw__shop", "orders", out _), "reading does not register the table");
    }

    [Fact]
    public void A_relative_path_from_the_config_is_relative_to_the_config_files_folder()
    {
        using var lake = new LocalLake("source_path = \"data/*.csv\"\n");
        lake.File(Path.Combine("job", "data", "orders.csv"), Csv);
        lake.File(Path.Combine("job", "data", "README.md"), "not a csv file\n");

        var table = Orders("{{ source_path }}").Build(lake.Session);

        Assert.Equal(["o1=10.5", "o2=3"], Rows(table));
        Assert.Equal(Path.Combine(lake.Root, "job", "data", "*.csv"), table.Source.Location);
    }

    [Fact]
    public void The_path_overrides_the_location_of_a_table_the_catalog_has()
    {
        using var lake = new LocalLake("source_path = \"elsewhere\"\n");
        lake.Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        lake.Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "orders", Path.Combine(lake.Root, "registered"), "csv", Schema));
        lake.File(Path.Combine("registered", "orders.csv"), "order_id,amount\nold,1\n");
        lake.File(Path.Combine("job", "elsewhere", "orders.csv"), Csv);

        Assert.Equal(["old=1"], Rows(Orders(null).Build(lake.Session)));
        Assert.Equal(["o1=10.5", "o2=3"], Rows(Orders("{{ source_path }}").Build(lake.Session)));
    }

    [Fact]
    public void The_sources_options_reach_the_reader()
    {
        using var lake = new LocalLake();
        var file = lake.File(Path.Combine("shipped", "orders.csv"), "order_id;amount\no1;10.5\no2;3\n");

        var table = new PipelineDefinition("raw_to_cooked")
            .ReadFrom<CsvReader>("raw__shop", "orders", path: Path.GetDirectoryName(file), schema: Schema, options: ["sep = ;"])
            .Build(lake.Session);

        Assert.Equal(["o1=10.5", "o2=3"], Rows(table));
    }

    [Theory]
    [InlineData("sep")]
    [InlineData("=;")]
    public void An_option_that_is_not_key_equals_value_is_an_error_naming_it(string option)
    {
        var error = Assert.Throws<AlaSparkException>(() =>
            new PipelineDefinition("raw_to_cooked").ReadFrom<CsvReader>("raw__shop", "orders", options: [option]));
        Assert.Contains($"'{option}'", error.Message);
        Assert.Contains("key=value", error.Message);
    }

    [Fact]
    public void A_table_neither_in_the_catalog_nor_given_a_path_says_what_to_do()
    {
        using var lake = new LocalLake();
        var error = Assert.Throws<TableNotFoundException>(() => Orders(null).Build(lake.Session));
        Assert.Contains("The pipeline 'raw_to_cooked' reads raw__shop.orders", error.Message);
        Assert.Contains("there is no database 'raw__shop'", error.Message);
        Assert.Contains("give the source a Path", error.Message);
    }

    [Fact]
    public void A_path_key_missing_from_the_config_names_the_key_and_the_file()
    {
        using var lake = new LocalLake("lake_root = \"x\"\n");
        var error = Assert.Throws<ConfigurationException>(() => Orders("{{ source_path }}").Build(lake.Session));
        Assert.Contains("'source_path'", error.Message);
        Assert.Contains(Path.Combine(lake.Root, "job", "job.toml"), error.Message);
    }
}
