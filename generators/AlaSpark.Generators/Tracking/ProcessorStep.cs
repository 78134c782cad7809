using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Tracking;

/// <summary>The column types a processor takes, for ALS3004. An unknown type always passes.</summary>
internal sealed class TypeRule
{
    private readonly Func<ColumnType, bool> _accepts;

    private TypeRule(string description, Func<ColumnType, bool> accepts)
    {
        Description = description;
        _accepts = accepts;
    }

    /// <summary>What the processor takes, for the message (<c>a string column</c>).</summary>
    public string Description { get; }

    public bool Accepts(ColumnType type) => type.IsUnknown || _accepts(type);

    private static TypeRule Of(string description, params DataTypeKind[] accepted) => new(description, t => accepted.Contains(t.Kind));

    private static TypeRule Except(string description, params DataTypeKind[] refused) => new(description, t => !refused.Contains(t.Kind));

    public static readonly TypeRule Text = Of("a string (or binary) column", DataTypeKind.String, DataTypeKind.Binary);

    /// <summary>A string column only (<c>MaskColumn</c>, <c>ReplaceCharacter</c>, the regular expression and JSON processors).</summary>
    public static readonly TypeRule String = Of("a string column", DataTypeKind.String);

    public static readonly TypeRule Temporal = Of("a timestamp, date or string column",
        DataTypeKind.Timestamp, DataTypeKind.TimestampNtz, DataTypeKind.Date, DataTypeKind.String);

    /// <summary>A <c>timestamp</c> (in the session's time zone), not a <c>timestamp_ntz</c>.</summary>
    public static readonly TypeRule Timestamp = Of("a timestamp column", DataTypeKind.Timestamp);

    /// <summary>What Spark's watermark takes: a <c>timestamp</c>, or a window (a struct whose <c>end</c> is one).</summary>
    public static readonly TypeRule EventTime = new("a timestamp column (or a window)", t =>
        t.Kind == DataTypeKind.Timestamp
        || t.Kind == DataTypeKind.Struct && t.Fields.Any(f => string.Equals(f.Name, "end", StringComparison.OrdinalIgnoreCase) && f.Type.Kind is DataTypeKind.Timestamp or DataTypeKind.Unknown));

    public static readonly TypeRule Array = Of("an array column", DataTypeKind.Array);

    /// <summary>A column of single values: what a null is filled with and a latest row is found by.</summary>
    public static readonly TypeRule Atomic = Except("a column of single values (not an array, map or struct)", DataTypeKind.Array, DataTypeKind.Map, DataTypeKind.Struct);

    public static readonly TypeRule NotMap = Except("a column that is not a map", DataTypeKind.Map);
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

    /// <summary>The number a parameter gets (an integral constant), or null.</summary>
    public long? Integer(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Byte or ArgumentKind.SByte or ArgumentKind.Int16 or ArgumentKind.UInt16 or ArgumentKind.Int32 or ArgumentKind.UInt32 or ArgumentKind.Int64 } value
        && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The value of a <c>bool</c> parameter, or null.</summary>
    public bool? Boolean(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Boolean } value ? value.Value == "true" : null;

    /// <summary>The value of a <c>char</c> parameter, or null.</summary>
    public char? Char(string parameter) =>
        _constructor.Find(parameter)?.Value is { Kind: ArgumentKind.Char, Value: { Length: 1 } text } ? text[0] : null;

    /// <summary>True when the constructor has <paramref name="parameter"/> (the overload that bound has it).</summary>
    public bool Has(string parameter) => _constructor.Find(parameter) is not null;

    /// <summary>True when <paramref name="parameter"/> gets null.</summary>
    public bool IsNull(string parameter) => _constructor.Find(parameter)?.Value.Kind == ArgumentKind.Null;

    /// <summary>
    /// A name the runtime requires (its <c>RequireName</c>): not null and not blank; reports ALS3006 with
    /// <paramref name="reason"/> and returns null otherwise.
    /// </summary>
    public string? Name(string parameter, string reason = "a column needs a name")
    {
        var name = String(parameter);
        if (name is not null && name.Trim().Length > 0) return name;
        Invalid(parameter, name is null ? "null" : Quote(name), reason);
        return null;
    }

    /// <summary>The existing column a name parameter names: <see cref="Name"/>, then <see cref="Require(string, TypeRule)"/>.</summary>
    public ColumnModel? RequireName(string parameter, TypeRule? rule = null) =>
        Name(parameter) is { } name ? Require(name, parameter, -1, rule) : null;

    /// <summary>
    /// The names of an array parameter as the runtime's <c>RequireNames</c> takes them, with the element
    /// each comes from: ALS3006 for a null array, an empty one (unless <paramref name="allowEmpty"/>), a
    /// null or blank element, and a name given twice (ignoring case). The names reported are left out.
    /// </summary>
    public IReadOnlyList<(string Name, int Element)> Names(string parameter, bool allowEmpty)
    {
        var result = new List<(string, int)>();
        if (IsNull(parameter))
        {
            Invalid(parameter, "null", "a list of column names is needed" + (allowEmpty ? " (empty for every column)" : ""));
            return result;
        }
        var names = Strings(parameter);
        if (names.Count == 0 && !allowEmpty)
            Invalid(parameter, "[]", "name at least one column");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name is null || name.Trim().Length == 0)
                Invalid(parameter, name is null ? "null" : Quote(name), "a column needs a name", i);
            else if (!seen.Add(name))
                Invalid(parameter, Quote(name), "it names a column already named; name each column once", i);
            else
                result.Add((name, i));
        }
        return result;
    }

    /// <summary>The existing columns named by <see cref="Names"/>, each checked as <see cref="Require(string, TypeRule)"/>.</summary>
    public IReadOnlyList<(ColumnModel Column, int Element)> RequireNames(string parameter, bool allowEmpty, TypeRule? rule = null)
    {
        var found = new List<(ColumnModel, int)>();
        foreach (var (name, element) in Names(parameter, allowEmpty))
        {
            var column = Require(name, parameter, element, rule);
            if (column is not null) found.Add((column, element));
        }
        return found;
    }

    /// <summary>
    /// The <c>"key=value"</c> pairs of an array parameter as the runtime's <c>ParsePairs</c> reads them:
    /// split at the first <c>=</c>, the key trimmed (the value too unless <paramref name="trimValues"/> is
    /// false), each key once. ALS3006 for a null or empty array, an element that is not a pair and a key
    /// given twice, with <paramref name="example"/> in the message.
    /// </summary>
    public IReadOnlyList<(string Key, string Value, int Element)> Pairs(string parameter, string example, bool trimValues = true)
    {
        var result = new List<(string, string, int)>();
        var pairs = Strings(parameter);
        if (IsNull(parameter) || pairs.Count == 0)
        {
            Invalid(parameter, IsNull(parameter) ? "null" : "[]", "give pairs such as " + example);
            return result;
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var at = pair?.IndexOf('=') ?? -1;
            var key = at > 0 ? pair!.Substring(0, at).Trim() : "";
            if (key.Length == 0)
            {
                Invalid(parameter, pair is null ? "null" : Quote(pair), "it is not a pair 'name=value'; write pairs such as " + example, i);
                continue;
            }
            var value = pair!.Substring(at + 1);
            if (result.Any(p => string.Equals(p.Item1, key, StringComparison.OrdinalIgnoreCase)))
            {
                Invalid(parameter, Quote(pair), "it names '" + key + "' again; give each column once", i);
                continue;
            }
            result.Add((key, trimValues ? value.Trim() : value, i));
        }
        return result;
    }

    /// <summary>A string as C# writes it, for messages.</summary>
    public static string Quote(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

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

    /// <summary>As <see cref="Require(string, TypeRule)"/> for a name taken from an argument's text (a pair's key, a sort column).</summary>
    public ColumnModel? Require(string? name, string parameter, int element, TypeRule? rule)
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

    public void Remove(ColumnModel column, string parameter, int element) => Schema.Remove(column.Name, RemovalAt(parameter, element));

    public void KeepOnly(IReadOnlyList<ColumnModel> kept, string parameter) => Schema.KeepOnly(kept, RemovalAt(parameter, -1));

    public void MarkPartition(string name) => Schema.MarkPartition(name);

    /// <summary>Where ALS2002 points when a sink is partitioned by a column this processor removes (or renames) at <paramref name="parameter"/>.</summary>
    public RemovalSite RemovalAt(string parameter, int element)
    {
        var (argument, elementIndex) = Site(parameter, element);
        return new RemovalSite(Processor.ShortName, Processor.AttributeIndex, argument, elementIndex);
    }
}
