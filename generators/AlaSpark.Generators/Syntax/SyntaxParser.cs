using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;
using AlaSpark.Naming;

namespace AlaSpark.Generators.Syntax;

/// <summary>What the syntax parser made of one attributed class.</summary>
internal enum SyntaxOutcome
{
    /// <summary>Not a pipeline the generator emits code for: no AlaSpark <c>[Pipeline]</c>, or certainly invalid (the analyzers report why).</summary>
    Skip,

    /// <summary>Read: <see cref="SyntaxResult.Parsed"/> is the model <see cref="Parsing.PipelineParser"/> gives.</summary>
    Parsed,

    /// <summary>Syntax can't decide: the generator reads this class from symbols.</summary>
    NeedsSymbols,
}

/// <summary>The syntax parser's answer for one class.</summary>
/// <param name="FullName">The class's dotted name (for the symbol reader).</param>
internal sealed record SyntaxResult(SyntaxOutcome Outcome, ParsedPipeline? Parsed, string FullName);

/// <summary>
/// Builds a valid pipeline's <see cref="ParsedPipeline"/> from syntax, the source index and the
/// catalogue, without asking the compiler for a symbol: the same model <see cref="Parsing.PipelineParser"/>
/// builds from symbols (a parity test holds the two together). It reads what pipelines are usually
/// made of: literals, <c>typeof</c>, enum members and arrays as arguments, built-in processors and
/// custom processors declared in source, and schema records declared in source with the types of
/// the schema table. For anything else it answers <see cref="SyntaxOutcome.NeedsSymbols"/>.
/// </summary>
internal sealed class SyntaxParser
{
    private readonly NameResolver _names;
    private readonly Catalogue _catalogue;
    private readonly SourceIndex _index;

    private SyntaxParser(SourceIndex index, Catalogue catalogue)
    {
        _index = index;
        _catalogue = catalogue;
        _names = new NameResolver(index, catalogue);
    }

    public static SyntaxResult Parse(SyntaxPipeline pipeline, SourceIndex index, Catalogue catalogue)
    {
        try
        {
            return new SyntaxParser(index, catalogue).ParseClass(pipeline);
        }
        catch (System.Exception)
        {
            // Never fail the build: whatever this reader trips on, the symbol reader decides.
            return Symbols(pipeline);
        }
    }

    private static SyntaxResult Symbols(SyntaxPipeline pipeline) => new(SyntaxOutcome.NeedsSymbols, null, pipeline.FullName);

    private static SyntaxResult Skip(SyntaxPipeline pipeline) => new(SyntaxOutcome.Skip, null, pipeline.FullName);

    private SyntaxResult ParseClass(SyntaxPipeline pipeline)
    {
        var kinds = new List<string>();
        foreach (var attribute in pipeline.Attributes)
        {
            var kind = _names.ResolveAttribute(attribute.Name, pipeline.Context);
            if (kind is null) return Symbols(pipeline);
            kinds.Add(kind);
        }
        if (!kinds.Contains("Pipeline")) return Skip(pipeline);
        if (!_catalogue.IsUsable || _index.DeclaresNamespace("AlaSpark") || _index.Find(pipeline.FullName).Count != 1) return Symbols(pipeline);
        // Shapes the generator does not extend, and a class that is not partial (ALS0003), get no code.
        if (!pipeline.IsSimpleShape || !pipeline.IsPartial) return Skip(pipeline);

        string? name = null;
        var sources = new List<SourceModel>();
        var processors = new List<ProcessorModel>();
        var sinks = new List<SinkModel>();
        for (var index = 0; index < pipeline.Attributes.Count; index++)
        {
            var attribute = pipeline.Attributes[index];
            var kind = kinds[index];
            if (kind.Length == 0) continue;
            if (!attribute.IsReadable) return Symbols(pipeline);
            switch (kind)
            {
                case "Pipeline":
                    if (attribute.Arguments.Count != 1 || attribute.Arguments[0] is not { Property: null, Value.Constant: { Kind: ArgumentKind.String } text })
                        return Symbols(pipeline);
                    name = text.Value;
                    break;
                case "Processor":
                    var processor = Processor(attribute, index, pipeline.Context);
                    if (processor is null) return Symbols(pipeline);
                    processors.Add(processor);
                    break;
                case "Column" or "Decimal" or "AddsColumn" or "RemovesColumn" or "PreservesSchema":
                    // Not a pipeline's attributes: the symbol reader passes over them too.
                    continue;
                default:
                    if (kind.EndsWith("Source", System.StringComparison.Ordinal))
                    {
                        var source = Source(attribute, (SourceKind)System.Enum.Parse(typeof(SourceKind), kind), pipeline.Context);
                        if (source is null) return Symbols(pipeline);
                        sources.Add(source);
                    }
                    else
                    {
                        var sink = Sink(attribute, index, (SinkKind)System.Enum.Parse(typeof(SinkKind), kind), pipeline.Context);
                        if (sink is null) return Symbols(pipeline);
                        sinks.Add(sink);
                    }
                    break;
            }
        }
        // Not exactly one source, or no sink: errors the analyzers report; no code.
        if (name is null || sources.Count != 1 || sinks.Count == 0) return Skip(pipeline);

        var model = new PipelineModel(
            pipeline.Namespace,
            pipeline.ClassName,
            pipeline.IsPublic,
            name,
            pipeline.HasParameterlessConstructor,
            sources[0],
            processors.ToEquatableArray(),
            sinks.ToEquatableArray());
        return new SyntaxResult(SyntaxOutcome.Parsed, new ParsedPipeline(model, EquatableArray<Finding>.Empty, HasUnreadableAttributes: false), pipeline.FullName);
    }

    private static bool TableArguments(SyntaxAttribute attribute, out string database, out string table)
    {
        database = table = "";
        var positional = attribute.Arguments.Where(a => a.Property is null).ToList();
        if (positional.Count != 2
            || positional[0].Value.Constant is not { Kind: ArgumentKind.String } db
            || positional[1].Value.Constant is not { Kind: ArgumentKind.String } tb)
            return false;
        database = db.Value!;
        table = tb.Value!;
        return true;
    }

    private SourceModel? Source(SyntaxAttribute attribute, SourceKind kind, NameContext context)
    {
        if (!TableArguments(attribute, out var database, out var table)) return null;
        string? path = null;
        var badRecords = SourceModel.DefaultBadRecords;
        var options = EquatableArray<string>.Empty;
        SchemaModel? schema = null;
        foreach (var argument in attribute.Arguments.Where(a => a.Property is not null))
        {
            switch (argument.Property)
            {
                case "Schema":
                    if (argument.Value is not { Kind: SyntaxValueKind.TypeOf, Type: { } schemaType }) return null;
                    schema = new SchemaReader(_names, _catalogue.NullableAnnotations).Read(schemaType, context);
                    if (schema is null) return null;
                    break;
                case "Path":
                    if (argument.Value.Constant is not { Kind: ArgumentKind.String } text) return null;
                    path = text.Value;
                    break;
                case "BadRecords":
                    if (EnumMember(argument.Value, "AlaSpark.BadRecordsMode", context) is not { } badRecordsMember) return null;
                    badRecords = badRecordsMember;
                    break;
                case "Options":
                    if (Strings(argument.Value) is not { } strings) return null;
                    options = strings;
                    break;
                default:
                    return null;
            }
        }
        return new SourceModel(kind, database, table, path, badRecords, options, schema);
    }

    private SinkModel? Sink(SyntaxAttribute attribute, int attributeIndex, SinkKind kind, NameContext context)
    {
        if (!TableArguments(attribute, out var database, out var table)) return null;
        var partitionBy = EquatableArray<string>.Empty;
        var mode = SinkModel.DefaultMode;
        var outputMode = SinkModel.DefaultOutputMode;
        var mergeSchema = false;
        string? trigger = null;
        string? checkpointLocation = null;
        foreach (var argument in attribute.Arguments.Where(a => a.Property is not null))
        {
            var constant = argument.Value.Constant;
            switch (argument.Property)
            {
                case "PartitionBy":
                    if (Strings(argument.Value) is not { } strings) return null;
                    partitionBy = strings;
                    break;
                case "Mode":
                    if (EnumMember(argument.Value, "AlaSpark.WriteMode", context) is not { } modeMember) return null;
                    mode = modeMember;
                    break;
                case "OutputMode":
                    if (EnumMember(argument.Value, "AlaSpark.OutputMode", context) is not { } outputModeMember) return null;
                    outputMode = outputModeMember;
                    break;
                case "MergeSchema" when constant is { Kind: ArgumentKind.Boolean }:
                    mergeSchema = constant.Value == "true";
                    break;
                case "Trigger" when constant is { Kind: ArgumentKind.String }:
                    trigger = constant.Value;
                    break;
                case "CheckpointLocation" when constant is { Kind: ArgumentKind.String }:
                    checkpointLocation = constant.Value;
                    break;
                default:
                    return null;
            }
        }
        return new SinkModel(attributeIndex, kind, database, table, partitionBy, mode, outputMode, mergeSchema, trigger, checkpointLocation);
    }

    /// <summary>The member name C# shows for <c>Enum.Member</c> of the enum <paramref name="enumName"/>, or null.</summary>
    private string? EnumMember(SyntaxValue value, string enumName, NameContext context) =>
        value is { Kind: SyntaxValueKind.MemberAccess, Type: { } owner, Member: { } member }
        && _names.Resolve(owner, context) is { Source: null } resolved && resolved.FullName == enumName
            ? _catalogue.FindEnum(enumName)?.CanonicalName(member)
            : null;

    /// <summary>A <c>string[]</c> of literals, or null.</summary>
    private static EquatableArray<string>? Strings(SyntaxValue value)
    {
        if (value.Kind != SyntaxValueKind.Array || value.Type is { } element && !IsKeyword(element, "string")) return null;
        if (value.Items.IsEmpty && value.Type is null) return null;
        var strings = new List<string>();
        foreach (var item in value.Items)
        {
            if (item.Constant is not { Kind: ArgumentKind.String } text) return null;
            strings.Add(text.Value!);
        }
        return strings.ToEquatableArray();
    }

    private static bool IsKeyword(TypeRef type, string keyword) => type.Kind == TypeRefKind.Keyword && type.Name == keyword;

    private ProcessorModel? Processor(SyntaxAttribute attribute, int attributeIndex, NameContext context)
    {
        if (attribute.Arguments.Any(a => a.Property is not null) || attribute.Arguments.Count == 0) return null;
        if (attribute.Arguments[0].Value is not { Kind: SyntaxValueKind.TypeOf, Type: { } processorType }) return null;
        if (_names.Resolve(processorType, context) is not { } resolved) return null;
        var processor = resolved.Source is { } declared ? SourceProcessor(declared) : _catalogue.FindProcessor(resolved.FullName);
        if (processor is null) return null;

        var written = attribute.Arguments.Skip(1).Select(a => a.Value).ToList();
        List<ArgumentModel>? arguments;
        if (written.Count == 1 && written[0].Kind == SyntaxValueKind.Array)
        {
            // One array: a string[] binds to (Type, string[]) and is the one argument; an object[]
            // is the params array itself; any other array is one element of it.
            var array = Argument(written[0], context);
            if (array is null) return null;
            arguments = array.TypeName switch
            {
                "string" => [array],
                "object" => array.Items.ToList(),
                _ => [array],
            };
        }
        else
        {
            arguments = new List<ArgumentModel>();
            foreach (var value in written)
            {
                if (Argument(value, context) is not { } argument) return null;
                arguments.Add(argument);
            }
        }

        var constructor = SyntaxBinder.Bind(processor, arguments);
        if (constructor is null) return null;
        return new ProcessorModel(attributeIndex, processor.TypeName, processor.Name, arguments.ToEquatableArray(), constructor, processor.Effects);
    }

    /// <summary>
    /// A custom processor declared in source, as the catalogue would describe it: a top-level class
    /// that derives from <c>ToTableProcessor</c> directly, its public constructors (or the implicit
    /// one) with parameter types the binder models, and the effects its attributes declare. Null
    /// when syntax can't tell.
    /// </summary>
    private CatalogueProcessor? SourceProcessor(DeclaredType type)
    {
        if (type.Kind != DeclaredKind.Class || type.Context.ContainingTypes.Count > 0
            || type.Processor is not { IsReadable: true, IsAbstract: false, IsStatic: false } shape)
            return null;
        if (_names.Resolve(shape.BaseType, type.Context)?.FullName != "AlaSpark.ToTableProcessor") return null;

        var adds = new List<ColumnModel>();
        var removes = new List<string>();
        var preserves = false;
        var declared = false;
        foreach (var attribute in shape.Attributes)
        {
            var kind = _names.ResolveAttribute(attribute.Name, type.Context);
            if (kind is null) return null;
            if (kind is not ("AddsColumn" or "RemovesColumn" or "PreservesSchema")) continue;
            if (!attribute.IsReadable || attribute.Arguments.Any(a => a.Property is not null)) return null;
            var arguments = attribute.Arguments;
            switch (kind)
            {
                case "AddsColumn" when arguments.Count == 2 && arguments[0].Value.Constant is { Kind: ArgumentKind.String } name
                                       && arguments[1].Value is { Kind: SyntaxValueKind.TypeOf, Type: { } columnType }:
                    var mapped = new SchemaReader(_names, nullableAnnotations: false, readsRecords: false).MapColumn(columnType, type.Context);
                    if (mapped is null) return null;
                    adds.Add(new ColumnModel(name.Value!, "", mapped.Value.Type, mapped.Value.Nullable));
                    break;
                case "RemovesColumn" when arguments.Count == 1 && arguments[0].Value.Constant is { Kind: ArgumentKind.String } removed:
                    removes.Add(removed.Value!);
                    break;
                case "PreservesSchema" when arguments.Count == 0:
                    preserves = true;
                    break;
                default:
                    return null;
            }
            declared = true;
        }

        var constructors = new List<CatalogueConstructor>();
        if (!type.HasConstructors) constructors.Add(new CatalogueConstructor(EquatableArray<CatalogueParameter>.Empty));
        foreach (var constructor in shape.Constructors)
        {
            if (!constructor.IsPublic) continue;
            var parameters = new List<CatalogueParameter>();
            foreach (var parameter in constructor.Parameters)
            {
                if (ParameterType(parameter.Type, type.Context) is not { } parameterType) return null;
                ArgumentModel? defaultValue = null;
                if (parameter.Default is not null || parameter.DefaultIsNull)
                {
                    defaultValue = DefaultValue(parameter, parameterType, type.Context);
                    if (defaultValue is null) return null;
                }
                parameters.Add(new CatalogueParameter(parameter.Name, parameterType, parameter.IsParams, defaultValue is not null, defaultValue));
            }
            constructors.Add(new CatalogueConstructor(parameters.ToEquatableArray()));
        }
        var effects = declared ? new DeclaredEffects(adds.ToEquatableArray(), removes.ToEquatableArray(), preserves) : null;
        return new CatalogueProcessor(type.FullName, type.Name, "global::" + type.FullName, constructors.ToEquatableArray(), effects);
    }

    private static readonly Dictionary<string, Microsoft.CodeAnalysis.SpecialType> SpecialKeywords = new()
    {
        ["string"] = Microsoft.CodeAnalysis.SpecialType.System_String,
        ["bool"] = Microsoft.CodeAnalysis.SpecialType.System_Boolean,
        ["char"] = Microsoft.CodeAnalysis.SpecialType.System_Char,
        ["sbyte"] = Microsoft.CodeAnalysis.SpecialType.System_SByte,
        ["byte"] = Microsoft.CodeAnalysis.SpecialType.System_Byte,
        ["short"] = Microsoft.CodeAnalysis.SpecialType.System_Int16,
        ["ushort"] = Microsoft.CodeAnalysis.SpecialType.System_UInt16,
        ["int"] = Microsoft.CodeAnalysis.SpecialType.System_Int32,
        ["uint"] = Microsoft.CodeAnalysis.SpecialType.System_UInt32,
        ["long"] = Microsoft.CodeAnalysis.SpecialType.System_Int64,
        ["ulong"] = Microsoft.CodeAnalysis.SpecialType.System_UInt64,
        ["float"] = Microsoft.CodeAnalysis.SpecialType.System_Single,
        ["double"] = Microsoft.CodeAnalysis.SpecialType.System_Double,
        ["decimal"] = Microsoft.CodeAnalysis.SpecialType.System_Decimal,
    };

    /// <summary>A parameter's type as <see cref="Syntax.ParameterType.Of"/> describes the symbol; null for a type the binder does not model.</summary>
    private ParameterType? ParameterType(TypeRef type, NameContext context)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Keyword when SpecialKeywords.TryGetValue(type.Name, out var special):
                return new ParameterType(ParameterTypeKind.Special, type.Name, special, null);
            case TypeRefKind.Nullable:
                var inner = ParameterType(type.Arguments[0], context);
                if (inner is null) return null;
                // string? is the string type with an annotation; int? is Nullable<int>.
                if (inner.Kind == ParameterTypeKind.Special && inner.Special == Microsoft.CodeAnalysis.SpecialType.System_String) return inner;
                return inner.Kind is ParameterTypeKind.Special or ParameterTypeKind.Enum
                    ? new ParameterType(ParameterTypeKind.Nullable, inner.Display + "?", Microsoft.CodeAnalysis.SpecialType.None, inner)
                    : null;
            case TypeRefKind.Array:
                var element = ParameterType(type.Arguments[0], context);
                return element is null ? null : new ParameterType(ParameterTypeKind.Array, element.Display + "[]", Microsoft.CodeAnalysis.SpecialType.None, element);
            case TypeRefKind.Named:
                var resolved = _names.Resolve(type, context);
                if (resolved is not { Source: null }) return null;
                if (resolved.FullName == "System.Type") return new ParameterType(ParameterTypeKind.SystemType, "global::System.Type", Microsoft.CodeAnalysis.SpecialType.None, null);
                return _catalogue.FindEnum(resolved.FullName) is { } enumType
                    ? new ParameterType(ParameterTypeKind.Enum, enumType.TypeName, Microsoft.CodeAnalysis.SpecialType.None, null)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>A parameter's default as <c>ArgumentParser.FromValue</c> gives it from the symbol: the constant converted to the parameter's type.</summary>
    private ArgumentModel? DefaultValue(DeclaredParameter parameter, ParameterType type, NameContext context)
    {
        if (parameter.DefaultIsNull) return new ArgumentModel(ArgumentKind.Null, type.Display, null, EquatableArray<ArgumentModel>.Empty);
        var target = type.Kind == ParameterTypeKind.Nullable ? type.Element! : type;
        var value = parameter.Default!;
        if (value.Kind == SyntaxValueKind.MemberAccess)
        {
            return target.Kind == ParameterTypeKind.Enum
                   && _names.Resolve(value.Type!, context) is { Source: null } owner
                   && _catalogue.FindEnum(owner.FullName) is { } enumType && enumType.TypeName == target.Display
                   && enumType.CanonicalName(value.Member!) is { } member
                ? new ArgumentModel(ArgumentKind.Enum, enumType.TypeName, member, EquatableArray<ArgumentModel>.Empty)
                : null;
        }
        if (value.Constant is not { } constant || target.Kind != ParameterTypeKind.Special) return null;
        if (constant.TypeName == target.Display) return constant;
        return SyntaxBinder.NumericType(constant.Kind) is { } source
            ? Parsing.Conversions.ConvertNumber(SyntaxBinder.Value(constant.Kind, constant.Value!), source, target.Special, target.Display)
            : null;
    }

    /// <summary>An argument's model, as <see cref="Parsing.ArgumentParser"/> reads its constant; null when syntax can't tell.</summary>
    private ArgumentModel? Argument(SyntaxValue value, NameContext context)
    {
        switch (value.Kind)
        {
            case SyntaxValueKind.Constant:
                return value.Constant;
            case SyntaxValueKind.TypeOf:
                return value.Type is { } type && TypeDisplay(type, context) is { } display
                    ? new ArgumentModel(ArgumentKind.Type, "global::System.Type", display, EquatableArray<ArgumentModel>.Empty)
                    : null;
            case SyntaxValueKind.MemberAccess:
                if (_names.Resolve(value.Type!, context) is not { Source: null } owner || _catalogue.FindEnum(owner.FullName) is not { } enumType) return null;
                return enumType.CanonicalName(value.Member!) is { } member
                    ? new ArgumentModel(ArgumentKind.Enum, enumType.TypeName, member, EquatableArray<ArgumentModel>.Empty)
                    : null;
            case SyntaxValueKind.Array:
            {
                var items = new List<ArgumentModel>();
                foreach (var item in value.Items)
                {
                    if (item.Kind == SyntaxValueKind.Array || Argument(item, context) is not { } model) return null;
                    items.Add(model);
                }
                // The element type: as written, or for new[] the one type every element has.
                string? elementType;
                if (value.Type is { } written)
                {
                    elementType = written.Kind == TypeRefKind.Keyword ? written.Name
                        : _names.Resolve(written, context) is { Source: null } resolved && _catalogue.FindEnum(resolved.FullName) is { } e ? e.TypeName
                        : null;
                    // Elements of another type would be converted; only object holds them as they are.
                    if (elementType is not null && elementType != "object" && items.Any(i => i.TypeName != elementType)) return null;
                }
                else
                {
                    var types = items.Select(i => i.TypeName).Distinct().ToList();
                    elementType = types.Count == 1 ? types[0] : null;
                }
                return elementType is null ? null : new ArgumentModel(ArgumentKind.Array, elementType, null, items.ToEquatableArray());
            }
            default:
                return null;
        }
    }

    /// <summary>The <c>global::</c> display of a <c>typeof</c> type: a keyword, or a type declared in source.</summary>
    private string? TypeDisplay(TypeRef type, NameContext context)
    {
        if (type.Kind == TypeRefKind.Keyword) return type.Name;
        return _names.Resolve(type, context) is { Source: not null } resolved ? "global::" + resolved.FullName : null;
    }
}

/// <summary>
/// A schema record's columns from its declaration, by the rules of <see cref="Parsing.SchemaParser"/>:
/// records and classes declared in source without a base type or constructors, whose property types
/// are the schema table's (keywords, <c>DateTime</c>, <c>DateOnly</c>, <c>DateTimeOffset</c>, arrays,
/// lists, string-keyed dictionaries and other such records).
/// </summary>
internal sealed class SchemaReader(NameResolver names, bool nullableAnnotations, bool readsRecords = true)
{
    /// <summary>
    /// The column type of <c>typeof(T)</c> in <c>[AddsColumn("name", typeof(T))]</c>, as
    /// <c>SchemaParser.MapColumn</c> gives it (a type in <c>typeof</c> carries no nullable annotation).
    /// </summary>
    public (ColumnType Type, bool Nullable)? MapColumn(TypeRef type, NameContext context) => Map(type, null, context);

    private readonly HashSet<string> _visiting = new(System.StringComparer.Ordinal);

    public SchemaModel? Read(TypeRef type, NameContext context)
    {
        if (names.Resolve(type, context) is not { Source: { } record }) return null;
        var columns = Columns(record);
        return columns is null ? null : new SchemaModel("global::" + record.FullName, columns.Value);
    }

    private EquatableArray<ColumnModel>? Columns(DeclaredType type)
    {
        if (type.Kind is not (DeclaredKind.Record or DeclaredKind.Class) || type.HasBaseList || type.HasConstructors || type.HasNullableDirective) return null;
        if (!_visiting.Add(type.FullName)) return null;
        var columns = new List<ColumnModel>();
        foreach (var property in type.Properties)
        {
            if (!property.IsPublic || property.IsStatic) continue;
            if (!property.IsReadable) return null;
            if (property.ColumnName is not null && !IsAlaSpark("Column", type.Context)) return null;
            if (property.Precision >= 0 && !IsAlaSpark("Decimal", type.Context)) return null;
            var mapped = Map(property.Type, property, type.Context);
            if (mapped is null) return null;
            columns.Add(new ColumnModel(property.ColumnName ?? NamingRules.ToSnakeCase(property.Name), property.Name, mapped.Value.Type, mapped.Value.Nullable));
        }
        _visiting.Remove(type.FullName);
        return columns.ToEquatableArray();
    }

    private bool IsAlaSpark(string attribute, NameContext context) =>
        names.ResolveAttribute(new TypeRef(TypeRefKind.Named, attribute, EquatableArray<TypeRef>.Empty), context) == attribute;

    private (ColumnType Type, bool Nullable)? Map(TypeRef type, DeclaredProperty? property, NameContext context)
    {
        if (type.Kind == TypeRefKind.Nullable)
        {
            // int? and string? alike give a nullable column of the underlying type.
            var inner = MapType(type.Arguments[0], property, context);
            return inner is null ? null : (inner.Value.Type, true);
        }
        var mapped = MapType(type, property, context);
        if (mapped is null) return null;
        return (mapped.Value.Type, !mapped.Value.IsValueType && !nullableAnnotations);
    }

    private (ColumnType Type, bool IsValueType)? MapType(TypeRef type, DeclaredProperty? property, NameContext context)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Keyword:
                return Keyword(type.Name, property);
            case TypeRefKind.Array:
            {
                var element = type.Arguments[0];
                if (element.Kind == TypeRefKind.Keyword && element.Name == "byte") return (Simple(DataTypeKind.Binary, "byte[]"), false);
                return Collection(DataTypeKind.Array, type, element, context);
            }
            case TypeRefKind.Named:
            {
                if (names.Resolve(type, context) is not { } resolved) return null;
                if (resolved.Source is { } record)
                {
                    if (!readsRecords) return null;
                    var fields = Columns(record);
                    return fields is null ? null : (new ColumnType(DataTypeKind.Struct, record.IsPublic ? "global::" + record.FullName : "", 0, 0, null, fields.Value), false);
                }
                switch (resolved.FullName)
                {
                    case "System.DateTime": return (Simple(DataTypeKind.Timestamp, "global::System.DateTime"), true);
                    case "System.DateTimeOffset": return (Simple(DataTypeKind.Timestamp, "global::System.DateTimeOffset"), true);
                    case "System.DateOnly": return (Simple(DataTypeKind.Date, "global::System.DateOnly"), true);
                    case "System.Collections.Generic.Dictionary`2" or "System.Collections.Generic.IReadOnlyDictionary`2" or "System.Collections.Generic.IDictionary`2":
                        return IsString(type.Arguments[0], context) ? Collection(DataTypeKind.Map, type, type.Arguments[1], context) : null;
                    case var list when list.EndsWith("`1", System.StringComparison.Ordinal):
                        return Collection(DataTypeKind.Array, type, type.Arguments[0], context);
                    default:
                        return Keyword(KeywordOf(resolved.FullName), property);
                }
            }
            default:
                return null;
        }
    }

    private bool IsString(TypeRef type, NameContext context) =>
        type.Kind == TypeRefKind.Keyword ? type.Name == "string" : names.Resolve(type, context)?.FullName == "System.String";

    private (ColumnType, bool)? Collection(DataTypeKind kind, TypeRef type, TypeRef element, NameContext context)
    {
        var display = Display(type, context);
        var mapped = Map(element, null, context);
        return display is null || mapped is null ? null : (new ColumnType(kind, display, 0, 0, mapped.Value.Type, EquatableArray<ColumnModel>.Empty), false);
    }

    private static (ColumnType, bool)? Keyword(string keyword, DeclaredProperty? property) => keyword switch
    {
        "string" => (Simple(DataTypeKind.String, "string"), false),
        "int" => (Simple(DataTypeKind.Integer, "int"), true),
        "long" => (Simple(DataTypeKind.Long, "long"), true),
        "short" => (Simple(DataTypeKind.Short, "short"), true),
        "sbyte" => (Simple(DataTypeKind.Byte, "sbyte"), true),
        "byte" => (Simple(DataTypeKind.Short, "byte"), true),
        "bool" => (Simple(DataTypeKind.Boolean, "bool"), true),
        "float" => (Simple(DataTypeKind.Float, "float"), true),
        "double" => (Simple(DataTypeKind.Double, "double"), true),
        "decimal" => (new ColumnType(DataTypeKind.Decimal, "decimal",
            property is { Precision: >= 0 } ? property.Precision : 38,
            property is { Precision: >= 0 } ? property.Scale : 18, null, EquatableArray<ColumnModel>.Empty), true),
        _ => null,
    };

    private static string KeywordOf(string fullName) => fullName switch
    {
        "System.String" => "string",
        "System.Int32" => "int",
        "System.Int64" => "long",
        "System.Int16" => "short",
        "System.SByte" => "sbyte",
        "System.Byte" => "byte",
        "System.Boolean" => "bool",
        "System.Single" => "float",
        "System.Double" => "double",
        "System.Decimal" => "decimal",
        _ => "",
    };

    /// <summary>A type's <c>global::</c> display, as <c>SymbolDisplayFormat.FullyQualifiedFormat</c> shows it; null when it can't be named.</summary>
    private string? Display(TypeRef type, NameContext context)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Keyword:
                return type.Name;
            case TypeRefKind.Array:
                return Display(type.Arguments[0], context) is { } element ? element + "[]" : null;
            case TypeRefKind.Nullable:
                // int? shows as int?; string? shows as string (the format leaves out reference annotations).
                var inner = type.Arguments[0];
                var innerDisplay = Display(inner, context);
                if (innerDisplay is null) return null;
                return IsValueType(inner, context) ? innerDisplay + "?" : innerDisplay;
            case TypeRefKind.Named:
                if (names.Resolve(type, context) is not { } resolved) return null;
                if (resolved.Source is null && KeywordOf(resolved.FullName) is { Length: > 0 } keyword) return keyword;
                var tick = resolved.FullName.IndexOf('`');
                var name = "global::" + (tick < 0 ? resolved.FullName : resolved.FullName.Substring(0, tick));
                if (type.Arguments.IsEmpty) return name;
                var arguments = type.Arguments.Select(a => Display(a, context)).ToList();
                return arguments.Any(a => a is null) ? null : name + "<" + string.Join(", ", arguments) + ">";
            default:
                return null;
        }
    }

    private bool IsValueType(TypeRef type, NameContext context) => type.Kind switch
    {
        TypeRefKind.Keyword => type.Name is not ("string" or "object"),
        TypeRefKind.Named => names.Resolve(type, context) is { Source: null } resolved
                             && (resolved.FullName is "System.DateTime" or "System.DateTimeOffset" or "System.DateOnly"
                                 || KeywordOf(resolved.FullName) is { Length: > 0 } k && k != "string"),
        _ => false,
    };

    private static ColumnType Simple(DataTypeKind kind, string clrName) =>
        new(kind, clrName, 0, 0, null, EquatableArray<ColumnModel>.Empty);
}
