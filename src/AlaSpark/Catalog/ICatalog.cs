using System.Diagnostics.CodeAnalysis;

namespace AlaSpark.Catalog;

/// <summary>
/// A metastore: the databases of a lake and, for each table, where its data lives, its format,
/// schema, partitioning and options. Synchronous, for embedding in a pipeline run.
/// </summary>
/// <remarks>
/// Lookups are case-insensitive (as in Spark) and never throw for a name that breaks the naming
/// standard: such a table simply does not exist. Writes enforce the naming standard.
/// </remarks>
public interface ICatalog
{
    /// <summary>
    /// Creates the database unless it exists, and returns it. An existing database is returned as
    /// it is (its location is not changed).
    /// </summary>
    /// <param name="name">A database name following the naming standard, e.g. <c>raw__web_events</c>.</param>
    /// <param name="location">An absolute directory; null for the catalog's default.</param>
    /// <exception cref="AlaSparkException">The name breaks the naming standard, or the location is not absolute.</exception>
    CatalogDatabase CreateDatabaseIfNotExists(string name, string? location = null);

    /// <summary>True when the database exists.</summary>
    bool DatabaseExists(string name);

    /// <summary>All databases, ordered by name.</summary>
    IReadOnlyList<CatalogDatabase> ListDatabases();

    /// <summary>True when the table exists (false when its database does not).</summary>
    bool TableExists(string database, string table);

    /// <summary>The table <c>database.table</c>.</summary>
    /// <exception cref="TableNotFoundException">
    /// It does not exist; the message names <c>database.table</c> and lists the tables of the database
    /// (or the databases, when the database does not exist).
    /// </exception>
    CatalogTable GetTable(string database, string table);

    /// <summary>Gets the table <c>database.table</c> when it exists.</summary>
    bool TryGetTable(string database, string table, [NotNullWhen(true)] out CatalogTable? result);

    /// <summary>The tables of <paramref name="database"/>, or of every database when null; ordered by database and name.</summary>
    /// <exception cref="DatabaseNotFoundException">The database does not exist.</exception>
    IReadOnlyList<CatalogTable> ListTables(string? database = null);

    /// <summary>
    /// Creates the table, or replaces its definition when it exists, and returns what is stored. The
    /// catalog sets the times: a new table gets <see cref="CatalogTable.CreatedTime"/> =
    /// <see cref="CatalogTable.UpdatedTime"/> = now; an existing one keeps its created time and gets
    /// updated time = now. The times of <paramref name="table"/> are ignored.
    /// </summary>
    /// <exception cref="AlaSparkException">
    /// A name breaks the naming standard, the database does not exist (<see cref="DatabaseNotFoundException"/>),
    /// or the definition is invalid (format, location, partition columns).
    /// </exception>
    CatalogTable CreateOrUpdateTable(CatalogTable table);

    /// <summary>Removes the table from the catalog (its files are left alone). False when it did not exist.</summary>
    bool DropTable(string database, string table);
}
