using AlaSpark.Plan;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Turns nested structs into top-level columns: the field <c>c</c> of <c>b</c> of struct <c>a</c> becomes the column
/// <c>a_b_c</c> (with the default separator), in the struct's place and field order. A null struct gives nulls.
/// Arrays and maps stay as they are (see <c>ExplodeColumn</c> and <c>Relationalize</c>); a struct without
/// fields disappears.
/// </summary>
public sealed class FlattenSchema : ToTableProcessor
{
    public FlattenSchema(string separator = "_")
    {
        if (string.IsNullOrEmpty(separator))
            throw InvalidArgument(nameof(FlattenSchema), $"separator is {(separator is null ? "null" : "empty")}; give the text that joins field names, such as \"_\".");
        Separator = separator;
    }

    public string Separator { get; }

    public override string DescribeArguments() => Arguments(Separator);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var schema = table.DataFrame.Schema;
        if (!schema.Fields.Any(f => f.DataType is StructType)) return table;
        var columns = Leaves(schema, Separator).ToList();
        var clash = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw Failure(table,
                $"{string.Join(" and ", clash.Select(c => string.Join(".", c.Path)))} would all become the column '{clash.Key}'. " +
                "Rename one of them first, or flatten with another separator.");
        return table with { DataFrame = table.DataFrame.Select(columns.Select(c => new Column(new UnresolvedAttribute(c.Path)).Alias(c.Name)).ToArray()) };
    }

    /// <summary>The non-struct fields of <paramref name="schema"/>, depth first, each with its path and flat name.</summary>
    internal static IEnumerable<(string Name, string[] Path)> Leaves(StructType schema, string separator, string[]? prefix = null)
    {
        foreach (var field in schema.Fields)
        {
            string[] path = [.. prefix ?? [], field.Name];
            if (field.DataType is StructType nested)
            {
                foreach (var leaf in Leaves(nested, separator, path)) yield return leaf;
            }
            else
            {
                yield return (string.Join(separator, path), path);
            }
        }
    }
}

/// <summary>
/// Parses a JSON string column into a struct in its place: Spark's <c>from_json</c>, with the schema of a record
/// (<c>ParseJson("payload", typeof(Payload))</c>, columns named as <c>RecordSchema</c> names them) or in DDL
/// (<c>ParseJson("payload", "id INT, tags ARRAY&lt;STRING&gt;")</c>). Null gives null; text that is not JSON of that
/// shape gives a struct of nulls (Spark's PERMISSIVE mode); fields missing from the JSON are null.
/// </summary>
public sealed class ParseJson : ToTableProcessor
{
    private readonly string _schemaArgument;

    public ParseJson(string column, Type schema)
    {
        Column = RequireName(nameof(ParseJson), nameof(column), column);
        if (schema is null) throw InvalidArgument(nameof(ParseJson), "schema is null; give a record type, such as typeof(Payload), or a DDL schema.");
        try
        {
            Schema = RecordSchema.For(schema);
        }
        catch (AlaSparkException e)
        {
            throw InvalidArgument(nameof(ParseJson), $"the type {schema.Name} can't be a schema: {e.Message}");
        }
        _schemaArgument = $"typeof({schema.Name})";
    }

    public ParseJson(string column, string ddlSchema)
    {
        Column = RequireName(nameof(ParseJson), nameof(column), column);
        try
        {
            Schema = StructType.FromDdl(ddlSchema ?? throw new AlaSparkException("it is null"));
        }
        catch (AlaSparkException e)
        {
            throw InvalidArgument(nameof(ParseJson), $"the schema \"{ddlSchema}\" is not a DDL schema ({e.Message}). Write fields and types, such as \"id INT, name STRING\".");
        }
        if (Schema.Count == 0) throw InvalidArgument(nameof(ParseJson), "the schema has no field; write fields and types, such as \"id INT, name STRING\".");
        _schemaArgument = Quote(ddlSchema);
    }

    public string Column { get; }

    /// <summary>The struct the JSON is parsed into.</summary>
    public StructType Schema { get; }

    public override string DescribeArguments() => $"{Quote(Column)}, {_schemaArgument}";

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        return Resolved(table, table.DataFrame.WithColumn(field.Name, FromJson(ColumnRef(field.Name), Schema)));
    }
}

/// <summary>
/// One row per element of an array column: the column is replaced by the element (Spark's <c>explode</c>), the other
/// columns repeat. A null or empty array gives no row, or with <c>outer: true</c> one row with a null element
/// (<c>explode_outer</c>). A null element gives a row with null.
/// </summary>
public sealed class ExplodeColumn(string column, bool outer = false) : ToTableProcessor
{
    public string Column { get; } = RequireName(nameof(ExplodeColumn), nameof(column), column);
    public bool Outer { get; } = outer;

    public override string DescribeArguments() => Outer ? $"{Arguments(Column)}, outer: true" : Arguments(Column);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireColumn(table, Column, t => t is ArrayType, "ExplodeColumn explodes an array column",
            "A map can't be exploded into one column; a JSON string is parsed first with ParseJson.");
        var value = ColumnRef(field.Name);
        return Resolved(table, table.DataFrame.WithColumn(field.Name, Outer ? ExplodeOuter(value) : Explode(value)));
    }
}

/// <summary>
/// Adds (or replaces) a string column with the value at a JSONPath in a JSON string column: Spark's
/// <c>get_json_object</c> (<c>ExtractJsonField("payload", "$.user.id", "user_id")</c>). A missing path or text that
/// is not JSON gives null; an object or array comes back as JSON text.
/// </summary>
public sealed class ExtractJsonField : ToTableProcessor
{
    public ExtractJsonField(string column, string path, string target)
    {
        Column = RequireName(nameof(ExtractJsonField), nameof(column), column);
        if (path is null || !path.StartsWith('$'))
            throw InvalidArgument(nameof(ExtractJsonField), $"the path {(path is null ? "is null" : Quote(path) + " does not start with '$'")}; write a JSONPath such as \"$.user.id\" or \"$.items[0].sku\".");
        Path = path;
        Target = RequireName(nameof(ExtractJsonField), nameof(target), target);
    }

    public string Column { get; }
    public string Path { get; }
    public string Target { get; }

    public override string DescribeArguments() => Arguments(Column, Path, Target);

    public override ProcessedTable Apply(ProcessedTable table)
    {
        var field = RequireStringColumn(table, Column);
        return Resolved(table, table.DataFrame.WithColumn(Target, GetJsonObject(ColumnRef(field.Name), Path)));
    }
}
