using System;
using AlaSpark.Generators.Emitting;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AlaSpark.Generators;

/// <summary>
/// Turns each <c>[Pipeline]</c> partial class into generated code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find the classes marked [Pipeline]. ForAttributeWithMetadataName looks only at
        //    declarations with that attribute, and re-runs the transform only for edited files.
        // 2. Parse each into a model of strings and arrays: the model holds no symbol, so an edit
        //    elsewhere produces an equal model and the steps below stay cached.
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "AlaSpark.PipelineAttribute",
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) =>
                    attributeContext.TargetSymbol is INamedTypeSymbol type
                        ? PipelineParser.TryParse(type, cancellationToken)
                        : null)
            .WithTrackingName(TrackingNames.ParsedPipelines);

        // 3. Drop the invalid pipelines: the analyzers report why, the generator emits nothing.
        var valid = parsed
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidPipelines);

        // 4. One file per pipeline, from the model alone.
        context.RegisterSourceOutput(valid, static (output, model) => Emit(output, model));
    }

    private static void Emit(SourceProductionContext output, PipelineModel model)
    {
        string text;
        try
        {
            text = PipelineEmitter.Emit(model);
        }
        catch (Exception)
        {
            // Never fail the user's build: a model the emitter can't handle yields no file.
            return;
        }
        output.AddSource(model.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
    }
}
