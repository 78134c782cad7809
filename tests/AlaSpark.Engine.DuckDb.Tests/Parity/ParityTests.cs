using System.Collections;
using System.Text.RegularExpressions;
using AlaSpark.Engine.DuckDb.Functions;
using AlaSpark.Plan;
using AlaSpark.Sql;

namespace AlaSpark.Engine.DuckDb.Tests.Parity;

/// <summary>Two sessions shared by the parity rows: ANSI on (Spark 4's default) and ANSI off.</summary>
public sealed class ParitySessions : IDisposable
{
    /// <summary>The key of RFC 4231's HMAC-SHA256 test case 2, as the <c>hash_salt</c> secret.</summary>
    public const string HashSalt = "Jefe";

    private readonly Dictionary<string, string> _secrets = new() { ["hash_salt"] = HashSalt };

    public ParitySessions()
    {
        Ansi = new TempLake(ansi: true, _secrets);
        Legacy = new TempLake(ansi: false, _secrets);
    }

    public TempLake Ansi { get; }
    public TempLake Legacy { get; }

    public void Dispose()
    {
        Ansi.Dispose();
        Legacy.Dispose();
    }
}

/// <summary>
/// Runs every row of <c>Parity/spark-function-examples.tsv</c> (Spark's documented examples, and
/// rows derived from Spark's documented semantics) on the embedded engine and compares the result
/// and its type with Spark's. Rows the engine can't match are not here: they are listed, with the
/// reason, in <c>Parity/known-differences.md</c>.
/// </summary>
public sealed class ParityTests(ParitySessions sessions) : IClassFixture<ParitySessions>
{
    private static readonly Dictionary<string, (ParityRow Row, bool Ansi)> Cases = ParityExamples.Rows
        .SelectMany(r => r.AnsiSettings.Select(ansi => (r, ansi)))
        .ToDictionary(c => c.r.Id(c.ansi), c => (c.r, c.ansi));

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Keys) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spark_example_gives_Sparks_result(string id)
    {
        var (row, ansi) = Cases[id];
        var session = (ansi ? sessions.Ansi : sessions.Legacy).Session;

        if (row.ExpectsError)
        {
            var error = Record.Exception(() =>
            {
                var df = session.Sql(row.Sql);
                _ = df.Schema;
                df.Collect();
            });
            Assert.True(error is AlaSparkException, $"{row.Sql} should fail with {row.ErrorClass}, but {(error is null ? "it succeeded" : $"threw {error.GetType().Name}: {error.Message}")}.");
            Assert.Contains(row.ErrorClass, error!.Message, StringComparison.Ordinal);
            return;
        }

        var frame = session.Sql(row.Sql);
        var schema = frame.Schema;
        Assert.True(schema.Count == 1, $"{row.Sql} gives {schema.Count} columns; a parity row has one.");
        var result = frame.Collect();
        var actual = string.Join("\\n", result.Select(r => SparkShellFormat.Format(r[0], schema[0].DataType)));

        if (row.Expected.StartsWith('~'))
            Assert.Matches(new Regex("^(?:" + row.Expected[1..] + ")$"), actual);
        else
            Assert.Equal(Unquote(row.Expected), actual);

        if (row.Type is { } type) Assert.Equal(type, schema[0].DataType.SimpleString);
        if (row.ColumnName is { } column) Assert.Equal(column, schema[0].Name);
    }

    /// <summary><c>'text'</c> in the data file is exactly <c>text</c> (the quotes show spaces).</summary>
    private static string Unquote(string expected) =>
        expected.Length >= 2 && expected[0] == '\'' && expected[^1] == '\'' ? expected[1..^1] : expected;

    /// <summary>
    /// Row labels of the data file that name a construct rather than a function: the catalogue
    /// functions each stands for.
    /// </summary>
    private static readonly Dictionary<string, string[]> LabelFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CASE WHEN"] = ["when"],
        ["when/otherwise"] = ["when", "if"],
        ["divide"] = ["/"],
    };

    /// <summary>
    /// Every function of the catalogue has a parity row: a row labelled with the function's name
    /// (or a construct standing for it, see <see cref="LabelFunctions"/>) whose query really calls it.
    /// Operators count through the SQL that calls them (<c>SELECT 1 = 1</c> calls <c>==</c>).
    /// </summary>
    [Fact]
    public void Every_catalogue_function_has_a_parity_row()
    {
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ParityExamples.Rows)
        {
            var called = CalledFunctions(SparkSqlParser.ParseQuery(row.Sql));
            var labelled = LabelFunctions.TryGetValue(row.Function, out var names) ? names : [row.Function];
            foreach (var name in labelled)
                if (called.Contains(name)) covered.Add(name);
        }
        var missing = FunctionCatalog.All.Select(f => f.Name).Where(n => !covered.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"Catalogue functions without a parity row: {string.Join(", ", missing)}.");
    }

    /// <summary>Each row's label is a function the query calls (or a construct listed in <see cref="LabelFunctions"/>).</summary>
    [Fact]
    public void Every_row_calls_the_function_it_is_labelled_with()
    {
        var wrong = new List<string>();
        foreach (var row in ParityExamples.Rows)
        {
            if (row.Function is "cast" or "struct field access") continue;
            var called = CalledFunctions(SparkSqlParser.ParseQuery(row.Sql));
            var labelled = LabelFunctions.TryGetValue(row.Function, out var names) ? names : [row.Function];
            if (!labelled.Any(called.Contains)) wrong.Add($"line {row.Line} ({row.Function}): {row.Sql}");
        }
        Assert.True(wrong.Count == 0, "Rows that don't call their function:\n" + string.Join("\n", wrong));
    }

    /// <summary>docs/engines.md lists every function of the catalogue (the UNSUPPORTED_FUNCTION error points there).</summary>
    [Fact]
    public void Every_catalogue_function_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(ParityExamples.Folder, "..", "..", "..", "docs", "engines.md"));
        var missing = FunctionCatalog.All.Select(f => f.Name)
            .Where(n => !doc.Contains("`" + n.Replace("|", "\\|") + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Functions missing from docs/engines.md: {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Every_row_has_a_source()
    {
        Assert.All(ParityExamples.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), $"line {r.Line} has no source"));
    }

    /// <summary>The names of the functions a plan calls, found by walking its relations and expressions.</summary>
    internal static HashSet<string> CalledFunctions(Relation plan)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Walk(object? node)
        {
            if (node is null or string || node.GetType().IsPrimitive || !seen.Add(node)) return;
            if (node is UnresolvedFunction f) names.Add(f.Name);
            if (node is Relation or Expression)
            {
                foreach (var property in node.GetType().GetProperties())
                {
                    if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
                    var value = property.GetValue(node);
                    if (value is Relation or Expression) Walk(value);
                    else if (value is IEnumerable items and not string)
                        foreach (var item in items) Walk(item);
                }
            }
        }
        Walk(plan);
        return names;
    }
}

public class SparkShellFormatTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(3.9495967741935485, "3.9495967741935485")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(0.0, "0.0")]
    [InlineData(123.0, "123.0")]
    public void Doubles_print_like_Java(double value, string expected) =>
        Assert.Equal(expected, SparkShellFormat.JavaDouble(value));
}
