namespace AlaSpark.Generators;

/// <summary>The names of the generator's incremental steps, as the tests look them up.</summary>
internal static class TrackingNames
{
    /// <summary>Every <c>[Pipeline]</c> class, parsed into a model and the parser's findings.</summary>
    public const string ParsedPipelines = nameof(ParsedPipelines);

    /// <summary>Every parsed pipeline with its schema tracked through the processors, and all findings.</summary>
    public const string CheckedPipelines = nameof(CheckedPipelines);

    /// <summary>The pipelines valid enough to generate code for.</summary>
    public const string ValidPipelines = nameof(ValidPipelines);

    public static readonly string[] All = { ParsedPipelines, CheckedPipelines, ValidPipelines };
}
