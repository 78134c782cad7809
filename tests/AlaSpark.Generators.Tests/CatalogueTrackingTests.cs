using AlaSpark.Generators.Model;
using AlaSpark.Generators.Tracking;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// The schema effects of the processor catalogue, against the real runtime's constructors: for each
/// processor the schema it leaves, and the findings for a wrong column (ALS3001), a column of the
/// wrong type (ALS3004) and an argument the runtime refuses (ALS3006).
/// </summary>
public class CatalogueTrackingTests
{
    private const string Input =
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, " +
        "home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null";

    private const string Columns = "id, name, note, amount, event_time, home, tags, counts";

    /// <summary>A pipeline over <see cref="Input"/> with these processor attributes, checked against the runtime.</summary>
    private static CheckedPipeline Check(string processors, string sink = """[DeltaSink("cooked__t", "t")]""") =>
        Pipelines.CheckWithRuntime("P", $$"""
            using AlaSpark;
            public sealed record Address(string City, int? Zip);
            public sealed record Input(int Id, string Name, string? Note, [Decimal(10, 2)] decimal Amount, DateTime EventTime, Address Home, List<string> Tags, Dictionary<string, int> Counts);
            [Pipeline("p")]
            [CsvSource("raw__t", "t", Schema = typeof(Input))]
            {{processors}}
            {{sink}}
            public partial class P;
            """);

    [Theory]
    // Columns and names
    [InlineData("""[Processor(typeof(AddPartition), "d", "event_time")][Processor(typeof(DropPartition), "D")]""", Input)]
    [InlineData("""[Processor(typeof(DropPartition), "counts")]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "name=id", "ID = key" })]""",
        "key int not null, id string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(AddPartition), "d", "event_time")][Processor(typeof(RenameColumns), new[] { "d=event_date" })]""", Input + ", event_date date not null partition")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "name=UserName", "note=Top 10 Notes" })][Processor(typeof(StandardiseColumnNames))]""",
        "id int not null, user_name string not null, top_10_notes string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(CastColumns), new[] { "id=bigint", "name = int", "amount=decimal(12,2)" })]""",
        "id bigint not null, name int, note string, amount decimal(12,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(AddConstantColumn), "source", "crm")]""", Input + ", source string not null")]
    [InlineData("""[Processor(typeof(AddConstantColumn), "batch", "7", "int")]""", Input + ", batch int")]
    [InlineData("""[Processor(typeof(AddIngestionDate))][Processor(typeof(AddIngestionDate), "loaded_on")]""", Input + ", ingestion_date date not null, loaded_on date not null")]
    [InlineData("""[Processor(typeof(AddSurrogateKey), "sk", new[] { "id", "home" })]""", Input + ", sk string not null")]
    [InlineData("""[Processor(typeof(AddRowHash), "row_hash", new string[] { })]""", Input + ", row_hash string not null")]
    // Values
    [InlineData("""[Processor(typeof(MaskColumn), "name", 4, '#')]""",
        "id int not null, name string, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(NullColumn), "home")]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int>, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(ReplaceCharacter), "name", "[^a-z]", "")]""", Input)]
    [InlineData("""[Processor(typeof(TrimStrings), new string[] { })][Processor(typeof(TrimStrings), new[] { "note" })]""", Input)]
    [InlineData("""[Processor(typeof(FillNulls), "note", "none")]""",
        "id int not null, name string not null, note string not null, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(NullColumn), "amount")][Processor(typeof(FillNulls), new[] { "amount=0", "note=" })]""",
        "id int not null, name string not null, note string not null, amount decimal(10,2), event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(CoalesceColumns), "c", new[] { "note", "name" })][Processor(typeof(CoalesceColumns), "n", new[] { "id", "amount" })]""",
        Input + ", c string not null, n decimal(12,2) not null")]
    [InlineData("""[Processor(typeof(SplitColumn), "name", " ", new[] { "first", "last" })]""", Input + ", first string, last string")]
    [InlineData("""[Processor(typeof(RegexExtract), "name", "^(.)", 1, "initial")][Processor(typeof(RegexExtract), "note", "[0-9]+", 0, "digits")]""",
        Input + ", initial string not null, digits string")]
    [InlineData("""[Processor(typeof(ExtractJsonField), "note", "$.user.id", "user_id")]""", Input + ", user_id string")]
    [InlineData("""[Processor(typeof(ParseTimestamp), "note", "yyyy-MM-dd")][Processor(typeof(ParseTimestamp), "name", "yyyy", "year")]""",
        "id int not null, name string not null, note timestamp, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null, year timestamp")]
    [InlineData("""[Processor(typeof(ConvertTimezone), "event_time", "America/New_York", "UTC")]""", Input)]
    // Nested data
    [InlineData("""[Processor(typeof(FlattenSchema))]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home_city string, home_zip int, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(FlattenSchema), ".")]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home.city string, home.zip int, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(WithColumn), "x", "id + 1")][Processor(typeof(FlattenSchema))]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home_city string, home_zip int, tags array<string> not null, counts map<string,int> not null ...")]
    [InlineData("""[Processor(typeof(ParseJson), "note", "a INT, `b c` STRING NOT NULL")]""",
        "id int not null, name string not null, note struct<a:int,b c:string>, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(ParseJson), "note", typeof(Address))]""",
        "id int not null, name string not null, note unknown, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(ExplodeColumn), "tags")]""",
        "id int not null, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags string, counts map<string,int> not null")]
    // Other tables
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "name", "note" })]""",
        "name unknown, note string, id int not null, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null ...")]
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "note" }, JoinType.Full)]""",
        "note string, id int, name string, amount decimal(10,2), event_time timestamp, home struct<city:string,zip:int>, tags array<string>, counts map<string,int> ...")]
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "id" }, JoinType.LeftAnti)]""",
        "id unknown, name string not null, note string, amount decimal(10,2) not null, event_time timestamp not null, home struct<city:string,zip:int> not null, tags array<string> not null, counts map<string,int> not null")]
    [InlineData("""[Processor(typeof(UnionDataframe), "cooked__t", "archive")]""",
        "id unknown, name unknown, note unknown, amount unknown, event_time unknown, home unknown, tags unknown, counts unknown")]
    [InlineData("""[Processor(typeof(UnionDataframe), "cooked__t", "archive", true)]""",
        "id unknown, name unknown, note unknown, amount unknown, event_time unknown, home unknown, tags unknown, counts unknown ...")]
    // Rows
    [InlineData("""[Processor(typeof(FilterNulls), new[] { "note" })][Processor(typeof(FilterNulls), new string[] { })]""", Input)]
    [InlineData("""[Processor(typeof(DeduplicateMicrobatch), new[] { "id", "name" }, "event_time")]""", Input)]
    [InlineData("""[Processor(typeof(SortRows), new[] { "event_time DESC", "id asc", "home" })][Processor(typeof(LimitRows), 10)]""", Input)]
    public void The_catalogue_changes_the_schema_as_the_runtime_does(string processors, string expected)
    {
        var pipeline = Check(processors);

        Assert.Equal(expected, Pipelines.Columns(pipeline.SinkSchema!));
        Assert.Empty(pipeline.Findings);
    }

    [Fact]
    public void A_join_keeps_the_partition_marks_and_a_rename_carries_them()
    {
        var joined = Check("""
            [Processor(typeof(AddPartition), "d", "event_time")]
            [Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "id" }, JoinType.LeftSemi)]
            [Processor(typeof(RenameColumns), new[] { "d=event_date" })]
            """, sink: """[DeltaSink("cooked__t", "t", PartitionBy = new[] { "d" })]""");

        Assert.Equal(["event_date"], joined.SinkSchema!.Partitions);
        // The sink still names the old name: ALS2002 at the pair that renamed it.
        var finding = Pipelines.Single(joined, "ALS2002");
        Assert.Equal((4, 0, 0), (finding.AttributeIndex, finding.ArgumentIndex, finding.ElementIndex));
        Assert.Equal("RenameColumns removes the column 'd', which cooked__t.t is partitioned by; keep the column, or partition by another", finding.Message);
    }

    [Fact]
    public void After_a_join_a_missing_column_is_not_reported_but_a_known_column_type_is()
    {
        var pipeline = Check("""
            [Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "id" })]
            [Processor(typeof(HashColumn), "country")]
            [Processor(typeof(HashColumn), "amount")]
            """);

        Assert.Equal(["ALS3004"], pipeline.Findings.Select(f => f.Id));
        Assert.False(pipeline.SinkSchema!.IsComplete);
    }

    [Theory]
    // ALS3001: a column that does not exist at this step
    [InlineData("""[Processor(typeof(DropPartition), "nope")]""", "ALS3001", 0, -1, "DropPartition: the column 'nope' does not exist at this step (columns here: " + Columns + ")")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "id=key", "nope=x" })]""", "ALS3001", 0, 1, "RenameColumns: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(CastColumns), new[] { "nope=int" })]""", "ALS3001", 0, 0, "CastColumns: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(AddSurrogateKey), "sk", new[] { "id", "nope" })]""", "ALS3001", 1, 1, "AddSurrogateKey: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(AddRowHash), "h", new[] { "nope" })]""", "ALS3001", 1, 0, "AddRowHash: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(MaskColumn), "nope")]""", "ALS3001", 0, -1, "MaskColumn: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(NullColumn), "nope")]""", "ALS3001", 0, -1, "NullColumn: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ReplaceCharacter), "nope", "a", "b")]""", "ALS3001", 0, -1, "ReplaceCharacter: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(TrimStrings), new[] { "name", "nope" })]""", "ALS3001", 0, 1, "TrimStrings: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(FillNulls), new[] { "note=x", "nope=1" })]""", "ALS3001", 0, 1, "FillNulls: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(FillNulls), "nope", "1")]""", "ALS3001", 0, -1, "FillNulls: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(CoalesceColumns), "c", new[] { "id", "nope" })]""", "ALS3001", 1, 1, "CoalesceColumns: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(SplitColumn), "nope", ",", new[] { "a" })]""", "ALS3001", 0, -1, "SplitColumn: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(RegexExtract), "nope", "(a)", 1, "t")]""", "ALS3001", 0, -1, "RegexExtract: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ExtractJsonField), "nope", "$.a", "t")]""", "ALS3001", 0, -1, "ExtractJsonField: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ParseTimestamp), "nope", "yyyy")]""", "ALS3001", 0, -1, "ParseTimestamp: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ConvertTimezone), "nope", "UTC", "UTC")]""", "ALS3001", 0, -1, "ConvertTimezone: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ParseJson), "nope", "a INT")]""", "ALS3001", 0, -1, "ParseJson: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(ExplodeColumn), "nope")]""", "ALS3001", 0, -1, "ExplodeColumn: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "id", "nope" })]""", "ALS3001", 2, 1, "JoinDataframe: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(DeduplicateMicrobatch), new[] { "nope" }, "event_time")]""", "ALS3001", 0, 0, "DeduplicateMicrobatch: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(FilterNulls), new[] { "nope" })]""", "ALS3001", 0, 0, "FilterNulls: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(SortRows), new[] { "nope DESC" })]""", "ALS3001", 0, 0, "SortRows: the column 'nope' does not exist")]
    [InlineData("""[Processor(typeof(DropColumns), new[] { "note" })][Processor(typeof(FillNulls), "note", "x")]""", "ALS3001", 0, -1, "FillNulls: the column 'note' does not exist")]
    // ALS3004: a column of a type the processor does not take
    [InlineData("""[Processor(typeof(CastColumns), new[] { "id=int", "home=int" })]""", "ALS3004", 0, 1, "CastColumns: the column 'home' is struct<city:string,zip:int>, but CastColumns takes a column Spark can cast to int")]
    [InlineData("""[Processor(typeof(MaskColumn), "amount", 2)]""", "ALS3004", 0, -1, "MaskColumn: the column 'amount' is decimal(10,2), but MaskColumn takes a string column")]
    [InlineData("""[Processor(typeof(ReplaceCharacter), "id", "1", "2")]""", "ALS3004", 0, -1, "ReplaceCharacter: the column 'id' is int, but ReplaceCharacter takes a string column")]
    [InlineData("""[Processor(typeof(TrimStrings), new[] { "name", "id" })]""", "ALS3004", 0, 1, "TrimStrings: the column 'id' is int, but TrimStrings takes a string column")]
    [InlineData("""[Processor(typeof(FillNulls), new[] { "tags=a" })]""", "ALS3004", 0, 0, "FillNulls: the column 'tags' is array<string>, but FillNulls takes a column of single values (not an array, map or struct)")]
    [InlineData("""[Processor(typeof(CoalesceColumns), "c", new[] { "id", "amount", "tags" })]""", "ALS3004", 1, 2, "CoalesceColumns: the column 'tags' is array<string>, but CoalesceColumns takes columns with a common type, and the columns before it are decimal(12,2)")]
    [InlineData("""[Processor(typeof(SplitColumn), "id", ",", new[] { "a" })]""", "ALS3004", 0, -1, "SplitColumn: the column 'id' is int, but SplitColumn takes a string column")]
    [InlineData("""[Processor(typeof(RegexExtract), "amount", "(a)", 1, "t")]""", "ALS3004", 0, -1, "RegexExtract: the column 'amount' is decimal(10,2), but RegexExtract takes a string column")]
    [InlineData("""[Processor(typeof(ExtractJsonField), "home", "$.a", "t")]""", "ALS3004", 0, -1, "ExtractJsonField: the column 'home' is struct<city:string,zip:int>, but ExtractJsonField takes a string column")]
    [InlineData("""[Processor(typeof(ParseTimestamp), "event_time", "yyyy")]""", "ALS3004", 0, -1, "ParseTimestamp: the column 'event_time' is timestamp, but ParseTimestamp takes a string column")]
    [InlineData("""[Processor(typeof(AlterDataType), "event_time", "timestamp_ntz")][Processor(typeof(ConvertTimezone), "event_time", "UTC", "UTC")]""", "ALS3004", 0, -1, "ConvertTimezone: the column 'event_time' is timestamp_ntz, but ConvertTimezone takes a timestamp column")]
    [InlineData("""[Processor(typeof(AlterDataType), "event_time", "timestamp_ntz")][Processor(typeof(AddWatermark), "event_time", "1 hour")]""", "ALS3004", 0, -1, "AddWatermark: the column 'event_time' is timestamp_ntz, but AddWatermark takes a timestamp column (or a window)")]
    [InlineData("""[Processor(typeof(ParseJson), "tags", "a INT")]""", "ALS3004", 0, -1, "ParseJson: the column 'tags' is array<string>, but ParseJson takes a string column")]
    [InlineData("""[Processor(typeof(ExplodeColumn), "counts", true)]""", "ALS3004", 0, -1, "ExplodeColumn: the column 'counts' is map<string,int>, but ExplodeColumn takes an array column")]
    [InlineData("""[Processor(typeof(DeduplicateMicrobatch), new[] { "id" }, "home")]""", "ALS3004", 1, -1, "DeduplicateMicrobatch: the column 'home' is struct<city:string,zip:int>, but DeduplicateMicrobatch takes a column of single values")]
    [InlineData("""[Processor(typeof(SortRows), new[] { "id", "counts DESC" })]""", "ALS3004", 0, 1, "SortRows: the column 'counts' is map<string,int>, but SortRows takes a column that is not a map")]
    // ALS3006: an argument the runtime refuses
    [InlineData("""[Processor(typeof(WithColumn), "x", "'a'")][Processor(typeof(DropPartition), "x")]""", "ALS3006", 0, -1, "DropPartition: the column \"x\" is not valid: it is not a partition column at this step (partitions: none); remove an ordinary column with DropColumns")]
    [InlineData("""[Processor(typeof(DropPartition), " ")]""", "ALS3006", 0, -1, "DropPartition: the column \" \" is not valid: a column needs a name")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "id" })]""", "ALS3006", 0, 0, "RenameColumns: the pairs \"id\" is not valid: it is not a pair 'name=value'")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "id=" })]""", "ALS3006", 0, 0, "RenameColumns: the pairs \"id=\" is not valid: the pair for 'id' has no new name")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "id=a", "name=A" })]""", "ALS3006", 0, 1, "RenameColumns: the pairs \"name=A\" is not valid: another column is renamed 'A' too")]
    [InlineData("""[Processor(typeof(RenameColumns), new[] { "id=Name" })]""", "ALS3006", 0, 0, "RenameColumns: the pairs \"id=Name\" is not valid: the columns 'id' and 'name' would both be named 'Name'")]
    [InlineData("""[Processor(typeof(RenameColumns), new string[] { })]""", "ALS3006", 0, -1, "RenameColumns: the pairs [] is not valid: give pairs such as")]
    [InlineData("""[Processor(typeof(CastColumns), new[] { "id=integr" })]""", "ALS3006", 0, 0, "CastColumns: the casts \"integr\" is not valid: 'integr' is not a Spark data type")]
    [InlineData("""[Processor(typeof(CastColumns), new[] { "id=int", "ID=bigint" })]""", "ALS3006", 0, 1, "CastColumns: the casts \"ID=bigint\" is not valid: it names 'ID' again")]
    [InlineData("""[Processor(typeof(AddConstantColumn), "c", "1", "array<int>")]""", "ALS3006", 2, -1, "AddConstantColumn: the dataType \"array<int>\" is not valid: a constant can't be written in it")]
    [InlineData("""[Processor(typeof(AddConstantColumn), "c", "1", "nope")]""", "ALS3006", 2, -1, "AddConstantColumn: the dataType \"nope\" is not valid: 'nope' is not a Spark data type")]
    [InlineData("""[Processor(typeof(AddIngestionDate), "")]""", "ALS3006", 0, -1, "AddIngestionDate: the column \"\" is not valid: a column needs a name")]
    [InlineData("""[Processor(typeof(AddSurrogateKey), "sk", new string[] { })]""", "ALS3006", 1, -1, "AddSurrogateKey: the keyColumns [] is not valid: name at least one column")]
    [InlineData("""[Processor(typeof(AddRowHash), "h", new[] { "id", "H" })]""", "ALS3006", 1, 1, "AddRowHash: the columns \"H\" is not valid: it is the hash column itself")]
    [InlineData("""[Processor(typeof(MaskColumn), "name", -1)]""", "ALS3006", 1, -1, "MaskColumn: the keepLast -1 is not valid: it is how many characters stay visible at the end, 0 or more")]
    [InlineData("""[Processor(typeof(MaskColumn), "name", 0, '\n')]""", "ALS3006", 2, -1, "MaskColumn: the mask U+000A is not valid: it is not a printable character")]
    [InlineData("""[Processor(typeof(NullColumn), null)]""", "ALS3006", 0, -1, "NullColumn: the column null is not valid: a column needs a name")]
    [InlineData("""[Processor(typeof(ReplaceCharacter), "name", null, "")]""", "ALS3006", 1, -1, "ReplaceCharacter: the pattern null is not valid: give a regular expression")]
    [InlineData("""[Processor(typeof(TrimStrings), new[] { "name", "NAME" })]""", "ALS3006", 0, 1, "TrimStrings: the columns \"NAME\" is not valid: it names a column already named")]
    [InlineData("""[Processor(typeof(FillNulls), "note", null)]""", "ALS3006", 1, -1, "FillNulls: the value null is not valid: give the value to put in place of nulls in 'note'")]
    [InlineData("""[Processor(typeof(CoalesceColumns), "c", new[] { "id" })]""", "ALS3006", 1, -1, "CoalesceColumns: the columns [\"id\"] is not valid: coalesce two or more columns")]
    [InlineData("""[Processor(typeof(SplitColumn), "name", "", new[] { "a" })]""", "ALS3006", 1, -1, "SplitColumn: the pattern \"\" is not valid: give the separator as a regular expression")]
    [InlineData("""[Processor(typeof(RegexExtract), "name", "(a)", -1, "t")]""", "ALS3006", 2, -1, "RegexExtract: the group -1 is not valid: it is 0 for the whole match")]
    [InlineData("""[Processor(typeof(ExtractJsonField), "note", "user.id", "t")]""", "ALS3006", 1, -1, "ExtractJsonField: the path \"user.id\" is not valid: a JSONPath starts with '$'")]
    [InlineData("""[Processor(typeof(ParseTimestamp), "note", " ")]""", "ALS3006", 1, -1, "ParseTimestamp: the format \" \" is not valid: give a Spark datetime pattern")]
    [InlineData("""[Processor(typeof(ConvertTimezone), "event_time", "UTC", "")]""", "ALS3006", 2, -1, "ConvertTimezone: the toZone \"\" is not valid: give a time zone")]
    [InlineData("""[Processor(typeof(FlattenSchema), "")]""", "ALS3006", 0, -1, "FlattenSchema: the separator \"\" is not valid: give the text that joins field names")]
    [InlineData("""[Processor(typeof(WithColumn), "home_city", "'x'")][Processor(typeof(FlattenSchema))]""", "ALS3006", -1, -1, "FlattenSchema: the separator \"_\" is not valid: home.city and home_city would all become the column 'home_city'")]
    [InlineData("""[Processor(typeof(ParseJson), "note", "a INTEGR")]""", "ALS3006", 1, -1, "ParseJson: the ddlSchema \"a INTEGR\" is not valid: 'integr' is not a Spark data type")]
    [InlineData("""[Processor(typeof(ParseJson), "note", "a INT, A STRING")]""", "ALS3006", 1, -1, "ParseJson: the ddlSchema \"a INT, A STRING\" is not valid: the field 'a' is named twice")]
    [InlineData("""[Processor(typeof(ParseJson), "note", "a: INT")]""", "ALS3006", 1, -1, "ParseJson: the ddlSchema \"a: INT\" is not valid:")]
    [InlineData("""[Processor(typeof(ExplodeColumn), "")]""", "ALS3006", 0, -1, "ExplodeColumn: the column \"\" is not valid: a column needs a name")]
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new[] { "id" }, JoinType.Cross)]""", "ALS3006", 3, -1, "JoinDataframe: the how Cross is not valid: join on columns with Inner, Left, Right, Full, LeftSemi or LeftAnti")]
    [InlineData("""[Processor(typeof(JoinDataframe), "cooked__t", "customers", new string[] { })]""", "ALS3006", 2, -1, "JoinDataframe: the on [] is not valid: name at least one column")]
    [InlineData("""[Processor(typeof(UnionDataframe), null, "archive")]""", "ALS3006", 0, -1, "UnionDataframe: the database null is not valid: give the database of the catalog table")]
    [InlineData("""[Processor(typeof(DeduplicateMicrobatch), new[] { "id" }, "ID")]""", "ALS3006", 1, -1, "DeduplicateMicrobatch: the orderBy \"id\" is not valid: it is also a key")]
    [InlineData("""[Processor(typeof(FilterNulls), (string[])null)]""", "ALS3006", 0, -1, "FilterNulls: the columns null is not valid: a list of column names is needed (empty for every column)")]
    [InlineData("""[Processor(typeof(SortRows), new[] { "id sideways" })]""", "ALS3006", 0, 0, "SortRows: the columns \"id sideways\" is not valid: write a column name, optionally followed by ASC or DESC")]
    [InlineData("""[Processor(typeof(SortRows), new[] { "id", "ID DESC" })]""", "ALS3006", 0, 1, "SortRows: the columns \"ID DESC\" is not valid: it sorts by 'ID' again")]
    [InlineData("""[Processor(typeof(LimitRows), -1)]""", "ALS3006", 0, -1, "LimitRows: the n -1 is not valid: it is the most rows to keep, 0 or more")]
    public void A_wrong_argument_is_reported_where_it_is_written(string processors, string id, int argument, int element, string message)
    {
        var pipeline = Check(processors);

        var finding = Assert.Single(pipeline.Findings);
        Assert.Equal(id, finding.Id);
        Assert.StartsWith(message, finding.Message);
        // The faulty processor is the last attribute before the sink; -1: the finding is at the whole attribute.
        var attribute = 1 + processors.Split("[Processor(").Length - 1;
        Assert.Equal(argument < 0 ? (FindingTarget.Attribute, attribute, -1, -1) : (FindingTarget.ProcessorArgument, attribute, argument, element),
            (finding.Target, finding.AttributeIndex, finding.ArgumentIndex, finding.ElementIndex));
        Assert.False(pipeline.IsValid);
    }

    [Fact]
    public void StandardiseColumnNames_reports_at_itself_a_column_it_can_not_name_and_two_that_would_share_a_name()
    {
        var nameless = Check("""[Processor(typeof(WithColumn), "__", "'x'")][Processor(typeof(StandardiseColumnNames))]""");
        var clash = Check("""[Processor(typeof(WithColumn), "UserName", "'x'")][Processor(typeof(WithColumn), "user_name", "'y'")][Processor(typeof(StandardiseColumnNames))]""");

        var finding = Assert.Single(nameless.Findings);
        Assert.Equal(("ALS3006", FindingTarget.Attribute, 3), (finding.Id, finding.Target, finding.AttributeIndex));
        Assert.StartsWith("StandardiseColumnNames: the column \"__\" is not valid: it has no letter or digit to make a snake_case name of", finding.Message);
        finding = Assert.Single(clash.Findings);
        Assert.Equal(("ALS3006", FindingTarget.Attribute, 4), (finding.Id, finding.Target, finding.AttributeIndex));
        Assert.Contains("the columns 'UserName' and 'user_name' would both be named 'user_name'", finding.Message);
    }

    [Fact]
    public void SplitColumn_takes_at_most_32_targets()
    {
        var targets = string.Join(", ", Enumerable.Range(1, 33).Select(i => $"\"t{i}\""));
        var pipeline = Check($$"""[Processor(typeof(SplitColumn), "name", ",", new[] { {{targets}} })]""");

        var finding = Assert.Single(pipeline.Findings);
        Assert.Equal(("ALS3006", 2), (finding.Id, finding.ArgumentIndex));
        Assert.StartsWith("SplitColumn: the targets (33 names) is not valid: split into at most 32 columns", finding.Message);
    }

    [Fact]
    public void Every_catalogue_processor_has_a_good_and_a_bad_case_here()
    {
        IEnumerable<string> Processors(string test) => typeof(CatalogueTrackingTests).GetMethod(test)!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);
        // The processor a bad case is about is its last one.
        static string Last(string processors) => processors.Split("[Processor(typeof(").Last().Split(')')[0];
        var good = Processors(nameof(The_catalogue_changes_the_schema_as_the_runtime_does)).ToList();
        var bad = Processors(nameof(A_wrong_argument_is_reported_where_it_is_written)).Select(Last).ToHashSet();

        // The twelve of the first table have theirs in TrackingTests; StandardiseColumnNames and SplitColumn have facts of their own.
        var first = new[] { "AddPartition", "SelectColumns", "DropColumns", "WithColumn", "FilterRows", "HashColumn", "AddCurrentTimestamp", "AddSourceFilename", "AddSourcePath", "DropDuplicates", "AlterDataType", "AddWatermark" };
        var catalogue = BuiltInProcessors.Names.Select(n => n.Substring("global::AlaSpark.".Length)).Except(first).ToList();
        Assert.Equal(28, catalogue.Count);
        Assert.Empty(catalogue.Except(catalogue.Where(p => good.Any(g => g.Contains("typeof(" + p + ")")))));
        Assert.Empty(catalogue.Except(bad).Except(["StandardiseColumnNames"]));
    }
}
