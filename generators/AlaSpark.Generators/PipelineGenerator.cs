using System;
using AlaSpark.Generators.Emitting;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using AlaSpark.Generators.Tracking;
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
        // 2. Parse each into a model of strings and arrays, binding each processor's arguments to a
        //    constructor: the model holds no symbol, so an edit elsewhere produces an equal model
        //    and the steps below stay cached.
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "AlaSpark.PipelineAttribute",
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) =>
                    attributeContext.TargetSymbol is INamedTypeSymbol type
                        ? PipelineParser.Parse(type, cancellationToken)
                        : new ParsedPipeline(null, EquatableArray<Finding>.Empty, HasUnreadableAttributes: true))
            .WithTrackingName(TrackingNames.ParsedPipelines);

        // 3. Track the schema through the processors (from the model alone), with the findings the
        //    analyzers report.
        var checkedPipelines = parsed
            .Select(static (pipeline, _) => PipelineChecker.Check(pipeline))
            .WithTrackingName(TrackingNames.CheckedPipelines);

        // 4. Drop the invalid pipelines: the analyzers report why, the generator emits nothing.
        var valid = checkedPipelines
            .Where(static pipeline => pipeline.IsValid)
            .WithTrackingName(TrackingNames.ValidPipelines);

        // 5. One file per pipeline, from the checked model alone.
        context.RegisterSourceOutput(valid, static (output, pipeline) => Emit(output, pipeline));
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
