using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>The processors that change values in place or derive a column from others, on the embedded engine.</summary>
public class ValueProcessorsTests
{
    private const string Ddl = "id INT, card STRING, name STRING, amount DOUBLE, day DATE";

    // Read from a file: the embedded engine's SQL text indents the lines of a string literal with a line break
    // (such as "\tTab\n" in CreateDataFrame), so values with line breaks come from data, as they do in pipelines.
    private static ProcessedTable People(LocalLake lake) => FromJson(lake, Ddl, """
        {"id": 1, "card": "4111111111111111", "name": "  Zoë  ", "amount": 1.5, "day": "2026-01-31"}
        {"id": 2, "card": "日本語テキスト", "name": "\tTab\n", "amount": "NaN", "day": null}
        {"id": 3, "card": "12", "name": "", "amount": null, "day": "2026-02-01"}
        {"id": 4, "card": null, "name": null, "amount": -0.0}
        {"id": 5, "card": "a😀b", "name": "  ", "amount": 0.0}
        """);

    private static List<string> Column(ProcessedTable table, string column) =>
        table.DataFrame.OrderBy("id").Select(column).Collect().Select(r => ValueFormatter.Format(r[0])).ToList();

    [Fact]
    public void MaskColumn_masks_all_but_the_last_characters_counting_code_points()
    {
        using var lake = new LocalLake();
        var masked = People(lake).Apply(new MaskColumn("card", 4));
        Assert.Equal(["************1111", "***テキスト", "12", "NULL", "a😀b"], Column(masked, "card"));
        Assert.Equal("MaskColumn(\"card\", 4, '*')", masked.Lineage[^1].ToString());

        var all = People(lake).Apply(new MaskColumn("card", mask: '#'));
        Assert.Equal(["################", "#######", "##", "NULL", "###"], Column(all, "card"));
        Assert.Equal(Schema(People(lake)), Schema(all));
        Assert.Empty(Rows(FromRows(lake, Ddl).Apply(new MaskColumn("card", 2))));
    }

    [Fact]
    public void MaskColumn_checks_its_arguments_and_the_column_type()
    {
        Assert.Equal("MaskColumn: keepLast is -1; it is how many characters stay visible at the end, 0 or more.",
            ConstructorFailure(() => new MaskColumn("card", -1)));
        Assert.Contains("the mask U+000A is not a printable character", ConstructorFailure(() => new MaskColumn("card", 0, '\n')));
        Assert.Contains("is not a printable character", ConstructorFailure(() => new MaskColumn("card", 0, '\uD83D')));
        using var lake = new LocalLake();
        var error = Failure(People(lake), new MaskColumn("amount", 2));
        Assert.StartsWith("MaskColumn(\"amount\", 2, '*') in pipeline 'raw_to_cooked' (table raw__shop.orders): the column 'amount' is double; MaskColumn works on a string column.", error);
        Assert.Contains("AlterDataType(\"amount\", \"string\")", error);
    }

    [Fact]
    public void NullColumn_nulls_every_value_and_keeps_the_type()
    {
        using var lake = new LocalLake();
        var table = FromJson(lake, "id INT, tags ARRAY<STRING>, day DATE", """
            {"id": 1, "tags": ["a", "日本"], "day": "2026-01-01"}
            {"id": 2}
            """);
        var nulled = table.Apply(new NullColumn("tags")).Apply(new NullColumn("day"));
        Assert.Equal("id int, tags array<string>, day date", Schema(nulled));
        Assert.Equal(["1|NULL|NULL", "2|NULL|NULL"], Rows(nulled));
        Assert.True(nulled.DataFrame.Schema["day"].Nullable);
        Assert.Contains("the column 'nope' does not exist", Failure(table, new NullColumn("nope")));
    }

    [Fact]
    public void ReplaceCharacter_is_regexp_replace_with_Java_groups()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "s STRING", ["+44 (0)20-7946 0958"], ["日本 語"], [null], [""]);
        Assert.Equal(["", "+4402079460958", "NULL", "日本語"], Rows(table.Apply(new ReplaceCharacter("s", "[^0-9+日本語]", ""))));
        Assert.Equal(["", "+44 (0)20-7946 0958", "NULL", "語 日本"], Rows(table.Apply(new ReplaceCharacter("s", "^(日本) (語)$", "$2 $1"))));
    }

    [Fact]
    public void ReplaceCharacter_refuses_a_pattern_the_engine_cannot_run_at_its_step()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "s STRING, n INT", ["aa", 1]);
        var error = Failure(table, new ReplaceCharacter("s", "(a)\\1", "b"));
        Assert.StartsWith("ReplaceCharacter(\"s\", \"(a)\\1\", \"b\") in pipeline 'raw_to_cooked' (table raw__shop.orders): [UNSUPPORTED_REGEX]", error);
        Assert.Contains("is int; ReplaceCharacter works on a string column", Failure(table, new ReplaceCharacter("n", "1", "2")));
        Assert.Contains("pattern is null", ConstructorFailure(() => new ReplaceCharacter("s", null!, "")));
    }

    [Fact]
    public void TrimStrings_trims_spaces_only_in_the_named_or_every_string_column()
    {
        using var lake = new LocalLake();
        var table = FromJson(lake, "a STRING, b STRING, n INT", """
            {"a": "  x ", "b": " y", "n": 1}
            {"a": "\tz\n", "b": null, "n": 2}
            {"a": "", "b": "   ", "n": 3}
            """);
        Assert.Equal(["\tz\n|NULL|2", "x| y|1", "|   |3"], Rows(table.Apply(new TrimStrings(["a"]))));
        Assert.Equal(["\tz\n|NULL|2", "x|y|1", "||3"], Rows(table.Apply(new TrimStrings([]))));
        Assert.Contains("the column 'n' is int", Failure(table, new TrimStrings(["n"])));
        Assert.Contains("names the column 'a' twice", ConstructorFailure(() => new TrimStrings(["a", "A"])));
        Assert.Empty(Rows(FromRows(lake, "a STRING").Apply(new TrimStrings([]))));
    }

    [Fact]
    public void RegexExtract_adds_the_group_of_the_first_match()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "email STRING", ["zoë@exämple.com"], ["no-at-sign"], [null], ["a@b@c"]);
        var extracted = table.Apply(new RegexExtract("email", "@(.+)$", 1, "domain"));
        Assert.Equal("email string, domain string", Schema(extracted));
        Assert.Equal(["NULL|NULL", "a@b@c|b@c", "no-at-sign|", "zoë@exämple.com|exämple.com"], Rows(extracted));
        Assert.Equal(["", "@b@c", "@exämple.com", "NULL"], Rows(table.Apply(new RegexExtract("email", "@.+", 0, "email"))));
    }

    [Fact]
    public void RegexExtract_checks_the_group_and_pattern()
    {
        Assert.Contains("group is -1", ConstructorFailure(() => new RegexExtract("e", "(a)", -1, "t")));
        Assert.Contains("pattern is empty", ConstructorFailure(() => new RegexExtract("e", "", 0, "t")));
        using var lake = new LocalLake();
        var error = Failure(FromRows(lake, "e STRING", ["a"]), new RegexExtract("e", "(a)", 2, "t"));
        Assert.StartsWith("RegexExtract(\"e\", \"(a)\", 2, \"t\") in pipeline 'raw_to_cooked'", error);
        Assert.Contains("REGEX_GROUP_INDEX", error);
    }

    [Fact]
    public void SplitColumn_splits_into_targets_and_the_last_takes_the_rest()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "id INT, full STRING", [1, "Zoë Ann Smith"], [2, "日本"], [3, null], [4, ""], [5, "a  b"]);
        var split = table.Apply(new SplitColumn("full", " ", ["first", "rest"]));
        Assert.Equal("id int, full string, first string, rest string", Schema(split));
        Assert.Equal(["1|Zoë Ann Smith|Zoë|Ann Smith", "2|日本|日本|NULL", "3|NULL|NULL|NULL", "4|||NULL", "5|a  b|a| b"], Rows(split));
        var regex = table.Apply(new SplitColumn("full", "\\s+", ["a", "b", "c"]));
        Assert.Equal(["1|Zoë Ann Smith|Zoë|Ann|Smith", "2|日本|日本|NULL|NULL", "3|NULL|NULL|NULL|NULL", "4|||NULL|NULL", "5|a  b|a|b|NULL"], Rows(regex));
    }

    [Fact]
    public void SplitColumn_checks_its_arguments()
    {
        Assert.Contains("targets is empty", ConstructorFailure(() => new SplitColumn("full", ",", [])));
        Assert.Contains("split into at most 32 columns", ConstructorFailure(() => new SplitColumn("full", ",", Enumerable.Range(0, 33).Select(i => $"c{i}").ToArray())));
        Assert.Contains("pattern is empty", ConstructorFailure(() => new SplitColumn("full", "", ["a"])));
        using var lake = new LocalLake();
        Assert.Contains("is int; SplitColumn works on a string column", Failure(FromRows(lake, "full INT"), new SplitColumn("full", ",", ["a"])));
    }

    [Fact]
    public void CoalesceColumns_takes_the_first_value_that_is_not_null_in_the_common_type()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "work STRING, home STRING, a INT, b BIGINT", ["w@x", "h@x", 1, 10L], [null, "日本@x", null, 20L], [null, null, null, null]);
        var emails = table.Apply(new CoalesceColumns("email", ["work", "home"]));
        Assert.Equal(["NULL", "w@x", "日本@x"], emails.DataFrame.Select("email").Collect().Select(r => ValueFormatter.Format(r[0])).Order(StringComparer.Ordinal));
        var numbers = table.Apply(new CoalesceColumns("n", ["a", "b"]));
        Assert.Equal("bigint", numbers.DataFrame.Schema["n"].DataType.SimpleString);
        Assert.Contains("columns has one column ('a')", ConstructorFailure(() => new CoalesceColumns("n", ["a"])));
        Assert.Contains("the column 'c' does not exist", Failure(table, new CoalesceColumns("n", ["a", "c"])));
    }

    [Fact]
    public void FillNulls_fills_each_column_with_its_value_cast_to_its_type()
    {
        using var lake = new LocalLake();
        var table = People(lake);
        var one = table.Apply(new FillNulls("name", "unknown"));
        Assert.Equal(["  Zoë  ", "\tTab\n", "", "unknown", "  "], Column(one, "name"));
        Assert.Equal("FillNulls(\"name\", \"unknown\")", one.Lineage[^1].ToString());

        var many = table.Apply(new FillNulls(["amount=0", "day=2026-12-31", "card= "]));
        Assert.Equal(["1.5", "NaN", "0.0", "-0.0", "0.0"], Column(many, "amount"));
        Assert.Equal(["2026-01-31", "2026-12-31", "2026-02-01", "2026-12-31", "2026-12-31"], Column(many, "day"));
        Assert.Equal(" ", Column(many, "card")[3]);
        Assert.Equal(Schema(table), Schema(many));
        Assert.Equal("FillNulls([\"amount=0\", \"day=2026-12-31\", \"card= \"])", many.Lineage[^1].ToString());
    }

    [Fact]
    public void FillNulls_refuses_a_value_that_is_not_of_the_columns_type_and_columns_of_arrays()
    {
        using var lake = new LocalLake();
        var error = Failure(People(lake), new FillNulls("day", "31/12/2026"));
        Assert.StartsWith("FillNulls(\"day\", \"31/12/2026\") in pipeline 'raw_to_cooked' (table raw__shop.orders): the value for 'day' \"31/12/2026\" is not a date value", error);
        Assert.Contains("(2024-01-31)", error);
        Assert.Contains("is not a int value", Failure(People(lake), new FillNulls(["id=x"])));
        var arrays = Failure(FromRows(lake, "tags ARRAY<STRING>"), new FillNulls("tags", "[]"));
        Assert.Contains("only columns of single values can be filled", arrays);
        Assert.Contains("the value for 'name' is null", ConstructorFailure(() => new FillNulls("name", null!)));
    }

    [Fact]
    public void AddConstantColumn_adds_a_typed_constant_to_every_row()
    {
        using var lake = new LocalLake();
        var table = People(lake)
            .Apply(new AddConstantColumn("source_system", "crm"))
            .Apply(new AddConstantColumn("batch", "7", "int"))
            .Apply(new AddConstantColumn("valid_from", "2026-01-01", "date"))
            .Apply(new AddConstantColumn("note", null!, "string"));
        Assert.EndsWith("source_system string, batch int, valid_from date, note string", Schema(table));
        Assert.All(Rows(table), r => Assert.EndsWith("|crm|7|2026-01-01|NULL", r));
        Assert.Empty(Rows(FromRows(lake, Ddl).Apply(new AddConstantColumn("x", "日本"))));
        Assert.Equal("AddConstantColumn(\"batch\", \"7\", \"int\")", table.Lineage[1].ToString());
    }

    [Fact]
    public void AddConstantColumn_checks_the_type_and_the_value()
    {
        Assert.StartsWith("AddConstantColumn: dataType \"money\" is not a Spark type", ConstructorFailure(() => new AddConstantColumn("x", "1", "money")));
        Assert.Contains("is not a type a constant can be written in", ConstructorFailure(() => new AddConstantColumn("x", "1", "array<int>")));
        using var lake = new LocalLake();
        Assert.Contains("the value \"seven\" is not a int value", Failure(People(lake), new AddConstantColumn("batch", "seven", "int")));
    }
}
