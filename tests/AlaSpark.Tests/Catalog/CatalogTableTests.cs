using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Tests.Catalog;

public class CatalogTableTests
{
    private static CatalogTable Sample() => new(
        "raw__web_events", "page_views", "/lake/raw__web_events/page_views", "CSV",
        new StructType(new StructField("event_id", StringType.Instance), new StructField("event_date", DateType.Instance)),
        new List<string> { "event_date" },
        new Dictionary<string, string> { ["header"] = "true", ["delimiter"] = ";" });

    [Fact]
    public void Equality_compares_lists_and_dictionaries_by_content()
    {
        var a = Sample();
        var b = Sample();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotSame(a.PartitionColumns, b.PartitionColumns);
    }

    [Fact]
    public void Properties_compare_regardless_of_insertion_order()
    {
        var a = Sample() with { Properties = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        var b = Sample() with { Properties = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new[] { "a", "b" }, b.Properties.Keys);
    }

    [Fact]
    public void Any_difference_makes_tables_unequal()
    {
        var a = Sample();

        Assert.NotEqual(a, a with { PartitionColumns = new[] { "event_id" } });
        Assert.NotEqual(a, a with { Properties = new Dictionary<string, string> { ["header"] = "false", ["delimiter"] = ";" } });
        Assert.NotEqual(a, a with { Schema = null });
        Assert.NotEqual(a, a with { Location = "/elsewhere" });
        Assert.NotEqual(a, a with { UpdatedTime = DateTimeOffset.UnixEpoch });
    }

    [Fact]
    public void The_table_copies_its_inputs_so_later_changes_do_not_leak_in()
    {
        var partitions = new List<string> { "event_date" };
        var properties = new Dictionary<string, string> { ["header"] = "true" };
        var table = new CatalogTable("raw__x", "t", "/lake/t", "csv", null, partitions, properties);

        partitions.Add("other");
        properties["header"] = "false";

        Assert.Equal(new[] { "event_date" }, table.PartitionColumns);
        Assert.Equal("true", table.Properties["header"]);
    }

    [Fact]
    public void Format_is_lower_case_and_full_name_joins_database_and_table()
    {
        var table = Sample();

        Assert.Equal("csv", table.Format);
        Assert.Equal("raw__web_events.page_views", table.FullName);
        Assert.Contains("raw__web_events.page_views", table.ToString());
        Assert.Contains("header=true", table.ToString());
    }
}
