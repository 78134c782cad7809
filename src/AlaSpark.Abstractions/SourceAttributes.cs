using System;

namespace AlaSpark
{
    /// <summary>
    /// The common shape of the source attributes: the catalog table a pipeline reads
    /// (<c>database.table</c>) and how to read it. A pipeline has exactly one source.
    /// </summary>
    public abstract class SourceAttribute : Attribute
    {
        /// <summary>Reads the table <paramref name="table"/> of the catalog database <paramref name="database"/>.</summary>
        protected SourceAttribute(string database, string table)
        {
            Database = database;
            Table = table;
        }

        /// <summary>The catalog database, <c>&lt;layer&gt;__&lt;domain&gt;</c> (e.g. <c>raw__web_events</c>).</summary>
        public string Database { get; }

        /// <summary>The table within <see cref="Database"/> (snake_case).</summary>
        public string Table { get; }

        /// <summary>The record type that declares the columns; optional where the catalog knows the table.</summary>
        public Type? Schema { get; set; }

        /// <summary>Overrides the catalog's location; may use config templating (<c>"{{ source_path }}"</c>).</summary>
        public string? Path { get; set; }

        /// <summary>What to do with a row that can't be parsed (default <see cref="BadRecordsMode.Quarantine"/>).</summary>
        public BadRecordsMode BadRecords { get; set; }

        /// <summary>Extra reader options as <c>"key=value"</c> pairs.</summary>
        public string[]? Options { get; set; }
    }

    /// <summary>Reads CSV files as a batch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CsvSourceAttribute : SourceAttribute
    {
        /// <summary>Reads the CSV table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public CsvSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads CSV files as a stream: each new file is read once.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CsvStreamSourceAttribute : SourceAttribute
    {
        /// <summary>Streams the CSV table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public CsvStreamSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads JSON (one object per line) files as a batch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JsonSourceAttribute : SourceAttribute
    {
        /// <summary>Reads the JSON table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public JsonSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads JSON (one object per line) files as a stream.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JsonStreamSourceAttribute : SourceAttribute
    {
        /// <summary>Streams the JSON table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public JsonStreamSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads Parquet files as a batch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ParquetSourceAttribute : SourceAttribute
    {
        /// <summary>Reads the Parquet table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public ParquetSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads Parquet files as a stream.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ParquetStreamSourceAttribute : SourceAttribute
    {
        /// <summary>Streams the Parquet table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public ParquetStreamSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads a Delta Lake table as a batch (its latest version).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DeltaSourceAttribute : SourceAttribute
    {
        /// <summary>Reads the Delta table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public DeltaSourceAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Reads a Delta Lake table as a stream of its appended rows.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DeltaStreamSourceAttribute : SourceAttribute
    {
        /// <summary>Streams the Delta table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public DeltaStreamSourceAttribute(string database, string table) : base(database, table) { }
    }
}
