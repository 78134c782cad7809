using System.Reflection;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Tracking;
using AlaSpark.Types;

namespace AlaSpark.Generators.Tests;

/// <summary>
/// The schema the generator's tracker believes in, step by step, is the schema the engine produces:
/// every built-in processor runs in a generated pipeline on the embedded engine, and each step's
/// column names, types, nullability and partition columns are compared. The session runs with
/// ANSI mode off, where a cast that fails gives null: the tracker's nullability is that worst case.
/// Where the tracker's schema is not complete (after a join with another catalog table), the columns
/// it lists must be in the engine's schema, in that order, with those types and that nullability.
/// </summary>
public class SchemaParityTests
{
    private const string Records = """
        namespace Parity
        {
            public sealed record Input(int Id, string Name, string Email, [Decimal(10, 2)] decimal Amount, DateTime EventTime, DateOnly Day, double Score, string? Note);

            public sealed record Geo(double Lat, double Lon);
            public sealed record Address(string City, int? Zip, Geo? Geo);
            public sealed record Line(string Sku, int Quantity);
            public sealed record Nested(
                int Id,
                string? Payload,
                Address Home,
                Address? Work,
                List<string> Tags,
                List<Line>? Lines,
                Dictionary<string, int> Counts,
                [Column("UserName")] string UserName,
                [Column("Top 10 Items")] string? TopItems);

            public sealed record Payload(int A, string? B);

            public sealed record Customer(string Name, string? Note, string? Country, bool Vip);
            public sealed record Archive(long Id, string Name, string Email, [Decimal(12, 2)] decimal Amount, DateTime EventTime, DateOnly Day, double Score, string? Note);
            public sealed record Extra(int Id, string Name, string? Remark);
        }
        """;

    private const string InputCsv = """
        id,name,email,amount,event_time,day,score,note
        1,Ann,ann@example.org,10.50,2024-03-01 10:15:00,2024-03-01,0.5,12
        2,Bob,bob@example.org,3.25,2024-03-02 23:59:59,2024-03-02,1.5,
        """;

    private const string NestedJson = """
        {"id": 1, "payload": "{\"a\": 1, \"b\": \"x\"}", "home": {"city": "Oslo", "zip": 150, "geo": {"lat": 59.9, "lon": 10.7}}, "work": null, "tags": ["a", "b"], "lines": [{"sku": "A", "quantity": 2}], "counts": {"x": 1}, "UserName": "ann", "Top 10 Items": "x"}
        {"id": 2, "payload": null, "home": {"city": "Bergen", "zip": null, "geo": null}, "work": {"city": "Ås", "zip": 1, "geo": null}, "tags": [], "lines": null, "counts": {}, "UserName": "bob", "Top 10 Items": null}
        """;

    private const string CustomersCsv = """
        name,note,country,vip
        Ann,12,NO,true
        Cid,,SE,false
        """;

    private const string ArchiveCsv = """
        id,name,email,amount,event_time,day,score,note
        9,Old,old@example.org,1.00,2023-01-01 00:00:00,2023-01-01,2.5,
        """;

    private const string ExtraCsv = """
        id,name,remark
        7,Eve,more
        """;

    private const string FromInput = """[CsvSource("raw__parity", "input", Schema = typeof(Input))]""";
    private const string FromNested = """[JsonSource("raw__parity", "nested", Schema = typeof(Nested))]""";

    /// <summary>The source and processors of each case: together they use every built-in processor the runtime has.</summary>
    private static readonly (string Source, string Processors)[] Cases =
    [
        (FromInput, """[Processor(typeof(AddSourceFilename))][Processor(typeof(AddSourcePath), "path")][Processor(typeof(AddCurrentTimestamp))][Processor(typeof(AddCurrentTimestamp), "ID")]"""),
        (FromInput, """[Processor(typeof(HashColumn), "email")][Processor(typeof(HashColumn), "note", HashAlgorithm.Md5)][Processor(typeof(HashColumn), "NAME", HashAlgorithm.Sha512)]"""),
        (FromInput, """
            [Processor(typeof(AddPartition), "event_date", "event_time")]
            [Processor(typeof(AddPartition), "event_hour", "event_time", PartitionGranularity.Hour)]
            [Processor(typeof(AddPartition), "month", "day", PartitionGranularity.Month)]
            [Processor(typeof(AddPartition), "year", "event_time", PartitionGranularity.Year)]
            [Processor(typeof(AddPartition), "from_text", "note")]
            [Processor(typeof(AddPartition), "event_date", "day")]
            """),
        (FromInput, """
            [Processor(typeof(AddPartition), "event_date", "event_time")]
            [Processor(typeof(SelectColumns), new[] { "score", "ID", "event_date" })]
            [Processor(typeof(DropColumns), new[] { "event_date" })]
            """),
        (FromInput, """[Processor(typeof(DropColumns), new[] { "email", "Note" })][Processor(typeof(FilterRows), "id > 1")][Processor(typeof(DropDuplicates), new[] { "name", "day" })]"""),
        (FromInput, """
            [Processor(typeof(WithColumn), "c_upper", "upper(name)")]
            [Processor(typeof(WithColumn), "c_cast", "cast(id as bigint)")]
            [Processor(typeof(WithColumn), "c_text", "'x'")]
            [Processor(typeof(WithColumn), "c_int", "42")]
            [Processor(typeof(WithColumn), "c_big", "3000000000")]
            [Processor(typeof(WithColumn), "c_long", "7L")]
            [Processor(typeof(WithColumn), "c_copy", "amount")]
            [Processor(typeof(WithColumn), "c_decimal", "1.50")]
            [Processor(typeof(WithColumn), "c_double", "2.5D")]
            [Processor(typeof(WithColumn), "c_bool", "true")]
            [Processor(typeof(WithColumn), "c_parse", "cast(note as int)")]
            [Processor(typeof(WithColumn), "c_try", "try_cast(name as int)")]
            [Processor(typeof(WithColumn), "c_length", "length(note)")]
            [Processor(typeof(WithColumn), "c_date", "to_date(event_time)")]
            [Processor(typeof(WithColumn), "c_text_date", "to_date(note)")]
            [Processor(typeof(WithColumn), "c_now", "current_timestamp()")]
            [Processor(typeof(WithColumn), "c_today", "current_date")]
            [Processor(typeof(WithColumn), "c_sha", "sha2(note, 256)")]
            [Processor(typeof(WithColumn), "c_md5", "md5(name)")]
            [Processor(typeof(WithColumn), "c_year", "year(day)")]
            [Processor(typeof(WithColumn), "c_trim", "trim(lower(name))")]
            [Processor(typeof(WithColumn), "c_struct_cast", "cast(amount as decimal(4, 1))")]
            [Processor(typeof(WithColumn), "id", "id + 1")]
            """),
        (FromInput, """
            [Processor(typeof(AlterDataType), "id", "bigint")]
            [Processor(typeof(AlterDataType), "amount", "double")]
            [Processor(typeof(AlterDataType), "event_time", "date")]
            [Processor(typeof(AlterDataType), "note", "int")]
            [Processor(typeof(AlterDataType), "score", "decimal(10,2)")]
            [Processor(typeof(AlterDataType), "day", "timestamp")]
            [Processor(typeof(AlterDataType), "name", "string")]
            [Processor(typeof(AlterDataType), "email", "varchar(20)")]
            """),
        (FromInput, """[Processor(typeof(AddWatermark), "event_time", "10 minutes")]"""),
        (FromInput, """
            [Processor(typeof(RenameColumns), new[] { "name=full_name", " ID = key", "email=name" })]
            [Processor(typeof(CastColumns), new[] { "key=bigint", "amount=double", "note=int", "day=timestamp", "score=decimal(6,2)" })]
            [Processor(typeof(AddConstantColumn), "source", "crm")]
            [Processor(typeof(AddConstantColumn), "batch", "7", "int")]
            [Processor(typeof(AddConstantColumn), "rate", "1.5", "decimal(4,2)")]
            [Processor(typeof(AddConstantColumn), "KEY", "2024-01-31", "date")]
            [Processor(typeof(AddIngestionDate))]
            [Processor(typeof(AddIngestionDate), "loaded_on")]
            [Processor(typeof(AddSurrogateKey), "sk", new[] { "key", "full_name" })]
            [Processor(typeof(AddRowHash), "row_hash", new string[] { })]
            [Processor(typeof(AddRowHash), "note", new[] { "name", "day" })]
            """),
        (FromInput, """
            [Processor(typeof(AddPartition), "event_date", "event_time")]
            [Processor(typeof(AddPartition), "event_hour", "event_time", PartitionGranularity.Hour)]
            [Processor(typeof(RenameColumns), new[] { "event_date=d" })]
            [Processor(typeof(DropPartition), "event_hour")]
            [Processor(typeof(DropPartition), "D")]
            """),
        (FromInput, """
            [Processor(typeof(MaskColumn), "email", 4)]
            [Processor(typeof(MaskColumn), "note", 0, '#')]
            [Processor(typeof(NullColumn), "score")]
            [Processor(typeof(NullColumn), "note")]
            [Processor(typeof(ReplaceCharacter), "name", "[aeiou]", "_")]
            [Processor(typeof(TrimStrings), new[] { "name" })]
            [Processor(typeof(TrimStrings), new string[] { })]
            [Processor(typeof(WithColumn), "n", "cast(note as int)")]
            [Processor(typeof(WithColumn), "d", "to_date(email)")]
            [Processor(typeof(FillNulls), "note", "none")]
            [Processor(typeof(FillNulls), new[] { "score=0", "n=1", "d=2024-01-31", "email=x" })]
            """),
        (FromInput, """
            [Processor(typeof(CoalesceColumns), "c1", new[] { "note", "name" })]
            [Processor(typeof(CoalesceColumns), "c2", new[] { "id", "amount" })]
            [Processor(typeof(CoalesceColumns), "c3", new[] { "day", "event_time" })]
            [Processor(typeof(CoalesceColumns), "c4", new[] { "score", "id" })]
            [Processor(typeof(CoalesceColumns), "c5", new[] { "id", "note" })]
            [Processor(typeof(SplitColumn), "email", "@", new[] { "user", "domain" })]
            [Processor(typeof(RegexExtract), "email", "@(.+)$", 1, "domain2")]
            [Processor(typeof(RegexExtract), "note", "([0-9]+)", 0, "digits")]
            [Processor(typeof(ExtractJsonField), "note", "$.a", "a")]
            [Processor(typeof(ParseTimestamp), "name", "yyyy-MM-dd", "parsed")]
            [Processor(typeof(ParseTimestamp), "note", "yyyy")]
            [Processor(typeof(ConvertTimezone), "event_time", "America/New_York", "UTC")]
            """),
        (FromInput, """
            [Processor(typeof(FilterNulls), new[] { "note" })]
            [Processor(typeof(FilterNulls), new string[] { })]
            [Processor(typeof(DeduplicateMicrobatch), new[] { "name" }, "event_time")]
            [Processor(typeof(SortRows), new[] { "event_time DESC", "id" })]
            [Processor(typeof(LimitRows), 1)]
            """),
        (FromInput, """
            [Processor(typeof(AddPartition), "event_date", "event_time")]
            [Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "NAME", "note" })]
            [Processor(typeof(AddCurrentTimestamp))]
            """),
        (FromInput, """[Processor(typeof(DropColumns), new[] { "note" })][Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "name" }, JoinType.Left)]"""),
        (FromInput, """[Processor(typeof(DropColumns), new[] { "name" })][Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "note" }, JoinType.Right)]"""),
        (FromInput, """[Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "name", "note" }, JoinType.Full)]"""),
        (FromInput, """
            [Processor(typeof(AddPartition), "event_date", "event_time")]
            [Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "note", "name" }, JoinType.LeftSemi)]
            [Processor(typeof(JoinDataframe), "raw__parity", "customers", new[] { "name" }, JoinType.LeftAnti)]
            """),
        (FromInput, """[Processor(typeof(UnionDataframe), "raw__parity", "archive")][Processor(typeof(AddPartition), "event_date", "day")]"""),
        (FromInput, """[Processor(typeof(UnionDataframe), "raw__parity", "extra", true)][Processor(typeof(AddIngestionDate))]"""),
        (FromNested, """[Processor(typeof(FlattenSchema))]"""),
        (FromNested, """[Processor(typeof(FlattenSchema), "__")][Processor(typeof(StandardiseColumnNames))]"""),
        (FromNested, """[Processor(typeof(ExplodeColumn), "tags")][Processor(typeof(ExplodeColumn), "lines", true)][Processor(typeof(FlattenSchema))]"""),
        (FromNested, """
            [Processor(typeof(ParseJson), "payload", "a INT, b STRING NOT NULL, c ARRAY<STRING>, `d e` STRUCT<f: DOUBLE>")]
            [Processor(typeof(ParseJson), "UserName", typeof(Payload))]
            [Processor(typeof(ParseJson), "top 10 items", "x DECIMAL(5,2)")]
            [Processor(typeof(FlattenSchema))]
            """),
        (FromNested, """
            [Processor(typeof(SortRows), new[] { "id DESC", "UserName" })]
            [Processor(typeof(StandardiseColumnNames))]
            [Processor(typeof(WithColumn), "x", "id + 1")]
            [Processor(typeof(FlattenSchema))]
            [Processor(typeof(AddIngestionDate))]
            """),
    ];

    /// <summary>
    /// Columns (or struct fields, <c>column.field</c>) the embedded engine types as not null although
    /// it can give them nulls; the tracker says nullable, as Spark does. Each is an engine defect.
    /// </summary>
    private static readonly Dictionary<string, string> EngineNullabilityDefects = new()
    {
        ["parsed"] = "ParseTimestamp: with ANSI off to_timestamp gives null for text that does not parse, but the engine keeps the input's nullability (Spark: nullable)",
        ["payload.b"] = "ParseJson: from_json gives null for a field missing from the JSON, but the engine keeps the DDL's NOT NULL (Spark makes the schema nullable)",
    };

    /// <summary>
    /// Processors a parity case can't run on the embedded engine, with the reason; the schema the
    /// tracker gives them is then unchecked. Empty: every processor runs (the harness registers the
    /// other tables that <c>JoinDataframe</c> and <c>UnionDataframe</c> read).
    /// </summary>
    private static readonly Dictionary<string, string> NotRun = new();

    [Fact]
    public void Every_built_in_processor_gives_the_schema_the_tracker_believes()
    {
        var source = "using AlaSpark;\n" + Records + "\n" + string.Join("\n", Cases.Select((c, i) => $$"""
            namespace Parity
            {
                [Pipeline("parity_{{i}}")]
                {{c.Source}}
                {{c.Processors}}
                [DeltaSink("cooked__parity", "case_{{i}}")]
                public partial class Case{{i}};
            }
            """));
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source);
        var (_, output, diagnostics) = TestCompilation.Run(compilation);
        Assert.Empty(diagnostics);
        var assembly = TempLake.Load(output);

        using var lake = new TempLake();
        using var session = lake.Open(("spark.sql.ansi.enabled", "false"));
        StructType Schema(string record) => RecordSchema.For(assembly.GetType("Parity." + record, throwOnError: true)!);
        lake.RegisterCsv(session, "raw__parity", "input", Schema("Input"), InputCsv);
        lake.Register(session, "raw__parity", "nested", Schema("Nested"), "json", NestedJson);
        lake.RegisterCsv(session, "raw__parity", "customers", Schema("Customer"), CustomersCsv);
        lake.RegisterCsv(session, "raw__parity", "archive", Schema("Archive"), ArchiveCsv);
        lake.RegisterCsv(session, "raw__parity", "extra", Schema("Extra"), ExtraCsv);

        var covered = new HashSet<string>();
        var differences = new List<string>();
        var defectsSeen = new HashSet<string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var tracked = Pipelines.CheckIn(output, "Parity.Case" + i);
            Assert.True(tracked.IsValid, $"case {i}:\n" + string.Join("\n", Pipelines.Findings(tracked)));
            Assert.DoesNotContain(tracked.Findings, f => f.Id is "ALS3005" or "ALS3006");
            covered.UnionWith(tracked.Model!.Processors.Select(p => p.TypeName));

            var definition = (PipelineDefinition)assembly.GetType("Parity.Case" + i, throwOnError: true)!
                .GetField("AlaSparkDefinition", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var engine = new List<(StructType Schema, IReadOnlyList<string> Partitions)>();
            definition.Build(session, (_, table) => engine.Add((table.DataFrame.Schema, table.PartitionColumns)));

            Assert.Equal(tracked.Steps.Count, engine.Count);
            for (var step = 0; step < engine.Count; step++)
                differences.AddRange(Compare(tracked.Steps[step], engine[step].Schema, engine[step].Partitions, defectsSeen).Select(d => $"case {i} step {step}: {d}"));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // A defect the engine no longer has is taken off the list.
        Assert.Equal(EngineNullabilityDefects.Keys.Order(), defectsSeen.Order());
        var missing = BuiltInProcessors.Names.Except(covered).Except(NotRun.Keys).ToList();
        Assert.True(missing.Count == 0, "No parity case for " + string.Join(", ", missing));
    }

    /// <summary>
    /// Every <c>ToTableProcessor</c> of the runtime has an entry in the tracker's table and a parity
    /// case (or a reason it has none), and every <c>ToManyTablesProcessor</c> is refused by
    /// <c>[Processor]</c> (ALS3003): none is left to the ALS3005 "unknown" of a custom processor.
    /// </summary>
    [Fact]
    public void Every_runtime_processor_is_in_the_effect_table_and_has_a_parity_case()
    {
        var types = typeof(ToTableProcessor).Assembly.GetExportedTypes().Where(t => !t.IsAbstract).ToList();
        var toTable = types.Where(t => t.IsSubclassOf(typeof(ToTableProcessor))).Select(t => "global::" + t.FullName).ToList();
        var toMany = types.Where(t => t.IsSubclassOf(typeof(ToManyTablesProcessor))).ToList();

        Assert.Equal(40, toTable.Count);
        Assert.Empty(toTable.Except(BuiltInProcessors.Names));
        Assert.Empty(BuiltInProcessors.Names.Except(toTable));
        var inCases = Cases.SelectMany(c => toTable.Where(t => c.Processors.Contains("typeof(" + t.Substring("global::AlaSpark.".Length) + ")"))).ToHashSet();
        Assert.Empty(toTable.Except(inCases).Except(NotRun.Keys));
        Assert.All(NotRun, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key + " has no reason"));

        Assert.Equal(["Relationalize"], toMany.Select(t => t.Name));
        foreach (var type in toMany)
        {
            var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, $$"""
                using AlaSpark;
                public sealed record R(string A);
                [Pipeline("p")][CsvSource("raw__t", "t", Schema = typeof(R))][Processor(typeof({{type.FullName}}))][DeltaSink("cooked__t", "t")]
                public partial class P;
                """);
            var pipeline = Pipelines.CheckIn(compilation, "P");
            Assert.Equal(FindingTarget.ProcessorType, Pipelines.Single(pipeline, "ALS3003").Target);
            Assert.False(pipeline.IsValid);
        }
    }

    private static IEnumerable<string> Compare(SchemaStep tracked, StructType engine, IReadOnlyList<string> partitions, HashSet<string> defectsSeen)
    {
        var names = string.Join(", ", tracked.Columns.Select(c => c.Name));
        var positions = tracked.Columns.Select(c => engine.FieldNames.ToList().IndexOf(c.Name)).ToList();
        var inOrder = positions.All(p => p >= 0) && positions.Zip(positions.Skip(1), (a, b) => a < b).All(b => b);
        if (tracked.IsComplete ? names != string.Join(", ", engine.FieldNames) : !inOrder)
        {
            yield return $"columns [{names}]{(tracked.IsComplete ? "" : " (not complete)")} but the engine has [{string.Join(", ", engine.FieldNames)}]";
            yield break;
        }
        for (var i = 0; i < tracked.Columns.Count; i++)
        {
            var (column, field) = (tracked.Columns[i], engine[positions[i]]);
            if (!column.Type.IsUnknown && column.Type.SparkName != field.DataType.SimpleString)
                yield return $"{column.Name} is {column.Type.SparkName} but the engine has {field.DataType.SimpleString}";
            // An unknown type promises nothing: the tracker takes it as nullable whatever the engine finds.
            if (column.Type.IsUnknown ? !column.Nullable : NullabilityDiffers(column.Name, column.Nullable, field.Nullable, defectsSeen))
                yield return $"{column.Name} is {(column.Nullable ? "nullable" : "not null")} but the engine has it {(field.Nullable ? "nullable" : "not null")}";
            foreach (var nested in CompareFields(column.Name, column.Type, field.DataType, defectsSeen)) yield return nested;
        }
        if (!tracked.Partitions.SequenceEqual(partitions, StringComparer.OrdinalIgnoreCase))
            yield return $"partitions [{string.Join(", ", tracked.Partitions)}] but the engine has [{string.Join(", ", partitions)}]";
    }

    private static bool NullabilityDiffers(string path, bool tracked, bool engine, HashSet<string> defectsSeen)
    {
        if (tracked == engine) return false;
        if (!tracked || !EngineNullabilityDefects.ContainsKey(path)) return true;
        defectsSeen.Add(path);
        return false;
    }

    /// <summary>The nullability of struct fields, which the type's Spark name does not show.</summary>
    private static IEnumerable<string> CompareFields(string path, ColumnType tracked, DataType engine, HashSet<string> defectsSeen)
    {
        if (tracked.Kind == DataTypeKind.Struct && engine is StructType fields && fields.Count == tracked.Fields.Count)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var (column, field) = (tracked.Fields[i], fields[i]);
                if (NullabilityDiffers(path + "." + column.Name, column.Nullable, field.Nullable, defectsSeen))
                    yield return $"{path}.{column.Name} is {(column.Nullable ? "nullable" : "not null")} but the engine has it {(field.Nullable ? "nullable" : "not null")}";
                foreach (var nested in CompareFields(path + "." + column.Name, column.Type, field.DataType, defectsSeen)) yield return nested;
            }
        }
        else if (tracked.Kind == DataTypeKind.Array && engine is ArrayType array)
        {
            foreach (var nested in CompareFields(path + "[]", tracked.Element!, array.ElementType, defectsSeen)) yield return nested;
        }
    }
}
