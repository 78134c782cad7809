using AlaSpark.Catalog;
using AlaSpark.Naming;
using AlaSpark.Types;
using Microsoft.Data.Sqlite;

namespace AlaSpark.Tests.Catalog;

public sealed class LocalCatalogTests : IDisposable
{
    private readonly TempLake _lake = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 6, 11, 9, 30, 0, TimeSpan.FromHours(1)));

    public void Dispose() => _lake.Dispose();

    private LocalCatalog Open(NamingOptions? naming = null) => LocalCatalog.Open(_lake.Root, naming, _clock);

    private static readonly StructType PageViews = StructType.FromDdl(
        "event_id STRING NOT NULL, user_id BIGINT, amount DECIMAL(10,2), tags ARRAY<STRING>, event_date DATE");

    private CatalogTable PageViewsTable() => new(
        "raw__web_events", "page_views", _lake.PathOf("raw__web_events", "page_views"), "csv",
        PageViews, new[] { "event_date" },
        new Dictionary<string, string> { ["header"] = "true", ["delimiter"] = "|" });

    [Fact]
    public void Open_creates_the_catalog_file_under_the_lake_root_in_wal_mode()
    {
        var catalog = Open();

        Assert.Equal(_lake.CatalogFile, catalog.CatalogFile);
        Assert.True(File.Exists(_lake.CatalogFile));
        using var connection = new SqliteConnection($"Data Source={_lake.CatalogFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)LocalCatalog.SchemaVersion, command.ExecuteScalar());
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        Assert.Equal("databases,tables", command.ExecuteScalar());
    }

    [Fact]
    public void Databases_are_created_once_and_listed()
    {
        var catalog = Open();

        var created = catalog.CreateDatabaseIfNotExists("raw__web_events");
        _clock.Now = _clock.Now.AddHours(1);
        var again = catalog.CreateDatabaseIfNotExists("raw__web_events", "/somewhere/else");
        catalog.CreateDatabaseIfNotExists("cooked__web_events", "/data/cooked");

        Assert.Equal(_lake.PathOf("raw__web_events"), created.Location);
        Assert.Equal(_clock.Now.AddHours(-1), created.CreatedTime);
        Assert.Equal(created, again);
        Assert.True(catalog.DatabaseExists("raw__web_events"));
        Assert.False(catalog.DatabaseExists("served__web_events"));
        Assert.Equal(new[] { "cooked__web_events", "raw__web_events" }, catalog.ListDatabases().Select(d => d.Name));
        Assert.Equal("/data/cooked", catalog.ListDatabases()[0].Location);
    }

    [Fact]
    public void A_table_round_trips_with_schema_partitions_and_properties()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        var table = PageViewsTable();

        var stored = catalog.CreateOrUpdateTable(table);
        var read = LocalCatalog.Open(_lake.Root).GetTable("raw__web_events", "page_views");

        Assert.Equal(stored, read);
        Assert.Equal(table with { CreatedTime = _clock.Now, UpdatedTime = _clock.Now }, read);
        Assert.Equal(PageViews, read.Schema);
        Assert.Equal(PageViews.Json, read.Schema!.Json);
        Assert.Equal(new[] { "event_date" }, read.PartitionColumns);
        Assert.Equal("|", read.Properties["delimiter"]);
        Assert.Equal("true", read.Properties["header"]);
        Assert.True(catalog.TableExists("raw__web_events", "page_views"));
    }

    [Fact]
    public void A_table_without_schema_partitions_or_properties_round_trips()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        var table = new CatalogTable("raw__web_events", "clicks", "/lake/clicks", "json");

        var read = catalog.CreateOrUpdateTable(table);

        Assert.Null(read.Schema);
        Assert.Empty(read.PartitionColumns);
        Assert.Empty(read.Properties);
        Assert.Equal(table with { CreatedTime = read.CreatedTime, UpdatedTime = read.UpdatedTime }, read);
    }

    [Fact]
    public void Updating_a_table_replaces_its_definition_keeps_created_time_and_bumps_updated_time()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        var first = catalog.CreateOrUpdateTable(PageViewsTable());
        var createdAt = _clock.Now;

        _clock.Now = createdAt.AddMinutes(5);
        var changed = PageViewsTable() with
        {
            Format = "delta",
            Schema = PageViews.Add("country", StringType.Instance),
            PartitionColumns = new[] { "event_date", "country" },
            Properties = new Dictionary<string, string> { ["delta.appendOnly"] = "true" },
            CreatedTime = DateTimeOffset.UnixEpoch,
        };
        var second = catalog.CreateOrUpdateTable(changed);

        Assert.Equal(createdAt, first.CreatedTime);
        Assert.Equal(createdAt, first.UpdatedTime);
        Assert.Equal(createdAt, second.CreatedTime);
        Assert.Equal(createdAt.AddMinutes(5), second.UpdatedTime);
        Assert.Equal("delta", second.Format);
        Assert.Equal(new[] { "event_date", "country" }, second.PartitionColumns);
        Assert.Equal(new[] { "delta.appendOnly" }, second.Properties.Keys);
        Assert.True(second.Schema!.Contains("country"));
        Assert.Single(catalog.ListTables());
    }

    [Fact]
    public void Tables_are_listed_per_database_or_all_together()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateDatabaseIfNotExists("cooked__web_events");
        catalog.CreateDatabaseIfNotExists("served__empty");
        foreach (var (db, name) in new[] { ("raw__web_events", "sessions"), ("cooked__web_events", "daily"), ("raw__web_events", "clicks") })
            catalog.CreateOrUpdateTable(new CatalogTable(db, name, "/lake/" + name, "parquet"));

        Assert.Equal(new[] { "clicks", "sessions" }, catalog.ListTables("raw__web_events").Select(t => t.Name));
        Assert.Empty(catalog.ListTables("served__empty"));
        Assert.Equal(
            new[] { "cooked__web_events.daily", "raw__web_events.clicks", "raw__web_events.sessions" },
            catalog.ListTables().Select(t => t.FullName));
        var error = Assert.Throws<DatabaseNotFoundException>(() => catalog.ListTables("raw__nothing"));
        Assert.Contains("'raw__nothing'", error.Message);
        Assert.Contains("cooked__web_events, raw__web_events, served__empty", error.Message);
    }

    [Fact]
    public void Dropping_a_table_removes_only_that_table()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateOrUpdateTable(PageViewsTable());
        catalog.CreateOrUpdateTable(PageViewsTable() with { Name = "clicks" });

        Assert.True(catalog.DropTable("raw__web_events", "page_views"));
        Assert.False(catalog.DropTable("raw__web_events", "page_views"));
        Assert.False(catalog.TableExists("raw__web_events", "page_views"));
        Assert.True(catalog.TableExists("raw__web_events", "clicks"));
    }

    [Fact]
    public void GetTable_of_a_missing_table_names_it_and_lists_the_tables_of_its_database()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateOrUpdateTable(PageViewsTable());
        catalog.CreateOrUpdateTable(PageViewsTable() with { Name = "clicks" });

        var error = Assert.Throws<TableNotFoundException>(() => catalog.GetTable("raw__web_events", "sessions"));

        Assert.Contains("'raw__web_events.sessions'", error.Message);
        Assert.Contains("Tables in database 'raw__web_events': clicks, page_views.", error.Message);
        Assert.Equal("raw__web_events", error.Database);
        Assert.Equal("sessions", error.Table);
        Assert.False(catalog.TryGetTable("raw__web_events", "sessions", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void GetTable_in_a_missing_database_says_so_and_lists_the_databases()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateDatabaseIfNotExists("cooked__factory");

        var error = Assert.Throws<TableNotFoundException>(() => catalog.GetTable("raw__nope", "page_views"));

        Assert.Contains("'raw__nope.page_views'", error.Message);
        Assert.Contains("no database 'raw__nope'", error.Message);
        Assert.Contains("Databases: cooked__factory, raw__web_events.", error.Message);
        Assert.IsAssignableFrom<AlaSparkException>(error);
    }

    [Fact]
    public void An_empty_database_is_reported_as_having_no_tables()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");

        var error = Assert.Throws<TableNotFoundException>(() => catalog.GetTable("raw__web_events", "page_views"));

        Assert.Contains("Database 'raw__web_events' has no tables.", error.Message);
    }

    [Fact]
    public void Lookups_are_case_insensitive()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateOrUpdateTable(PageViewsTable());

        Assert.True(catalog.DatabaseExists("RAW__Web_Events"));
        Assert.True(catalog.TableExists("Raw__Web_Events", "Page_Views"));
        Assert.Equal("page_views", catalog.GetTable("RAW__WEB_EVENTS", "PAGE_VIEWS").Name);
    }

    [Theory]
    [InlineData("RawWebEvents", "database", "raw__web_events")]
    [InlineData("WebEvents", "database", null)]
    [InlineData("raw_web_events", "database", "raw__web_events")]
    [InlineData("bronze__web_events", "database", null)]
    public void Database_names_breaking_the_standard_are_rejected(string name, string kind, string? fix)
    {
        var catalog = Open();

        var error = Assert.Throws<AlaSparkException>(() => catalog.CreateDatabaseIfNotExists(name));

        Assert.Contains($"Invalid {kind} name '{name}'", error.Message);
        Assert.Contains("Rule: database names are '<layer>__<domain>'", error.Message);
        if (fix is not null) Assert.Contains($"rename it to '{fix}'", error.Message);
        Assert.Empty(catalog.ListDatabases());
    }

    [Theory]
    [InlineData("PageViews", "page_views")]
    [InlineData("page-views", "page_views")]
    [InlineData("2019_orders", "n_2019_orders")]
    public void Table_names_breaking_the_standard_are_rejected(string name, string fix)
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");

        var error = Assert.Throws<AlaSparkException>(() => catalog.CreateOrUpdateTable(PageViewsTable() with { Name = name }));

        Assert.Contains($"Invalid table name '{name}'", error.Message);
        Assert.Contains("Rule: table names", error.Message);
        Assert.Contains($"rename it to '{fix}'", error.Message);
        Assert.Empty(catalog.ListTables());
    }

    [Fact]
    public void The_configured_naming_options_apply()
    {
        var catalog = Open(new NamingOptions(new[] { "bronze", "silver", "gold" }, "glue_"));

        catalog.CreateDatabaseIfNotExists("glue_bronze__orders");
        var error = Assert.Throws<AlaSparkException>(() => catalog.CreateDatabaseIfNotExists("raw__orders"));

        Assert.Contains("'raw__orders'", error.Message);
        Assert.Contains("glue_", error.Message);
        Assert.Equal(new[] { "glue_bronze__orders" }, catalog.ListDatabases().Select(d => d.Name));
    }

    [Fact]
    public void Hostile_names_are_rejected_by_the_naming_standard_and_never_executed()
    {
        const string hostile = "x'; DROP TABLE tables; --";
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateOrUpdateTable(PageViewsTable());

        var dbError = Assert.Throws<AlaSparkException>(() => catalog.CreateDatabaseIfNotExists(hostile));
        var tableError = Assert.Throws<AlaSparkException>(() => catalog.CreateOrUpdateTable(PageViewsTable() with { Name = hostile }));
        var dbInTableError = Assert.Throws<AlaSparkException>(() => catalog.CreateOrUpdateTable(PageViewsTable() with { Database = hostile }));
        // Lookups take any text and treat it as data.
        Assert.False(catalog.TableExists(hostile, hostile));
        Assert.False(catalog.DatabaseExists(hostile));
        Assert.False(catalog.DropTable("raw__web_events", hostile));
        Assert.False(catalog.DropTable(hostile, "page_views"));
        Assert.False(catalog.TryGetTable(hostile, "page_views", out _));
        Assert.Throws<TableNotFoundException>(() => catalog.GetTable("raw__web_events", hostile));

        foreach (var error in new[] { dbError, tableError, dbInTableError })
        {
            Assert.Contains(hostile, error.Message);
            Assert.Contains("[A-Za-z0-9_]", error.Message);
        }
        Assert.Equal("page_views", Assert.Single(LocalCatalog.Open(_lake.Root).ListTables()).Name);
    }

    [Fact]
    public void Values_with_sql_syntax_are_stored_verbatim()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        var table = PageViewsTable() with
        {
            Location = _lake.PathOf("o'brien\"; DROP TABLE tables; --"),
            Properties = new Dictionary<string, string> { ["comment"] = "it's'); DELETE FROM databases; --", ["quote"] = "\"" },
        };

        var read = catalog.CreateOrUpdateTable(table);

        Assert.Equal(table.Location, read.Location);
        Assert.Equal(table.Properties, read.Properties);
        Assert.Single(catalog.ListDatabases());
    }

    [Fact]
    public void A_table_needs_an_existing_database()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("cooked__web_events");

        var error = Assert.Throws<DatabaseNotFoundException>(() => catalog.CreateOrUpdateTable(PageViewsTable()));

        Assert.Contains("'raw__web_events.page_views'", error.Message);
        Assert.Contains("the database 'raw__web_events' does not exist", error.Message);
        Assert.Contains("Databases: cooked__web_events.", error.Message);
    }

    [Theory]
    [InlineData("orc", null, "format 'orc'")]
    [InlineData("csv", "relative/path", "not an absolute path")]
    [InlineData("csv", "", "location of table 'raw__web_events.page_views' is empty")]
    public void Invalid_formats_and_locations_are_rejected(string format, string? location, string message)
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        var table = PageViewsTable() with { Format = format };
        if (location is not null) table = table with { Location = location };

        var error = Assert.Throws<AlaSparkException>(() => catalog.CreateOrUpdateTable(table));

        Assert.Contains(message, error.Message);
        Assert.Empty(catalog.ListTables());
    }

    [Fact]
    public void Partition_columns_must_be_in_the_schema_and_distinct()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");

        var missing = Assert.Throws<AlaSparkException>(() =>
            catalog.CreateOrUpdateTable(PageViewsTable() with { PartitionColumns = new[] { "country" } }));
        var twice = Assert.Throws<AlaSparkException>(() =>
            catalog.CreateOrUpdateTable(PageViewsTable() with { PartitionColumns = new[] { "event_date", "EVENT_DATE" } }));
        var inferred = catalog.CreateOrUpdateTable(PageViewsTable() with { Schema = null, PartitionColumns = new[] { "country" } });

        Assert.Contains("'country'", missing.Message);
        Assert.Contains("not in its schema", missing.Message);
        Assert.Contains("listed twice", twice.Message);
        Assert.Equal(new[] { "country" }, inferred.PartitionColumns);
    }

    [Fact]
    public void A_catalog_written_by_a_newer_layout_is_refused()
    {
        Open();
        using (var connection = new SqliteConnection($"Data Source={_lake.CatalogFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<AlaSparkException>(() => Open());

        Assert.Contains("layout version 99", error.Message);
        Assert.Contains(_lake.CatalogFile, error.Message);
    }

    [Fact]
    public void A_corrupt_entry_is_reported_with_the_table_name()
    {
        var catalog = Open();
        catalog.CreateDatabaseIfNotExists("raw__web_events");
        catalog.CreateOrUpdateTable(PageViewsTable());
        using (var connection = new SqliteConnection($"Data Source={_lake.CatalogFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE tables SET schema_json = '{not json'";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<AlaSparkException>(() => catalog.GetTable("raw__web_events", "page_views"));

        Assert.Contains("'raw__web_events.page_views'", error.Message);
    }
}
