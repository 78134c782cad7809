using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AlaSpark.Generators.Emitting;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using AlaSpark.Generators.Syntax;
using AlaSpark.Generators.Tracking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AlaSpark.Generators;

/// <summary>
/// Turns each <c>[Pipeline]</c> partial class into generated code.
/// </summary>
/// <remarks>
/// The pipelines are read from syntax, so that an edit costs the generator only the files it
/// changed: see docs/generator.md, "Reading pipelines from syntax". A pipeline syntax can't decide
/// is read from symbols by <see cref="PipelineParser"/>, the reader the analyzers use.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Each file's syntax, read into a summary of strings and arrays: the top-level classes
        //    with attributes and the declarations other files may name. The compilation's trees are
        //    the input; a file that was not edited is the same tree, so only edited files are read.
        var files = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Select(static (tree, cancellationToken) => SyntaxReader.Read(tree, cancellationToken))
            .WithTrackingName(TrackingNames.FileSummaries);

        // 2. What names can reach: every file's declarations (the index), and the catalogue of the
        //    AlaSpark processors and enums the pipelines name, read from metadata (which edits don't
        //    change: each edit costs a few lookups in symbols the compiler keeps between
        //    compilations), with the project's namespaces that a referenced assembly declares too.
        var index = files
            .Select(static (file, _) => file.Declarations)
            .Collect()
            .Select(static (declarations, _) => new SourceIndex(declarations.ToEquatableArray()))
            .WithTrackingName(TrackingNames.SourceIndex);
        var catalogue = files
            .Select(static (file, _) => (Names: Catalogue.NamesUsedBy(file), file.Declarations.Namespaces))
            .Collect()
            .Select(static (requests, _) => (
                Names: requests.SelectMany(r => r.Names).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
                Namespaces: requests.SelectMany(r => r.Namespaces).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()))
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => Catalogue.Read(input.Right, input.Left.Names, input.Left.Namespaces, cancellationToken))
            .WithTrackingName(TrackingNames.Catalogue);

        // 3. Each attributed class read into a pipeline model, or marked for the symbol reader.
        var read = files
            .SelectMany(static (file, _) => file.Pipelines)
            .Combine(index.Combine(catalogue))
            .Select(static (input, _) => SyntaxParser.Parse(input.Left, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.SyntaxPipelines);

        // 4. The classes syntax can't decide, read from symbols (only these re-run on every edit).
        var fromSymbols = read
            .Where(static result => result.Outcome == SyntaxOutcome.NeedsSymbols)
            .Select(static (result, _) => result.FullName)
            .Collect()
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => ReadFromSymbols(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.SymbolPipelines);

        // 5. Every pipeline's model: a model holds no symbol, so an edit elsewhere produces an equal
        //    model and the steps below stay cached.
        var parsed = read
            .Where(static result => result.Outcome == SyntaxOutcome.Parsed)
            .Select(static (result, _) => result.Parsed!)
            .Collect()
            .Combine(fromSymbols)
            .SelectMany(static (input, _) => input.Left.Concat(input.Right))
            .WithTrackingName(TrackingNames.ParsedPipelines);

        // 6. Track the schema through the processors (from the model alone), with the findings the
        //    analyzers report.
        var checkedPipelines = parsed
            .Select(static (pipeline, _) => PipelineChecker.Check(pipeline))
            .WithTrackingName(TrackingNames.CheckedPipelines);

        // 7. Drop the invalid pipelines: the analyzers report why, the generator emits nothing.
        var valid = checkedPipelines
            .Where(static pipeline => pipeline.IsValid)
            .WithTrackingName(TrackingNames.ValidPipelines);

        // 8. One file per pipeline, from the checked model alone.
        context.RegisterSourceOutput(valid, static (output, pipeline) => Emit(output, pipeline));
    }

    /// <summary>
    /// The classes named <paramref name="fullNames"/> that carry AlaSpark's <c>[Pipeline]</c>, read
    /// from symbols (each once, though a partial class may be named by several declarations).
    /// </summary>
    private static EquatableArray<ParsedPipeline> ReadFromSymbols(ImmutableArray<string> fullNames, Compilation compilation, CancellationToken cancellationToken)
    {
        var parsed = new List<ParsedPipeline>();
        foreach (var fullName in fullNames.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (compilation.GetTypeByMetadataName(fullName) is not { } type) continue;
            if (!type.GetAttributes().Any(a => a.AttributeClass is { Name: "PipelineAttribute", ContainingNamespace: { Name: "AlaSpark", ContainingNamespace.IsGlobalNamespace: true } }))
                continue;
            parsed.Add(PipelineParser.Parse(type, cancellationToken));
        }
        return parsed.ToEquatableArray();
    }

    private static void Emit(SourceProductionContext output, CheckedPipeline pipeline)
    {
        var model = pipeline.Model!;
        string text;
        try
        {
            text = PipelineEmitter.Emit(pipeline);
        }
        catch (Exception)
        {
            // Never fail the user's build: a model the emitter can't handle yields no file.
            return;
        }
        output.AddSource(model.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
    }
}
