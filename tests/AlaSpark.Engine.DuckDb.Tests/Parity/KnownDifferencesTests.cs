using System.Text.RegularExpressions;

namespace AlaSpark.Engine.DuckDb.Tests.Parity;

/// <summary>
/// Every entry of <c>Parity/known-differences.md</c>'s table fails with an <see cref="AlaSparkException"/>
/// that says what is not supported, rather than giving a result that differs from Spark's.
/// </summary>
public sealed class KnownDifferencesTests(ParitySessions sessions) : IClassFixture<ParitySessions>
{
    public sealed record Entry(string Function, string Sql, string ExpectedError);

    /// <summary>The table rows: <c>| function | `sql` | result | why | `error text` |</c>.</summary>
    public static IReadOnlyList<Entry> Entries()
    {
        var entries = new List<Entry>();
        foreach (var line in File.ReadLines(Path.Combine(ParityExamples.Folder, "known-differences.md")))
        {
            var cells = line.Split(" | ");
            if (cells.Length != 5 || !cells[1].StartsWith("`SELECT", StringComparison.Ordinal)) continue;
            entries.Add(new Entry(cells[0].TrimStart('|', ' '), Unquote(cells[1]), Unquote(cells[4].TrimEnd(' ', '|'))));
        }
        return entries;
    }

    private static string Unquote(string cell) => Regex.Match(cell.Trim(), "^`(.*)`$").Groups[1].Value;

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries()) data.Add(e.Sql);
        return data;
    }

    [Fact]
    public void The_table_is_read()
    {
        Assert.True(Entries().Count >= 10, "known-differences.md should list its entries in the table.");
        Assert.All(Entries(), e => Assert.False(string.IsNullOrWhiteSpace(e.ExpectedError), $"{e.Sql} has no expected error text"));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_known_difference_is_refused_with_a_clear_error(string sql)
    {
        var entry = Entries().Single(e => e.Sql == sql);
        foreach (var lake in new[] { sessions.Ansi, sessions.Legacy })
        {
            var error = Record.Exception(() =>
            {
                var df = lake.Session.Sql(sql);
                _ = df.Schema;
                df.Collect();
            });
            Assert.True(error is AlaSparkException, $"{sql} should be refused, but {(error is null ? "it ran" : $"threw {error.GetType().Name}")}.");
            Assert.Contains(entry.ExpectedError, error!.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A query listed as a known difference is not also a parity row.</summary>
    [Fact]
    public void Known_differences_are_not_parity_rows()
    {
        var parity = ParityExamples.Rows.Select(r => r.Sql).ToHashSet();
        Assert.All(Entries(), e => Assert.DoesNotContain(e.Sql, parity));
    }
}
