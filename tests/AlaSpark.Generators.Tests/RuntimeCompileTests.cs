using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>The generated code against the real runtime assemblies: it compiles without warnings, and it registers itself.</summary>
public class RuntimeCompileTests
{
    private static Compilation Generate()
    {
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, RuntimeSamples.WebEvents));
        Assert.Empty(diagnostics);
        return output;
    }

    [Fact]
    public void The_generated_pipeline_compiles_against_the_runtime_without_warnings()
    {
        var output = Generate();

        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(".ReadStreamFrom<global::AlaSpark.CsvStreamReader>(", generated);
        Assert.Contains(".WriteStreamTo<global::AlaSpark.Delta.DeltaStreamWriter>(", generated);
        Assert.Contains("Trigger = global::AlaSpark.Trigger.Parse(\"5 minutes\")", generated);
        Assert.Contains(".WriteTo<global::AlaSpark.ParquetWriter>(", generated);
        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", generated);

        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_loaded_assembly_registers_its_pipeline_with_AlaSparkApp()
    {
        var output = Generate();
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        // Loaded into the default context so it shares the test's AlaSpark.dll (and its AlaSparkApp).
        var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(stream.ToArray()));
        var type = assembly.GetType("WebEvents.Runtime.WebEventsPipeline", throwOnError: true)!;
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);

        var pipeline = Assert.IsAssignableFrom<IPipeline>(Activator.CreateInstance(type));
        Assert.Equal("raw_to_cooked_runtime", pipeline.Name);
        var registered = RegisteredPipelines();
        Assert.Contains(registered, p => p.Name == "raw_to_cooked_runtime" && p.GetType() == type);

        var description = pipeline.Description;
        Assert.Equal(new SourceDescription("CsvStreamReader", "raw__web_events", "fake_web_events_csv", "{{ landing }}/web_events", BadRecordsMode.Quarantine, IsStream: true),
            description.Source);
        Assert.Equal(["AddSourceFilename", "HashColumn", "AddPartition", "DropDuplicates", "AddCurrentTimestamp"],
            description.Steps.Select(s => s.Processor));
        Assert.Collection(description.Sinks,
            s =>
            {
                Assert.Equal(("DeltaStreamWriter", "cooked__web_events", "web_events", WriteMode.Append, true, true), (s.Writer, s.Database, s.Table, s.Mode, s.MergeSchema, s.IsStream));
                Assert.Equal(["event_date"], s.PartitionBy);
            },
            s =>
            {
                Assert.Equal(("ParquetWriter", "export__web_events", "web_events", WriteMode.Overwrite, false), (s.Writer, s.Database, s.Table, s.Mode, s.MergeSchema));
                Assert.Empty(s.PartitionBy);
            });
    }

    private static IReadOnlyList<IPipeline> RegisteredPipelines()
    {
        var field = typeof(AlaSparkApp).GetField("Registered", BindingFlags.NonPublic | BindingFlags.Static)!;
        var list = (List<IPipeline>)field.GetValue(null)!;
        lock (list) return list.ToList();
    }

    [Fact]
    public void A_class_without_a_parameterless_constructor_is_not_registered()
    {
        const string source = """
            using AlaSpark;
            [Pipeline("no_default_ctor")]
            [CsvSource("raw__a", "b")]
            [Processor(typeof(AddCurrentTimestamp))]
            [DeltaSink("cooked__a", "b")]
            public partial class P { public P(int value) { _ = value; } }
            """;
        var (_, output, diagnostics) = TestCompilation.Run(TestCompilation.CreateWithRuntime(Samples.GlobalUsings, source));

        Assert.Empty(diagnostics);
        var generated = Assert.Single(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(": global::AlaSpark.IPipeline", generated);
        Assert.DoesNotContain("ModuleInitializer]", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
