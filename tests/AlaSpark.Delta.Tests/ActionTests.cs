using System.Text.Json.Nodes;
using AlaSpark.Delta.Actions;
using AlaSpark.Types;

namespace AlaSpark.Delta.Tests;

public class ActionTests
{
    [Theory]
    [InlineData("""{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}""")]
    [InlineData("""{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["deletionVectors"],"writerFeatures":["deletionVectors","appendOnly"]}}""")]
    [InlineData("""{"metaData":{"id":"af23c9d7-fff1-4a5a-a2c8-55c59bd782aa","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":["date"],"configuration":{"delta.appendOnly":"true"},"createdTime":1512909768000}}""")]
    [InlineData("""{"metaData":{"id":"x","name":"t","description":"d","format":{"provider":"parquet","options":{"a":"b"}},"partitionColumns":[],"configuration":{}}}""")]
    [InlineData("""{"add":{"path":"date=2017-12-10/part-000.c000.gz.parquet","partitionValues":{"date":"2017-12-10","x":null},"size":841454,"modificationTime":1512909768000,"dataChange":true,"stats":"{\"numRecords\":1}","tags":{"k":"v"},"deletionVector":{"storageType":"u","pathOrInlineDv":"ab^-aqEH.-t@S}K{vb[*k^","offset":4,"sizeInBytes":40,"cardinality":6},"baseRowId":4071,"defaultRowCommitVersion":41,"clusteringProvider":"liquid"}}""")]
    [InlineData("""{"remove":{"path":"part-00001.snappy.parquet","deletionTimestamp":1515488792485,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{},"size":10,"baseRowId":4071,"defaultRowCommitVersion":41}}""")]
    [InlineData("""{"remove":{"path":"p","dataChange":false}}""")]
    [InlineData("""{"cdc":{"path":"_change_data/cdc-00001.snappy.parquet","partitionValues":{},"size":1213,"dataChange":false}}""")]
    [InlineData("""{"txn":{"appId":"3ba13872-2d47-4e17-86a0-21afd2a22395","version":364475}}""")]
    [InlineData("""{"txn":{"appId":"a","version":3,"lastUpdated":200}}""")]
    [InlineData("""{"commitInfo":{"timestamp":1515491537026,"userId":"100121","operation":"INSERT","operationParameters":{"mode":"Append","partitionBy":"[]"},"notebook":{"notebookId":"4443029"}}}""")]
    [InlineData("""{"domainMetadata":{"domain":"delta.deltaTableFeatureX","configuration":"{\"key1\":\"value1\"}","removed":false}}""")]
    [InlineData("""{"checkpointMetadata":{"version":1,"tags":{}}}""")]
    [InlineData("""{"sidecar":{"path":"016ae953-37a9-438e-8683-9a9a4a79a395.parquet","sizeInBytes":2304522,"modificationTime":1512909768000,"tags":{}}}""")]
    public void Actions_written_as_the_protocol_says_serialize_back_to_the_same_JSON(string line)
    {
        var action = ActionJson.ParseLine(line)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(line), JsonNode.Parse(action.ToJsonLine())), action.ToJsonLine());
    }

    [Fact]
    public void Fields_keep_the_protocols_order_and_absent_optional_fields_stay_absent()
    {
        var add = new AddFile("a%20b.parquet", new Dictionary<string, string?> { ["p"] = "1" }, 10, 20, true);
        Assert.Equal("""{"add":{"path":"a%20b.parquet","partitionValues":{"p":"1"},"size":10,"modificationTime":20,"dataChange":true}}""", add.ToJsonLine());
        var remove = add.ToRemove(30);
        Assert.Equal("""{"remove":{"path":"a%20b.parquet","deletionTimestamp":30,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{"p":"1"},"size":10}}""", remove.ToJsonLine());
        var commit = ActionJson.ToCommitText(new DeltaAction[] { new Protocol(1, 2), add });
        Assert.Equal("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n" + add.ToJsonLine() + "\n", commit);
    }

    [Fact]
    public void Unknown_actions_and_fields_are_ignored_and_blank_lines_skipped()
    {
        var actions = ActionJson.ParseCommit("""
            {"someFutureAction":{"x":1}}

            {"add":{"path":"f","partitionValues":{},"size":1,"modificationTime":2,"dataChange":true,"someFutureField":[1,2]}}
            """);
        var add = Assert.IsType<AddFile>(Assert.Single(actions));
        Assert.Equal("f", add.Path);
    }

    [Fact]
    public void A_bad_line_names_its_line_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => ActionJson.ParseCommit("{\"txn\":{\"appId\":\"a\",\"version\":1}}\n{not json"));
        Assert.Contains("line 2", error.Message);
        error = Assert.Throws<InvalidDataException>(() => ActionJson.ParseCommit("{\"add\":{\"size\":1}}"));
        Assert.Contains("no 'path'", error.Message);
    }

    [Fact]
    public void Commit_info_is_kept_whole_and_its_usual_fields_are_read()
    {
        var info = (CommitInfo)ActionJson.ParseLine("""{"commitInfo":{"timestamp":5,"inCommitTimestamp":7,"operation":"OPTIMIZE","operationParameters":{"auto":false,"zOrderBy":"[\"id\"]"},"operationMetrics":{"numFiles":"2"},"engineInfo":"Apache-Spark/3.5.0 Delta-Lake/3.0.0","clientVersion":"x","custom":{"a":[1]}}}""")!;
        Assert.Equal(5, info.Timestamp);
        Assert.Equal(7, info.InCommitTimestamp);
        Assert.Equal("OPTIMIZE", info.Operation);
        Assert.False(info.OperationParameters["auto"]!.GetValue<bool>());
        Assert.Equal("2", info.OperationMetrics["numFiles"]!.GetValue<string>());
        Assert.StartsWith("Apache-Spark", info.EngineInfo);
        Assert.Equal("x", info.ClientVersion);
        Assert.Equal("[1]", info.ToJson()["custom"]!["a"]!.ToJsonString());
    }

    [Fact]
    public void A_deletion_vector_unique_id_is_storage_type_path_and_offset()
    {
        Assert.Equal("uab^-aqEH.-t@S}K{vb[*k^@4", new DeletionVectorDescriptor("u", "ab^-aqEH.-t@S}K{vb[*k^", 4, 40, 6).UniqueId);
        Assert.Equal("iwi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", new DeletionVectorDescriptor("i", "wi5b=000010000siXQKl0rr91000f55c8Xg0@@D72lkbi5=-{L", null, 40, 6).UniqueId);
    }

    [Fact]
    public void Struct_fields_keep_their_whole_metadata_without_it_changing_equality()
    {
        const string json = """{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{"delta.columnMapping.id":1,"delta.columnMapping.physicalName":"col-1","comment":"c"}}]}""";
        var schema = StructType.FromJson(json);
        var field = schema["a"];
        Assert.Equal("c", field.Comment);
        Assert.Equal("col-1", field.Metadata["delta.columnMapping.physicalName"]!.GetValue<string>());
        Assert.Equal(new StructField("a", IntegerType.Instance, true, "c"), field); // metadata is not part of equality
        Assert.Equal(new StructField("a", IntegerType.Instance, true, "c").GetHashCode(), field.GetHashCode());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(schema.Json)), schema.Json);
        Assert.Empty(new StructField("b", StringType.Instance).Metadata);
        Assert.Equal("""{"name":"b","type":"string","nullable":true,"metadata":{}}""", new StructField("b", StringType.Instance).ToJson().ToJsonString());
        Assert.Equal("col-1", ColumnMapping.PhysicalName(field));
        Assert.Equal(1, ColumnMapping.FieldId(field));
        Assert.Equal("struct<col-1:int>", ColumnMapping.PhysicalSchema(schema).SimpleString);
    }
}
