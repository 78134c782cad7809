using System.Globalization;
using System.Text.Json;

namespace AlaSpark.Cli.Tests;

public sealed class TablesCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Lists_the_catalogs_tables_as_json_lines()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var orders = _lake.CreateCsvTable("raw__shop", "orders", "id INT, day STRING", "id,day\n1,2024-01-01\n", partitionBy: ["day"]);
        var customers = _lake.CreateCsvTable("cooked__crm", "customers", "id INT", "id\n1\n");

        var result = Cli.Run(_lake.Root, "tables", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Lines.Length);
        var rows = result.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["database", "table", "format", "location", "partition_columns", "updated_time"], rows[0].EnumerateObject().Select(p => p.Name));

        // Ordered by database, then table.
        Assert.Equal("cooked__crm", rows[0].GetProperty("database").GetString());
        Assert.Equal("customers", rows[0].GetProperty("table").GetString());
        Assert.Equal("csv", rows[0].GetProperty("format").GetString());
        Assert.Equal(customers.Location, rows[0].GetProperty("location").GetString());
        Assert.Equal(0, rows[0].GetProperty("partition_columns").GetArrayLength());

        Assert.Equal("raw__shop", rows[1].GetProperty("database").GetString());
        Assert.Equal("orders", rows[1].GetProperty("table").GetString());
        Assert.Equal(orders.Location, rows[1].GetProperty("location").GetString());
        Assert.Equal(["day"], rows[1].GetProperty("partition_columns").EnumerateArray().Select(e => e.GetString()));
        var updated = DateTime.ParseExact(rows[1].GetProperty("updated_time").GetString()!,
            ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.InRange(updated, before, DateTime.UtcNow.AddSeconds(1));
        var stored = orders.UpdatedTime.UtcDateTime;
        Assert.Equal(stored.AddTicks(-(stored.Ticks % 10)), updated); // printed to the microsecond
    }

    [Fact]
    public void Lists_tables_as_a_table_by_default()
    {
        var orders = _lake.CreateCsvTable("raw__shop", "orders", "id INT, day STRING", "id,day\n1,2024-01-01\n", partitionBy: ["day"]);

        var result = Cli.Run(_lake.Root, "tables");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Lines;
        Assert.Equal(5, lines.Length);
        Assert.Equal(["database", "table", "format", "location", "partition_columns", "updated_time"], lines[1].Trim('|').Split('|').Select(s => s.Trim()));
        var cells = lines[3].Trim('|').Split('|').Select(s => s.Trim()).ToArray();
        Assert.Equal(["raw__shop", "orders", "csv", orders.Location, "[day]"], cells[..5]);
    }

    [Fact]
    public void Lake_option_selects_the_lake()
    {
        _lake.CreateCsvTable("raw__shop", "orders", "id INT", "id\n1\n");
        var result = Cli.Run(Path.GetTempPath(), "tables", "--lake", _lake.Lake, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Lines);
    }

    [Fact]
    public void A_missing_lake_is_a_usage_error()
    {
        var byDefault = Cli.Run(_lake.Root, "tables");
        var given = Cli.Run(_lake.Root, "tables", "--lake", "elsewhere");

        Assert.Equal(2, byDefault.ExitCode);
        Assert.Contains(_lake.Lake, byDefault.Stderr);
        Assert.Contains("--lake", byDefault.Stderr);
        Assert.Equal(2, given.ExitCode);
        Assert.Contains(Path.Combine(_lake.Root, "elsewhere"), given.Stderr);
        Assert.False(Directory.Exists(_lake.Lake));
    }

    [Fact]
    public void A_lake_without_a_catalog_has_no_tables_and_is_left_alone()
    {
        Directory.CreateDirectory(_lake.Lake);
        var result = Cli.Run(_lake.Root, "tables", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("no catalog", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_lake.Lake));
    }
}
