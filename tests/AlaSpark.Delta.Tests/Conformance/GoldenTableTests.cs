using System.Text.RegularExpressions;

namespace AlaSpark.Delta.Tests.Conformance;

/// <summary>
/// Every folder of the Delta golden set: each table in it is read and checked, or refused with an error that
/// names the table and the reason. The expectations are the conformance table of docs/delta.md.
/// </summary>
public partial class GoldenTableTests
{
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Golden.Folders()) data.Add(folder);
        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_golden_folder_is_read_or_refused_as_expected(string folder)
    {
        var expectations = Expectations.All.Where(e => e.Table == folder || e.Table.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
        Assert.True(expectations.Count > 0, $"The golden folder '{folder}' has no expectation: add it to Expectations.All and to the conformance table of docs/delta.md.");
        foreach (var expectation in expectations) Verify(expectation);
    }

    [Fact]
    public void Every_golden_folder_and_table_has_an_expectation_and_every_expectation_a_table()
    {
        var tables = Expectations.All.Select(e => e.Table).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(tables.Count, Expectations.All.Count); // no table twice
        var missing = Golden.TablesWithLog().Where(t => !tables.Contains(t))
            .Concat(Golden.Folders().Where(f => !tables.Any(t => t == f || t.StartsWith(f + "/", StringComparison.Ordinal))))
            .ToList();
        Assert.True(missing.Count == 0, "Golden tables without an expectation: " + string.Join(", ", missing));
        var gone = tables.Where(t => !Directory.Exists(Golden.Table(t))).ToList();
        Assert.True(gone.Count == 0, "Expectations for folders that are not in the golden set: " + string.Join(", ", gone));
    }

    [Fact]
    public void The_conformance_table_in_the_docs_is_the_list_the_tests_check()
    {
        var doc = File.ReadAllText(Path.Combine(Golden.RepoRoot, "docs", "delta.md"));
        var documented = DocRow().Matches(doc).Select(m => (Table: m.Groups[1].Value, Result: m.Groups[2].Value)).ToList();
        var expected = Expectations.All.Select(e => (e.Table, e.Result)).ToList();
        Assert.Equal(expected.OrderBy(e => e.Table, StringComparer.Ordinal), documented.OrderBy(e => e.Table, StringComparer.Ordinal));
    }

    [Fact]
    public void Counts_of_read_and_refused_tables()
    {
        Assert.Equal(99, Expectations.All.Count(e => e.Verdict == Verdict.Read));
        Assert.Equal(11, Expectations.All.Count(e => e.Verdict == Verdict.Refused));
    }

    private static void Verify(Expectation e)
    {
        var path = Golden.Table(e.Table);
        if (e.Verdict == Verdict.Refused)
        {
            var error = Assert.Throws(e.Error!, () => DeltaTable.ForPath(path).LatestSnapshot());
            Assert.Contains(e.ErrorContains!, error.Message);
            Assert.Contains(path, error.Message);
            return;
        }

        var snapshot = DeltaTable.ForPath(path).LatestSnapshot();
        Assert.Equal(e.Version, snapshot.Version);
        Assert.Equal(e.Schema, snapshot.Schema.SimpleString);
        Assert.Equal(e.PartitionColumns, snapshot.PartitionColumns);
        Assert.Equal(e.Files, snapshot.Files.Count);
        Assert.Equal(e.CheckpointVersion, snapshot.CheckpointVersion);
        Assert.Equal(e.ColumnMapping, snapshot.ColumnMappingMode);
        foreach (var file in snapshot.Files)
        {
            Assert.True(Path.IsPathRooted(file.Path), file.Path);
            snapshot.PartitionValuesOf(file); // every partition value parses to its column's type
        }

        if (!e.Synthetic)
        {
            long rows = 0;
            foreach (var file in snapshot.Files)
            {
                Assert.True(File.Exists(file.Path), $"{e.Table}: the data file {file.Path} is not on disk.");
                var parquetRows = Golden.ParquetRowCount(file.Path);
                if (file.NumRecords is { } recorded) Assert.Equal(recorded, parquetRows);
                var deleted = snapshot.DeletedRows(file);
                Assert.Equal(file.DeletionVector?.Cardinality ?? 0, deleted.Length);
                Assert.All(deleted, row => Assert.InRange(row, 0, parquetRows - 1));
                rows += parquetRows - deleted.Length;
            }
            if (e.Rows is { } expectedRows) Assert.Equal(expectedRows, rows);
        }
        e.Check?.Invoke(snapshot);
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| (read|refused) \|", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
