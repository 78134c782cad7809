using System;
using System.Linq;
using System.Threading;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tracking;

/// <summary>
/// Parses a <c>[Pipeline]</c> class and tracks its schema: everything the generator emits from and
/// everything the analyzers report, from one parser and one tracker.
/// </summary>
internal static class PipelineChecker
{
    /// <summary>Parses and checks <paramref name="type"/> (what an analyzer calls); never throws.</summary>
    public static CheckedPipeline Check(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        Check(PipelineParser.Parse(type, cancellationToken));

    /// <summary>Tracks the schema of a parsed pipeline (symbol-free: the generator's cached step); never throws.</summary>
    public static CheckedPipeline Check(ParsedPipeline parsed)
    {
        if (parsed.Model is not { } model)
            return new CheckedPipeline(null, EquatableArray<SchemaStep>.Empty, parsed.Findings, parsed.HasUnreadableAttributes);
        try
        {
            var (steps, findings) = SchemaTracker.Track(model);
            return new CheckedPipeline(model, steps, parsed.Findings.Concat(findings).ToEquatableArray(), parsed.HasUnreadableAttributes);
        }
        catch (Exception)
        {
            // A model the tracker can't follow is not emitted; the build goes on.
            return new CheckedPipeline(model, EquatableArray<SchemaStep>.Empty, parsed.Findings, HasUnreadableAttributes: true);
        }
    }
}
