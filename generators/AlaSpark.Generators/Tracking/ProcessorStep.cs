using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>The column types a processor takes, for ALS3004. An unknown type always passes.</summary>
internal sealed class TypeRule
{
    private readonly DataTypeKind[] _accepted;

    private TypeRule(string description, params DataTypeKind[] accepted)
    {
        Description = description;
        _accepted = accepted;
    }

    /// <summary>What the processor takes, for the message (<c>a string column</c>).</summary>
    public string Description { get; }

    public bool Accepts(ColumnType type) => type.IsUnknown || _accepted.Contains(type.Kind);

    public static readonly TypeRule Text = new("a string (or binary) column", DataTypeKind.String, DataTypeKind.Binary);

    public static readonly TypeRule Temporal = new("a timestamp, date or string column",
        DataTypeKind.Timestamp, DataTypeKind.TimestampNtz, DataTypeKind.Date, DataTypeKind.String);

    public static readonly TypeRule Timestamp = new("a timestamp column", DataTypeKind.Timestamp, DataTypeKind.TimestampNtz);
}

/// <summary>
/// One processor applied to the working schema: its bound arguments by parameter name, the column
/// checks (reported as findings at the argument that names the column) and the schema changes.
/// The catalogue of <see cref="BuiltInProcessors"/> is written against this class.
/// </summary>
internal sealed class ProcessorStep(ProcessorModel processor, BoundConstructor constructor, WorkingSchema schema, List<Finding> findings)
{
    private readonly BoundConstructor _constructor = constructor;
    private readonly List<Finding> _findings = findings;

    public ProcessorModel Processor { get; } = processor;

    public WorkingSchema Schema { get; } = schema;

    // ---- Arguments

    /// <summary>The string a parameter gets (null for null, or a parameter that is not a string).</summary>
    public string? String(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.String } value ? value.Value : null;

    /// <summary>The strings of an array parameter (null elements stay null).</summary>
    public IReadOnlyList<string?> Strings(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Array } value
            ? value.Items.Select(i => i.Kind == ArgumentKind.String ? i.Value : null).ToList()
            : new List<string?>();

    /// <summary>The enum member a parameter gets (its number when no member has the value).</summary>
    public string? Member(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Enum } value ? value.Value : null;

    /// <summary>A column name the processor creates; reports ALS3006 and returns null when it is null or empty.</summary>
    public string? NewColumnName(string parameter)
    {
        var name = String(parameter);
        if (!string.IsNullOrEmpty(name)) return name;
        Invalid(parameter, name is null ? "null" : "\"\"", "a column needs a name");
        return null;
    }

    // ---- Checks

    /// <summary>
    /// The existing column a string parameter names. Reports ALS3001 when it is missing from a
    /// complete schema, ALS3004 when its type breaks <paramref name="rule"/>. In a schema not fully
    /// known, a name not found is taken to exist with an unknown type. Null when missing.
    /// </summary>
    public ColumnModel? Require(string parameter, TypeRule? rule = null) => Require(String(parameter), parameter, -1, rule);

    /// <summary>The existing columns an array parameter names, each checked as <see cref="Require(string, TypeRule)"/>.</summary>
    public IReadOnlyList<ColumnModel> RequireEach(string parameter, TypeRule? rule = null) =>
        RequireElements(parameter, rule).Select(found => found.Column).ToList();

    /// <summary>As <see cref="RequireEach"/>, with the index of the array element that names each column.</summary>
    public IReadOnlyList<(ColumnModel Column, int Element)> RequireElements(string parameter, TypeRule? rule = null)
    {
        var found = new List<(ColumnModel, int)>();
        if (_constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Null })
        {
            Invalid(parameter, "null", "a list of column names is needed");
            return found;
        }
        var names = Strings(parameter);
        for (var i = 0; i < names.Count; i++)
        {
            var column = Require(names[i], parameter, i, rule);
            if (column is not null) found.Add((column, i));
        }
        return found;
    }

    private ColumnModel? Require(string? name, string parameter, int element, TypeRule? rule)
    {
        if (name is null)
        {
            Invalid(parameter, "null", "a column name is needed", element);
            return null;
        }
        var column = Schema.Find(name);
        if (column is null)
        {
            if (!Schema.IsComplete) return new ColumnModel(name, "", ColumnType.Unknown, true);
            Report(FindingIds.ColumnMissing, FindingSeverity.Error, parameter, element, Processor.ShortName, name, Schema.Describe());
            return null;
        }
        if (rule is not null && !rule.Accepts(column.Type))
            Report(FindingIds.ColumnType, FindingSeverity.Error, parameter, element, Processor.ShortName, column.Name, column.Type.SparkName, rule.Description);
        return column;
    }

    /// <summary>
    /// ALS3006: the value of <paramref name="parameter"/> is one the processor can't use. Nothing is
    /// reported for a parameter the bound constructor does not have (another overload): an entry of
    /// the catalogue that names a parameter wrongly shows in the schema parity test, not as a user's error.
    /// </summary>
    public void Invalid(string parameter, string value, string reason, int element = -1)
    {
        if (_constructor.Find(parameter) is null) return;
        Report(FindingIds.InvalidArgument, FindingSeverity.Error, parameter, element, Processor.ShortName, parameter, value, reason);
    }

    /// <summary>Reports a finding at the written argument bound to <paramref name="parameter"/> (the attribute when it was defaulted).</summary>
    public void Report(string id, FindingSeverity severity, string parameter, int element, params string[] arguments)
    {
        var (argument, elementIndex) = Site(parameter, element);
        _findings.Add(argument < 0
            ? Finding.AtAttribute(id, severity, Processor.AttributeIndex, arguments)
            : Finding.AtProcessorArgument(id, severity, Processor.AttributeIndex, argument, elementIndex, arguments));
    }

    /// <summary>The written argument (and array element) of a parameter's value, or -1 when defaulted.</summary>
    private (int Argument, int Element) Site(string parameter, int element)
    {
        var bound = _constructor.Find(parameter);
        if (bound is null || bound.IsDefaulted) return (-1, -1);
        if (bound.IsExpandedParams) return (bound.ArgumentIndex + (element < 0 ? 0 : element), -1);
        return (bound.ArgumentIndex, element);
    }

    // ---- Changes

    public void AddOrReplace(string name, ColumnType type, bool nullable) => Schema.AddOrReplace(new ColumnModel(name, "", type, nullable));

    /// <summary>Replaces an existing column's type and nullability, keeping its name and position.</summary>
    public void Retype(ColumnModel column, ColumnType type, bool nullable) => Schema.AddOrReplace(new ColumnModel(column.Name, "", type, nullable));

    public void Remove(ColumnModel column, string parameter, int element)
    {
        var (argument, elementIndex) = Site(parameter, element);
        Schema.Remove(column.Name, new RemovalSite(Processor.ShortName, Processor.AttributeIndex, argument, elementIndex));
    }

    public void KeepOnly(IReadOnlyList<ColumnModel> kept, string parameter)
    {
        var (argument, _) = Site(parameter, -1);
        Schema.KeepOnly(kept, new RemovalSite(Processor.ShortName, Processor.AttributeIndex, argument, -1));
    }

    public void MarkPartition(string name) => Schema.MarkPartition(name);
}
