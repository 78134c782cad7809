using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark.Tests.Processors;

/// <summary>Tables for processor tests on the embedded engine: rows or JSON lines in, rows as text out.</summary>
internal static class ProcessorTables
{
    public const string Pipeline = "raw_to_cooked";

    /// <summary>A table of <paramref name="rows"/> with the schema <paramref name="ddl"/>, read in a pipeline.</summary>
    public static ProcessedTable FromRows(LocalLake lake, string ddl, params object?[][] rows)
    {
        var schema = StructType.FromDdl(ddl);
        return new ProcessedTable(Source(lake, schema), lake.Session.CreateDataFrame(schema, rows));
    }

    /// <summary>A table read from JSON lines written to a file, with the schema <paramref name="ddl"/>.</summary>
    public static ProcessedTable FromJson(LocalLake lake, string ddl, string jsonLines)
    {
        var schema = StructType.FromDdl(ddl);
        var path = lake.File($"raw/{Guid.NewGuid():N}.json", jsonLines);
        return new ProcessedTable(Source(lake, schema), lake.Session.Read.Schema(schema).Json(path));
    }

    private static SourceTable Source(LocalLake lake, StructType schema) =>
        new(lake.Session, new CatalogTable("raw__shop", "orders", Path.Combine(lake.Root, "orders"), "json", schema), Pipeline);

    /// <summary>Every row as <c>a|b|c</c> (Spark's text of each value), in the order the engine returns them.</summary>
    public static List<string> InOrder(ProcessedTable table) =>
        table.DataFrame.Collect().Select(r => string.Join("|", r.Values.Select(ValueFormatter.Format))).ToList();

    /// <summary>Every row as <c>a|b|c</c>, sorted (ordinal), for comparing tables whose row order is not defined.</summary>
    public static List<string> Rows(ProcessedTable table) => InOrder(table).Order(StringComparer.Ordinal).ToList();

    /// <summary>The schema as <c>name type, ...</c>.</summary>
    public static string Schema(ProcessedTable table) =>
        string.Join(", ", table.DataFrame.Schema.Fields.Select(f => $"{f.Name} {f.DataType.SimpleString}"));

    /// <summary>The error of applying <paramref name="processor"/>, which must fail with an <see cref="AlaSparkException"/>.</summary>
    public static string Failure(ProcessedTable table, ToTableProcessor processor) =>
        Assert.Throws<AlaSparkException>(() => table.Apply(processor)).Message;

    /// <summary>The error of constructing a processor, which must fail with an <see cref="AlaSparkException"/>.</summary>
    public static string ConstructorFailure(Func<ProcessorBase> construct) =>
        Assert.Throws<AlaSparkException>(() => construct()).Message;
}
