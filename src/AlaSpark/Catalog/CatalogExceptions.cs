namespace AlaSpark.Catalog;

/// <summary>A table that the catalog does not have.</summary>
public class TableNotFoundException : AlaSparkException
{
    public TableNotFoundException(string database, string table, string message) : base(message)
    {
        Database = database;
        Table = table;
    }

    /// <summary>The database that was asked for, as given.</summary>
    public string Database { get; }

    /// <summary>The table that was asked for, as given.</summary>
    public string Table { get; }
}

/// <summary>A database that the catalog does not have.</summary>
public class DatabaseNotFoundException : AlaSparkException
{
    public DatabaseNotFoundException(string database, string message) : base(message) => Database = database;

    /// <summary>The database that was asked for, as given.</summary>
    public string Database { get; }
}
