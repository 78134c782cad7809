using static AlaSpark.Tests.Processors.ProcessorTables;

namespace AlaSpark.Tests.Processors;

/// <summary>FlattenSchema, ParseJson, ExplodeColumn and ExtractJsonField on nested JSON read from files.</summary>
public class NestedProcessorsTests
{
    private const string Ddl = "id INT, customer STRUCT<name: STRING, address: STRUCT<city: STRING, `post.code`: STRING>>, tags ARRAY<STRING>, payload STRING";

    private static ProcessedTable Orders(LocalLake lake) => FromJson(lake, Ddl, """
        {"id": 1, "customer": {"name": "Zoë", "address": {"city": "Zürich", "post.code": "8001"}}, "tags": ["new", "日本"], "payload": "{\"user\": {\"id\": 7, \"langs\": [\"fr\", \"de\"]}, \"total\": 12.5}"}
        {"id": 2, "customer": {"name": null, "address": null}, "tags": [], "payload": "not json"}
        {"id": 3, "customer": null, "tags": null, "payload": null}
        {"id": 4, "customer": {"name": "Ann", "address": {"city": null, "post.code": "SW1"}}, "tags": [null, "x"], "payload": "{}"}
        """);

    /// <summary>A payload record; properties become snake_case fields.</summary>
    private sealed record Payload(PayloadUser? User, decimal? Total);

    private sealed record PayloadUser(int Id, string[]? Langs);

    [Fact]
    public void FlattenSchema_turns_nested_structs_into_columns_in_place()
    {
        using var lake = new LocalLake();
        var flat = Orders(lake).Apply(new FlattenSchema());
        Assert.Equal("id int, customer_name string, customer_address_city string, customer_address_post.code string, tags array<string>, payload string", Schema(flat));
        Assert.Equal(
            ["1|Zoë|Zürich|8001", "2|NULL|NULL|NULL", "3|NULL|NULL|NULL", "4|Ann|NULL|SW1"],
            Rows(flat with { DataFrame = flat.DataFrame.Select(flat.DataFrame.Columns.Take(4).Select(c => new Column(new Plan.UnresolvedAttribute(c))).ToArray()) }));
        Assert.Equal("FlattenSchema(\"_\")", flat.Lineage[^1].ToString());

        var dotted = Orders(lake).Apply(new FlattenSchema("__"));
        Assert.Contains("customer__address__city string", Schema(dotted));
    }

    [Fact]
    public void FlattenSchema_leaves_a_flat_table_alone_and_keeps_partitions()
    {
        using var lake = new LocalLake();
        var table = FromRows(lake, "id INT, t TIMESTAMP", [1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)]).Apply(new AddPartition("day", "t"));
        var flat = table.Apply(new FlattenSchema());
        Assert.Same(table.DataFrame, flat.DataFrame);
        Assert.Equal(["day"], flat.PartitionColumns);
        Assert.Empty(Rows(FromJson(lake, Ddl, "").Apply(new FlattenSchema())));
    }

    [Fact]
    public void FlattenSchema_refuses_names_that_collide_and_an_empty_separator()
    {
        using var lake = new LocalLake();
        var table = FromJson(lake, "a STRUCT<b: INT>, a_b INT", """{"a": {"b": 1}, "a_b": 2}""");
        var error = Failure(table, new FlattenSchema());
        Assert.StartsWith("FlattenSchema(\"_\") in pipeline 'raw_to_cooked' (table raw__shop.orders): a.b and a_b would all become the column 'a_b'", error);
        Assert.Contains("separator is empty", ConstructorFailure(() => new FlattenSchema("")));
    }

    [Fact]
    public void ParseJson_with_a_DDL_schema_parses_into_a_struct_in_place()
    {
        using var lake = new LocalLake();
        var parsed = Orders(lake).Apply(new ParseJson("payload", "user STRUCT<id: INT, langs: ARRAY<STRING>>, total DOUBLE"));
        Assert.Equal("struct<user:struct<id:int,langs:array<string>>,total:double>", parsed.DataFrame.Schema["payload"].DataType.SimpleString);
        var values = parsed.DataFrame.OrderBy("id").Select("payload").Collect().Select(r => ValueFormatter.Format(r[0])).ToList();
        Assert.Equal(["{{7, [fr, de]}, 12.5}", "{NULL, NULL}", "NULL", "{NULL, NULL}"], values);
        Assert.Equal("ParseJson(\"payload\", \"user STRUCT<id: INT, langs: ARRAY<STRING>>, total DOUBLE\")", parsed.Lineage[^1].ToString());
    }

    [Fact]
    public void ParseJson_with_a_record_type_uses_its_snake_case_schema()
    {
        using var lake = new LocalLake();
        var parsed = Orders(lake).Apply(new ParseJson("payload", typeof(Payload)));
        Assert.Equal("struct<user:struct<id:int,langs:array<string>>,total:decimal(38,18)>", parsed.DataFrame.Schema["payload"].DataType.SimpleString);
        var flat = parsed.Apply(new FlattenSchema());
        Assert.Contains("payload_user_id int", Schema(flat));
        Assert.Equal("7", ValueFormatter.Format(flat.DataFrame.Filter(Functions.Col("id") == 1).Select("payload_user_id").First()![0]));
        Assert.Equal("ParseJson(\"payload\", typeof(Payload))", parsed.Lineage[^1].ToString());
    }

    [Fact]
    public void ParseJson_checks_the_schema_and_the_column_type()
    {
        Assert.StartsWith("ParseJson: the schema \"id INTEGRAL\" is not a DDL schema", ConstructorFailure(() => new ParseJson("p", "id INTEGRAL")));
        Assert.Contains("schema is null", ConstructorFailure(() => new ParseJson("p", (Type)null!)));
        using var lake = new LocalLake();
        Assert.Contains("the column 'id' is int; ParseJson works on a string column", Failure(Orders(lake), new ParseJson("id", "a INT")));
    }

    [Fact]
    public void ExplodeColumn_gives_one_row_per_element_and_outer_keeps_empty_arrays()
    {
        using var lake = new LocalLake();
        var exploded = Orders(lake).Apply(new ExplodeColumn("tags"));
        Assert.Equal("string", exploded.DataFrame.Schema["tags"].DataType.SimpleString);
        Assert.Equal(["1|new", "1|日本", "4|NULL", "4|x"], Rows(exploded with { DataFrame = exploded.DataFrame.Select("id", "tags") }));

        var outer = Orders(lake).Apply(new ExplodeColumn("tags", outer: true));
        Assert.Equal(["1|new", "1|日本", "2|NULL", "3|NULL", "4|NULL", "4|x"], Rows(outer with { DataFrame = outer.DataFrame.Select("id", "tags") }));
        Assert.Equal("ExplodeColumn(\"tags\", outer: true)", outer.Lineage[^1].ToString());
        Assert.Empty(Rows(FromJson(lake, Ddl, "").Apply(new ExplodeColumn("tags", true))));
    }

    [Fact]
    public void ExplodeColumn_refuses_a_column_that_is_not_an_array()
    {
        using var lake = new LocalLake();
        var error = Failure(Orders(lake), new ExplodeColumn("customer"));
        Assert.Contains("the column 'customer' is struct<", error);
        Assert.Contains("ExplodeColumn explodes an array column", error);
        var map = FromJson(lake, "m MAP<STRING, INT>", """{"m": {"a": 1}}""");
        Assert.Contains("A map can't be exploded into one column", Failure(map, new ExplodeColumn("m")));
    }

    [Fact]
    public void ExtractJsonField_reads_a_JSONPath_as_text()
    {
        using var lake = new LocalLake();
        var table = Orders(lake)
            .Apply(new ExtractJsonField("payload", "$.user.id", "user_id"))
            .Apply(new ExtractJsonField("payload", "$.user.langs", "langs"))
            .Apply(new ExtractJsonField("payload", "$.user.langs[1]", "second_lang"));
        var values = table.DataFrame.OrderBy("id").Select("user_id", "langs", "second_lang").Collect()
            .Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).ToList();
        Assert.Equal(["7|[\"fr\",\"de\"]|de", "NULL|NULL|NULL", "NULL|NULL|NULL", "NULL|NULL|NULL"], values);
        Assert.Equal("string", table.DataFrame.Schema["user_id"].DataType.SimpleString);
    }

    [Fact]
    public void ExtractJsonField_checks_the_path_and_the_column()
    {
        Assert.Contains("the path \"user.id\" does not start with '$'", ConstructorFailure(() => new ExtractJsonField("payload", "user.id", "t")));
        Assert.Contains("target is blank", ConstructorFailure(() => new ExtractJsonField("payload", "$.a", "")));
        using var lake = new LocalLake();
        Assert.Contains("the column 'tags' is array<string>", Failure(Orders(lake), new ExtractJsonField("tags", "$.a", "t")));
    }
}
