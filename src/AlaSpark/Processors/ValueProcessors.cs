using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Masks a string column: every character becomes <c>mask</c> except the last <c>keepLast</c>
/// (<c>MaskColumn("card_number", 4)</c> turns <c>4111111111111111</c> into <c>************1111</c>). The length is
/// kept; characters are counted as Spark's <c>length</c> counts them (code points); null stays null.
/// </summary>
public sealed class MaskColumn : ToTableProcessor
{
    public MaskColumn(string column, int keepLast = 0, char mask = '*')
    {
        Column = RequireName(nameof(MaskColumn), nameof(column), column);
        if (keepLast < 0)
            throw InvalidArgument(nameof(MaskColumn), $"keepLast is {keepLast}; it is how many characters stay visible at the end, 0 or more.");
        if (char.IsSurrogate(mask) || char.IsControl(mask))
            throw InvalidArgument(nameof(MaskColumn), $"the mask U+{(int)mask:X4} is not a printable character; use one such as '*', '#' or 'X'.");
        KeepLast = keepLast;
        Mask = mask;
    }

    public string Column { get; }
    public int KeepLast { get; }
    public char Mask { get; }

    public override string DescribeArguments() => $"{Arguments(Column, KeepLast)}, '{Mask}'";

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        var value = ColumnRef(field.Name);
        var masked = KeepLast == 0
            ? Function("repeat", Lit(Mask.ToString()), Length(value))
            : Concat(
                Function("repeat", Lit(Mask.ToString()), Greatest(Length(value) - KeepLast, Lit(0))),
                Function("right", value, Lit(KeepLast)));
        // Null stays null explicitly: the embedded engine's repeat(s, NULL) gives "" where Spark's gives NULL.
        return table with { DataFrame = table.DataFrame.WithColumn(field.Name, When(value.IsNotNull(), masked)) };
    }
}

/// <summary>Sets a column to null in every row, keeping its type (the column becomes nullable).</summary>
public sealed class NullColumn(string column) : ToTableProcessor
{
    public string Column { get; } = RequireName(nameof(NullColumn), nameof(column), column);

    public override string DescribeArguments() => Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column);
        return table with { DataFrame = table.DataFrame.WithColumn(field.Name, Lit(null).Cast(field.DataType)) };
    }
}

/// <summary>
/// Replaces every match of a regular expression in a string column: Spark's <c>regexp_replace</c>, with Java's
/// regular expressions and <c>$1</c> for a group in the replacement (<c>ReplaceCharacter("phone", "[^0-9+]", "")</c>).
/// </summary>
public sealed class ReplaceCharacter : ToTableProcessor
{
    public ReplaceCharacter(string column, string pattern, string replacement)
    {
        Column = RequireName(nameof(ReplaceCharacter), nameof(column), column);
        Pattern = pattern ?? throw InvalidArgument(nameof(ReplaceCharacter), "pattern is null; give a regular expression such as \"[^0-9]\".");
        Replacement = replacement ?? throw InvalidArgument(nameof(ReplaceCharacter), "replacement is null; give the text to put in place of each match (\"\" to remove it).");
    }

    public string Column { get; }
    public string Pattern { get; }
    public string Replacement { get; }

    public override string DescribeArguments() => Arguments(Column, Pattern, Replacement);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        return Resolved(table, table.DataFrame.WithColumn(field.Name, RegexpReplace(ColumnRef(field.Name), Pattern, Replacement)));
    }
}

/// <summary>
/// Removes leading and trailing spaces from string columns, as Spark's <c>trim</c> does (spaces only: tabs and
/// line breaks stay). No columns named: every top-level string column.
/// </summary>
public sealed class TrimStrings(string[] columns) : ToTableProcessor
{
    public IReadOnlyList<string> Columns { get; } = RequireNames(nameof(TrimStrings), nameof(columns), columns, allowEmpty: true);

    public override string DescribeArguments() => Arguments(Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var names = Columns.Count == 0
            ? table.DataFrame.Schema.Fields.Where(f => f.DataType is StringType).Select(f => f.Name).ToList()
            : Columns.Select(c => RequireStringColumn(table, c).Name).ToList();
        var frame = table.DataFrame;
        foreach (var name in names) frame = frame.WithColumn(name, Trim(ColumnRef(name)));
        return table with { DataFrame = frame };
    }
}

/// <summary>
/// Adds (or replaces) a string column with a group of a regular expression's first match in a string column:
/// Spark's <c>regexp_extract</c>. No match gives <c>""</c>; null gives null; group 0 is the whole match.
/// </summary>
public sealed class RegexExtract : ToTableProcessor
{
    public RegexExtract(string column, string pattern, int group, string target)
    {
        Column = RequireName(nameof(RegexExtract), nameof(column), column);
        Pattern = string.IsNullOrEmpty(pattern)
            ? throw InvalidArgument(nameof(RegexExtract), $"pattern is {(pattern is null ? "null" : "empty")}; give a regular expression with a group, such as \"@(.+)$\".")
            : pattern;
        if (group < 0) throw InvalidArgument(nameof(RegexExtract), $"group is {group}; it is 0 for the whole match or the number of a group, 1 for the first.");
        Group = group;
        Target = RequireName(nameof(RegexExtract), nameof(target), target);
    }

    public string Column { get; }
    public string Pattern { get; }
    public int Group { get; }
    public string Target { get; }

    public override string DescribeArguments() => Arguments(Column, Pattern, Group, Target);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        return Resolved(table, table.DataFrame.WithColumn(Target, RegexpExtract(ColumnRef(field.Name), Pattern, Group)));
    }
}

/// <summary>
/// Splits a string column around matches of a regular expression (Spark's <c>split</c>) into one string column per
/// target. The last target takes the rest of the text (<c>split(column, pattern, targets.Length)</c>); a target with
/// no part left is null, as is every target when the column is null. The column itself stays.
/// </summary>
public sealed class SplitColumn : ToTableProcessor
{
    /// <summary>The most targets: Spark's <c>split</c> with a limit, as the embedded engine runs it.</summary>
    public const int MaxTargets = 32;

    public SplitColumn(string column, string pattern, string[] targets)
    {
        Column = RequireName(nameof(SplitColumn), nameof(column), column);
        Pattern = string.IsNullOrEmpty(pattern)
            ? throw InvalidArgument(nameof(SplitColumn), $"pattern is {(pattern is null ? "null" : "empty")}; give the separator as a regular expression, such as \",\" or \"\\\\s+\".")
            : pattern;
        Targets = RequireNames(nameof(SplitColumn), nameof(targets), targets, allowEmpty: false);
        if (Targets.Count > MaxTargets)
            throw InvalidArgument(nameof(SplitColumn), $"targets has {Targets.Count} names; split into at most {MaxTargets} columns.");
    }

    public string Column { get; }
    public string Pattern { get; }
    public IReadOnlyList<string> Targets { get; }

    public override string DescribeArguments() => Arguments(Column, Pattern, Targets);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        var parts = Split(ColumnRef(field.Name), Pattern, Targets.Count);
        var frame = table.DataFrame;
        for (var i = 0; i < Targets.Count; i++)
            frame = frame.WithColumn(Targets[i], When(Size(parts) > i, parts.GetItem(i)));
        return Resolved(table, frame);
    }
}

/// <summary>
/// Adds (or replaces) a column with the first value that is not null among columns, in order: Spark's
/// <c>coalesce</c>. The type is the columns' common type (int and long give long; a string among numbers gives string).
/// </summary>
public sealed class CoalesceColumns : ToTableProcessor
{
    public CoalesceColumns(string target, string[] columns)
    {
        Target = RequireName(nameof(CoalesceColumns), nameof(target), target);
        Columns = RequireNames(nameof(CoalesceColumns), nameof(columns), columns, allowEmpty: false);
        if (Columns.Count < 2)
            throw InvalidArgument(nameof(CoalesceColumns), $"columns has one column ('{Columns[0]}'); coalesce two or more, or copy a column with WithColumn.");
    }

    public string Target { get; }
    public IReadOnlyList<string> Columns { get; }

    public override string DescribeArguments() => Arguments(Target, Columns);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var values = Columns.Select(c => ColumnRef(RequireColumn(table, c).Name)).ToArray();
        return Resolved(table, table.DataFrame.WithColumn(Target, Coalesce(values)));
    }
}

/// <summary>
/// Replaces nulls with a value: <c>FillNulls("country", "unknown")</c>, or several columns at once with
/// <c>"column=value"</c> pairs (<c>FillNulls(["country=unknown", "quantity=0"])</c>). Each value is text cast to
/// the column's type with Spark's rules, checked at the step (<c>"0"</c> for an int, <c>"2024-01-31"</c> for a date).
/// Columns of arrays, maps and structs can't be filled.
/// </summary>
public sealed class FillNulls : ToTableProcessor
{
    public FillNulls(string column, string value)
    {
        _single = true;
        var name = RequireName(nameof(FillNulls), nameof(column), column);
        Values = [new(name, value ?? throw InvalidArgument(nameof(FillNulls), $"the value for '{name}' is null; give the value to put in place of nulls."))];
    }

    public FillNulls(string[] values) =>
        Values = ParsePairs(nameof(FillNulls), nameof(values), values, "[\"country=unknown\", \"quantity=0\"]", trimValues: false);

    private readonly bool _single;

    /// <summary>Column to value (as text), in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    public override string DescribeArguments() => _single
        ? Arguments(Values[0].Key, Values[0].Value)
        : Arguments(Values.Select(v => $"{v.Key}={v.Value}").ToList());

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var frame = table.DataFrame;
        foreach (var (column, text) in Values)
        {
            var field = RequireColumn(table, column, IsAtomic, "only columns of single values can be filled (not arrays, maps or structs)");
            var value = TypedConstant(table, text, field.DataType, $"the value for '{field.Name}'");
            frame = frame.WithColumn(field.Name, Coalesce(ColumnRef(field.Name), value));
        }
        return table with { DataFrame = frame };
    }
}

/// <summary>
/// Adds (or replaces) a column holding one value in every row: text cast to a Spark type
/// (<c>AddConstantColumn("source_system", "crm")</c>, <c>AddConstantColumn("batch", "7", "int")</c>); a null value
/// gives a null of the type.
/// </summary>
public sealed class AddConstantColumn : ToTableProcessor
{
    public AddConstantColumn(string column, string value, string dataType = "string")
    {
        Column = RequireName(nameof(AddConstantColumn), nameof(column), column);
        Value = value;
        try
        {
            Type = Types.DataType.Parse(dataType ?? throw new AlaSparkException("it is null"));
        }
        catch (AlaSparkException e)
        {
            throw InvalidArgument(nameof(AddConstantColumn), $"dataType \"{dataType}\" is not a Spark type ({e.Message}). Write a type such as string, int, date or decimal(10,2).");
        }
        if (!IsAtomic(Type) || Type is BinaryType)
            throw InvalidArgument(nameof(AddConstantColumn), $"dataType \"{dataType}\" is not a type a constant can be written in; use a string, number, boolean, date or timestamp type.");
        DataType = dataType;
    }

    public string Column { get; }
    public string? Value { get; }
    public string DataType { get; }
    public Types.DataType Type { get; }

    public override string DescribeArguments() => Arguments(Column, Value, DataType);

    public override ProcessedTable Apply(ProcessedTable table) =>
        table with { DataFrame = table.DataFrame.WithColumn(Column, TypedConstant(table, Value, Type, "the value")) };
}
