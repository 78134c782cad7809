using System.Collections.Generic;
using AlaSpark.Analyzers.Diagnostics;
using AlaSpark.Analyzers.Locating;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// Reports the findings of the shared parser and schema tracker (<c>PipelineChecker</c>, the code the
/// generator emits from): ALS2001-ALS2005 at the sinks, ALS3001-ALS3006 at the processors, each at the
/// argument it is about (<see cref="FindingLocation"/>), with the finding's own message and severity.
/// </summary>
internal static class CheckerFindings
{
    /// <summary>
    /// Ids the checker reports that <see cref="StructureChecks"/> owns: the checker models only plain
    /// top-level classes and puts ALS0001 on the class, while the structure checks cover every class
    /// with <c>[Pipeline]</c> and put ALS0001 on each declaration that lacks <c>partial</c> (where its fix applies).
    /// </summary>
    private static readonly HashSet<string> ReportedByStructureChecks = new HashSet<string>
    {
        DiagnosticIds.NotPartial, DiagnosticIds.SourceCount, DiagnosticIds.NoSink,
    };

    public static void Run(PipelineContext context)
    {
        var type = context.Pipeline.Type;
        foreach (var finding in context.Checked.Findings)
        {
            if (ReportedByStructureChecks.Contains(finding.Id)) continue;
            // Every id the checker can emit has a descriptor (a test iterates FindingIds); an unknown one is skipped.
            var descriptor = Descriptors.Find(finding.Id);
            if (descriptor is null) continue;
            var location = FindingLocation.Locate(type, finding, context.CancellationToken);
            context.Report(Diagnostic.Create(descriptor, location, SeverityOf(finding), additionalLocations: null, properties: null, finding.Message));
        }
    }

    /// <summary>The finding's severity; it differs from the descriptor's default only for ALS2003 on a timestamp (a warning).</summary>
    private static DiagnosticSeverity SeverityOf(Finding finding) => finding.Severity switch
    {
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        FindingSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };
}
