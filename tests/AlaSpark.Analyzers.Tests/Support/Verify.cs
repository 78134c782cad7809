using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AlaSpark.Analyzers.Tests.Support;

/// <summary>
/// Runs <see cref="PipelineAnalyzer"/> (and a code fix) through Microsoft.CodeAnalysis.Testing on
/// markup sources: <c>{|ALS1003:"WebEvents"|}</c> expects ALS1003 exactly on that span, and no
/// other diagnostic may appear (compiler errors and warnings included).
/// </summary>
internal static class Verify
{
    /// <summary>Expects exactly the diagnostics marked in <paramref name="source"/>, with an optional .editorconfig.</summary>
    public static Task AnalyzerAsync(string source, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = AnalyzerTestFor(source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>An analyzer test of <paramref name="source"/>, configured like <see cref="AnalyzerAsync"/>, to adjust before running.</summary>
    public static CSharpAnalyzerTest<PipelineAnalyzer, DefaultVerifier> AnalyzerTestFor(string source, string? editorConfig = null)
    {
        var test = new AnalyzerTest { TestCode = source };
        Configure(test.TestState, editorConfig);
        return test;
    }

    /// <summary>Expects the marked diagnostics, and <paramref name="fixedSource"/> after applying <typeparamref name="TFix"/> (once, and with Fix All).</summary>
    public static Task CodeFixAsync<TFix>(string source, string fixedSource, string? editorConfig = null, int? fixAllIterations = null)
        where TFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TFix> { TestCode = source, FixedCode = fixedSource };
        Configure(test.TestState, editorConfig);
        Configure(test.FixedState, editorConfig);
        if (fixAllIterations is { } iterations) test.NumberOfFixAllIterations = iterations;
        return test.RunAsync();
    }

    /// <summary>A diagnostic of <paramref name="id"/>, for a location given with <c>{|#0:...|}</c>.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<PipelineAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>The references every test project gets (the additional projects of a test too).</summary>
    public static void AddReferences(ProjectState state)
    {
        state.ReferenceAssemblies = TestReferences.None;
        state.AdditionalReferences.AddRange(TestReferences.All);
    }

    private static void Configure(SolutionState state, string? editorConfig)
    {
        state.Sources.Add(("/0/GlobalUsings.cs", TestReferences.GlobalUsings));
        AddReferences(state);
        if (editorConfig is not null)
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
    }

    private sealed class AnalyzerTest : CSharpAnalyzerTest<PipelineAnalyzer, DefaultVerifier>
    {
        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
    }

    private sealed class CodeFixTest<TFix> : CSharpCodeFixTest<PipelineAnalyzer, TFix, DefaultVerifier>
        where TFix : CodeFixProvider, new()
    {
        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
    }
}
