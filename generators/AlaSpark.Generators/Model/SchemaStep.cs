using System.Linq;

namespace AlaSpark.Generators.Model;

// Equality contract: as for PipelineModel, records of strings, bools, ints and equatable arrays.

/// <summary>The table's columns at one point of the chain, as the schema tracker knows them.</summary>
/// <param name="IsComplete">
/// True when these are all the columns. False after a source without a <c>Schema</c> record, or a
/// processor whose effect is unknown: then <see cref="Columns"/> are the columns known to exist
/// (added after that point), others may exist too, and checks for missing columns stop.
/// </param>
/// <param name="Columns">The columns in order (names as the engine would show them).</param>
/// <param name="Partitions">The columns marked as partitions (by <c>AddPartition</c>), in order.</param>
internal sealed record SchemaStep(bool IsComplete, EquatableArray<ColumnModel> Columns, EquatableArray<string> Partitions)
{
    /// <summary>The column named <paramref name="name"/> (ignoring case, as Spark resolves names), or null.</summary>
    public ColumnModel? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, System.StringComparison.OrdinalIgnoreCase));

    public bool IsPartition(string name) =>
        Partitions.Any(p => string.Equals(p, name, System.StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the parser read from one <c>[Pipeline]</c> class.</summary>
/// <param name="Model">The model; null when the class can't be modelled (no pipeline name, not exactly one source, not a plain top-level class).</param>
/// <param name="Findings">What the parser found (ALS0001-ALS0003, ALS3002, ALS3003), in attribute order.</param>
/// <param name="HasUnreadableAttributes">
/// True when an AlaSpark attribute could not be read: it has compiler errors, or a null where a value
/// is needed (the compiler, or the analyzers, report those). The pipeline is then not valid.
/// </param>
internal sealed record ParsedPipeline(PipelineModel? Model, EquatableArray<Finding> Findings, bool HasUnreadableAttributes);

/// <summary>
/// A parsed pipeline with its schema tracked through the processors: what the generator emits from
/// and what the analyzers report from.
/// </summary>
/// <param name="Steps">
/// The schema at each step: <c>Steps[0]</c> is the source's, <c>Steps[i + 1]</c> the one after
/// processor <c>i</c>, the last one the schema that reaches the sinks. Empty when there is no model.
/// </param>
/// <param name="Findings">The parser's findings, then the tracker's, in chain order.</param>
internal sealed record CheckedPipeline(
    PipelineModel? Model,
    EquatableArray<SchemaStep> Steps,
    EquatableArray<Finding> Findings,
    bool HasUnreadableAttributes)
{
    /// <summary>True when the generator may emit code: a model, every attribute read, and no error finding.</summary>
    public bool IsValid => Model is not null && !HasUnreadableAttributes && Findings.All(f => f.Severity != FindingSeverity.Error);

    /// <summary>The schema that reaches the sinks (every sink writes the same table), or null without a model.</summary>
    public SchemaStep? SinkSchema => Steps.IsEmpty ? null : Steps[Steps.Count - 1];
}
