namespace AlaSpark.Generators;

/// <summary>The names of the generator's incremental steps, as the tests look them up.</summary>
internal static class TrackingNames
{
    /// <summary>Every <c>[Pipeline]</c> class, parsed (null for an invalid one).</summary>
    public const string ParsedPipelines = nameof(ParsedPipelines);

    /// <summary>The pipelines valid enough to generate code for.</summary>
    public const string ValidPipelines = nameof(ValidPipelines);

    public static readonly string[] All = { ParsedPipelines, ValidPipelines };
}
