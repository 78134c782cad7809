using AlaSpark.Catalog;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;

namespace AlaSpark.Cli.Tests;

/// <summary>A temporary folder (the tool's current directory) holding a lake at <c>./lakehouse</c>
/// and data files; deleted afterwards.</summary>
public sealed class TestLake : IDisposable
{
    public TestLake()
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "alaspark-cli-test-" + Guid.NewGuid().ToString("N"))).FullName;
        Lake = Path.Combine(Root, "lakehouse");
    }

    /// <summary>The folder the tool runs in.</summary>
    public string Root { get; }

    /// <summary>The lake: <c>&lt;Root&gt;/lakehouse</c>, the tool's default.</summary>
    public string Lake { get; }

    /// <summary>Writes a text file under <see cref="Root"/> and returns its absolute path.</summary>
    public string File(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a CSV table (one file with a header) under the lake and registers it in the
    /// lake's catalog, with the schema <paramref name="ddl"/>.</summary>
    /// <remarks>CSV rather than Parquet: the embedded engine can't read Parquet yet (see
    /// <see cref="EngineBugs.ParquetRead"/>).</remarks>
    public CatalogTable CreateCsvTable(string database, string table, string ddl, string csv, string[]? partitionBy = null)
    {
        var location = Path.Combine(Lake, database, table);
        Directory.CreateDirectory(location);
        System.IO.File.WriteAllText(Path.Combine(location, "part-00000.csv"), csv);
        var catalog = LocalCatalog.Open(Lake);
        catalog.CreateDatabaseIfNotExists(database);
        return catalog.CreateOrUpdateTable(new CatalogTable(database, table, location, "csv", StructType.FromDdl(ddl), partitionBy,
            [new KeyValuePair<string, string>("header", "true")]));
    }

    /// <summary>Writes a Parquet table with the engine and registers it in the lake's catalog.</summary>
    public CatalogTable CreateParquetTable(string database, string table, string ddl, IEnumerable<object?[]> rows)
    {
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = Lake });
        var frame = session.CreateDataFrame(StructType.FromDdl(ddl), rows);
        var location = Path.Combine(Lake, database, table);
        session.Engine.WriteFiles(frame.Plan, new FileWriteRequest(location, "parquet", [], false));
        session.Catalog.CreateDatabaseIfNotExists(database);
        return session.Catalog.CreateOrUpdateTable(new CatalogTable(database, table, location, "parquet", frame.Schema));
    }

    /// <summary>Writes a Parquet file (not a table) and returns its folder.</summary>
    public string ParquetFolder(string relativePath, string ddl, IEnumerable<object?[]> rows)
    {
        using var scratch = new TestLake();
        using var session = LocalSession.Create(new SessionOptions { LakeRoot = scratch.Lake });
        var folder = Path.Combine(Root, relativePath);
        session.Engine.WriteFiles(session.CreateDataFrame(StructType.FromDdl(ddl), rows).Plan, new FileWriteRequest(folder, "parquet", [], false));
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
