using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlaSpark.Types;

/// <summary>A named, typed column of a <see cref="StructType"/>.</summary>
public sealed record StructField(string Name, DataType DataType, bool Nullable = true, string? Comment = null)
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoMetadata =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonNode?>(new Dictionary<string, JsonNode?>());

    /// <summary>
    /// The field's whole <c>metadata</c> object from Spark's JSON schema format, in file order (Delta keeps
    /// column mapping, type changes, invariants and collations here). Empty for fields built in code or
    /// from DDL. The comment is also here under <c>comment</c> when it came from JSON, but
    /// <see cref="Comment"/> is what counts. Metadata is not part of equality: two fields equal in name,
    /// type, nullability and comment are equal. Treat the nodes as read-only.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Metadata { get; init; } = NoMetadata;

    public bool Equals(StructField? other) =>
        other is not null && Name == other.Name && DataType.Equals(other.DataType) && Nullable == other.Nullable && Comment == other.Comment;

    public override int GetHashCode() => HashCode.Combine(Name, DataType, Nullable, Comment);

    public JsonObject ToJson()
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in Metadata)
            if (key != "comment") metadata[key] = value?.DeepClone();
        if (Comment is not null) metadata["comment"] = Comment;
        return new JsonObject
        {
            ["name"] = Name,
            ["type"] = DataType.ToJson(),
            ["nullable"] = Nullable,
            ["metadata"] = metadata,
        };
    }

    /// <summary>The field in DDL form: <c>`name` TYPE [NOT NULL] [COMMENT '...']</c>.</summary>
    public string ToDdl() =>
        $"{DdlParser.QuoteIdentifier(Name)} {DdlType(DataType)}{(Nullable ? "" : " NOT NULL")}{(Comment is null ? "" : " COMMENT '" + Comment.Replace("\\", "\\\\").Replace("'", "\\'") + "'")}";

    /// <summary>A type in DDL form; nested field names are quoted where needed.</summary>
    public static string DdlType(DataType type) => type switch
    {
        StructType s => "STRUCT<" + string.Join(", ", s.Fields.Select(f => $"{DdlParser.QuoteIdentifier(f.Name)}: {DdlType(f.DataType)}{(f.Nullable ? "" : " NOT NULL")}")) + ">",
        ArrayType a => $"ARRAY<{DdlType(a.ElementType)}>",
        MapType m => $"MAP<{DdlType(m.KeyType)}, {DdlType(m.ValueType)}>",
        _ => type.SimpleString.ToUpperInvariant(),
    };
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

    /// <summary>The schema as a tree, exactly like Spark's <c>printSchema()</c>.</summary>
    public string TreeString()
    {
        var sb = new System.Text.StringBuilder("root\n");
        foreach (var f in Fields) AppendTree(sb, f.Name, f.DataType, $"nullable = {Lower(f.Nullable)}", " |");
        return sb.ToString();
    }

    private static string Lower(bool b) => b ? "true" : "false";

    private static string TreeName(DataType type) => type switch
    {
        StructType => "struct",
        ArrayType => "array",
        MapType => "map",
        _ => type.JsonName,
    };

    private static void AppendTree(System.Text.StringBuilder sb, string name, DataType type, string nullability, string prefix)
    {
        sb.Append(prefix).Append("-- ").Append(name).Append(": ").Append(TreeName(type)).Append(" (").Append(nullability).Append(")\n");
        var inner = prefix + "    |";
        switch (type)
        {
            case StructType st:
                foreach (var f in st.Fields) AppendTree(sb, f.Name, f.DataType, $"nullable = {Lower(f.Nullable)}", inner);
                break;
            case ArrayType a:
                AppendTree(sb, "element", a.ElementType, $"containsNull = {Lower(a.ContainsNull)}", inner);
                break;
            case MapType m:
                sb.Append(inner).Append("-- key: ").Append(TreeName(m.KeyType)).Append('\n');
                AppendTree(sb, "value", m.ValueType, $"valueContainsNull = {Lower(m.ValueContainsNull)}", inner);
                break;
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
