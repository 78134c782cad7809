using System.Globalization;
using System.Text.Json;
using AlaSpark.Catalog;
using AlaSpark.Delta;
using AlaSpark.Engine.DuckDb;
using AlaSpark.Types;

namespace AlaSpark.Streaming.Tests;

/// <summary>
/// A lake in a temporary folder (or a given one, for worker processes) with a CSV source table
/// <c>raw__shop.events</c> (columns <c>id INT, name STRING</c>, with a header) whose files land in
/// <see cref="RawFolder"/>, streamed into the Delta table <c>cooked__shop.events</c>.
/// </summary>
public sealed class StreamLake : IDisposable
{
    public static readonly StructType Schema = StructType.FromDdl("id INT, name STRING");
    private readonly bool _ownsRoot;

    public StreamLake(string? root = null)
    {
        _ownsRoot = root is null;
        Root = root ?? Path.Combine(Path.GetTempPath(), "alaspark-stream-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(RawFolder);
        Session = LocalSession.Create(new SessionOptions { LakeRoot = Path.Combine(Root, "lake") });
        Session.Catalog.CreateDatabaseIfNotExists("raw__shop");
        Session.Catalog.CreateOrUpdateTable(new CatalogTable("raw__shop", "events", RawFolder, "csv", Schema, properties: [new("header", "true")]));
    }

    public string Root { get; }
    public string RawFolder => Path.Combine(Root, "raw", "events");
    public string CheckpointFolder => Path.Combine(Root, "checkpoint");
    public string BadRecordsFolder => Path.Combine(Session.BadRecordsPath, "raw__shop", "events");
    public AlaSparkSession Session { get; }

    /// <summary>Writes a CSV file into the raw folder at once (written aside, then moved in), dated a minute ago.</summary>
    public string AddFile(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(RawFolder, name);
        var temp = Path.Combine(Root, name + ".partial");
        File.WriteAllLines(temp, ["id,name", .. lines]);
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temp, path);
        return path;
    }

    /// <summary>A file of good rows: ids <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public string AddRows(string name, int first, int count) =>
        AddFile(name, Enumerable.Range(first, count).Select(Row));

    public static string Row(int id) => $"{id.ToString(CultureInfo.InvariantCulture)},name-{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a stream from the raw table to <c>cooked__shop</c>; the reader reads files at once unless <paramref name="configure"/> says otherwise.</summary>
    public StreamingQuery Start(Trigger trigger, Action<CsvStreamReader>? configure = null, CancellationToken cancellationToken = default,
        IReadOnlyList<ToTableProcessor>? processors = null)
    {
        var stream = Session.Catalog.Database("raw__shop").Table("events").SetPipelineName("raw_to_cooked").Read<CsvStreamReader>(reader =>
        {
            reader.FileStableAfter = TimeSpan.Zero;
            configure?.Invoke(reader);
        });
        foreach (var processor in processors ?? []) stream = stream.Apply(processor);
        return stream.Write<DeltaStreamWriter>(Session.Catalog.Database("cooked__shop"),
            new StreamWriteOptions { Trigger = trigger, CheckpointLocation = CheckpointFolder }, cancellationToken);
    }

    /// <summary>Runs an available-now query to its end.</summary>
    public StreamingQuery RunAvailableNow(Action<CsvStreamReader>? configure = null)
    {
        var query = Start(Trigger.AvailableNow, configure);
        query.AwaitTermination();
        return query;
    }

    /// <summary>The target table's rows as <c>id,name</c> lines, sorted (with repeats); empty when there is no table.</summary>
    public List<string> TargetRows()
    {
        if (!Session.Catalog.TryGetTable("cooked__shop", "events", out var entry)) return [];
        return Session.Read.Format("delta").Load(entry.Location).Collect()
            .Select(r => $"{Convert.ToString(r[0], CultureInfo.InvariantCulture)},{r[1]}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The Delta table's versions with the stream's transaction.</summary>
    public DeltaTable TargetDelta() => DeltaTable.ForPath(Session.Catalog.GetTable("cooked__shop", "events").Location);

    /// <summary>Every quarantined record's text, sorted (with repeats).</summary>
    public List<string> QuarantinedRecords()
    {
        if (!Directory.Exists(BadRecordsFolder)) return [];
        return Directory.EnumerateFiles(BadRecordsFolder, "*.json", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("record").GetString()!)
            .Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        Session.Dispose();
        if (_ownsRoot)
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
