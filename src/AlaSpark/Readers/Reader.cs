using AlaSpark.Plan;

namespace AlaSpark;

/// <summary>
/// Reads a <see cref="SourceTable"/> into a <see cref="ProcessedTable"/>: a DataFrame over the table's
/// location with its schema and options. File readers set malformed rows aside as
/// <see cref="BadRecords"/> says.
/// </summary>
public abstract class Reader
{
    /// <summary>The data source format (<c>csv</c>, <c>json</c>, <c>parquet</c>, <c>delta</c>).</summary>
    public abstract string Format { get; }

    /// <summary>What to do with malformed rows (CSV and JSON).</summary>
    public BadRecordsMode BadRecords { get; set; } = BadRecordsMode.Quarantine;

    /// <summary>Where quarantined rows go; default <c>&lt;bad records path&gt;/&lt;database&gt;/&lt;table&gt;</c>.</summary>
    public string? BadRecordsPath { get; set; }

    /// <summary>Reader options in Spark's names (<c>sep</c>, <c>timestampFormat</c>...); they override the catalog's.</summary>
    public Dictionary<string, string> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Options this reader sets unless the catalog or <see cref="Options"/> say otherwise.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> DefaultOptions => [];

    public virtual ProcessedTable Read(SourceTable table)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in DefaultOptions) options[k] = v;
        foreach (var (k, v) in table.Entry.Properties) options[k] = v;
        foreach (var (k, v) in Options) options[k] = v;
        options["mode"] = BadRecords switch
        {
            BadRecordsMode.Drop => "DROPMALFORMED",
            BadRecordsMode.Fail => "FAILFAST",
            _ => "PERMISSIVE",
        };
        if (BadRecords == BadRecordsMode.Quarantine)
            options["badRecordsPath"] = BadRecordsPath ?? Path.Combine(table.Session.BadRecordsPath, table.Database, table.Name);
        var source = new DataSource(Format, ValueList.Of(table.Location), table.Schema, new ValueMap(options));
        return new ProcessedTable(table, new DataFrame(table.Session.Engine, new Read(source)));
    }
}

/// <summary>Reads CSV files (with a header unless the table's <c>header</c> property says otherwise).</summary>
public sealed class CsvReader : Reader
{
    public override string Format => "csv";
    protected override IEnumerable<KeyValuePair<string, string>> DefaultOptions => [new("header", "true")];
}

/// <summary>Reads JSON lines files.</summary>
public sealed class JsonReader : Reader
{
    public override string Format => "json";
}

/// <summary>Reads Parquet files.</summary>
public sealed class ParquetReader : Reader
{
    public override string Format => "parquet";
}
