namespace AlaSpark.Generators;

/// <summary>The names of the generator's incremental steps, as the tests look them up.</summary>
internal static class TrackingNames
{
    /// <summary>Each file's syntax read into a summary: its attributed classes and its declarations.</summary>
    public const string FileSummaries = nameof(FileSummaries);

    /// <summary>Every file's declarations together, for name lookups.</summary>
    public const string SourceIndex = nameof(SourceIndex);

    /// <summary>The referenced AlaSpark processors and enums, read from metadata.</summary>
    public const string Catalogue = nameof(Catalogue);

    /// <summary>Each attributed class, read from syntax into a model or marked for the symbol reader.</summary>
    public const string SyntaxPipelines = nameof(SyntaxPipelines);

    /// <summary>The pipelines syntax could not decide, read from symbols.</summary>
    public const string SymbolPipelines = nameof(SymbolPipelines);

    /// <summary>Every <c>[Pipeline]</c> class, parsed into a model and the parser's findings.</summary>
    public const string ParsedPipelines = nameof(ParsedPipelines);

    /// <summary>Every parsed pipeline with its schema tracked through the processors, and all findings.</summary>
    public const string CheckedPipelines = nameof(CheckedPipelines);

    /// <summary>The pipelines valid enough to generate code for.</summary>
    public const string ValidPipelines = nameof(ValidPipelines);

    public static readonly string[] All = { FileSummaries, SourceIndex, Catalogue, SyntaxPipelines, SymbolPipelines, ParsedPipelines, CheckedPipelines, ValidPipelines };
}
