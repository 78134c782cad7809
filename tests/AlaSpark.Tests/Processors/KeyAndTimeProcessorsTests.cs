using System.Security.Cryptography;
using System.Text;
using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>AddSurrogateKey, AddRowHash, AddIngestionDate and ParseTimestamp on the embedded engine.</summary>
public class KeyAndTimeProcessorsTests
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Dictionary<int, string> Keys(ProcessedTable table, string column) =>
        table.DataFrame.Select("id", column).Collect().ToDictionary(r => (int)r[0]!, r => (string)r[1]!);

    [Fact]
    public void AddSurrogateKey_hashes_the_unambiguous_text_of_the_key_columns()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "id INT, a STRING, b STRING, n BIGINT, d DATE",
            [1, "ab", "c", 7L, new DateOnly(2026, 1, 31)],
            [2, "a", "bc", 7L, new DateOnly(2026, 1, 31)],
            [3, null, "x", null, null],
            [4, "", "x", null, null],
            [5, "日本", "~", -1L, null],
            [6, "ab", "c", 7L, new DateOnly(2026, 1, 31)]);
        var keyed = table.Apply(new AddSurrogateKey("order_key", ["a", "b", "n", "d"]));
        Assert.Equal("string", keyed.DataFrame.Schema["order_key"].DataType.SimpleString);
        var keys = Keys(keyed, "order_key");

        Assert.Equal(Sha256("2:ab1:c1:710:2026-01-31"), keys[1]);
        Assert.Equal(Sha256("1:a2:bc1:710:2026-01-31"), keys[2]);
        Assert.Equal(Sha256("~1:x~~"), keys[3]);
        Assert.Equal(Sha256("0:1:x~~"), keys[4]);
        Assert.Equal(Sha256("2:日本1:~2:-1~"), keys[5]);
        Assert.Equal(keys[1], keys[6]);
        Assert.Equal(5, keys.Values.Distinct().Count());
        Assert.All(keys.Values, k => Assert.Matches("^[0-9a-f]{64}$", k));
        Assert.Equal(keys, Keys(table.Apply(new AddSurrogateKey("order_key", ["a", "b", "n", "d"])), "order_key"));
        Assert.Equal("AddSurrogateKey(\"order_key\", [\"a\", \"b\", \"n\", \"d\"])", keyed.Lineage[^1].ToString());
    }

    [Fact]
    public void AddSurrogateKey_encodes_nested_values_binary_and_timestamps_to_the_microsecond()
    {
        using var lake = new LocalLake();
        var table = FromJson(lake, "id INT, s STRUCT<x: INT, y: STRING>, tags ARRAY<STRING>, m MAP<STRING, INT>, t TIMESTAMP", """
            {"id": 1, "s": {"x": 1, "y": null}, "tags": ["a", null, "bc"], "m": {"k": 2}, "t": "2026-01-01T00:00:00.000001Z"}
            {"id": 2, "s": null, "tags": [], "m": null, "t": "2026-01-01T00:00:00.000002Z"}
            {"id": 3, "s": {"x": null, "y": null}, "tags": null, "m": {}, "t": null}
            """);
        var keys = Keys(table.Apply(new AddSurrogateKey("k", ["s", "tags", "m", "t"])), "k");
        Assert.Equal(Sha256("{1:1~}[1:a~2:bc]<1:k|1:2>26:2026-01-01 00:00:00.000001"), keys[1]);
        Assert.Equal(Sha256("~[]~26:2026-01-01 00:00:00.000002"), keys[2]);
        Assert.Equal(Sha256("{~~}~<|>~"), keys[3]);

        var bytes = FromRows(lake, "id INT, b BINARY", [1, new byte[] { 0x00, 0xff }], [2, null]).Apply(new AddSurrogateKey("k", ["b"]));
        Assert.Equal(Sha256("4:00FF"), Keys(bytes, "k")[1]);
        Assert.Equal(Sha256("~"), Keys(bytes, "k")[2]);
    }

    [Fact]
    public void AddSurrogateKey_checks_its_arguments()
    {
        Assert.Contains("keyColumns is empty", ConstructorFailure(() => new AddSurrogateKey("k", [])));
        Assert.Contains("column is blank", ConstructorFailure(() => new AddSurrogateKey(" ", ["a"])));
        using var lake = new LocalLake();
        var error = Failure(FromRows(lake, "a INT", [1]), new AddSurrogateKey("k", ["b"]));
        Assert.Contains("the column 'b' does not exist", error);
        Assert.Empty(Rows(FromRows(lake, "a INT").Apply(new AddSurrogateKey("k", ["a"]))));
    }

    [Fact]
    public void AddRowHash_changes_exactly_when_a_hashed_value_changes()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "id INT, name STRING, amount DOUBLE, seen_at TIMESTAMP",
            [1, "Zoë", 1.5, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)],
            [2, "Zoë", 1.5, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)],
            [3, "Zoë", null, null],
            [4, "Zoe", 1.5, null]);
        var chosen = Keys(table.Apply(new AddRowHash("row_hash", ["name", "amount"])), "row_hash");
        Assert.Equal(chosen[1], chosen[2]);
        Assert.Equal(3, chosen.Values.Distinct().Count());
        Assert.Equal(Sha256("3:Zoë3:1.5"), chosen[1]);

        var all = table.Apply(new AddRowHash("row_hash", []));
        Assert.Equal(4, Keys(all, "row_hash").Values.Distinct().Count());
        Assert.Equal(Sha256("1:13:Zoë3:1.519:2026-01-01 00:00:00"), Keys(all, "row_hash")[1]);
        // Hashing again over every column leaves the hash column itself out.
        Assert.Equal(Keys(all, "row_hash"), Keys(all.Apply(new AddRowHash("row_hash", [])), "row_hash"));
        Assert.Contains("the hash column itself", ConstructorFailure(() => new AddRowHash("h", ["a", "H"])));
    }

    [Fact]
    public void AddIngestionDate_adds_todays_date_in_UTC()
    {
        using var lake = new LocalLake();
        var before = DateOnly.FromDateTime(DateTime.UtcNow);
        var table = FromRows(lake, "id INT", [1], [2]).Apply(new AddIngestionDate());
        var after = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal("id int, ingestion_date date", Schema(table));
        Assert.All(table.DataFrame.Collect(), r => Assert.InRange((DateOnly)r["ingestion_date"]!, before, after));
        Assert.Equal("AddIngestionDate(\"loaded_on\")", FromRows(lake, "id INT").Apply(new AddIngestionDate("loaded_on")).Lineage[^1].ToString());
    }

    [Fact]
    public void ParseTimestamp_parses_with_a_pattern_in_place_or_into_a_target()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "raw STRING", ["31/01/2026 13:45"], ["01/02/2026 00:00"], [null]);
        var inPlace = table.Apply(new ParseTimestamp("raw", "dd/MM/yyyy HH:mm"));
        Assert.Equal("raw timestamp", Schema(inPlace));
        Assert.Equal(["2026-01-31 13:45:00", "2026-02-01 00:00:00", "NULL"], Rows(inPlace));

        var target = table.Apply(new ParseTimestamp("raw", "dd/MM/yyyy HH:mm", "event_time"));
        Assert.Equal("raw string, event_time timestamp", Schema(target));
        Assert.Equal("ParseTimestamp(\"raw\", \"dd/MM/yyyy HH:mm\", \"event_time\")", target.Lineage[^1].ToString());
        Assert.Empty(Rows(FromRows(lake, "raw STRING").Apply(new ParseTimestamp("raw", "yyyy"))));
    }

    [Fact]
    public void ParseTimestamp_fails_on_text_that_does_not_match_with_ANSI_on_and_gives_null_with_it_off()
    {
        using (var lake = new LocalLake())
        {
            var table = FromRows(lake, "raw STRING", ["2026-01-31"], ["31.01.2026"]).Apply(new ParseTimestamp("raw", "yyyy-MM-dd"));
            Assert.Contains("CANNOT_PARSE_TIMESTAMP", Assert.Throws<AlaSparkException>(() => table.DataFrame.Collect()).Message);
        }
        using (var lake = new LocalLake("\"spark.sql.ansi.enabled\" = false\n"))
        {
            var table = FromRows(lake, "raw STRING", ["2026-01-31"], ["31.01.2026"]).Apply(new ParseTimestamp("raw", "yyyy-MM-dd"));
            Assert.Equal(["2026-01-31 00:00:00", "NULL"], Rows(table));
        }
    }

    [Fact]
    public void ParseTimestamp_checks_the_pattern_and_the_column_at_its_step()
    {
        Assert.Contains("format is blank", ConstructorFailure(() => new ParseTimestamp("raw", " ")));
        using var lake = new LocalLake();
        var table = FromRows(lake, "raw STRING, t TIMESTAMP");
        var unsupported = Failure(table, new ParseTimestamp("raw", "yyyy-QQ"));
        Assert.StartsWith("ParseTimestamp(\"raw\", \"yyyy-QQ\") in pipeline 'raw_to_cooked'", unsupported);
        Assert.Contains("the column 't' is timestamp; ParseTimestamp works on a string column", Failure(table, new ParseTimestamp("t", "yyyy")));
    }
}
