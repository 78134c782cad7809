using System.Collections;
using System.Reflection;
using AlaSpark.Generators.Model;
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
        var (driver, _, _) = TestCompilation.Run(TestCompilation.Create(Samples.GlobalUsings, Samples.WebEvents, WithFindings));
        var result = driver.GetRunResult().Results.Single();

        var walked = 0;
        var types = new HashSet<Type>();
        foreach (var name in TrackingNames.All)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertHoldsNoRoslynObject(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), types);
                walked++;
            }
        }
        Assert.True(walked >= 6);
        // The walk went through every type of the model, so a symbol added to any of them would be found.
        Type[] modelTypes =
        [
            typeof(ParsedPipeline), typeof(CheckedPipeline), typeof(PipelineModel), typeof(SourceModel), typeof(SchemaModel), typeof(ColumnModel),
            typeof(ColumnType), typeof(ProcessorModel), typeof(ArgumentModel), typeof(BoundConstructor), typeof(BoundParameter),
            typeof(DeclaredEffects), typeof(SinkModel), typeof(Finding), typeof(SchemaStep),
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
