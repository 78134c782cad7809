using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Writing;
using AlaSpark.Types;
using Parquet.Schema;
using Parquet.Serialization;

namespace AlaSpark.Delta.Tests.Writing;

/// <summary>Real data files and add actions for commit tests that run without an engine.</summary>
public static class WriteTestData
{
    public static readonly StructType Schema = StructType.FromDdl("id BIGINT, part STRING");

    /// <summary>Creates the table (version 0) partitioned by <c>part</c>.</summary>
    public static DeltaTable Create(string path, IReadOnlyDictionary<string, string>? configuration = null) =>
        DeltaTable.Create(path, Schema, ["part"], configuration);

    /// <summary>Writes a Parquet file of the ids under <c>part=&lt;part&gt;/</c> and returns its add action.</summary>
    public static AddFile DataFile(string tablePath, string name, string part, params long[] ids)
    {
        var relative = $"part={part}/{name}.parquet";
        var file = Path.Combine(tablePath, "part=" + part, name + ".parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var stream = File.Create(file))
            ParquetSerializer.SerializeUntypedAsync(ids.Select(i => (IDictionary<string, object?>)new Dictionary<string, object?> { ["id"] = i }).ToList(),
                new ParquetSchema(new DataField<long>("id")), stream).GetAwaiter().GetResult();
        var written = new WrittenFile(relative, new Dictionary<string, string?> { ["part"] = part }, new FileInfo(file).Length, ids.Length)
        {
            Statistics = ids.Length == 0 ? null : new Dictionary<string, ColumnStatistics> { ["id"] = new(ids.Min(), ids.Max(), 0) },
        };
        var metadata = DeltaTable.ForPath(tablePath).LatestSnapshot().Metadata;
        return FileActions.Add(written, Schema, metadata, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>Appends one file of the ids as a blind append; returns the commit.</summary>
    public static CommitResult Append(DeltaTable table, string name, string part, params long[] ids)
    {
        var txn = table.StartTransaction();
        txn.AddFile(DataFile(table.Path, name, part, ids));
        return txn.Commit("WRITE", new Dictionary<string, string?> { ["mode"] = "Append", ["partitionBy"] = "[\"part\"]" },
            new Dictionary<string, long> { ["numFiles"] = 1, ["numOutputRows"] = ids.Length });
    }

    /// <summary>The ids of the table's rows at a snapshot, read from its data files.</summary>
    public static List<long> Ids(Snapshot snapshot)
    {
        var ids = new List<long>();
        foreach (var file in snapshot.Files)
        {
            using var stream = File.OpenRead(file.Path);
            var rows = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            ids.AddRange(rows.Data.Select(r => Convert.ToInt64(r["id"], System.Globalization.CultureInfo.InvariantCulture)));
        }
        ids.Sort();
        return ids;
    }
}
