using System.Data.Common;
using DuckDB.NET.Data;

namespace AlaSpark.Engine.DuckDb;

/// <summary>Small helpers over a DuckDB connection that turn DuckDB's errors into AlaSpark's.</summary>
internal static class DuckDbConnectionExtensions
{
    public static void Execute(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Translate(() => command.ExecuteNonQuery(), sql);
    }

    public static T Query<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Translate(() =>
        {
            using var reader = command.ExecuteReader();
            return read(reader);
        }, sql);
    }

    public static List<T> QueryList<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> row) =>
        connection.Query(sql, reader =>
        {
            var list = new List<T>();
            while (reader.Read()) list.Add(row(reader));
            return list;
        });

    public static object? Scalar(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Translate(() => command.ExecuteScalar(), sql);
    }

    private static T Translate<T>(Func<T> action, string sql)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e)
        {
            throw new AlaSparkException(Clean(e.Message), new QueryFailedException(e.Message, sql, e));
        }
    }

    /// <summary>Strips DuckDB's error-class prefix from messages raised by <c>error()</c> (ANSI errors).</summary>
    private static string Clean(string message)
    {
        foreach (var prefix in new[] { "Invalid Input Error: ", "Conversion Error: " })
            if (message.StartsWith(prefix, StringComparison.Ordinal) && message.Length > prefix.Length && message[prefix.Length] == '[')
                return message[prefix.Length..];
        return message.StartsWith("Out of Range Error: ", StringComparison.Ordinal)
            ? "[ARITHMETIC_OVERFLOW] " + message["Out of Range Error: ".Length..] + " Use a wider type or try_ functions, or set spark.sql.ansi.enabled=false."
            : "The embedded engine failed: " + message;
    }
}

/// <summary>The DuckDB error behind an <see cref="AlaSparkException"/>, with the SQL that failed.</summary>
public sealed class QueryFailedException(string message, string sql, Exception inner) : Exception(message, inner)
{
    public string Sql { get; } = sql;
}
