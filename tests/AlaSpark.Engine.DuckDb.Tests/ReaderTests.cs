using System.Text.Json;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark.Engine.DuckDb.Tests;

public class CsvReaderTests
{
    private const string Csv = """
        id,ts,name
        1,2024-01-01 10:00:00,alice
        2,not-a-time,bob
        3,2024-01-02 11:00:00
        4,2024-01-03 12:00:00,"multi
        line"
        5,2024-01-04 13:00:00,"a ""quoted"" name"
        6,2024-01-05 14:00:00,zed,extra
        7,2024-01-06 15:00:00,"unterminated
        """;

    private static DataFrame Read(TempLake lake, string path, string mode, string? badRecords = null)
    {
        var reader = lake.Session.Read.Format("csv").Schema("id INT, ts TIMESTAMP, name STRING").Option("header", true).Option("mode", mode);
        if (badRecords is not null) reader = reader.Option("badRecordsPath", badRecords);
        return reader.Load(path);
    }

    private static List<JsonElement> Quarantined(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void Quarantine_writes_each_malformed_row_with_file_line_text_and_reason_and_counts_reconcile()
    {
        using var lake = new TempLake();
        var path = lake.File("in/events.csv", Csv);
        var bad = Path.Combine(lake.Root, "bad");
        var df = Read(lake, path, "PERMISSIVE", bad);

        var rows = df.OrderBy("id").Collect();

        Assert.Equal([1, 4, 5], rows.Select(r => (int)r["id"]!));
        Assert.Equal("multi\nline", rows[1]["name"]);
        Assert.Equal("a \"quoted\" name", rows[2]["name"]);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), rows[0]["ts"]);
        var records = Quarantined(bad);
        Assert.Equal([3, 4, 8, 9], records.Select(r => r.GetProperty("line").GetInt64()).Order());
        Assert.All(records, r => Assert.Equal(path, r.GetProperty("path").GetString()));
        var notATime = records.Single(r => r.GetProperty("line").GetInt64() == 3);
        Assert.Equal("2,not-a-time,bob", notATime.GetProperty("record").GetString());
        Assert.Contains("not-a-time", notATime.GetProperty("reason").GetString());
        Assert.StartsWith("7,2024-01-06 15:00:00,\"unterminated", records.Single(r => r.GetProperty("line").GetInt64() == 9).GetProperty("record").GetString());
        var report = lake.Session.Engine.GetScanReport((Plan.Read)((Plan.Sort)df.OrderBy("id").Plan).Input)!;
        Assert.Equal(report.RowsPassed + report.RowsQuarantined, report.RowsRead);
        Assert.Equal((3L, 4L, 7L), (report.RowsPassed, report.RowsQuarantined, report.RowsRead));
    }

    [Fact]
    public void Quarantine_happens_once_however_often_the_plan_runs()
    {
        using var lake = new TempLake();
        var bad = Path.Combine(lake.Root, "bad");
        var df = Read(lake, lake.File("in/events.csv", Csv), "PERMISSIVE", bad);
        Assert.Equal(3, df.Count());
        Assert.Equal(3, df.Collect().Count);
        Assert.Equal(4, Quarantined(bad).Count);
    }

    [Fact]
    public void Drop_mode_drops_malformed_rows_and_counts_them()
    {
        using var lake = new TempLake();
        var df = Read(lake, lake.File("in/events.csv", Csv), "DROPMALFORMED");
        Assert.Equal(3, df.Count());
        var report = lake.Session.Engine.GetScanReport((Plan.Read)df.Plan)!;
        Assert.Equal((4L, 0L, 7L), (report.RowsDropped, report.RowsQuarantined, report.RowsRead));
    }

    [Fact]
    public void Fail_mode_names_the_file_and_the_line()
    {
        using var lake = new TempLake();
        var path = lake.File("in/events.csv", Csv);
        var error = Assert.Throws<AlaSparkException>(() => Read(lake, path, "FAILFAST").Collect());
        Assert.Contains(path, error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Asking_for_the_schema_reads_no_file()
    {
        using var lake = new TempLake();
        var bad = Path.Combine(lake.Root, "bad");
        var df = Read(lake, lake.File("in/events.csv", Csv), "PERMISSIVE", bad).WithColumn("upper_name", Upper(Col("name")));
        Assert.Equal("struct<id:int,ts:timestamp,name:string,upper_name:string>", df.Schema.SimpleString);
        Assert.False(Directory.Exists(bad));
    }

    [Fact]
    public void Folders_and_globs_read_every_matching_file_and_input_file_name_tells_which()
    {
        using var lake = new TempLake();
        lake.File("in/a.csv", "x\n1\n2\n");
        lake.File("in/b.csv", "x\n3\n");
        lake.File("in/_ignored.csv", "x\n99\n");
        lake.File("in/sub/c.txt", "x\n4\n");
        var folder = lake.Session.Read.Format("csv").Option("header", true).Schema("x INT").Load(Path.Combine(lake.Root, "in"))
            .WithColumn("file", InputFileName()).OrderBy("x").Collect();
        Assert.Equal([1, 2, 3, 4], folder.Select(r => (int)r["x"]!));
        Assert.Equal("file://" + Path.Combine(lake.Root, "in", "b.csv"), folder[2]["file"]);
        var glob = lake.Session.Read.Format("csv").Option("header", true).Schema("x INT").Load(Path.Combine(lake.Root, "in", "*.csv")).Collect();
        Assert.Equal(3, glob.Count);
    }

    [Fact]
    public void Without_header_columns_are_named_like_Spark_and_read_as_strings()
    {
        using var lake = new TempLake();
        var df = lake.Session.Read.Csv(lake.File("plain.csv", "1,a\n2,b\n"));
        Assert.Equal("struct<_c0:string,_c1:string>", df.Schema.SimpleString);
        Assert.Equal(2, df.Count());
    }

    [Fact]
    public void A_missing_path_is_an_error_that_names_it()
    {
        using var lake = new TempLake();
        var missing = Path.Combine(lake.Root, "nope");
        var error = Assert.Throws<AlaSparkException>(() => lake.Session.Read.Csv(missing).Collect());
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Delimiter_and_date_formats_are_honoured()
    {
        using var lake = new TempLake();
        var df = lake.Session.Read.Format("csv").Option("header", true).Option("sep", ";").Option("dateFormat", "dd/MM/yyyy")
            .Schema("d DATE, n STRING").Load(lake.File("x.csv", "d;n\n31/12/2024;x\n"));
        Assert.Equal(new DateOnly(2024, 12, 31), df.Collect()[0]["d"]);
    }
}

public class JsonReaderTests
{
    [Fact]
    public void Malformed_lines_are_quarantined_with_their_line_and_good_lines_typed()
    {
        using var lake = new TempLake();
        var path = lake.File("events.json", """
            {"id": 1, "name": "a", "tags": ["x", "y"], "at": "2024-01-01T10:00:00Z", "address": {"city": "Leeds"}}
            {"id": "two", "name": "b"}
            not json

            {"id": 3, "name": null, "extra": true}
            """);
        var bad = Path.Combine(lake.Root, "bad");
        var df = lake.Session.Read.Format("json")
            .Schema("id BIGINT, name STRING, tags ARRAY<STRING>, at TIMESTAMP, address STRUCT<city: STRING>")
            .Option("badRecordsPath", bad).Load(path);
        var rows = df.OrderBy("id").Collect();
        Assert.Equal([1L, 3L], rows.Select(r => (long)r["id"]!));
        Assert.Equal(["x", "y"], (IEnumerable<object?>)rows[0]["tags"]!);
        Assert.Equal("Leeds", ((Row)rows[0]["address"]!)["city"]);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), rows[0]["at"]);
        var lines = Directory.EnumerateFiles(bad, "*.json", SearchOption.AllDirectories).SelectMany(File.ReadAllLines)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt64()).Order().ToList();
        Assert.Equal([2L, 3L], lines);
    }

    [Fact]
    public void Without_a_schema_types_are_inferred_as_Spark_does()
    {
        using var lake = new TempLake();
        var df = lake.Session.Read.Json(lake.File("e.json", "{\"b\": 1, \"a\": \"x\"}\n{\"b\": 2.5, \"c\": [1]}\n"));
        Assert.Equal("struct<a:string,b:double,c:array<bigint>>", df.Schema.SimpleString);
    }
}

public class ParquetTests
{
    [Fact]
    public void A_partitioned_write_reads_back_with_partition_values_escaped_and_nulls()
    {
        using var lake = new TempLake();
        var df = lake.Session.CreateDataFrame(StructType.FromDdl("id INT, part STRING, at TIMESTAMP"),
            [[1, "a/b=c d%", new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc)], [2, null, null], [3, "plain", null]]);
        var location = Path.Combine(lake.Root, "table");
        var result = lake.Session.Engine.WriteFiles(df.Plan, new FileWriteRequest(location, "parquet", ["part"], Overwrite: false));

        Assert.Equal(3, result.Rows);
        Assert.Equal(3, result.Files.Count);
        Assert.Contains(result.Files, f => f.PartitionValues["part"] is null && f.RelativePath.StartsWith("part=__HIVE_DEFAULT_PARTITION__/"));
        Assert.Contains(result.Files, f => f.PartitionValues["part"] == "a/b=c d%");
        var stats = result.Files.Single(f => f.PartitionValues["part"] == "plain").Statistics!;
        Assert.Equal(new ColumnStatistics(3, 3, 0), stats["id"]);
        Assert.Equal(new ColumnStatistics(null, null, 1), stats["at"]);
        var first = result.Files.Single(f => f.PartitionValues["part"] == "a/b=c d%").Statistics!;
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), first["at"].Min);
        Assert.False(first.ContainsKey("part"));
        var back = lake.Session.Read.Schema("id INT, at TIMESTAMP, part STRING").Parquet(location).OrderBy("id").Collect();
        Assert.Equal("a/b=c d%", back[0]["part"]);
        Assert.Null(back[1]["part"]);
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc), back[0]["at"]);
    }
}
