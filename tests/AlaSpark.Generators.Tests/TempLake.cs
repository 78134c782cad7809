using System.Reflection;
using System.Runtime.Loader;
using AlaSpark.Catalog;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Tests;

/// <summary>A temporary folder with a lake and raw CSV files, for running generated pipelines on the embedded engine.</summary>
internal sealed class TempLake : IDisposable
{
    public TempLake()
    {
        Root = Path.Combine(Path.GetTempPath(), "alaspark-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Lake = Path.Combine(Root, "lake");
    }

    public string Root { get; }

    public string Lake { get; }

    /// <summary>A session over the lake; <paramref name="conf"/> sets Spark SQL settings.</summary>
    public AlaSparkSession Open(params (string Key, string Value)[] conf) =>
        LocalSession.Create(new SessionOptions { LakeRoot = Lake, Conf = conf.ToDictionary(c => c.Key, c => c.Value) });

    /// <summary>Writes <paramref name="csv"/> as a file of a folder and registers the folder as the CSV table <c>database.table</c>.</summary>
    public void RegisterCsv(AlaSparkSession session, string database, string table, StructType schema, string csv) =>
        Register(session, database, table, schema, "csv", csv, new KeyValuePair<string, string>("header", "true"));

    /// <summary>Writes <paramref name="text"/> as a file of a folder and registers the folder as the table <c>database.table</c> of <paramref name="format"/>.</summary>
    public void Register(AlaSparkSession session, string database, string table, StructType schema, string format, string text,
        params KeyValuePair<string, string>[] properties)
    {
        var folder = Path.Combine(Root, "raw", database, table);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, table + "_0001." + format), text);
        session.Catalog.CreateDatabaseIfNotExists(database);
        session.Catalog.CreateOrUpdateTable(new CatalogTable(database, table, folder, format, schema, properties: properties));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// Emits <paramref name="compilation"/> (with its generated code) under a unique name and loads it
    /// into the default context, so that it shares the test's AlaSpark.dll. The compilation must
    /// have no error and no warning.
    /// </summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.WithAssemblyName("Generated" + Guid.NewGuid().ToString("N")).Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        return AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(stream.ToArray()));
    }
}
