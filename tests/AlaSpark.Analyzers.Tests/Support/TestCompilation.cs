using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlaSpark.Analyzers.Tests.Support;

/// <summary>Plain compilations (no workspace) of test sources, and the analyzer run over them directly.</summary>
internal static class TestCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A compilation of <paramref name="source"/> with <paramref name="globalUsings"/> (by default <see cref="TestReferences.GlobalUsings"/>) as a second file.</summary>
    public static CSharpCompilation Create(string source, string? globalUsings = null) =>
        CSharpCompilation.Create(
            "AnalyzerTests",
            [
                CSharpSyntaxTree.ParseText(globalUsings ?? TestReferences.GlobalUsings, ParseOptions, path: "/0/GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(source, ParseOptions, path: "/0/Test0.cs"),
            ],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Runs <paramref name="analyzer"/> (a new <see cref="PipelineAnalyzer"/> by default) over <paramref name="compilation"/>
    /// with <paramref name="options"/> as the .editorconfig keys (or <paramref name="optionsProvider"/>); returns its
    /// diagnostics and every exception it let escape.
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation, IReadOnlyDictionary<string, string>? options = null, PipelineAnalyzer? analyzer = null,
        AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var exceptions = new List<Exception>();
        var analyzerOptions = new AnalyzerOptions([], optionsProvider ?? new DictionaryOptionsProvider(options ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(
            [analyzer ?? new PipelineAnalyzer()],
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }

    /// <summary>The same keys for every file, as one [*.cs] section of an .editorconfig gives them.</summary>
    private sealed class DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
