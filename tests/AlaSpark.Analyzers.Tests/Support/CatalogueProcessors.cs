namespace AlaSpark.Analyzers.Tests.Support;

/// <summary>Processors of the catalogue that the referenced runtime may not have yet.</summary>
internal static class CatalogueProcessors
{
    /// <summary>
    /// SortRows and LimitRows with the constructors the processor catalogue gives them, for a runtime
    /// that does not have them yet; empty once AlaSpark.dll has them (the analyzer matches them by name
    /// in namespace AlaSpark either way).
    /// </summary>
    public static readonly string BatchOnly =
        typeof(ToTableProcessor).Assembly.GetType("AlaSpark.SortRows") is not null ? "" : """
            namespace AlaSpark
            {
                public sealed class SortRows(string[] columns) : ToTableProcessor
                {
                    public string[] Columns { get; } = columns;
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                }

                public sealed class LimitRows(int n) : ToTableProcessor
                {
                    public int N { get; } = n;
                    public override ProcessedTable Apply(ProcessedTable table) => table;
                }
            }

            """;
}
