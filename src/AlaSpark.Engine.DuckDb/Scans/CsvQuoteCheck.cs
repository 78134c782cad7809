using System.Text;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Walks a CSV file's quoting to find where records start. DuckDB numbers rejected rows by record,
/// and drops without a word a record whose quote is still open at the end of the file; this turns
/// record numbers into the lines an editor shows and catches that dropped record, so it is
/// quarantined instead of lost.
/// </summary>
internal static class CsvQuoteCheck
{
    private sealed record Layout(List<long> RecordStartLines, bool OpenAtEnd, int LastRecordOffset, byte[] Bytes);

    /// <summary>The physical line each record starts on (index 0 = record 1, the header if any).</summary>
    public static List<long> RecordStartLines(string file, char quote, char escape) => Walk(File.ReadAllBytes(file), quote, escape).RecordStartLines;

    /// <summary>The record left open at the end of <paramref name="file"/>, or null.</summary>
    public static BadRecord? FindUnterminated(string file, char quote, char escape)
    {
        if (quote > 127 || escape > 127) return null;
        // With RFC 4180 escaping (a doubled quote) a balanced file has an even number of quotes: the common
        // case costs one streamed pass and no memory.
        if (escape == quote && CountByte(file, (byte)quote) % 2 == 0) return null;
        var bytes = File.ReadAllBytes(file);
        var layout = Walk(bytes, quote, escape);
        if (!layout.OpenAtEnd) return null;
        var text = Encoding.UTF8.GetString(bytes, layout.LastRecordOffset, bytes.Length - layout.LastRecordOffset).TrimEnd('\r', '\n');
        return new BadRecord(file, layout.RecordStartLines[^1], text, "Value with unterminated quote found at the end of the file.");
    }

    private static long CountByte(string file, byte value)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long count = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) count += buffer.AsSpan(0, read).Count(value);
            return count;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Layout Walk(byte[] bytes, char quote, char escape)
    {
        var (q, e) = ((byte)quote, (byte)escape);
        var starts = new List<long> { 1 };
        var inQuotes = false;
        long line = 1;
        var recordOffset = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inQuotes)
            {
                if (b == e && e != q && i + 1 < bytes.Length)
                {
                    i++;
                    if (bytes[i] == (byte)'\n') line++;
                    continue;
                }
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
                if (i + 1 < bytes.Length)
                {
                    starts.Add(line);
                    recordOffset = i + 1;
                }
            }
        }
        return new Layout(starts, inQuotes, recordOffset, bytes);
    }
}
