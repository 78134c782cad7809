using AlaSpark.Catalog;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// A table to read: its catalog entry (database, name, location, format, schema) and the pipeline
/// reading it. The start of the fluent API: <c>table.SetPipelineName("raw_to_cooked").Read&lt;CsvReader&gt;()</c>.
/// </summary>
public sealed record SourceTable
{
    public SourceTable(AlaSparkSession session, CatalogTable entry, string? pipelineName = null)
    {
        Session = session;
        Entry = entry;
        PipelineName = pipelineName;
    }

    public AlaSparkSession Session { get; }

    /// <summary>The table's catalog entry; <see cref="CatalogTable.Location"/> is where the readers read.</summary>
    public CatalogTable Entry { get; init; }

    public string? PipelineName { get; init; }

    public string Database => Entry.Database;
    public string Name => Entry.Name;
    public string FullName => Entry.FullName;
    public string Location => Entry.Location;
    public StructType? Schema => Entry.Schema;

    public SourceTable SetPipelineName(string pipelineName)
    {
        Naming.NamingStandard.Enforce(Naming.NameKind.Pipeline, pipelineName, Session.Naming);
        return this with { PipelineName = pipelineName };
    }

    /// <summary>Reads at another location than the catalog's (the <c>Path</c> override).</summary>
    public SourceTable WithLocation(string location) => this with { Entry = Entry with { Location = Path.GetFullPath(location) } };

    /// <summary>Reads with a schema other than the catalog's.</summary>
    public SourceTable WithSchema(StructType schema) => this with { Entry = Entry with { Schema = schema } };

    /// <summary>Reads the table with a reader of type <typeparamref name="TReader"/>, configured by <paramref name="configure"/>.</summary>
    public ProcessedTable Read<TReader>(Action<TReader>? configure = null) where TReader : Reader, new()
    {
        var reader = new TReader();
        configure?.Invoke(reader);
        return Read(reader);
    }

    public ProcessedTable Read(Reader reader) => reader.Read(this);
}

/// <summary>A database of the catalog, as the fluent API uses it: its tables to read, a target to write.</summary>
public sealed class DatabaseRef(AlaSparkSession session, string name)
{
    public string Name { get; } = name;

    public AlaSparkSession Session { get; } = session;

    /// <summary>Every table of the database, ready to read.</summary>
    public IReadOnlyList<SourceTable> Tables() =>
        Session.Catalog.ListTables(Name).Select(t => new SourceTable(Session, t)).ToList();

    public SourceTable Table(string table) => new(Session, Session.Catalog.GetTable(Name, table));

    public override string ToString() => Name;
}
