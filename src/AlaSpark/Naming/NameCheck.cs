// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file. Keep it free of dependencies on other AlaSpark files and of APIs newer than
// netstandard2.0 (see NamingRules.cs).
#nullable enable

namespace AlaSpark.Naming;

/// <summary>
/// The outcome of checking one name against the naming standard. Checks never throw for a bad
/// name; they describe it: which rule, what is wrong, and a suggested replacement.
/// </summary>
public class NameCheck
{
    internal NameCheck(string name, NameKind kind, NamingViolation violation, string rule, string? problem, string? suggestion)
    {
        Name = name;
        Kind = kind;
        Violation = violation;
        Rule = rule;
        Problem = problem;
        Suggestion = suggestion;
    }

    /// <summary>The name that was checked, as given.</summary>
    public string Name { get; }

    /// <summary>What the name names.</summary>
    public NameKind Kind { get; }

    /// <summary>The rule the name breaks, or <see cref="NamingViolation.None"/>.</summary>
    public NamingViolation Violation { get; }

    /// <summary>True when the name follows the standard.</summary>
    public bool IsValid => Violation == NamingViolation.None;

    /// <summary>
    /// True when a metastore would refuse the name (empty, longer than 255 characters, or characters
    /// outside <c>[A-Za-z0-9_]</c>): the severe rule, analyzer ALS1005 (an error).
    /// </summary>
    public bool IsMetastoreViolation =>
        Violation == NamingViolation.Empty || Violation == NamingViolation.TooLong || Violation == NamingViolation.InvalidCharacters;

    /// <summary>The rule that applies, in words (e.g. "table names are snake_case: ...").</summary>
    public string Rule { get; }

    /// <summary>What is wrong with the name (e.g. "it contains upper-case letters"); null when valid.</summary>
    public string? Problem { get; }

    /// <summary>
    /// A name that follows the standard and is close to this one (e.g. <c>web_events</c> for
    /// <c>WebEvents</c>); null when valid or when no replacement can be derived.
    /// </summary>
    public string? Suggestion { get; }

    /// <summary>
    /// A complete sentence for an error or a diagnostic: the name, its kind, what is wrong, the rule
    /// and the suggested fix. Null when the name is valid.
    /// </summary>
    public string? Message => IsValid ? null : NamingRules.FormatMessage(this);

    /// <inheritdoc/>
    public override string ToString() => Message ?? (NamingRules.KindWord(Kind) + " name '" + Name + "' is valid");
}

/// <summary>
/// The outcome of checking a database name: besides the verdict, the parts that could be read
/// (prefix, layer, domain).
/// </summary>
public sealed class DatabaseNameCheck : NameCheck
{
    internal DatabaseNameCheck(string name, NamingViolation violation, string rule, string? problem, string? suggestion,
        string? prefix, string? layer, int layerIndex, string? domain)
        : base(name, NameKind.Database, violation, rule, problem, suggestion)
    {
        Prefix = prefix;
        Layer = layer;
        LayerIndex = layerIndex;
        Domain = domain;
    }

    /// <summary>The configured prefix when the name starts with it (empty when none is configured); otherwise null.</summary>
    public string? Prefix { get; }

    /// <summary>The layer (e.g. <c>raw</c>) when it was read and is a configured layer; otherwise null.</summary>
    public string? Layer { get; }

    /// <summary>The position of <see cref="Layer"/> in the configured layers, or -1 when there is no layer.</summary>
    public int LayerIndex { get; }

    /// <summary>The text after <c>__</c> (e.g. <c>web_events</c>), even when it is not valid; null when there is no <c>__</c>.</summary>
    public string? Domain { get; }
}

/// <summary>The outcome of checking that a pipeline's data flows forward from a source database to a sink database.</summary>
public sealed class LayerOrderCheck
{
    internal LayerOrderCheck(DatabaseNameCheck source, DatabaseNameCheck sink, string rule, string? problem)
    {
        Source = source;
        Sink = sink;
        Rule = rule;
        Problem = problem;
    }

    /// <summary>The check of the database the pipeline reads.</summary>
    public DatabaseNameCheck Source { get; }

    /// <summary>The check of the database the pipeline writes.</summary>
    public DatabaseNameCheck Sink { get; }

    /// <summary>True when both databases have a configured layer, so their order can be judged.</summary>
    public bool IsComparable => Source.LayerIndex >= 0 && Sink.LayerIndex >= 0;

    /// <summary>True when both layers are known and the sink's layer is not earlier than the source's.</summary>
    public bool IsValid => IsComparable && Sink.LayerIndex >= Source.LayerIndex;

    /// <summary>True when both layers are known and the sink's layer is earlier than the source's.</summary>
    public bool FlowsBackward => IsComparable && Sink.LayerIndex < Source.LayerIndex;

    /// <summary>The rule in words.</summary>
    public string Rule { get; }

    /// <summary>What is wrong (data flows backward, or a layer cannot be read from a name); null when valid.</summary>
    public string? Problem { get; }

    /// <summary>A complete sentence for an error or a diagnostic; null when valid.</summary>
    public string? Message => IsValid ? null : Problem + ". Rule: " + Rule + ".";

    /// <inheritdoc/>
    public override string ToString() => Message ?? ("'" + Source.Name + "' -> '" + Sink.Name + "' flows forward");
}
