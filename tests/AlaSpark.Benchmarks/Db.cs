using System.Globalization;
using DuckDB.NET.Data;

namespace AlaSpark.Benchmarks;

/// <summary>Small helpers over a DuckDB connection for the harness's own queries.</summary>
internal static class Db
{
    /// <summary>A new in-memory database with the settings the engine uses (UTC, its own temp folder).</summary>
    public static DuckDBConnection Open(string? tempDirectory = null, string? memoryLimit = null)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'UTC'");
        if (tempDirectory is not null) Execute(connection, $"SET temp_directory = {Str(tempDirectory)}");
        if (memoryLimit is not null) Execute(connection, $"SET memory_limit = {Str(memoryLimit)}");
        return connection;
    }

    /// <summary>Runs a statement and reads (and discards) any rows; returns the first value of the first row.</summary>
    public static object? Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        object? first = null;
        var seen = false;
        do
        {
            while (reader.Read())
            {
                if (!seen && reader.FieldCount > 0) first = reader.IsDBNull(0) ? null : reader.GetValue(0);
                seen = true;
            }
        } while (reader.NextResult());
        return first;
    }

    public static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static long Long(DuckDBConnection connection, string sql) => ToLong(Execute(connection, sql));

    /// <summary>An integer result as a long (sums come back as HUGEINT, i.e. BigInteger).</summary>
    public static long ToLong(object? value) => value switch
    {
        null => 0,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A SQL string literal.</summary>
    public static string Str(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A SQL list of string literals.</summary>
    public static string StrList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Str)) + "]";

    /// <summary>The Parquet files under a (partitioned) folder, for read_parquet.</summary>
    public static string ParquetGlob(string folder) => Str(Path.Combine(folder, "**", "*.parquet"));
}
