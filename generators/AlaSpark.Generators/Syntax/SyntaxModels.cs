using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Syntax;

// What the generator reads from one file's syntax, before any name is bound. Equality contract as
// for PipelineModel: records of strings, bools, ints, enums and equatable arrays, so that a file
// whose declarations did not change gives an equal summary and every later step stays cached.

/// <summary>One file: the <c>[Pipeline]</c> classes it declares and what other files may need from it.</summary>
internal sealed record FileSummary(EquatableArray<SyntaxPipeline> Pipelines, FileDeclarations Declarations)
{
    public static readonly FileSummary Empty = new(EquatableArray<SyntaxPipeline>.Empty,
        new FileDeclarations(EquatableArray<DeclaredType>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, false));
}

/// <summary>The declarations of one file that name lookups elsewhere can reach.</summary>
/// <param name="Types">Every type declared in the file, nested ones included.</param>
/// <param name="GlobalUsings">The namespaces of its <c>global using</c> directives.</param>
/// <param name="GlobalAliases">The names of its <c>global using X = ...</c> aliases.</param>
/// <param name="Namespaces">Every namespace it declares, dotted.</param>
/// <param name="HasGlobalStaticUsing">True when it has a <c>global using static</c> directive (it can bring nested types into every file).</param>
internal sealed record FileDeclarations(
    EquatableArray<DeclaredType> Types,
    EquatableArray<string> GlobalUsings,
    EquatableArray<string> GlobalAliases,
    EquatableArray<string> Namespaces,
    bool HasGlobalStaticUsing);

/// <summary>The kinds of type declaration.</summary>
internal enum DeclaredKind
{
    Class,
    Record,
    Struct,
    RecordStruct,
    Interface,
    Enum,
    Delegate,
}

/// <summary>A type declared in source, as the schema reader needs it.</summary>
/// <param name="FullName">Namespace, containing types and name, dotted (<c>Jobs.WebEventsPipeline.Schema</c>).</param>
/// <param name="Arity">The number of type parameters.</param>
/// <param name="IsPublic">True when it and every type containing it are declared <c>public</c>.</param>
/// <param name="HasBaseList">True when it names a base type or interface.</param>
/// <param name="IsPartial">True when declared <c>partial</c> (its members may be elsewhere).</param>
/// <param name="HasConstructors">True when its body declares a constructor, or a class has a primary constructor.</param>
/// <param name="Properties">Its properties in declaration order: a record's positional parameters, then the body's.</param>
/// <param name="Context">The names in scope where it is declared, for its property types.</param>
/// <param name="HasNullableDirective">True when its file has a <c>#nullable</c> directive.</param>
internal sealed record DeclaredType(
    string FullName,
    string Name,
    int Arity,
    DeclaredKind Kind,
    bool IsPublic,
    bool HasBaseList,
    bool IsPartial,
    bool HasConstructors,
    EquatableArray<DeclaredProperty> Properties,
    NameContext Context,
    bool HasNullableDirective,
    ProcessorShape? Processor = null);

/// <summary>
/// A top-level class with a base type, as a custom processor: what <c>[Processor(typeof(...))]</c>
/// needs of it.
/// </summary>
/// <param name="IsReadable">False when something can't be read from syntax (then its pipelines are read from symbols).</param>
/// <param name="BaseType">The first type of its base list.</param>
/// <param name="Constructors">Its constructors (a primary constructor included); empty with <see cref="DeclaredType.HasConstructors"/> false means the implicit one.</param>
/// <param name="Attributes">Its attributes, as written (<c>[AddsColumn]</c>, <c>[RemovesColumn]</c>, <c>[PreservesSchema]</c>...).</param>
internal sealed record ProcessorShape(
    bool IsReadable,
    bool IsAbstract,
    bool IsStatic,
    TypeRef BaseType,
    EquatableArray<DeclaredConstructor> Constructors,
    EquatableArray<SyntaxAttribute> Attributes);

/// <summary>A constructor declared in source.</summary>
internal sealed record DeclaredConstructor(bool IsPublic, EquatableArray<DeclaredParameter> Parameters);

/// <summary>A constructor parameter as written.</summary>
/// <param name="Default">Its default value; null when it has none.</param>
/// <param name="DefaultIsNull">True when the default is the <c>null</c> literal.</param>
internal sealed record DeclaredParameter(string Name, TypeRef Type, bool IsParams, SyntaxValue? Default, bool DefaultIsNull);

/// <summary>A property of a declared type (or a record's positional parameter).</summary>
/// <param name="IsReadable">False when something about it can't be read from syntax (an attribute argument that is not a literal, say).</param>
/// <param name="ColumnName">The name given by <c>[Column]</c>, or null.</param>
/// <param name="Precision">The precision given by <c>[Decimal]</c>, or -1.</param>
internal sealed record DeclaredProperty(
    string Name,
    TypeRef Type,
    bool IsPublic,
    bool IsStatic,
    bool IsReadable,
    string? ColumnName,
    int Precision,
    int Scale);

/// <summary>The kinds of type as written.</summary>
internal enum TypeRefKind
{
    /// <summary>A keyword: <c>string</c>, <c>int</c>...; <see cref="TypeRef.Name"/> holds it.</summary>
    Keyword,

    /// <summary>A name, simple or dotted, with type arguments: <c>List&lt;string&gt;</c>, <c>System.DateTime</c>.</summary>
    Named,

    /// <summary>A one-dimensional array of <see cref="TypeRef.Arguments"/>[0].</summary>
    Array,

    /// <summary><c>T?</c> of <see cref="TypeRef.Arguments"/>[0].</summary>
    Nullable,

    /// <summary>Anything else (tuples, pointers, multi-dimensional arrays, aliases with <c>::</c>...).</summary>
    Unsupported,
}

/// <summary>A type as written in source.</summary>
/// <param name="Name">For a keyword, the keyword; for a name, its dotted parts without type arguments, <c>global::</c> kept as a first part.</param>
internal sealed record TypeRef(TypeRefKind Kind, string Name, EquatableArray<TypeRef> Arguments)
{
    public static readonly TypeRef Unsupported = new(TypeRefKind.Unsupported, "", EquatableArray<TypeRef>.Empty);
}

/// <summary>The names in scope at a declaration.</summary>
/// <param name="Namespace">The enclosing namespace, dotted; empty for the global namespace.</param>
/// <param name="ContainingTypes">The full names of the enclosing types, innermost first.</param>
/// <param name="Usings">The namespaces imported by the file's and enclosing namespaces' <c>using</c> directives.</param>
/// <param name="Aliases">The alias names those directives declare.</param>
/// <param name="HasStaticUsing">True when one of them is <c>using static</c>.</param>
internal sealed record NameContext(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    EquatableArray<string> Usings,
    EquatableArray<string> Aliases,
    bool HasStaticUsing);

/// <summary>A top-level class with a <c>[Pipeline]</c>-named attribute, as written.</summary>
/// <param name="FullName">Namespace and name, dotted.</param>
/// <param name="IsSimpleShape">True for a non-generic, non-static class without a primary constructor.</param>
/// <param name="HasParameterlessConstructor">True when <c>new C()</c> is possible (not abstract; no constructor declared, or a parameterless one).</param>
internal sealed record SyntaxPipeline(
    string Namespace,
    string ClassName,
    string FullName,
    bool IsPublic,
    bool IsPartial,
    bool IsSimpleShape,
    bool HasParameterlessConstructor,
    EquatableArray<SyntaxAttribute> Attributes,
    NameContext Context);

/// <summary>One attribute as written: its name's parts and its arguments.</summary>
/// <param name="IsReadable">False for a target specifier or an argument form the reader does not take.</param>
internal sealed record SyntaxAttribute(TypeRef Name, EquatableArray<SyntaxArgument> Arguments, bool IsReadable);

/// <summary>One attribute argument: positional, or <c>Name = value</c>.</summary>
internal sealed record SyntaxArgument(string? Property, SyntaxValue Value);

/// <summary>The kinds of argument expression the reader takes.</summary>
internal enum SyntaxValueKind
{
    /// <summary>A literal (or a negated numeric literal): <see cref="SyntaxValue.Constant"/> holds its model.</summary>
    Constant,

    /// <summary><c>typeof(T)</c> of <see cref="SyntaxValue.Type"/>.</summary>
    TypeOf,

    /// <summary><c>T.Member</c>: <see cref="SyntaxValue.Type"/> and <see cref="SyntaxValue.Member"/>.</summary>
    MemberAccess,

    /// <summary><c>new[] { ... }</c>, <c>new T[] { ... }</c> (element type in <see cref="SyntaxValue.Type"/>, or null when implicit).</summary>
    Array,

    /// <summary>Anything else: a constant's name, <c>nameof</c>, a cast, <c>null</c>, a collection expression...</summary>
    Unsupported,
}

/// <summary>An argument expression as written.</summary>
internal sealed record SyntaxValue(
    SyntaxValueKind Kind,
    ArgumentModel? Constant,
    TypeRef? Type,
    string? Member,
    EquatableArray<SyntaxValue> Items)
{
    public static readonly SyntaxValue Unsupported = new(SyntaxValueKind.Unsupported, null, null, null, EquatableArray<SyntaxValue>.Empty);
}
