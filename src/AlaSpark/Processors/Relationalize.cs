using AlaSpark.Naming;
using AlaSpark.Plan;
using AlaSpark.Types;
using static AlaSpark.Functions;

namespace AlaSpark;

/// <summary>
/// Splits a nested table into flat tables linked by keys (a <see cref="ToManyTablesProcessor"/>, like AWS Glue's
/// Relationalize). Structs are flattened into columns (<c>customer.name</c> → <c>customer_name</c>); each array
/// becomes a child table with one row per element, named after its path (<c>items</c>, <c>customer_addresses</c>,
/// an array inside the elements of <c>items</c>: <c>items_tags</c>); maps stay as columns.
/// <para>Keys: the root table (suffix <c>rootTableSuffix</c>) gets <c>&lt;suffix&gt;_id</c>, a hash of the whole input
/// row (<see cref="AddSurrogateKey"/>'s hash over every column). Each child table <c>s</c> has its parent's key column
/// (<c>root_id</c>, or <c>items_id</c> for <c>items_tags</c>), <c>s_index</c> (the element's 0-based position in its
/// array) and its own key <c>s_id</c>, a hash of the parent key and the index. The element's fields follow,
/// flattened; an element that is not a struct is the column <c>value</c> (an array of arrays gives a child table
/// <c>s_value</c>). A null or empty array gives no child row.</para>
/// <para>The keys are deterministic: the same input gives the same keys on every run. Rows that are equal in every
/// column are one record to the keys: they share a key, and their child rows appear once.</para>
/// <para>The outputs, root first then each child after its parent, carry <see cref="ProcessedTable.Suffix"/> (the
/// sink writes each to <c>&lt;sink table&gt;_&lt;suffix&gt;</c>) and, for a child, <see cref="ProcessedTable.Parent"/>.
/// The root keeps the input's partition columns; child tables have none.</para>
/// </summary>
public sealed class Relationalize : ToManyTablesProcessor
{
    private const string Element = "__alaspark_element";
    private const string Item = "__alaspark_item";

    public Relationalize(string rootTableSuffix = "root")
    {
        RootTableSuffix = RequireName(nameof(Relationalize), nameof(rootTableSuffix), rootTableSuffix);
        if (!NamingRules.IsSnakeCase(rootTableSuffix))
        {
            var suggestion = NamingRules.ToSnakeCase(rootTableSuffix);
            throw InvalidArgument(nameof(Relationalize),
                $"rootTableSuffix \"{rootTableSuffix}\" is not snake_case; it ends the root table's name, so write it as \"{(suggestion.Length > 0 ? suggestion : "root")}\".");
        }
    }

    /// <summary>The suffix of the root table's name, and of its key column (<c>root_id</c>).</summary>
    public string RootTableSuffix { get; }

    public override string DescribeArguments() => Arguments(RootTableSuffix);

    public override IReadOnlyList<ProcessedTable> Apply(ProcessedTable table)
    {
        var schema = table.DataFrame.Schema;
        if (schema.FieldNames.FirstOrDefault(n => n.StartsWith("__alaspark_", StringComparison.OrdinalIgnoreCase)) is { } taken)
            throw Failure(table, $"the column '{taken}' uses a name {Name} keeps for itself; rename it first.");
        var rootKey = RootTableSuffix + "_id";
        var frame = table.DataFrame.WithColumn(rootKey, ValueEncoding.HashColumns(schema, schema.FieldNames));
        var content = schema.Fields.Select(f => new Content([f.Name], ColumnRef(f.Name), f.DataType)).ToList();
        var outputs = new List<ProcessedTable>();
        Emit(table, outputs, RootTableSuffix, frame, [rootKey], content, parent: null);
        return outputs;
    }

    /// <summary>A value to place in a table: its path from the row or element (for the column's name), its expression and type.</summary>
    private sealed record Content(string[] Path, Column Value, DataType Type);

    /// <summary>
    /// Adds the table <paramref name="suffix"/>, read from <paramref name="frame"/>: the key columns, then the flattened
    /// content; then, after it, a child table for each array in the content.
    /// </summary>
    private void Emit(ProcessedTable table, List<ProcessedTable> outputs, string suffix, DataFrame frame, IReadOnlyList<string> keys,
        IReadOnlyList<Content> content, TableLink? parent)
    {
        var columns = new List<(string Name, Column Value)>();
        var arrays = new List<Content>();
        foreach (var item in content) Flatten(item, columns, arrays);

        var names = keys.Concat(columns.Select(c => c.Name)).ToList();
        var clash = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw Failure(table, $"the table '{suffix}' would have two columns named '{clash.Key}' (a key column, or flattened fields). Rename the field first.");
        if (outputs.Any(o => string.Equals(o.Suffix, suffix, StringComparison.OrdinalIgnoreCase)))
            throw Failure(table, $"two tables would be named with the suffix '{suffix}'. Rename the array or pass another rootTableSuffix.");

        var selected = frame.Select([.. keys.Select(k => ColumnRef(k)), .. columns.Select(c => c.Value.Alias(c.Name))]);
        var partitions = parent is null
            ? table.PartitionColumns.Where(p => names.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList()
            : [];
        outputs.Add(Resolved(table, selected) with
        {
            Name = $"{table.Name}_{suffix}",
            Suffix = suffix,
            Parent = parent,
            PartitionColumns = partitions,
        });

        var key = keys[^1];
        foreach (var array in arrays)
        {
            var path = NamingRules.ToSnakeCase(string.Join("_", array.Path));
            if (path.Length == 0)
                throw Failure(table, $"the array '{string.Join(".", array.Path)}' has no letter or digit to name its table after; rename it first.");
            var child = parent is null ? path : $"{suffix}_{path}";
            EmitChild(table, outputs, child, frame, key, array, suffix);
        }
    }

    /// <summary>A child table: one row per element of <paramref name="array"/> in each row of <paramref name="frame"/>.</summary>
    private void EmitChild(ProcessedTable table, List<ProcessedTable> outputs, string suffix, DataFrame frame, string parentKey, Content array, string parentSuffix)
    {
        var elementType = ((ArrayType)array.Type).ElementType;
        var (index, key) = ($"{suffix}_index", $"{suffix}_id");
        var (x, i) = ("alaspark_x", "alaspark_i");
        var positioned = new LambdaFunction(
            Function("named_struct", Lit("pos"), new Column(new LambdaVariable(i)), Lit("elem"), new Column(new LambdaVariable(x))).Expression,
            ValueList.Of(x, i));
        var rows = frame
            .Select(ColumnRef(parentKey), Explode(Function("transform", array.Value, new Column(positioned))).Alias(Item))
            .Select(ColumnRef(parentKey), Col(Item).GetField("pos").Alias(index), Col(Item).GetField("elem").Alias(Element));
        var keyed = rows
            .WithColumn(key, ValueEncoding.Hash([(ColumnRef(parentKey), StringType.Instance), (ColumnRef(index), IntegerType.Instance)]))
            .DropDuplicates(key);
        IReadOnlyList<Content> content = elementType is StructType element
            ? element.Fields.Select(f => new Content([f.Name], Col(Element).GetField(f.Name), f.DataType)).ToList()
            : [new Content(["value"], Col(Element), elementType)];
        Emit(table, outputs, suffix, keyed, [parentKey, index, key], content, new TableLink(parentSuffix, parentKey));
    }

    /// <summary>Splits content into columns (structs flattened, names joined with '_') and arrays (child tables).</summary>
    private static void Flatten(Content item, List<(string Name, Column Value)> columns, List<Content> arrays)
    {
        switch (item.Type)
        {
            case StructType s:
                foreach (var f in s.Fields) Flatten(new Content([.. item.Path, f.Name], item.Value.GetField(f.Name), f.DataType), columns, arrays);
                break;
            case ArrayType:
                arrays.Add(item);
                break;
            default:
                columns.Add((string.Join("_", item.Path), item.Value));
                break;
        }
    }
}
