namespace AlaSpark.Generators.Model;

// The model of a pipeline, built by the parser from symbols and read by the emitter.
//
// Equality contract: every type here is a record of strings, bools, ints, enums and
// EquatableArray<T>, so two models built from equivalent source compare equal. That is what lets
// the incremental pipeline stop at the parse step after an unrelated edit. Never hold an ISymbol,
// SyntaxNode, Location or Compilation here: they would keep compilations alive and break caching
// (a test walks every step's output to enforce it).

/// <summary>One <c>[Pipeline]</c> class.</summary>
/// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
/// <param name="ClassName">The class's name.</param>
/// <param name="IsPublic">True when the class is public (the generated part repeats nothing else).</param>
/// <param name="Name">The pipeline's name, from <c>[Pipeline("...")]</c>.</param>
/// <param name="HasParameterlessConstructor">
/// True when the class can be created with <c>new ClassName()</c> (not abstract, and either no
/// constructor declared or a parameterless one among them): the generated registration needs it.
/// </param>
internal sealed record PipelineModel(
    string Namespace,
    string ClassName,
    bool IsPublic,
    string Name,
    bool HasParameterlessConstructor,
    SourceModel Source,
    EquatableArray<ProcessorModel> Processors,
    EquatableArray<SinkModel> Sinks)
{
    /// <summary>The generated file's name: stable, unique per class.</summary>
    public string HintName => (Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName) + ".Pipeline.g.cs";
}

/// <summary>The kinds of source attribute; the name is the attribute's name without <c>Attribute</c>.</summary>
internal enum SourceKind
{
    CsvSource,
    CsvStreamSource,
    JsonSource,
    JsonStreamSource,
    ParquetSource,
    ParquetStreamSource,
    DeltaSource,
    DeltaStreamSource,
}

/// <summary>The kinds of sink attribute; the name is the attribute's name without <c>Attribute</c>.</summary>
internal enum SinkKind
{
    DeltaSink,
    DeltaStreamSink,
    ParquetSink,
}

/// <summary>The pipeline's one source.</summary>
/// <param name="BadRecords">The <c>BadRecordsMode</c> member's name.</param>
/// <param name="Schema">The columns of the <c>Schema</c> record; null when the attribute gives none.</param>
internal sealed record SourceModel(
    SourceKind Kind,
    string Database,
    string Table,
    string? Path,
    string BadRecords,
    EquatableArray<string> Options,
    SchemaModel? Schema)
{
    /// <summary>The <c>BadRecords</c> a source attribute has when none is written.</summary>
    public const string DefaultBadRecords = "Quarantine";

    public bool IsStream => Kind is SourceKind.CsvStreamSource or SourceKind.JsonStreamSource
        or SourceKind.ParquetStreamSource or SourceKind.DeltaStreamSource;
}

/// <summary>The columns declared by a schema record.</summary>
/// <param name="TypeName">The record's fully qualified name, <c>global::</c> form.</param>
internal sealed record SchemaModel(string TypeName, EquatableArray<ColumnModel> Columns);

/// <summary>One column: a property of a schema record (or of a nested record), or a column a processor makes.</summary>
/// <param name="Name">The column's name: <c>[Column]</c>, else the property's name in snake_case.</param>
/// <param name="PropertyName">The C# property it comes from; empty for a column a processor adds.</param>
internal sealed record ColumnModel(string Name, string PropertyName, ColumnType Type, bool Nullable);

/// <summary>Spark's data types, as far as a C# schema record can declare them.</summary>
internal enum DataTypeKind
{
    String,
    Integer,
    Long,
    Short,
    Byte,
    Boolean,
    Float,
    Double,
    Decimal,
    Timestamp,
    TimestampNtz,
    Date,
    Binary,
    Array,
    Map,
    Struct,

    /// <summary>Not known at compile time (e.g. a <c>WithColumn</c> expression the generator does not type).</summary>
    Unknown,
}

/// <summary>A column's type.</summary>
/// <param name="ClrTypeName">
/// The C# type it comes from, <c>global::</c> form; empty for a type a processor makes. For a struct
/// it names the record only when that record is public (generated public members may use it).
/// </param>
/// <param name="Precision">Decimal precision, else 0.</param>
/// <param name="Scale">Decimal scale, else 0.</param>
/// <param name="Element">The element type of an array, the value type of a map.</param>
/// <param name="Fields">The fields of a struct.</param>
/// <param name="Key">The key type of a map; null means <c>string</c> (the only key a C# record declares).</param>
internal sealed record ColumnType(
    DataTypeKind Kind,
    string ClrTypeName,
    int Precision,
    int Scale,
    ColumnType? Element,
    EquatableArray<ColumnModel> Fields,
    ColumnType? Key = null)
{
    /// <summary>A type with no parts (not decimal, array, map or struct), made by a processor.</summary>
    public static ColumnType Of(DataTypeKind kind) => new(kind, "", 0, 0, null, EquatableArray<ColumnModel>.Empty);

    public static readonly ColumnType Unknown = Of(DataTypeKind.Unknown);

    public bool IsUnknown => Kind == DataTypeKind.Unknown;

    /// <summary>Spark's name of the type, e.g. <c>decimal(10,2)</c>, <c>array&lt;string&gt;</c>.</summary>
    public string SparkName => Kind switch
    {
        DataTypeKind.String => "string",
        DataTypeKind.Integer => "int",
        DataTypeKind.Long => "bigint",
        DataTypeKind.Short => "smallint",
        DataTypeKind.Byte => "tinyint",
        DataTypeKind.Boolean => "boolean",
        DataTypeKind.Float => "float",
        DataTypeKind.Double => "double",
        DataTypeKind.Decimal => "decimal(" + Precision + "," + Scale + ")",
        DataTypeKind.Timestamp => "timestamp",
        DataTypeKind.TimestampNtz => "timestamp_ntz",
        DataTypeKind.Date => "date",
        DataTypeKind.Binary => "binary",
        DataTypeKind.Array => "array<" + Element!.SparkName + ">",
        DataTypeKind.Map => "map<" + (Key?.SparkName ?? "string") + "," + Element!.SparkName + ">",
        DataTypeKind.Unknown => "unknown",
        _ => "struct<" + string.Join(",", System.Linq.Enumerable.Select(Fields, f => f.Name + ":" + f.Type.SparkName)) + ">",
    };
}

/// <summary>One <c>[Processor]</c>, in attribute order.</summary>
/// <param name="AttributeIndex">The attribute's index among the class's attributes (as <c>GetAttributes()</c> lists them), for findings.</param>
/// <param name="TypeName">The processor's fully qualified name, <c>global::</c> form.</param>
/// <param name="ShortName">The processor's simple name (e.g. <c>HashColumn</c>).</param>
/// <param name="Arguments">The constructor arguments as written, in order (after the type).</param>
/// <param name="Constructor">
/// The public constructor the arguments bind to; null when none binds, the type is not a
/// <c>ToTableProcessor</c>, or the attribute has compiler errors (the pipeline is then invalid).
/// </param>
/// <param name="DeclaredEffects">
/// The schema effect a custom processor declares with <c>[AddsColumn]</c>, <c>[RemovesColumn]</c> and
/// <c>[PreservesSchema]</c>; null when it declares none. Built-in processors' effects come from
/// <c>BuiltInProcessors</c> instead.
/// </param>
internal sealed record ProcessorModel(
    int AttributeIndex,
    string TypeName,
    string ShortName,
    EquatableArray<ArgumentModel> Arguments,
    BoundConstructor? Constructor,
    DeclaredEffects? DeclaredEffects);

/// <summary>The kinds of constant an attribute argument can be.</summary>
internal enum ArgumentKind
{
    Null,
    String,
    Char,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Enum,
    Type,
    Array,
}

/// <summary>A typed constant of an attribute argument.</summary>
/// <param name="TypeName">The constant's type, <c>global::</c> form (the element's type for an array).</param>
/// <param name="Value">
/// The value in invariant text: the string itself, a number in round-trip form, <c>true</c>/<c>false</c>,
/// an enum's member name (or its number when no member has it), a type's <c>global::</c> name; null
/// for null and arrays.
/// </param>
/// <param name="Items">The elements of an array.</param>
internal sealed record ArgumentModel(ArgumentKind Kind, string TypeName, string? Value, EquatableArray<ArgumentModel> Items)
{
    /// <summary>An argument as its author would write it, for messages and descriptions (an enum's or a <c>typeof</c>'s type by its short name).</summary>
    public static string Display(ArgumentModel argument) => argument.Kind switch
    {
        ArgumentKind.Null => "null",
        ArgumentKind.String => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(argument.Value!, quote: true),
        ArgumentKind.Char => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(argument.Value![0], quote: true),
        ArgumentKind.Enum => ShortName(argument.TypeName) + "." + argument.Value,
        ArgumentKind.Type => "typeof(" + ShortName(argument.Value!) + ")",
        ArgumentKind.Array => "new[] { " + string.Join(", ", System.Linq.Enumerable.Select(argument.Items, Display)) + " }",
        ArgumentKind.Single => argument.Value + "f",
        ArgumentKind.Decimal => argument.Value + "m",
        ArgumentKind.Int64 => argument.Value + "L",
        _ => argument.Value!,
    };

    private static string ShortName(string qualified)
    {
        var dot = qualified.LastIndexOf('.');
        var name = dot < 0 ? qualified : qualified.Substring(dot + 1);
        return name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring("global::".Length) : name;
    }
}

/// <summary>One sink attribute, with every property (defaults where not given).</summary>
/// <param name="AttributeIndex">The attribute's index among the class's attributes, for findings.</param>
/// <param name="Mode">The <c>WriteMode</c> member's name.</param>
/// <param name="OutputMode">The <c>OutputMode</c> member's name.</param>
internal sealed record SinkModel(
    int AttributeIndex,
    SinkKind Kind,
    string Database,
    string Table,
    EquatableArray<string> PartitionBy,
    string Mode,
    string OutputMode,
    bool MergeSchema,
    string? Trigger,
    string? CheckpointLocation)
{
    /// <summary>The <c>Mode</c> and <c>OutputMode</c> a sink attribute has when none is written.</summary>
    public const string DefaultMode = "Append";

    public const string DefaultOutputMode = "Append";

    public bool IsStream => Kind == SinkKind.DeltaStreamSink;

    /// <summary><c>database.table</c>, as messages show it.</summary>
    public string FullName => Database + "." + Table;
}
