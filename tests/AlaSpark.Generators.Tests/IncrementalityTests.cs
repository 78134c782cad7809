using System.Collections;
using System.Reflection;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlaSpark.Generators.Tests;

public class IncrementalityTests
{
    /// <summary>A second pipeline whose model has declared effects and findings (an info and a warning), so every model type is walked.</summary>
    private const string WithFindings = """
        using AlaSpark;
        namespace Other.Pipelines;
        public sealed record Row(string Id, DateTime At);
        [PreservesSchema] public sealed class Keep : ToTableProcessor { }
        public sealed class Opaque : ToTableProcessor { }
        [Pipeline("with_findings")]
        [CsvSource("raw__a", "b", Schema = typeof(Row))]
        [Processor(typeof(Keep))]
        [Processor(typeof(Opaque))]
        [Processor(typeof(AddPartition), "at_hour", "at", PartitionGranularity.Hour)]
        [DeltaSink("cooked__a", "b")]
        [DeltaSink("cooked__a", "c", PartitionBy = new[] { "id" })]
        public partial class WithFindingsPipeline;
        """;

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents, WithFindings, "namespace Other; public class Unrelated { }");
        var (driver, _, _) = TestCompilation.Run(compilation);

        var unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Unrelated"));
        var edited = compilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Edited; }", TestCompilation.ParseOptions, unrelated.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        foreach (var name in TrackingNames.All)
        {
            var steps = result.TrackedSteps[name];
            Assert.NotEmpty(steps);
            foreach (var (_, reason) in steps.SelectMany(step => step.Outputs))
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name}: {reason}");
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>A schema record in a file of its own, and the pipeline that reads it in another, against the real runtime.</summary>
    private const string RuntimeRow = "namespace Jobs.Rows; public sealed record Event(string Id, string Email, DateTime At);";

    private const string RuntimePipeline = """
        using AlaSpark;
        using Jobs.Rows;
        namespace Jobs;
        [Pipeline("events")]
        [CsvSource("raw__a", "events", Schema = typeof(Event))]
        [Processor(typeof(HashColumn), "email", HashAlgorithm.Sha512)]
        [Processor(typeof(AddPartition), "at_date", "at")]
        [DeltaSink("cooked__a", "events", PartitionBy = new[] { "at_date" })]
        public partial class EventsPipeline;
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnRuntime(params string[] extra)
    {
        var compilation = TestCompilation.CreateWithRuntime([Samples.GlobalUsings, RuntimeRow, RuntimePipeline, "namespace Other; public class Unrelated { }", .. extra]);
        return (TestCompilation.Run(compilation).Driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string marker, string text)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(marker));
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, tree.FilePath));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Against_the_runtime_an_unrelated_edit_reads_one_file_and_asks_the_compiler_for_no_pipeline()
    {
        var (driver, compilation) = RunOnRuntime();
        var edited = Replace(compilation, "class Unrelated", "namespace Other; public class Unrelated { public int Edited() => 1; }");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        foreach (var name in TrackingNames.All)
            Assert.All(Reasons(result, name), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name}: {reason}"));
        // Only the edited file was read again (its summary came out equal); the others were not touched.
        Assert.Equal(1, Reasons(result, TrackingNames.FileSummaries).Count(r => r == IncrementalStepRunReason.Unchanged));
        // The pipeline was read from syntax: nothing was left to the symbol reader.
        var fromSymbols = result.TrackedSteps[TrackingNames.SymbolPipelines].SelectMany(s => s.Outputs).Single().Value;
        Assert.Empty((EquatableArray<ParsedPipeline>)fromSymbols);
        Assert.Single(result.GeneratedSources);
    }

    [Fact]
    public void Editing_the_schema_record_in_another_file_regenerates_the_pipeline()
    {
        var (driver, compilation) = RunOnRuntime();
        var edited = Replace(compilation, "record Event(", "namespace Jobs.Rows; public sealed record Event(string Id, string Email, DateTime At, int? Clicks);");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(Reasons(result, TrackingNames.ValidPipelines), reason => reason == IncrementalStepRunReason.Modified);
        var generated = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("Clicks", generated);
        Assert.Equal(generated, TestCompilation.Run(edited).Driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    [Fact]
    public void Editing_a_custom_processor_in_another_file_regenerates_the_pipeline_that_uses_it()
    {
        const string processor = "using AlaSpark; namespace Jobs; [AddsColumn(\"score\", typeof(int))] public sealed class Score(int scale = 1) : ToTableProcessor { public override ProcessedTable Apply(ProcessedTable t) => t; }";
        var pipeline = RuntimePipeline.Replace("[DeltaSink(", "[Processor(typeof(Score))]\n[DeltaSink(");
        var compilation = TestCompilation.CreateWithRuntime(Samples.GlobalUsings, RuntimeRow, pipeline, processor);
        var driver = TestCompilation.Run(compilation).Driver;
        Assert.Contains("Score", driver.GetRunResult().GeneratedTrees.Single().ToString());

        var edited = Replace(compilation, "class Score", processor.Replace("typeof(int)", "typeof(double)").Replace("int scale = 1", "double scale = 2"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Empty((EquatableArray<ParsedPipeline>)result.TrackedSteps[TrackingNames.SymbolPipelines].SelectMany(s => s.Outputs).Single().Value);
        var generated = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Equal(TestCompilation.Run(edited).Driver.GetRunResult().GeneratedTrees.Single().ToString(), generated);
        Assert.Contains("Column<double> Score", generated);
    }

    [Fact]
    public void A_new_file_that_makes_a_name_ambiguous_sends_the_pipeline_to_the_symbol_reader()
    {
        var (driver, compilation) = RunOnRuntime();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Jobs; public sealed class HashColumn { }", TestCompilation.ParseOptions, "Shadow.cs"));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Jobs.HashColumn now hides AlaSpark.HashColumn: C# binds the attribute to it, and the
        // symbol reader reports that it is no processor, so no code is generated.
        var fromSymbols = (EquatableArray<ParsedPipeline>)result.TrackedSteps[TrackingNames.SymbolPipelines].SelectMany(s => s.Outputs).Single().Value;
        Assert.Single(fromSymbols);
        Assert.Contains(fromSymbols[0].Findings, f => f.Id == FindingIds.NotAProcessor);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void An_edit_of_the_pipeline_reruns_the_steps()
    {
        var compilation = TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents);
        var (driver, _, _) = TestCompilation.Run(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("WebEventsPipeline"));
        var edited = compilation.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(Samples.WebEvents.Replace("\"5 minutes\"", "\"1 minute\""), TestCompilation.ParseOptions, tree.FilePath));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ValidPipelines].SelectMany(s => s.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("trigger: 1 minute", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_location_or_compilation()
    {
        // With processor stand-ins declared in source (read from symbols) and against the runtime with
        // custom processors (read from syntax), so that every model type of both readers is walked.
        var (driver, _, _) = TestCompilation.Run(TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents, WithFindings));
        var result = driver.GetRunResult().Results.Single();
        var (runtimeDriver, _, _) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, BaselineSamples.CustomProcessors, RuntimeRow, RuntimePipeline));
        var runtimeResult = runtimeDriver.GetRunResult().Results.Single();

        var walked = 0;
        var types = new HashSet<Type>();
        foreach (var run in new[] { result, runtimeResult })
        {
            foreach (var name in TrackingNames.All)
            {
                foreach (var (value, _) in run.TrackedSteps[name].SelectMany(step => step.Outputs))
                {
                    AssertHoldsNoRoslynObject(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), types);
                    walked++;
                }
            }
        }
        Assert.True(walked >= 6);
        // The walk went through every type of the model, so a symbol added to any of them would be found.
        Type[] modelTypes =
        [
            typeof(ParsedPipeline), typeof(CheckedPipeline), typeof(PipelineModel), typeof(SourceModel), typeof(SchemaModel), typeof(ColumnModel),
            typeof(ColumnType), typeof(ProcessorModel), typeof(ArgumentModel), typeof(BoundConstructor), typeof(BoundParameter),
            typeof(DeclaredEffects), typeof(SinkModel), typeof(Finding), typeof(SchemaStep),
            typeof(FileSummary), typeof(FileDeclarations), typeof(DeclaredType), typeof(DeclaredProperty), typeof(TypeRef), typeof(NameContext),
            typeof(ProcessorShape), typeof(DeclaredConstructor), typeof(DeclaredParameter), typeof(SyntaxPipeline), typeof(SyntaxAttribute),
            typeof(SyntaxArgument), typeof(SyntaxValue), typeof(SourceIndex), typeof(ResolutionCache), typeof(ResolvedType), typeof(Catalogue),
            typeof(CatalogueProcessor), typeof(CatalogueConstructor), typeof(CatalogueParameter), typeof(ParameterType), typeof(CatalogueEnum),
            typeof(EnumMember), typeof(SyntaxResult),
        ];
        Assert.Empty(modelTypes.Except(types));
        Assert.Contains(result.TrackedSteps[TrackingNames.CheckedPipelines].SelectMany(s => s.Outputs),
            o => o.Value is CheckedPipeline { IsValid: true } p && p.Findings.Any(f => f.Severity == FindingSeverity.Info) && p.Findings.Any(f => f.Severity == FindingSeverity.Warning));
    }

    [Fact]
    public void The_walk_finds_a_symbol_hidden_in_a_model()
    {
        var compilation = TestCompilation.Create("public class C { }");
        var holder = new { Inner = new object[] { "text", new { Symbol = (object?)compilation.GetTypeByMetadataName("C") } } };

        Assert.ThrowsAny<Exception>(() => AssertHoldsNoRoslynObject(holder, "holder", new HashSet<object>(ReferenceEqualityComparer.Instance), []));
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree)];

    private static void AssertHoldsNoRoslynObject(object? value, string path, HashSet<object> seen, HashSet<Type> types)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        var type = value.GetType();
        types.Add(type);
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertHoldsNoRoslynObject(item, $"{path}[{i++}]", seen, types);
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            Assert.False(Forbidden.Any(f => f.IsAssignableFrom(property.PropertyType)), $"{path}.{property.Name} is typed {property.PropertyType.Name}");
            AssertHoldsNoRoslynObject(property.GetValue(value), $"{path}.{property.Name}", seen, types);
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            AssertHoldsNoRoslynObject(field.GetValue(value), $"{path}.{field.Name}", seen, types);
    }
}
