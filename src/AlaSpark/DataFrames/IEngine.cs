using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// Runs logical plans. The embedded engine compiles them to DuckDB SQL; a Spark Connect engine
/// sends them to a cluster. Every engine gives the same rows for the same plan.
/// </summary>
public interface IEngine : IDisposable
{
    /// <summary>A short name: <c>local</c>, <c>spark</c>.</summary>
    string Name { get; }

    /// <summary>The output schema of a plan, known without running it.</summary>
    StructType Schema(Relation plan);

    IReadOnlyList<Row> Collect(Relation plan);

    long Count(Relation plan);

    /// <summary>The plan as a tree and the query the engine would run.</summary>
    string Explain(Relation plan);

    /// <summary>Writes the plan's rows as files under a folder, partitioned by columns.</summary>
    FileWriteResult WriteFiles(Relation plan, FileWriteRequest request);

    /// <summary>What reading a file source did: files, rows passed on, rows quarantined or dropped.
    /// Null when the source has not been read yet.</summary>
    ScanReport? GetScanReport(Read source);
}

/// <summary>A request to write a plan's rows as files.</summary>
/// <param name="Location">The folder of the table.</param>
/// <param name="Format">parquet (csv and json also work for exports).</param>
/// <param name="PartitionBy">Partition columns, as <c>column=value/</c> folders.</param>
/// <param name="Overwrite">Remove the folder's data files first.</param>
/// <param name="FilePrefix">Start of each data file's name (a unique id is appended).</param>
public sealed record FileWriteRequest(string Location, string Format, IReadOnlyList<string> PartitionBy, bool Overwrite, string FilePrefix = "part");

/// <summary>What a file write produced: the data files with their row counts and sizes.</summary>
public sealed record FileWriteResult(StructType Schema, long Rows, IReadOnlyList<WrittenFile> Files)
{
    public long Bytes => Files.Sum(f => f.SizeInBytes);
}

/// <summary>One written data file: its path relative to the table folder, its partition values
/// (unescaped; null for a null partition value), its size and row count.</summary>
public sealed record WrittenFile(string RelativePath, IReadOnlyDictionary<string, string?> PartitionValues, long SizeInBytes, long Rows)
{
    /// <summary>Per-column statistics of the file's data columns (by column path, nested fields joined with '.'), when known.</summary>
    public IReadOnlyDictionary<string, ColumnStatistics>? Statistics { get; init; }
}

/// <summary>The minimum, maximum (as CLR values of the column's type; null when unknown) and null count of a column in a file.</summary>
public sealed record ColumnStatistics(object? Min, object? Max, long NullCount);

/// <summary>The outcome of reading a file source with bad-record handling.</summary>
/// <param name="Files">The files read.</param>
/// <param name="RowsRead">Rows found in the files, good and bad.</param>
/// <param name="RowsPassed">Rows passed on to the pipeline.</param>
/// <param name="RowsQuarantined">Malformed rows written under <paramref name="BadRecordsLocation"/>.</param>
/// <param name="RowsDropped">Malformed rows dropped (<c>Drop</c> mode).</param>
/// <param name="BadRecordsLocation">Where quarantined rows were written, if any.</param>
public sealed record ScanReport(
    IReadOnlyList<string> Files, long RowsRead, long RowsPassed, long RowsQuarantined, long RowsDropped, string? BadRecordsLocation);
