using System.Text;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Finds a quoted value left open at the end of a CSV file. DuckDB's reader reports an unterminated
/// quote in the middle of a file, but drops a record whose quote is still open at the end of the
/// file without a word; this check catches that case so the record is quarantined, not lost.
/// </summary>
internal static class CsvQuoteCheck
{
    /// <summary>
    /// The physical line each record starts on (index 0 = record 1, the header if any). DuckDB numbers
    /// rejected rows by record; a quoted value that spans lines makes that differ from the line a
    /// person finds in an editor.
    /// </summary>
    public static List<long> RecordStartLines(string file, char quote, char escape)
    {
        var bytes = File.ReadAllBytes(file);
        var (q, e) = ((byte)quote, (byte)escape);
        var starts = new List<long> { 1 };
        var inQuotes = false;
        long line = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inQuotes)
            {
                if (b == e && e != q && i + 1 < bytes.Length) { i++; if (bytes[i] == (byte)'\n') line++; continue; }
                if (b == q)
                {
                    if (e == q && i + 1 < bytes.Length && bytes[i + 1] == q) { i++; continue; }
                    inQuotes = false;
                }
                else if (b == (byte)'\n') line++;
            }
            else if (b == q) inQuotes = true;
            else if (b == (byte)'\n')
            {
                line++;
                if (i + 1 < bytes.Length) starts.Add(line);
            }
        }
        return starts;
    }

    /// <summary>The record left open at the end of <paramref name="file"/>, or null.</summary>
    public static BadRecord? FindUnterminated(string file, char quote, char escape)
    {
        if (quote > 127 || escape > 127) return null;
        var bytes = File.ReadAllBytes(file);
        var q = (byte)quote;
        // With RFC 4180 escaping (a doubled quote), balanced files have an even number of quotes.
        if (escape == quote && bytes.AsSpan().Count(q) % 2 == 0) return null;
        var e = (byte)escape;
        var inQuotes = false;
        long line = 1, recordLine = 1;
        var recordStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inQuotes)
            {
                if (b == e && e != q && i + 1 < bytes.Length) { i++; if (bytes[i] == (byte)'\n') line++; continue; }
                if (b == q)
                {
                    if (e == q && i + 1 < bytes.Length && bytes[i + 1] == q) { i++; continue; }
                    inQuotes = false;
                }
                else if (b == (byte)'\n') line++;
            }
            else if (b == q) inQuotes = true;
            else if (b == (byte)'\n')
            {
                line++;
                recordLine = line;
                recordStart = i + 1;
            }
        }
        if (!inQuotes) return null;
        var text = Encoding.UTF8.GetString(bytes, recordStart, bytes.Length - recordStart).TrimEnd('\r', '\n');
        return new BadRecord(file, recordLine, text, "Value with unterminated quote found at the end of the file.");
    }
}
