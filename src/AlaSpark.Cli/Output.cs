using AlaSpark.Types;

namespace AlaSpark.Cli;

/// <summary>Writes results to stdout: a text table (default) or JSON lines (<c>--json</c>).</summary>
internal static class Output
{
    /// <summary>Writes the rows. A table shows whole values (no truncation); JSON lines end with
    /// <c>\n</c> on every platform.</summary>
    public static void WriteRows(TextWriter stdout, StructType schema, IReadOnlyList<Row> rows, bool json)
    {
        if (json)
        {
            foreach (var row in rows)
            {
                stdout.Write(ValueFormatter.RowToJson(row));
                stdout.Write('\n');
            }
            return;
        }
        stdout.Write(ValueFormatter.Table(schema, rows, truncate: 0));
    }

    /// <summary>Notes on stderr what reading a file source did with malformed rows.</summary>
    public static void WriteScanNote(TextWriter stderr, string source, ScanReport? report)
    {
        if (report is null) return;
        if (report.RowsQuarantined > 0)
            stderr.WriteLine($"{report.RowsQuarantined} malformed row(s) of {source} quarantined under {report.BadRecordsLocation}");
        if (report.RowsDropped > 0)
            stderr.WriteLine($"{report.RowsDropped} malformed row(s) of {source} dropped (mode DROPMALFORMED)");
    }
}
