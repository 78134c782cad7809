using System.Diagnostics.CodeAnalysis;
using AlaSpark.Catalog;

namespace AlaSpark;

/// <summary>The session's catalog: the metastore's operations, plus <see cref="Database"/> for the fluent API.</summary>
public sealed class SessionCatalog(AlaSparkSession session, ICatalog inner) : ICatalog
{
    /// <summary>A database to read tables from or write tables to (it need not exist yet).</summary>
    public DatabaseRef Database(string name) => new(session, name);

    public ICatalog Inner => inner;

    public CatalogDatabase CreateDatabaseIfNotExists(string name, string? location = null) => inner.CreateDatabaseIfNotExists(name, location);
    public bool DatabaseExists(string name) => inner.DatabaseExists(name);
    public IReadOnlyList<CatalogDatabase> ListDatabases() => inner.ListDatabases();
    public bool TableExists(string database, string table) => inner.TableExists(database, table);
    public CatalogTable GetTable(string database, string table) => inner.GetTable(database, table);
    public bool TryGetTable(string database, string table, [NotNullWhen(true)] out CatalogTable? result) => inner.TryGetTable(database, table, out result);
    public IReadOnlyList<CatalogTable> ListTables(string? database = null) => inner.ListTables(database);
    public CatalogTable CreateOrUpdateTable(CatalogTable table) => inner.CreateOrUpdateTable(table);
    public bool DropTable(string database, string table) => inner.DropTable(database, table);
}
