using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlaSpark.Types;

/// <summary>A named, typed column of a <see cref="StructType"/>.</summary>
public sealed record StructField(string Name, DataType DataType, bool Nullable = true, string? Comment = null)
{
    public JsonObject ToJson()
    {
        var metadata = new JsonObject();
        if (Comment is not null) metadata["comment"] = Comment;
        return new JsonObject
        {
            ["name"] = Name,
            ["type"] = DataType.ToJson(),
            ["nullable"] = Nullable,
            ["metadata"] = metadata,
        };
    }

    /// <summary>The field in DDL form: <c>`name` type [NOT NULL]</c>.</summary>
    public string ToDdl() => $"{DdlParser.QuoteIdentifier(Name)} {DataType.SimpleString.ToUpperInvariant()}{(Nullable ? "" : " NOT NULL")}";
}

/// <summary>
/// A row type: an ordered list of fields. Field lookup by name is case-insensitive, as in Spark's
/// default (<c>spark.sql.caseSensitive=false</c>).
/// </summary>
public sealed record StructType : DataType, IEnumerable<StructField>
{
    public StructType(IEnumerable<StructField> fields) => Fields = fields.ToImmutableArray();

    public StructType(params StructField[] fields) => Fields = fields.ToImmutableArray();

    public ImmutableArray<StructField> Fields { get; }

    public static readonly StructType Empty = new(Array.Empty<StructField>());

    public int Count => Fields.Length;

    public StructField this[int index] => Fields[index];

    public StructField this[string name] => Find(name)
        ?? throw new AlaSparkException($"Column '{name}' does not exist. Available columns: {string.Join(", ", FieldNames)}.");

    public IEnumerable<string> FieldNames => Fields.Select(f => f.Name);

    public StructField? Find(string name)
    {
        foreach (var field in Fields)
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
                return field;
        return null;
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Length; i++)
            if (string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public StructType Add(string name, DataType type, bool nullable = true) => new(Fields.Add(new StructField(name, type, nullable)));

    public override string SimpleString =>
        $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.DataType.SimpleString}"))}>";

    public override JsonNode ToJson() => new JsonObject
    {
        ["type"] = "struct",
        ["fields"] = new JsonArray(Fields.Select(f => (JsonNode)f.ToJson()).ToArray()),
    };

    /// <summary>Spark's JSON schema string (what Delta's <c>schemaString</c> and Spark's <c>df.schema.json()</c> hold).</summary>
    public string Json => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>The schema as a DDL string: <c>`a` INT, `b` STRING</c>.</summary>
    public string ToDdl() => string.Join(", ", Fields.Select(f => f.ToDdl()));

    /// <summary>Parses a DDL column list: <c>id INT, name STRING NOT NULL, tags ARRAY&lt;STRING&gt;</c>.</summary>
    public static StructType FromDdl(string ddl) => DdlParser.ParseSchema(ddl);

    /// <summary>Reads Spark's JSON schema string.</summary>
    public static StructType FromJson(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new AlaSparkException("The schema JSON is empty.");
        return SchemaJson.ReadType(node) as StructType
            ?? throw new AlaSparkException($"The schema JSON is not a struct: {Truncate(json)}");
    }

    /// <summary>A readable tree, like Spark's <c>printSchema()</c>.</summary>
    public string TreeString()
    {
        var sb = new System.Text.StringBuilder("root\n");
        AppendTree(sb, this, 1);
        return sb.ToString();
    }

    private static void AppendTree(System.Text.StringBuilder sb, StructType type, int depth)
    {
        foreach (var f in type.Fields)
        {
            sb.Append(string.Concat(Enumerable.Repeat(" |   ", depth - 1))).Append(" |-- ")
              .Append(f.Name).Append(": ").Append(f.DataType is StructType ? "struct" : f.DataType.SimpleString)
              .Append(" (nullable = ").Append(f.Nullable ? "true" : "false").Append(")\n");
            if (f.DataType is StructType nested) AppendTree(sb, nested, depth + 1);
        }
    }

    public bool Equals(StructType? other) => other is not null && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var f in Fields) hash.Add(f);
        return hash.ToHashCode();
    }

    public IEnumerator<StructField> GetEnumerator() => ((IEnumerable<StructField>)Fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Truncate(string s) => s.Length > 200 ? s[..200] + "..." : s;
}
