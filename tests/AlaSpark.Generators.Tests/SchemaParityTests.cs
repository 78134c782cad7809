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
/// </summary>
public class SchemaParityTests
{
    private const string Input = """
        namespace Parity
        {
            public sealed record Input(int Id, string Name, string Email, [Decimal(10, 2)] decimal Amount, DateTime EventTime, DateOnly Day, double Score, string? Note);
        }
        """;

    private const string Csv = """
        id,name,email,amount,event_time,day,score,note
        1,Ann,ann@example.org,10.50,2024-03-01 10:15:00,2024-03-01,0.5,12
        2,Bob,bob@example.org,3.25,2024-03-02 23:59:59,2024-03-02,1.5,
        """;

    /// <summary>The processors of each case: together they use every built-in processor the runtime has.</summary>
    private static readonly string[] Cases =
    [
        """[Processor(typeof(AddSourceFilename))][Processor(typeof(AddSourcePath), "path")][Processor(typeof(AddCurrentTimestamp))][Processor(typeof(AddCurrentTimestamp), "ID")]""",
        """[Processor(typeof(HashColumn), "email")][Processor(typeof(HashColumn), "note", HashAlgorithm.Md5)][Processor(typeof(HashColumn), "NAME", HashAlgorithm.Sha512)]""",
        """
        [Processor(typeof(AddPartition), "event_date", "event_time")]
        [Processor(typeof(AddPartition), "event_hour", "event_time", PartitionGranularity.Hour)]
        [Processor(typeof(AddPartition), "month", "day", PartitionGranularity.Month)]
        [Processor(typeof(AddPartition), "year", "event_time", PartitionGranularity.Year)]
        [Processor(typeof(AddPartition), "from_text", "note")]
        [Processor(typeof(AddPartition), "event_date", "day")]
        """,
        """
        [Processor(typeof(AddPartition), "event_date", "event_time")]
        [Processor(typeof(SelectColumns), new[] { "score", "ID", "event_date" })]
        [Processor(typeof(DropColumns), new[] { "event_date" })]
        """,
        """[Processor(typeof(DropColumns), new[] { "email", "Note" })][Processor(typeof(FilterRows), "id > 1")][Processor(typeof(DropDuplicates), new[] { "name", "day" })]""",
        """
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
        """,
        """
        [Processor(typeof(AlterDataType), "id", "bigint")]
        [Processor(typeof(AlterDataType), "amount", "double")]
        [Processor(typeof(AlterDataType), "event_time", "date")]
        [Processor(typeof(AlterDataType), "note", "int")]
        [Processor(typeof(AlterDataType), "score", "decimal(10,2)")]
        [Processor(typeof(AlterDataType), "day", "timestamp")]
        [Processor(typeof(AlterDataType), "name", "string")]
        [Processor(typeof(AlterDataType), "email", "varchar(20)")]
        """,
        """[Processor(typeof(AddWatermark), "event_time", "10 minutes")]""",
    ];

    [Fact]
    public void Every_built_in_processor_gives_the_schema_the_tracker_believes()
    {
        var runtime = typeof(ToTableProcessor).Assembly;
        bool InRuntime(string name) => runtime.GetType(name.Substring("global::".Length)) is not null;
        // AddWatermark comes with the streaming work; its case runs once the runtime has it.
        var cases = Cases.Where(c => !c.Contains("typeof(AddWatermark)") || InRuntime("global::AlaSpark.AddWatermark")).ToList();
        var source = "using AlaSpark;\n" + Input + "\n" + string.Join("\n", cases.Select((processors, i) => $$"""
            namespace Parity
            {
                [Pipeline("parity_{{i}}")]
                [CsvSource("raw__parity", "input", Schema = typeof(Input))]
                {{processors}}
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
        lake.RegisterCsv(session, "raw__parity", "input", RecordSchema.For(assembly.GetType("Parity.Input", throwOnError: true)!), Csv);

        var covered = new HashSet<string>();
        var differences = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var tracked = Pipelines.CheckIn(output, "Parity.Case" + i);
            Assert.True(tracked.IsValid, string.Join("\n", Pipelines.Findings(tracked)));
            covered.UnionWith(tracked.Model!.Processors.Select(p => p.TypeName));

            var definition = (PipelineDefinition)assembly.GetType("Parity.Case" + i, throwOnError: true)!
                .GetField("AlaSparkDefinition", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var engine = new List<(StructType Schema, IReadOnlyList<string> Partitions)>();
            definition.Build(session, (_, table) => engine.Add((table.DataFrame.Schema, table.PartitionColumns)));

            Assert.Equal(tracked.Steps.Count, engine.Count);
            for (var step = 0; step < engine.Count; step++)
                differences.AddRange(Compare(tracked.Steps[step], engine[step].Schema, engine[step].Partitions).Select(d => $"case {i} step {step}: {d}"));
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var missing = BuiltInProcessors.Names.Where(InRuntime).Except(covered).ToList();
        Assert.True(missing.Count == 0, "No parity case for " + string.Join(", ", missing));
        Assert.Empty(BuiltInProcessors.Names.Where(n => !InRuntime(n)).Except(["global::AlaSpark.AddWatermark"]));
    }

    private static IEnumerable<string> Compare(SchemaStep tracked, StructType engine, IReadOnlyList<string> partitions)
    {
        Assert.True(tracked.IsComplete);
        var names = string.Join(", ", tracked.Columns.Select(c => c.Name));
        if (names != string.Join(", ", engine.FieldNames))
        {
            yield return $"columns [{names}] but the engine has [{string.Join(", ", engine.FieldNames)}]";
            yield break;
        }
        for (var i = 0; i < engine.Count; i++)
        {
            var (column, field) = (tracked.Columns[i], engine[i]);
            if (!column.Type.IsUnknown && column.Type.SparkName != field.DataType.SimpleString)
                yield return $"{column.Name} is {column.Type.SparkName} but the engine has {field.DataType.SimpleString}";
            // An unknown type promises nothing: the tracker takes it as nullable whatever the engine finds.
            if (column.Type.IsUnknown ? !column.Nullable : column.Nullable != field.Nullable)
                yield return $"{column.Name} is {(column.Nullable ? "nullable" : "not null")} but the engine has it {(field.Nullable ? "nullable" : "not null")}";
        }
        if (!tracked.Partitions.SequenceEqual(partitions, StringComparer.OrdinalIgnoreCase))
            yield return $"partitions [{string.Join(", ", tracked.Partitions)}] but the engine has [{string.Join(", ", partitions)}]";
    }
}
