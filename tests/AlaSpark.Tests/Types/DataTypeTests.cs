using AlaSpark.Types;

namespace AlaSpark.Tests.TypeTests;

public class DataTypeTests
{
    [Theory]
    [InlineData("int", "int", "\"integer\"")]
    [InlineData("BIGINT", "bigint", "\"long\"")]
    [InlineData("smallint", "smallint", "\"short\"")]
    [InlineData("tinyint", "tinyint", "\"byte\"")]
    [InlineData("string", "string", "\"string\"")]
    [InlineData("varchar(10)", "string", "\"string\"")]
    [InlineData("decimal(10, 2)", "decimal(10,2)", "\"decimal(10,2)\"")]
    [InlineData("decimal", "decimal(10,0)", "\"decimal(10,0)\"")]
    [InlineData("timestamp", "timestamp", "\"timestamp\"")]
    [InlineData("timestamp_ntz", "timestamp_ntz", "\"timestamp_ntz\"")]
    [InlineData("array<string>", "array<string>", "{\"type\":\"array\",\"elementType\":\"string\",\"containsNull\":true}")]
    [InlineData("map<string, int>", "map<string,int>", "{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"integer\",\"valueContainsNull\":true}")]
    [InlineData("struct<a: int, `b c` string>", "struct<a:int,b c:string>", "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}},{\"name\":\"b c\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}")]
    public void Type_strings_parse_to_Spark_names_and_Spark_JSON(string text, string simple, string json)
    {
        var type = DataType.Parse(text);
        Assert.Equal(simple, type.SimpleString);
        Assert.Equal(json, type.ToJson().ToJsonString());
        Assert.Equal(type, DataType.FromJson(System.Text.Json.Nodes.JsonNode.Parse(json)!));
    }

    [Fact]
    public void A_schema_round_trips_through_Sparks_JSON_format()
    {
        var schema = StructType.FromDdl("id BIGINT NOT NULL, name STRING COMMENT 'who', tags ARRAY<STRING>, address STRUCT<city: STRING, zip: INT>, price DECIMAL(38,18), at TIMESTAMP");
        var json = schema.Json;
        Assert.Contains("{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}", json);
        Assert.Contains("\"metadata\":{\"comment\":\"who\"}", json);
        Assert.Equal(schema, StructType.FromJson(json));
        Assert.Equal(schema, StructType.FromDdl(schema.ToDdl()));
    }

    [Fact]
    public void A_schema_written_by_Spark_is_read()
    {
        const string spark = """{"type":"struct","fields":[{"name":"value","type":"integer","nullable":true,"metadata":{}},{"name":"m","type":{"type":"map","keyType":"string","valueType":"double","valueContainsNull":false},"nullable":true,"metadata":{}}]}""";
        var schema = StructType.FromJson(spark);
        Assert.Equal("struct<value:int,m:map<string,double>>", schema.SimpleString);
        Assert.False(((MapType)schema["m"].DataType).ValueContainsNull);
    }

    [Theory]
    [InlineData("id INT,", "expected a column name")]
    [InlineData("id", "expected a data type")]
    [InlineData("id INTEGERX", "unsupported data type 'integerx'")]
    [InlineData("a INT, A STRING", "names column 'a' twice")]
    [InlineData("d DECIMAL(40,2)", "precision 40")]
    [InlineData("a ARRAY<INT", "expected '>'")]
    public void Bad_DDL_says_what_and_where(string ddl, string message)
    {
        var error = Assert.Throws<AlaSparkException>(() => StructType.FromDdl(ddl));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Field_lookup_is_case_insensitive_and_a_missing_field_lists_the_columns()
    {
        var schema = StructType.FromDdl("Id INT, name STRING");
        Assert.Equal("Id", schema["id"].Name);
        var error = Assert.Throws<AlaSparkException>(() => schema["nope"]);
        Assert.Contains("Id, name", error.Message);
    }

    [Fact]
    public void TreeString_looks_like_printSchema()
    {
        Assert.Equal(
            "root\n |-- a: integer (nullable = false)\n |-- s: struct (nullable = true)\n |    |-- x: string (nullable = true)\n" +
            " |-- l: array (nullable = true)\n |    |-- element: long (containsNull = true)\n",
            StructType.FromDdl("a INT NOT NULL, s STRUCT<x: STRING>, l ARRAY<BIGINT>").TreeString());
    }
}

public class RecordSchemaTests
{
    public sealed record Address(string City, int? Zip);

    public sealed record Order(
        string OrderId,
        string? Note,
        int Quantity,
        long? Total,
        [property: Decimal(10, 2)] decimal Price,
        DateTime PlacedAt,
        DateOnly Day,
        DateTimeOffset? ShippedAt,
        byte[] Payload,
        bool IsGift,
        [property: Column("HTTPStatus")] short Status,
        string[] Tags,
        List<Address> Addresses,
        Dictionary<string, double> Scores,
        Address Billing);

    [Fact]
    public void A_record_maps_to_snake_case_columns_with_Spark_types_and_nullability()
    {
        var schema = RecordSchema.For<Order>();
        Assert.Equal(
            "struct<order_id:string,note:string,quantity:int,total:bigint,price:decimal(10,2),placed_at:timestamp,day:date,shipped_at:timestamp," +
            "payload:binary,is_gift:boolean,HTTPStatus:smallint,tags:array<string>,addresses:array<struct<city:string,zip:int>>,scores:map<string,double>," +
            "billing:struct<city:string,zip:int>>",
            schema.SimpleString);
        Assert.False(schema["order_id"].Nullable);
        Assert.True(schema["note"].Nullable);
        Assert.False(schema["quantity"].Nullable);
        Assert.True(schema["total"].Nullable);
        Assert.True(schema["shipped_at"].Nullable);
    }

    public sealed record Node(string Name, Node? Next);

    [Fact]
    public void A_recursive_record_is_refused()
    {
        var error = Assert.Throws<AlaSparkException>(() => RecordSchema.For<Node>());
        Assert.Contains("recursive", error.Message);
    }
}
