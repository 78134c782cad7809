using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlaSpark.Naming;
using AlaSpark.Types;
using Microsoft.Data.Sqlite;

namespace AlaSpark.Catalog;

/// <summary>
/// The catalog of a local lake: an embedded SQLite database at <c>&lt;lakeRoot&gt;/_catalog/catalog.db</c>.
/// </summary>
/// <remarks>
/// <para>Several processes (and threads, each with its own instance or sharing one) may use the same
/// file at once: the file is in WAL journal mode, every connection waits up to 30 seconds for a lock
/// (<c>busy_timeout</c>), every write runs in a <c>BEGIN IMMEDIATE</c> transaction, and each operation
/// opens and closes its own connection (no pooling, so no file handle outlives an operation).</para>
/// <para>All SQL is parameterised: names are data, never SQL text. Database and table names are checked
/// against the naming standard before anything is written; lookups accept any text and are
/// case-insensitive (names are stored lower-case).</para>
/// <para>The layout's version is kept in SQLite's <c>PRAGMA user_version</c> (see <see cref="SchemaVersion"/>);
/// a file written by a newer layout is refused rather than misread.</para>
/// </remarks>
public sealed class LocalCatalog : ICatalog
{
    /// <summary>The version of the catalog's table layout this build reads and writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The catalog's directory under the lake root.</summary>
    public const string CatalogDirectoryName = "_catalog";

    /// <summary>The SQLite file's name in <see cref="CatalogDirectoryName"/>.</summary>
    public const string CatalogFileName = "catalog.db";

    private const int BusyTimeoutSeconds = 30;
    private const int MaxNamesInMessage = 50;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private LocalCatalog(string lakeRoot, string catalogFile, NamingOptions naming, TimeProvider time)
    {
        LakeRoot = lakeRoot;
        CatalogFile = catalogFile;
        Naming = naming;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = catalogFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        }.ToString();
    }

    /// <summary>The lake's root directory (absolute).</summary>
    public string LakeRoot { get; }

    /// <summary>The SQLite file: <c>&lt;LakeRoot&gt;/_catalog/catalog.db</c>.</summary>
    public string CatalogFile { get; }

    /// <summary>The naming options names are checked against.</summary>
    public NamingOptions Naming { get; }

    /// <summary>
    /// Opens the catalog of the lake at <paramref name="lakeRoot"/>, creating the directory, the file and
    /// its tables when they do not exist yet.
    /// </summary>
    /// <param name="lakeRoot">The lake's root directory; a relative path is taken from the current directory.</param>
    /// <param name="naming">The naming standard's options; null for <see cref="NamingOptions.Default"/>.</param>
    /// <param name="timeProvider">The clock for created/updated times; null for the system clock.</param>
    /// <exception cref="AlaSparkException">The file cannot be opened or was written by a newer AlaSpark.</exception>
    public static LocalCatalog Open(string lakeRoot, NamingOptions? naming = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lakeRoot);
        var root = Path.GetFullPath(lakeRoot);
        var directory = Path.Combine(root, CatalogDirectoryName);
        var file = Path.Combine(directory, CatalogFileName);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AlaSparkException($"Cannot create the catalog directory '{directory}': {e.Message}", e);
        }
        var catalog = new LocalCatalog(root, file, naming ?? NamingOptions.Default, timeProvider ?? TimeProvider.System);
        catalog.Initialize();
        return catalog;
    }

    // ---- databases ----

    public CatalogDatabase CreateDatabaseIfNotExists(string name, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        NamingStandard.Enforce(NameKind.Database, name, Naming);
        location ??= Path.Combine(LakeRoot, name);
        RequireAbsolute(location, $"database '{name}'");

        // Every write asks for its database: when it exists, a read answers without taking the write lock.
        return Read(connection => ReadDatabase(connection, name)) ?? Write(connection =>
        {
            var existing = ReadDatabase(connection, name);
            if (existing is not null) return existing;
            using var insert = Command(connection,
                "INSERT INTO databases (name, location, created_time) VALUES ($name, $location, $created)",
                ("$name", name), ("$location", location), ("$created", FormatTime(Now())));
            insert.ExecuteNonQuery();
            return ReadDatabase(connection, name)!;
        });
    }

    public bool DatabaseExists(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read(connection => ReadDatabase(connection, Key(name)) is not null);
    }

    public IReadOnlyList<CatalogDatabase> ListDatabases() =>
        Read(connection =>
        {
            using var select = Command(connection, "SELECT name, location, created_time FROM databases ORDER BY name");
            return ReadAll(select, ToDatabase);
        });

    // ---- tables ----

    public bool TableExists(string database, string table)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(table);
        return Read(connection =>
        {
            using var select = Command(connection, "SELECT 1 FROM tables WHERE \"database\" = $database AND name = $name",
                ("$database", Key(database)), ("$name", Key(table)));
            return select.ExecuteScalar() is not null;
        });
    }

    public CatalogTable GetTable(string database, string table)
    {
        if (TryGetTable(database, table, out var result)) return result;
        throw Read(connection => TableNotFound(connection, database, table));
    }

    public bool TryGetTable(string database, string table, [NotNullWhen(true)] out CatalogTable? result)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(table);
        result = Read(connection => ReadTable(connection, Key(database), Key(table)));
        return result is not null;
    }

    public IReadOnlyList<CatalogTable> ListTables(string? database = null) =>
        Read(connection =>
        {
            if (database is null)
            {
                using var all = Command(connection, $"SELECT {TableColumns} FROM tables ORDER BY \"database\", name");
                return ReadAll(all, ToTable);
            }
            if (ReadDatabase(connection, Key(database)) is null) throw DatabaseNotFound(connection, database);
            using var select = Command(connection, $"SELECT {TableColumns} FROM tables WHERE \"database\" = $database ORDER BY name",
                ("$database", Key(database)));
            return ReadAll(select, ToTable);
        });

    public CatalogTable CreateOrUpdateTable(CatalogTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Validate(table);
        var now = FormatTime(Now());
        return Write(connection =>
        {
            if (ReadDatabase(connection, table.Database) is null)
                throw DatabaseNotFound(connection, table.Database,
                    $"Cannot create or update table '{table.FullName}': the database '{table.Database}' does not exist. " +
                    $"Create it first (CreateDatabaseIfNotExists).");
            using var upsert = Command(connection,
                """
                INSERT INTO tables ("database", name, location, format, schema_json, partition_columns_json, properties_json, created_time, updated_time)
                VALUES ($database, $name, $location, $format, $schema, $partitions, $properties, $now, $now)
                ON CONFLICT ("database", name) DO UPDATE SET
                    location = excluded.location,
                    format = excluded.format,
                    schema_json = excluded.schema_json,
                    partition_columns_json = excluded.partition_columns_json,
                    properties_json = excluded.properties_json,
                    updated_time = excluded.updated_time
                """,
                ("$database", table.Database), ("$name", table.Name), ("$location", table.Location), ("$format", table.Format),
                ("$schema", table.Schema?.Json), ("$partitions", PartitionsToJson(table.PartitionColumns)),
                ("$properties", PropertiesToJson(table.Properties)), ("$now", now));
            upsert.ExecuteNonQuery();
            return ReadTable(connection, table.Database, table.Name)!;
        });
    }

    public bool DropTable(string database, string table)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(table);
        return Write(connection =>
        {
            using var delete = Command(connection, "DELETE FROM tables WHERE \"database\" = $database AND name = $name",
                ("$database", Key(database)), ("$name", Key(table)));
            return delete.ExecuteNonQuery() > 0;
        });
    }

    public override string ToString() => $"LocalCatalog({CatalogFile})";

    // ---- validation ----

    private void Validate(CatalogTable table)
    {
        NamingStandard.Enforce(NameKind.Database, table.Database ?? throw new ArgumentException("The table has no database.", nameof(table)), Naming);
        NamingStandard.Enforce(NameKind.Table, table.Name ?? throw new ArgumentException("The table has no name.", nameof(table)), Naming);
        var what = $"table '{table.FullName}'";
        if (!CatalogTable.SupportedFormats.Contains(table.Format))
            throw new AlaSparkException(
                $"The format '{table.Format}' of {what} is not supported. Supported formats: {string.Join(", ", CatalogTable.SupportedFormats)}.");
        RequireAbsolute(table.Location, what);

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in table.PartitionColumns)
        {
            if (string.IsNullOrWhiteSpace(column))
                throw new AlaSparkException($"The partition columns of {what} include an empty name.");
            if (!seen.Add(column))
                throw new AlaSparkException($"The partition column '{column}' of {what} is listed twice.");
            if (table.Schema is not null && !table.Schema.Contains(column))
                throw new AlaSparkException(
                    $"The partition column '{column}' of {what} is not in its schema. Columns: {string.Join(", ", table.Schema.FieldNames)}.");
        }
        foreach (var (key, value) in table.Properties)
        {
            if (string.IsNullOrWhiteSpace(key))
                throw new AlaSparkException($"The properties of {what} include an empty key.");
            if (value is null)
                throw new AlaSparkException($"The property '{key}' of {what} has no value.");
        }
    }

    private static void RequireAbsolute(string? location, string what)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new AlaSparkException($"The location of {what} is empty; it must be an absolute path.");
        if (!Path.IsPathFullyQualified(location))
            throw new AlaSparkException($"The location '{location}' of {what} is not an absolute path.");
    }

    // ---- errors ----

    private TableNotFoundException TableNotFound(SqliteConnection connection, string database, string table)
    {
        var fullName = $"{database}.{table}";
        if (ReadDatabase(connection, Key(database)) is null)
        {
            var databases = Names(connection, "SELECT name FROM databases ORDER BY name");
            return new TableNotFoundException(database, table,
                $"Table '{fullName}' does not exist: there is no database '{database}' in the catalog {CatalogFile}. " +
                (databases.Count == 0 ? "The catalog has no databases." : $"Databases: {JoinNames(databases)}."));
        }
        var tables = Names(connection, "SELECT name FROM tables WHERE \"database\" = $database ORDER BY name", ("$database", Key(database)));
        return new TableNotFoundException(database, table,
            $"Table '{fullName}' does not exist in the catalog {CatalogFile}. " +
            (tables.Count == 0 ? $"Database '{database}' has no tables." : $"Tables in database '{database}': {JoinNames(tables)}."));
    }

    private DatabaseNotFoundException DatabaseNotFound(SqliteConnection connection, string database, string? message = null)
    {
        var databases = Names(connection, "SELECT name FROM databases ORDER BY name");
        return new DatabaseNotFoundException(database,
            (message ?? $"Database '{database}' does not exist in the catalog {CatalogFile}.") + " " +
            (databases.Count == 0 ? "The catalog has no databases." : $"Databases: {JoinNames(databases)}."));
    }

    private static string JoinNames(IReadOnlyList<string> names) =>
        names.Count <= MaxNamesInMessage
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(MaxNamesInMessage)) + $" and {names.Count - MaxNamesInMessage} more";

    // ---- SQLite plumbing ----

    private const string TableColumns =
        "\"database\", name, location, format, schema_json, partition_columns_json, properties_json, created_time, updated_time";

    private void Initialize()
    {
        try
        {
            using var connection = Connect();
            // WAL lets readers and a writer work at once; the mode is stored in the file, so this sticks.
            using (var wal = Command(connection, "PRAGMA journal_mode = WAL"))
                wal.ExecuteScalar();
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var version = Command(connection, "PRAGMA user_version"))
            {
                var found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (found > SchemaVersion)
                    throw new AlaSparkException(
                        $"The catalog {CatalogFile} has layout version {found}, newer than this AlaSpark supports ({SchemaVersion}). " +
                        "Upgrade AlaSpark to use it.");
                if (found == SchemaVersion)
                {
                    transaction.Commit();
                    return;
                }
            }
            // Version 0: a new file. Later versions add their migrations here, one step at a time.
            using (var create = Command(connection,
                """
                CREATE TABLE IF NOT EXISTS databases (
                    name TEXT NOT NULL PRIMARY KEY,
                    location TEXT NOT NULL,
                    created_time TEXT NOT NULL
                );
                CREATE TABLE IF NOT EXISTS tables (
                    "database" TEXT NOT NULL REFERENCES databases (name),
                    name TEXT NOT NULL,
                    location TEXT NOT NULL,
                    format TEXT NOT NULL,
                    schema_json TEXT,
                    partition_columns_json TEXT NOT NULL DEFAULT '[]',
                    properties_json TEXT NOT NULL DEFAULT '{}',
                    created_time TEXT NOT NULL,
                    updated_time TEXT NOT NULL,
                    PRIMARY KEY ("database", name)
                );
                """))
                create.ExecuteNonQuery();
            // PRAGMA takes no parameters; the value is a constant of this class.
            using (var setVersion = Command(connection, "PRAGMA user_version = " + SchemaVersion.ToString(CultureInfo.InvariantCulture)))
                setVersion.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw new AlaSparkException($"Cannot open the catalog {CatalogFile}: {e.Message}", e);
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = Command(connection,
                $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON;");
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private T Read<T>(Func<SqliteConnection, T> read)
    {
        try
        {
            using var connection = Connect();
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw new AlaSparkException($"Reading the catalog {CatalogFile} failed: {e.Message}", e);
        }
    }

    // Runs 'write' in a BEGIN IMMEDIATE transaction: the write lock is taken up front, so two writers
    // queue (up to busy_timeout) instead of failing when one tries to upgrade a read lock.
    private T Write<T>(Func<SqliteConnection, T> write)
    {
        try
        {
            using var connection = Connect();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(connection);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            throw new AlaSparkException($"Writing to the catalog {CatalogFile} failed: {e.Message}", e);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    private static List<string> Names(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return ReadAll(command, r => r.GetString(0));
    }

    private static CatalogDatabase? ReadDatabase(SqliteConnection connection, string name)
    {
        using var select = Command(connection, "SELECT name, location, created_time FROM databases WHERE name = $name", ("$name", name));
        return ReadAll(select, ToDatabase).FirstOrDefault();
    }

    private static CatalogTable? ReadTable(SqliteConnection connection, string database, string name)
    {
        using var select = Command(connection, $"SELECT {TableColumns} FROM tables WHERE \"database\" = $database AND name = $name",
            ("$database", database), ("$name", name));
        return ReadAll(select, ToTable).FirstOrDefault();
    }

    private static CatalogDatabase ToDatabase(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), ParseTime(r.GetString(2)));

    private static CatalogTable ToTable(SqliteDataReader r)
    {
        var database = r.GetString(0);
        var name = r.GetString(1);
        try
        {
            return new CatalogTable(
                database,
                name,
                r.GetString(2),
                r.GetString(3),
                r.IsDBNull(4) ? null : StructType.FromJson(r.GetString(4)),
                PartitionsFromJson(r.GetString(5)),
                PropertiesFromJson(r.GetString(6)))
            {
                CreatedTime = ParseTime(r.GetString(7)),
                UpdatedTime = ParseTime(r.GetString(8)),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or AlaSparkException)
        {
            throw new AlaSparkException($"The catalog entry of table '{database}.{name}' cannot be read: {e.Message}", e);
        }
    }

    private static string PartitionsToJson(IReadOnlyList<string> columns) =>
        new JsonArray(columns.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()).ToJsonString();

    private static IEnumerable<string> PartitionsFromJson(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? throw new FormatException("partition_columns_json is not a JSON array"))
        .Select(n => n?.GetValue<string>() ?? throw new FormatException("partition_columns_json holds a null"));

    private static string PropertiesToJson(IReadOnlyDictionary<string, string> properties)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in properties) obj[key] = value;
        return obj.ToJsonString();
    }

    private static IEnumerable<KeyValuePair<string, string>> PropertiesFromJson(string json) =>
        (JsonNode.Parse(json) as JsonObject ?? throw new FormatException("properties_json is not a JSON object"))
        .Select(p => KeyValuePair.Create(p.Key, p.Value?.GetValue<string>() ?? throw new FormatException($"property '{p.Key}' is null")));

    private DateTimeOffset Now() => _time.GetUtcNow();

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // Names are stored lower-case (the naming standard makes them so); lookups are case-insensitive.
    private static string Key(string name) => name.ToLowerInvariant();
}
