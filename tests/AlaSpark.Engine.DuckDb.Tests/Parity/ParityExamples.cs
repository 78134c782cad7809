namespace AlaSpark.Engine.DuckDb.Tests.Parity;

/// <summary>How a parity row runs: with <c>spark.sql.ansi.enabled</c> true (Spark 4's default), false, or both.</summary>
public enum ParityMode { Ansi, Legacy, Both }

/// <summary>
/// One row of <c>Parity/spark-function-examples.tsv</c>: a Spark SQL query with one result column,
/// Spark's documented (or derived) result and result type, and where that came from.
/// </summary>
/// <remarks>
/// The expected result is written the way Spark's SQL shell prints it (see <see cref="SparkShellFormat"/>),
/// with these conventions of the data file:
/// <list type="bullet">
/// <item><c>ERROR CLASS</c>: the query fails with an <see cref="AlaSparkException"/> whose message names Spark's error class
/// (or, for Spark errors without a class, contains the text after <c>ERROR </c>).</item>
/// <item><c>'text'</c>: exactly this string (the quotes show leading or trailing spaces; <c>''</c> is the empty string).</item>
/// <item><c>~regex</c>: a non-deterministic value (the current time, a random UUID) that must match the regex.</item>
/// <item><c>a\nb</c>: a query that returns several rows (a generator), joined by a literal <c>\n</c>.</item>
/// </list>
/// </remarks>
public sealed record ParityRow(int Line, string Function, string Sql, string Expected, string ResultType, string Source, ParityMode Mode)
{
    public bool ExpectsError => Expected.StartsWith("ERROR ", StringComparison.Ordinal);

    /// <summary>The error class an error row expects (<c>CAST_INVALID_INPUT</c>), or the text of an error without a class.</summary>
    public string ErrorClass => Expected["ERROR ".Length..];

    /// <summary>The result type without the column-name note (<c>int (column col)</c> is <c>int</c>).</summary>
    public string? Type => ResultType.Length == 0 ? null : ResultType.Split(" (column ")[0].Trim();

    /// <summary>The output column name when the row names it (<c>int (column col)</c>).</summary>
    public string? ColumnName => ResultType.Contains(" (column ", StringComparison.Ordinal)
        ? ResultType.Split(" (column ")[1].TrimEnd(')').Trim()
        : null;

    public IEnumerable<bool> AnsiSettings => Mode switch
    {
        ParityMode.Ansi => [true],
        ParityMode.Legacy => [false],
        _ => [true, false],
    };

    public string Id(bool ansi) => $"L{Line:000} {(ansi ? "ansi" : "legacy")} {Sql}";
}

/// <summary>Reads the parity data file from the repository (the test project copies nothing to its output).</summary>
public static class ParityExamples
{
    public const string FileName = "spark-function-examples.tsv";

    private static readonly Lazy<IReadOnlyList<ParityRow>> Loaded = new(Load);

    public static IReadOnlyList<ParityRow> Rows => Loaded.Value;

    /// <summary>The folder holding the data file: found by walking up from the test assembly to the folder with AlaSpark.sln.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AlaSpark.sln")))
                    return Path.Combine(dir.FullName, "tests", "AlaSpark.Engine.DuckDb.Tests", "Parity");
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AlaSpark.sln.");
        }
    }

    private static IReadOnlyList<ParityRow> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, FileName));
        var header = lines[0].Split('\t');
        string[] expected = ["function", "sql_expression", "expected_result", "result_type", "source", "mode"];
        if (!header.SequenceEqual(expected))
            throw new InvalidDataException($"{FileName}: the header must be {string.Join(", ", expected)}.");
        var rows = new List<ParityRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split('\t');
            if (f.Length != expected.Length) throw new InvalidDataException($"{FileName} line {i + 1}: {f.Length} fields, {expected.Length} expected.");
            var mode = f[5] switch
            {
                "ansi" => ParityMode.Ansi,
                "legacy" => ParityMode.Legacy,
                "both" => ParityMode.Both,
                _ => throw new InvalidDataException($"{FileName} line {i + 1}: mode '{f[5]}' is not ansi, legacy or both."),
            };
            rows.Add(new ParityRow(i + 1, f[0], f[1], f[2], f[3], f[4], mode));
        }
        return rows;
    }
}
