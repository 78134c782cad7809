using System;
using System.Collections.Generic;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// What the streaming checks know about processors, by name in namespace <c>AlaSpark</c> (matched on the
/// model's type name, so a processor counts whether or not the referenced runtime has it yet): the
/// processors that can't run on a stream (ALS4004), and the two that ALS4002 looks at.
/// </summary>
internal static class StreamProcessors
{
    private const string Prefix = "global::AlaSpark.";

    public const string DropDuplicates = "DropDuplicates";

    public const string AddWatermark = "AddWatermark";

    /// <summary>
    /// The batch-only processors of the catalogue, with why. The runtime refuses the same ones on a
    /// stream when the pipeline runs (<c>RequireBatch</c>); the analyzer says so while the pipeline is written.
    /// </summary>
    private static readonly Dictionary<string, string> BatchOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SortRows"] = "it sorts the whole table, and a stream never has all its rows; sort in a batch pipeline that reads this pipeline's table",
        ["LimitRows"] = "it keeps the first rows of the whole table, and a stream has no end to count from; limit in a batch pipeline that reads this pipeline's table",
    };

    /// <summary>The simple name of an AlaSpark processor from its <c>global::</c> type name; null for a processor of another namespace.</summary>
    public static string? AlaSparkName(string typeName) =>
        typeName.StartsWith(Prefix, StringComparison.Ordinal) && typeName.IndexOf('.', Prefix.Length) < 0 ? typeName.Substring(Prefix.Length) : null;

    /// <summary>Why the AlaSpark processor <paramref name="name"/> can't run on a stream; null when it can.</summary>
    public static string? WhyBatchOnly(string? name) => name is not null && BatchOnly.TryGetValue(name, out var reason) ? reason : null;
}
