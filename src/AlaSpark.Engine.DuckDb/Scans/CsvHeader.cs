using System.Text;

namespace AlaSpark.Engine.DuckDb.Scans;

/// <summary>
/// Reads the first record of a CSV file, as Spark does to name the columns when no schema is given:
/// the header's fields, or as many <c>_c0</c>, <c>_c1</c>... as the first line has fields.
/// </summary>
internal static class CsvHeader
{
    public static IReadOnlyList<string> FirstRecord(string file, char delimiter, char quote, char escape)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == escape && escape != quote && reader.Peek() >= 0) { field.Append((char)reader.Read()); continue; }
                if (ch == quote)
                {
                    if (escape == quote && reader.Peek() == quote) { field.Append((char)reader.Read()); continue; }
                    inQuotes = false;
                    continue;
                }
                field.Append(ch);
            }
            else if (ch == quote) inQuotes = true;
            else if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') break;
            else if (ch != '\r') field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
