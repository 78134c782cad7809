using System;
using System.Collections.Immutable;
using AlaSpark.Analyzers.Analysis;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Generators.Tracking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlaSpark.Analyzers;

/// <summary>
/// Checks every <c>[Pipeline]</c> class against dsl.md section 3: its structure, its names, its
/// processors and partition columns (the findings of the parser and schema tracker the generator
/// shares), and its streaming settings; and every <c>[Column]</c> name where it is written. The
/// attribute types are resolved once per compilation; each class is then analyzed on its own,
/// concurrently, and generated code is skipped.
/// </summary>
/// <remarks>
/// An analyzer must never break a build: anything unexpected (a half-typed attribute the checks did
/// not foresee) ends the analysis of that class silently. Only cancellation propagates.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipelineAnalyzer : DiagnosticAnalyzer
{
    private readonly Action<Exception>? _onSwallowed;

    public PipelineAnalyzer()
    {
    }

    /// <summary>For tests: <paramref name="onSwallowed"/> sees each exception the analysis swallowed.</summary>
    internal PipelineAnalyzer(Action<Exception> onSwallowed) => _onSwallowed = onSwallowed;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var onSwallowed = _onSwallowed;
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = AlaSparkSymbols.Resolve(start.Compilation);
            if (symbols is null) return; // AlaSpark.Abstractions is not referenced: no pipeline here.
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, symbols, onSwallowed), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, AlaSparkSymbols symbols, Action<Exception>? onSwallowed)
    {
        try
        {
            if (context.Symbol is not INamedTypeSymbol type) return;
            ColumnAttributeChecks.Run(type, symbols, context.ReportDiagnostic, context.CancellationToken);
            var pipeline = PipelineDeclaration.Read(type, symbols);
            if (pipeline is null) return;

            var tree = type.DeclaringSyntaxReferences.Length > 0 ? type.DeclaringSyntaxReferences[0].SyntaxTree : null;
            var config = tree is null
                ? context.Options.AnalyzerConfigOptionsProvider.GlobalOptions
                : context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var naming = NamingConfiguration.Read(config, out var configurationProblem);
            // Parsed and tracked once per class; every check below reads this one result.
            var checkedPipeline = PipelineChecker.Check(type, context.CancellationToken);
            var analysis = new PipelineContext(context.Compilation, pipeline, checkedPipeline, symbols, naming, context.ReportDiagnostic, context.CancellationToken);
            if (configurationProblem is not null)
                analysis.Report(Descriptors.InvalidNamingConfiguration, analysis.Locate(pipeline.Pipeline, AttributeArgument.Attribute), configurationProblem);

            StructureChecks.Run(analysis);
            NamingChecks.Run(analysis);
            SchemaColumnChecks.Run(analysis);
            CheckerFindings.Run(analysis);
            StreamingChecks.Run(analysis);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Never fail the user's build or editor: what can't be analyzed is not reported.
            onSwallowed?.Invoke(e);
        }
    }
}
