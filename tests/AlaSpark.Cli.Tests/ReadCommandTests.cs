namespace AlaSpark.Cli.Tests;

public sealed class ReadCommandTests : IDisposable
{
    private readonly TestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private const string People = "id,name,day\n1,alice,2024-01-01\n2,bob,2024-01-02\n";

    [Fact]
    public void Reads_a_csv_file_with_a_header_by_default()
    {
        _lake.File("people.csv", People);
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["+--+-----+----------+", "|id| name|       day|", "+--+-----+----------+", "| 1|alice|2024-01-01|", "| 2|  bob|2024-01-02|", "+--+-----+----------+"],
            result.Lines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Csv_columns_are_strings_without_a_schema_and_typed_with_one()
    {
        _lake.File("people.csv", People);
        var strings = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--json");
        var typed = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--json", "--schema", "id INT, name STRING, day DATE");

        Assert.Equal(["{\"id\":\"1\",\"name\":\"alice\",\"day\":\"2024-01-01\"}", "{\"id\":\"2\",\"name\":\"bob\",\"day\":\"2024-01-02\"}"], strings.Lines);
        Assert.True(typed.ExitCode == 0, typed.ToString());
        Assert.Equal(["{\"id\":1,\"name\":\"alice\",\"day\":\"2024-01-01\"}", "{\"id\":2,\"name\":\"bob\",\"day\":\"2024-01-02\"}"], typed.Lines);
    }

    [Fact]
    public void Header_false_names_columns_c0_c1_and_reads_the_first_line_as_data()
    {
        _lake.File("people.csv", "1;alice\n2;bob\n");
        var result = Cli.Run(_lake.Root, "read", "-f", "csv", "--option", "header=false", "-o", "sep=;", "people.csv", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"_c0\":\"1\",\"_c1\":\"alice\"}", "{\"_c0\":\"2\",\"_c1\":\"bob\"}"], result.Lines);
    }

    [Fact]
    public void Reads_a_folder_of_csv_files_skipping_hidden_ones()
    {
        _lake.File("in/a.csv", "id,name\n1,alice\n");
        _lake.File("in/sub/b.csv", "id,name\n2,bob\n");
        _lake.File("in/_SUCCESS", "");
        _lake.File("in/.hidden.csv", "id,name\n3,eve\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "in", "--schema", "id INT, name STRING", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":1,\"name\":\"alice\"}", "{\"id\":2,\"name\":\"bob\"}"], result.Lines);
    }

    [Fact]
    public void Reads_csv_files_matching_a_glob()
    {
        _lake.File("in/2024-01.csv", "id\n1\n");
        _lake.File("in/2024-02.csv", "id\n2\n");
        _lake.File("in/2023-12.csv", "id\n3\n");
        _lake.File("in/notes.txt", "id\n4\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "in/2024-*.csv", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":\"1\"}", "{\"id\":\"2\"}"], result.Lines);
    }

    [Fact]
    public void Several_paths_and_a_limit()
    {
        _lake.File("a.csv", "id\n1\n2\n");
        _lake.File("b.csv", "id\n3\n4\n");
        var all = Cli.Run(_lake.Root, "read", "--format", "csv", "a.csv", "b.csv", "--json");
        var limited = Cli.Run(_lake.Root, "read", "--format", "csv", "a.csv", "b.csv", "--json", "--limit", "3");

        Assert.Equal(4, all.Lines.Length);
        Assert.True(limited.ExitCode == 0, limited.ToString());
        Assert.Equal(3, limited.Lines.Length);
    }

    [Fact]
    public void Reads_a_json_lines_file_with_a_schema()
    {
        // One row: see the report on the embedded engine's JSON writer (several rows fail).
        _lake.File("events.json", "{\"id\": 7, \"at\": \"2024-01-31 10:00:00\", \"tags\": [\"x\", \"y\"], \"user\": {\"name\": \"ann\", \"age\": null}}\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "json", "events.json", "--json",
            "--schema", "id BIGINT, at TIMESTAMP, tags ARRAY<STRING>, user STRUCT<name: STRING, age: INT>, missing STRING");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"id\":7,\"at\":\"2024-01-31 10:00:00\",\"tags\":[\"x\",\"y\"],\"user\":{\"name\":\"ann\",\"age\":null},\"missing\":null}\n", result.Stdout);
    }

    [Fact]
    public void Reads_a_json_lines_file_inferring_types()
    {
        _lake.File("events.json", "{\"name\": \"ann\", \"id\": 7, \"ok\": true}\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "JSON", "events.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        // Spark infers integers as bigint and sorts the fields by name.
        Assert.Equal("{\"id\":7,\"name\":\"ann\",\"ok\":true}\n", result.Stdout);
    }

    [Fact]
    public void Reads_parquet_files_from_a_folder_and_a_glob_with_and_without_a_schema()
    {
        var folder = _lake.ParquetFolder("pq", "id INT, name STRING", [[1, "alice"], [2, "bob"], [3, null]]);
        Assert.NotEmpty(Directory.GetFiles(folder, "*.parquet"));

        var fromFolder = Cli.Run(_lake.Root, "read", "--format", "parquet", "pq", "--json");
        var fromGlob = Cli.Run(_lake.Root, "read", "--format", "parquet", "pq/*.parquet", "--json", "--schema", "name STRING, extra INT");

        Assert.True(fromFolder.ExitCode == 0, fromFolder.ToString());
        Assert.Equal(["{\"id\":1,\"name\":\"alice\"}", "{\"id\":2,\"name\":\"bob\"}", "{\"id\":3,\"name\":null}"], fromFolder.Lines.Order(StringComparer.Ordinal));
        Assert.True(fromGlob.ExitCode == 0, fromGlob.ToString());
        Assert.Equal(["{\"name\":\"alice\",\"extra\":null}", "{\"name\":\"bob\",\"extra\":null}", "{\"name\":null,\"extra\":null}"], fromGlob.Lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Malformed_csv_rows_are_quarantined_under_bad_records_with_a_note_on_stderr()
    {
        // One malformed row: see the report on the engine's bad-record writer (several fail).
        var file = _lake.File("people.csv", "id,name,day\n1,alice,2024-01-01\n2,bob\n3,carol,2024-01-03\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--bad-records", "bad", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":\"1\",\"name\":\"alice\",\"day\":\"2024-01-01\"}", "{\"id\":\"3\",\"name\":\"carol\",\"day\":\"2024-01-03\"}"], result.Lines);

        var written = Directory.GetFiles(Path.Combine(_lake.Root, "bad"), "*.json", SearchOption.AllDirectories);
        var record = Assert.Single(written);
        var line = Assert.Single(File.ReadAllLines(record));
        Assert.Contains("\"line\":3", line);
        Assert.Contains("\"record\":\"2,bob\"", line);
        Assert.Contains(file, line);

        var note = result.Stderr.TrimEnd();
        Assert.DoesNotContain('\n', note);
        Assert.StartsWith("1 malformed row(s) of people.csv quarantined under ", note);
        var folder = note["1 malformed row(s) of people.csv quarantined under ".Length..];
        Assert.StartsWith(Path.Combine(_lake.Root, "bad") + Path.DirectorySeparatorChar, folder);
        Assert.StartsWith(folder + Path.DirectorySeparatorChar, record);
    }

    [Fact]
    public void Malformed_json_lines_are_quarantined_by_default_under_the_lake()
    {
        _lake.File("events.json", "{\"id\": 1}\n{not json\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "json", "events.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"id\":1}\n", result.Stdout);
        var defaultFolder = Path.Combine(_lake.Lake, "_bad_records", "cli");
        var record = Assert.Single(Directory.GetFiles(defaultFolder, "*.json", SearchOption.AllDirectories));
        Assert.Contains("\"line\":2", File.ReadAllText(record));
        Assert.Contains($"quarantined under {defaultFolder}{Path.DirectorySeparatorChar}", result.Stderr);
        // Reading files does not create a catalog.
        Assert.False(Directory.Exists(Path.Combine(_lake.Lake, "_catalog")));
    }

    [Fact]
    public void Badrecordspath_given_as_an_option_works_like_bad_records()
    {
        _lake.File("people.csv", "id,name\n1,alice\n2\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--option", "badRecordsPath=quarantine");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(Directory.GetFiles(Path.Combine(_lake.Root, "quarantine"), "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void Failfast_fails_naming_the_file_and_line()
    {
        var file = _lake.File("people.csv", "id,name,day\n1,alice,2024-01-01\n2,bob,2024-01-02\n3,carol\n4,dan,2024-01-04,extra\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--option", "mode=FAILFAST", "--bad-records", "bad");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(file, result.Stderr);
        Assert.Contains("line 4", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_lake.Root, "bad")));
    }

    [Fact]
    public void Dropmalformed_drops_rows_with_a_note()
    {
        _lake.File("people.csv", "id,name\n1,alice\n2\n3,carol,x\n4,dan\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "-o", "mode=dropmalformed", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":\"1\",\"name\":\"alice\"}", "{\"id\":\"4\",\"name\":\"dan\"}"], result.Lines);
        Assert.Equal("2 malformed row(s) of people.csv dropped (mode DROPMALFORMED)\n", result.Stderr);
        Assert.False(Directory.Exists(_lake.Lake));
    }

    [Fact]
    public void A_missing_path_fails()
    {
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "nowhere.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PATH_NOT_FOUND", result.Stderr);
        Assert.Contains("nowhere.csv", result.Stderr);
    }

    [Theory]
    [InlineData("--schema", "id INTT", "--schema")]
    [InlineData("--schema", "", "--schema")]
    [InlineData("--option", "header", "--option 'header' is not key=value")]
    [InlineData("--option", "=true", "--option '=true' is not key=value")]
    [InlineData("--option", "mode=LENIENT", "PERMISSIVE, DROPMALFORMED or FAILFAST")]
    [InlineData("--format", "xml", "--format must be csv, json, parquet or delta, not 'xml'")]
    [InlineData("--limit", "-1", "--limit must be a whole number")]
    [InlineData("--limit", "ten", "--limit must be a whole number")]
    public void Bad_options_are_usage_errors(string option, string value, string expected)
    {
        _lake.File("people.csv", People);
        var args = new List<string> { "read", "people.csv", option, value };
        if (option != "--format") args.AddRange(["--format", "csv"]);
        var result = Cli.Run(_lake.Root, args.ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void Conflicting_bad_records_paths_are_a_usage_error()
    {
        _lake.File("people.csv", People);
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--bad-records", "a", "--option", "badRecordsPath=b");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("disagree", result.Stderr);
    }

    [Fact]
    public void An_unexpected_error_gives_exit_1_and_a_hint_and_the_stack_with_debug()
    {
        // The bad-records folder can't be created under a file: an IOException, not an AlaSparkException.
        _lake.File("people.csv", "id,name\n1,alice\n2\n");
        _lake.File("not-a-folder", "x");
        var args = new[] { "read", "--format", "csv", "people.csv", "--bad-records", "not-a-folder" };
        var quiet = Cli.Run(_lake.Root, args);
        var debug = Cli.Run(_lake.Root, new Dictionary<string, string> { ["ALASPARK_DEBUG"] = "1" }, args);

        Assert.Equal(1, quiet.ExitCode);
        Assert.StartsWith("error: ", quiet.Stderr);
        Assert.Contains("not-a-folder", quiet.Stderr);
        Assert.Contains("Set ALASPARK_DEBUG=1 to print the stack trace.", quiet.Stderr);
        Assert.DoesNotContain("   at ", quiet.Stderr);
        Assert.Equal(1, debug.ExitCode);
        Assert.Contains("   at ", debug.Stderr);
    }

    [Fact]
    public void Reads_several_json_lines()
    {
        _lake.File("events.json", "{\"id\": 1}\n{\"id\": 2}\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "json", "events.json", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["{\"id\":1}", "{\"id\":2}"], result.Lines);
    }

    [Fact]
    public void Quarantines_several_malformed_rows()
    {
        _lake.File("people.csv", "id,name\n1,alice\n2\n3,carol,x\n4,dan\n");
        var result = Cli.Run(_lake.Root, "read", "--format", "csv", "people.csv", "--bad-records", "bad", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Lines.Length);
        var record = Assert.Single(Directory.GetFiles(Path.Combine(_lake.Root, "bad"), "*.json", SearchOption.AllDirectories));
        Assert.Equal(2, File.ReadAllLines(record).Length);
        Assert.StartsWith("2 malformed row(s) of people.csv quarantined under ", result.Stderr);
    }
}
