namespace AlaSpark.Cli.Tests;

/// <summary>
/// Embedded-engine bugs found while writing the CLI (the engine is not the CLI's to change). Tests that
/// need the engine to work are skipped with these reasons; the other tests use inputs that avoid them.
/// </summary>
internal static class EngineBugs
{
    public const string ParquetRead =
        "Engine bug: every Parquet read fails with InvalidCastException (BigInteger to IConvertible): " +
        "FileScanner.ScanParquet converts sum(num_rows) of parquet_file_metadata, a DuckDB HUGEINT, with Convert.ToInt64.";

    public const string JsonSeveralRows =
        "Engine bug: reading JSON lines with two or more valid rows fails with InvalidOperationException: " +
        "JsonScanner.Scan writes every row with one Utf8JsonWriter, which refuses a second top-level value.";

    public const string SeveralBadRecords =
        "Engine bug: quarantining two or more malformed rows fails with InvalidOperationException: " +
        "BadRecordWriter.Write writes every record with one Utf8JsonWriter (and leaves a .tmp file behind).";
}
