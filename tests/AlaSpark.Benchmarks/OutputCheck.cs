namespace AlaSpark.Benchmarks;

/// <summary>
/// Checks that both sides wrote the same rows: the same columns and types, the same row count (the
/// generator's number of distinct event ids), the same checksum over (event_id, user_email,
/// event_date, source_filename), and no row of one missing from the other.
/// </summary>
internal static class OutputCheck
{
    /// <summary>Row count and checksum of a written folder ("4,900,000 rows, sum ..., xor ..."), for comparing outputs.</summary>
    public static string Fingerprint(string folder)
    {
        using var connection = Db.Open();
        var r = Db.Rows(connection,
            $"SELECT count(*), CAST(sum(h) AS VARCHAR), printf('%016x', bit_xor(h)) FROM (SELECT hash(event_id, user_email, CAST(event_date AS DATE), source_filename) AS h " +
            $"FROM read_parquet({Db.ParquetGlob(folder)}, hive_partitioning = true))")[0];
        return $"{Measure.Count(Db.ToLong(r[0]))} rows, sum {r[1]}, xor {r[2]}";
    }

    public static bool Run(string alaSparkOutput, string sqlOutput, long expectedRows, TextWriter report)
    {
        using var connection = Db.Open();
        string Source(string folder) => $"read_parquet({Db.ParquetGlob(folder)}, hive_partitioning = true)";
        const string Key = "event_id, user_email, CAST(event_date AS DATE) AS event_date, source_filename";

        List<string> Columns(string folder) => Db.Rows(connection, $"DESCRIBE SELECT * FROM {Source(folder)}")
            .Select(r => $"{r[0]} {r[1]}").ToList();
        (long Rows, long Ids, string Sum, string Xor) Checksum(string folder)
        {
            var r = Db.Rows(connection,
                $"SELECT count(*), count(DISTINCT event_id), CAST(sum(h) AS VARCHAR), printf('%016x', bit_xor(h)) " +
                $"FROM (SELECT hash(event_id, user_email, CAST(event_date AS DATE), source_filename) AS h, event_id FROM {Source(folder)})")[0];
            return (Db.ToLong(r[0]),
                Db.ToLong(r[1]), (string)r[2]!, (string)r[3]!);
        }

        var (colsA, colsB) = (Columns(alaSparkOutput), Columns(sqlOutput));
        var (a, b) = (Checksum(alaSparkOutput), Checksum(sqlOutput));
        var onlyA = Db.Long(connection, $"SELECT count(*) FROM (SELECT {Key} FROM {Source(alaSparkOutput)} EXCEPT ALL SELECT {Key} FROM {Source(sqlOutput)})");
        var onlyB = Db.Long(connection, $"SELECT count(*) FROM (SELECT {Key} FROM {Source(sqlOutput)} EXCEPT ALL SELECT {Key} FROM {Source(alaSparkOutput)})");

        var sameColumns = colsA.SequenceEqual(colsB);
        var ok = sameColumns && a.Rows == b.Rows && a.Rows == expectedRows && a.Ids == a.Rows && b.Ids == b.Rows
                 && a.Sum == b.Sum && a.Xor == b.Xor && onlyA == 0 && onlyB == 0;
        report.WriteLine("Output check (last run of each side):");
        report.WriteLine($"  columns     A: {string.Join(", ", colsA)}");
        if (!sameColumns) report.WriteLine($"  columns     B: {string.Join(", ", colsB)}  <-- DIFFERENT");
        else report.WriteLine("  columns     B: same");
        report.WriteLine($"  rows        A {Measure.Count(a.Rows)}, B {Measure.Count(b.Rows)}, expected {Measure.Count(expectedRows)} (distinct event ids generated)");
        report.WriteLine($"  event ids   A {Measure.Count(a.Ids)} distinct, B {Measure.Count(b.Ids)} distinct");
        report.WriteLine($"  checksum    A sum {a.Sum} xor {a.Xor}");
        report.WriteLine($"              B sum {b.Sum} xor {b.Xor}");
        report.WriteLine($"  difference  {Measure.Count(onlyA)} row(s) only in A, {Measure.Count(onlyB)} only in B (EXCEPT ALL over the checksum's columns)");
        report.WriteLine($"  result      {(ok ? "PASS: same rows" : "FAIL: the outputs differ")}");
        return ok;
    }
}
