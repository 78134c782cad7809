using System;

namespace AlaSpark
{
    /// <summary>
    /// The common shape of the sink attributes: the catalog table a pipeline writes
    /// (<c>database.table</c>) and how. A pipeline has one or more sinks. The writer creates the
    /// database and the table when missing and keeps the catalog entry up to date.
    /// </summary>
    public abstract class SinkAttribute : Attribute
    {
        /// <summary>Writes the table <paramref name="table"/> of the catalog database <paramref name="database"/>.</summary>
        protected SinkAttribute(string database, string table)
        {
            Database = database;
            Table = table;
        }

        /// <summary>The catalog database, <c>&lt;layer&gt;__&lt;domain&gt;</c> (e.g. <c>cooked__web_events</c>).</summary>
        public string Database { get; }

        /// <summary>The table within <see cref="Database"/> (snake_case).</summary>
        public string Table { get; }

        /// <summary>The partition columns, in order.</summary>
        public string[]? PartitionBy { get; set; }

        /// <summary>How a batch write treats existing data (default <see cref="WriteMode.Append"/>).</summary>
        public WriteMode Mode { get; set; }

        /// <summary>Which rows a streaming write emits (default <see cref="AlaSpark.OutputMode.Append"/>).</summary>
        public OutputMode OutputMode { get; set; }

        /// <summary>True to evolve the table's schema with new columns.</summary>
        public bool MergeSchema { get; set; }

        /// <summary>
        /// A streaming write's trigger: <c>"5 minutes"</c>, <c>"30 seconds"</c>,
        /// <c>"available-now"</c> (the default) or <c>"once"</c>.
        /// </summary>
        public string? Trigger { get; set; }

        /// <summary>Where a streaming write keeps its progress; by default derived from the table and the pipeline's name.</summary>
        public string? CheckpointLocation { get; set; }
    }

    /// <summary>Writes a Delta Lake table as a batch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DeltaSinkAttribute : SinkAttribute
    {
        /// <summary>Writes the Delta table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public DeltaSinkAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Writes a Delta Lake table from a stream.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DeltaStreamSinkAttribute : SinkAttribute
    {
        /// <summary>Streams into the Delta table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public DeltaStreamSinkAttribute(string database, string table) : base(database, table) { }
    }

    /// <summary>Writes Parquet files as a batch.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ParquetSinkAttribute : SinkAttribute
    {
        /// <summary>Writes the Parquet table <paramref name="database"/>.<paramref name="table"/>.</summary>
        public ParquetSinkAttribute(string database, string table) : base(database, table) { }
    }
}
