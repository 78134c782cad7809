using AlaSpark.Plan;
using AlaSpark.Types;

namespace AlaSpark;

/// <summary>
/// What the processors of the catalogue share: errors that name the call and the step, column checks by
/// type, the batch-only check, and the checks of constructor arguments (which run when a pipeline is defined,
/// before any data is read).
/// </summary>
public abstract partial class ProcessorBase
{
    /// <summary>The call as its author wrote it, for errors: <c>MaskColumn("email", 4, '*')</c>.</summary>
    protected string Call => $"{Name}({DescribeArguments()})";

    /// <summary>An error at this processor's step: the call, the pipeline and table, then <paramref name="message"/>.</summary>
    protected AlaSparkException Failure(ProcessedTable table, string message, Exception? inner = null) =>
        inner is null ? new($"{Call} in {Where(table)}: {message}") : new($"{Call} in {Where(table)}: {message}", inner);

    /// <summary>
    /// The column, which must be of a type <paramref name="accepts"/> allows; otherwise an error saying what type
    /// it is, what the processor needs (<paramref name="expected"/>) and what to do (<paramref name="hint"/>).
    /// </summary>
    protected StructField RequireColumn(ProcessedTable table, string column, Func<DataType, bool> accepts, string expected, string hint = "")
    {
        var field = RequireColumn(table, column);
        if (!accepts(field.DataType))
            throw Failure(table, $"the column '{field.Name}' is {field.DataType.SimpleString}; {expected}.{(hint.Length == 0 ? "" : " " + hint)}");
        return field;
    }

    /// <summary>The column, which must be a string.</summary>
    protected StructField RequireStringColumn(ProcessedTable table, string column) =>
        RequireColumn(table, column, t => t is StringType, $"{Name} works on a string column",
            $"Cast it first, for example with AlterDataType(\"{column}\", \"string\").");

    /// <summary>
    /// The table with <paramref name="result"/> as its DataFrame, resolved now: a wrong expression, type or pattern
    /// fails at this step, naming the processor, instead of when the table is written.
    /// </summary>
    protected ProcessedTable Resolved(ProcessedTable table, DataFrame result)
    {
        try
        {
            _ = result.Schema;
        }
        catch (AlaSparkException e)
        {
            throw Failure(table, e.Message, e);
        }
        return table with { DataFrame = result };
    }

    /// <summary>Fails when the table is read as a stream: the processor needs the whole table (ALS4004 at compile time).</summary>
    protected void RequireBatch(ProcessedTable table)
    {
        if (PlanPrinter.Walk(table.DataFrame.Plan).OfType<Read>().Any(r => r.IsStreaming))
            throw Failure(table,
                $"{Name} needs the whole table, so it can't run on a stream (ALS4004). Use it in a batch pipeline, " +
                "or read the stream's output table in a batch pipeline of its own.");
    }

    /// <summary>A constant of <paramref name="type"/> from its text, checked now with Spark's cast rules.</summary>
    /// <remarks>The check runs the cast on the engine (one row), so a value the pipeline would fail on later, or turn
    /// into null with ANSI mode off, fails at this step, naming the value and the type.</remarks>
    protected Column TypedConstant(ProcessedTable table, string? value, DataType type, string what)
    {
        if (value is null) return Functions.Lit(null).Cast(type);
        if (type is StringType) return Functions.Lit(value);
        var probe = table.Session.CreateDataFrame(new StructType(new StructField("value", StringType.Instance)), [[value]])
            .Select(ColumnRef("value").TryCast(type))
            .Collect();
        if (probe[0][0] is null)
            throw Failure(table, $"{what} \"{value}\" is not a {type.SimpleString} value. Write it as Spark casts text to {type.SimpleString}{Example(type)}.");
        return Functions.Lit(value).Cast(type);
    }

    private static string Example(DataType type) => type switch
    {
        BooleanType => " (true or false)",
        DateType => " (2024-01-31)",
        TimestampType or TimestampNtzType => " (2024-01-31 13:45:00)",
        DecimalType or FloatType or DoubleType => " (12.5)",
        _ when type.IsIntegral => " (42)",
        _ => "",
    };

    /// <summary>Renames columns at once (old name to new name), keeping their order and moving the partition
    /// marking with them; fails when two columns would end with one name.</summary>
    protected ProcessedTable RenameAll(ProcessedTable table, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return table;
        var names = table.DataFrame.Schema.FieldNames.ToList();
        string NewName(string name) => renames.TryGetValue(name, out var renamed) ? renamed : name;
        var clash = names.GroupBy(NewName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw Failure(table, $"the columns {string.Join(" and ", clash.Select(n => $"'{n}'"))} would both be named '{clash.Key}'. Rename or drop one of them first.");
        return table with
        {
            DataFrame = table.DataFrame.Select(names.Select(n => ColumnRef(n).Alias(NewName(n))).ToArray()),
            PartitionColumns = table.PartitionColumns.Select(NewName).ToList(),
        };
    }

    /// <summary>Another table of the catalog, read as a source is read (format, location, schema, options).</summary>
    protected (DataFrame Frame, string FullName) ReadCatalogTable(ProcessedTable table, string database, string name)
    {
        Catalog.CatalogTable entry;
        try
        {
            entry = table.Session.Catalog.GetTable(database, name);
        }
        catch (AlaSparkException e)
        {
            throw Failure(table, $"{e.Message} Write or register the table first.", e);
        }
        var source = new DataSource(entry.Format, ValueList.Of(entry.Location), entry.Schema, new ValueMap(entry.Properties));
        return (new DataFrame(table.Session.Engine, new Read(source)), entry.FullName);
    }

    /// <summary>A top-level column by its exact name (a dot or a back-quote is part of the name, not a path).</summary>
    protected static Column ColumnRef(string name) => new(new UnresolvedAttribute(name));

    /// <summary>A call of the Spark function <paramref name="name"/>.</summary>
    protected static Column Function(string name, params Column[] arguments) =>
        new(new UnresolvedFunction(name, arguments.Select(a => a.Expression).ToArray()));

    /// <summary>True for a type of single values (not an array, map or struct): what a latest row is found by, and
    /// what a null can be filled with.</summary>
    protected static bool IsAtomic(DataType type) => type is not (ArrayType or MapType or StructType);

    /// <summary>An error in a constructor argument: what is wrong and what to write instead.</summary>
    protected static AlaSparkException InvalidArgument(string processor, string message) => new($"{processor}: {message}");

    /// <summary>A column name given to a constructor: not null, not blank.</summary>
    protected static string RequireName(string processor, string parameter, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw InvalidArgument(processor, $"{parameter} is {(name is null ? "null" : "blank")}; give the name of a column.");
        return name;
    }

    /// <summary>Column names given to a constructor: no null, blank or repeated name (names compare as Spark's do,
    /// ignoring case); none at all only when <paramref name="allowEmpty"/>. Returns a copy.</summary>
    protected static IReadOnlyList<string> RequireNames(string processor, string parameter, string[]? names, bool allowEmpty)
    {
        if (names is null) throw InvalidArgument(processor, $"{parameter} is null; give an array of column names{(allowEmpty ? " (empty for every column)" : "")}.");
        if (names.Length == 0 && !allowEmpty) throw InvalidArgument(processor, $"{parameter} is empty; give at least one column name.");
        foreach (var name in names) RequireName(processor, $"an element of {parameter}", name);
        var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw InvalidArgument(processor, $"{parameter} names the column '{repeated.Key}' twice; name each column once.");
        return [.. names];
    }

    /// <summary>
    /// <c>"key=value"</c> pairs given to a constructor (attribute arguments can't be dictionaries): split at the first
    /// <c>=</c>, the key trimmed and not blank, each key once. Returns them in order.
    /// </summary>
    protected static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(string processor, string parameter, string[]? pairs, string example, bool trimValues = true)
    {
        if (pairs is null || pairs.Length == 0) throw InvalidArgument(processor, $"{parameter} is {(pairs is null ? "null" : "empty")}; give pairs such as {example}.");
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var at = pair?.IndexOf('=') ?? -1;
            var key = at > 0 ? pair![..at].Trim() : "";
            if (key.Length == 0)
                throw InvalidArgument(processor, $"{parameter} has {(pair is null ? "null" : Quote(pair))}, which is not a pair 'name=value'; write pairs such as {example}.");
            var value = trimValues ? pair![(at + 1)..].Trim() : pair![(at + 1)..];
            if (result.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
                throw InvalidArgument(processor, $"{parameter} names '{key}' twice; give each column once.");
            result.Add(new(key, value));
        }
        return result;
    }
}
