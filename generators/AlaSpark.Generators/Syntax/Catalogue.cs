using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Syntax;

/// <summary>
/// What the referenced AlaSpark assemblies offer a pipeline, read from metadata: the built-in
/// processors with their public constructors, and the enums of namespace <c>AlaSpark</c>. Referenced
/// assemblies do not change when a file is edited, and the compiler keeps their symbols between
/// compilations, so reading this costs little on each edit and gives an equal catalogue.
/// </summary>
/// <param name="IsUsable">True when both AlaSpark.Abstractions and the runtime are referenced (not declared in source).</param>
/// <param name="NullableAnnotations">True when the project's nullable context annotates reference types.</param>
/// <param name="SharedNamespaces">
/// The namespaces declared in source that a referenced assembly (other than AlaSpark's) declares too:
/// its types may hide a name, so names looked up from inside them are left to the symbol reader.
/// </param>
internal sealed record Catalogue(
    bool IsUsable,
    bool NullableAnnotations,
    EquatableArray<CatalogueProcessor> Processors,
    EquatableArray<CatalogueEnum> Enums,
    EquatableArray<string> SharedNamespaces)
{
    private const string Namespace = "AlaSpark";

    private static readonly string[] AttributeEnums = { "BadRecordsMode", "WriteMode", "OutputMode" };

    public CatalogueProcessor? FindProcessor(string fullName) => Processors.FirstOrDefault(p => p.FullName == fullName);

    public CatalogueEnum? FindEnum(string fullName) => Enums.FirstOrDefault(e => e.FullName == fullName);

    /// <summary>
    /// The names the pipelines' attributes use as types (the last part of each <c>typeof(...)</c>
    /// and <c>X.Member</c> owner), so that the catalogue reads only those types on each edit.
    /// </summary>
    public static EquatableArray<string> NamesUsedBy(FileSummary file)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        void AddType(TypeRef? type)
        {
            if (type is null) return;
            if (type.Kind == TypeRefKind.Named) names.Add(type.Name.Substring(type.Name.LastIndexOf('.') + 1));
            foreach (var argument in type.Arguments) AddType(argument);
        }
        void Add(SyntaxValue? value)
        {
            if (value is null) return;
            AddType(value.Type);
            foreach (var item in value.Items) Add(item);
        }
        foreach (var pipeline in file.Pipelines)
        {
            foreach (var attribute in pipeline.Attributes)
            {
                foreach (var argument in attribute.Arguments) Add(argument.Value);
            }
        }
        // A custom processor's parameters may be of AlaSpark's enums, with their members as defaults.
        foreach (var type in file.Declarations.Types)
        {
            foreach (var constructor in type.Processor?.Constructors ?? EquatableArray<DeclaredConstructor>.Empty)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    AddType(parameter.Type);
                    Add(parameter.Default);
                }
            }
        }
        return names.ToEquatableArray();
    }

    /// <summary>
    /// Reads the processors and enums of namespace AlaSpark named <paramref name="names"/> (others
    /// are not in the catalogue, so a pipeline that uses them is read from symbols).
    /// </summary>
    public static Catalogue Read(Compilation compilation, EquatableArray<string> names, EquatableArray<string> sourceNamespaces, CancellationToken cancellationToken)
    {
        var annotations = compilation.Options.NullableContextOptions is NullableContextOptions.Enable or NullableContextOptions.Annotations;
        IAssemblySymbol? abstractions = null, runtime = null;
        INamedTypeSymbol? processorBase = null;
        var assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
        // The assemblies are looked for by their names first: a project references some two hundred
        // assemblies, and this runs on every edit.
        foreach (var assembly in assemblies)
        {
            if (assembly.Identity.Name == "AlaSpark.Abstractions" && assembly.GetTypeByMetadataName("AlaSpark.PipelineAttribute") is not null)
                abstractions = assembly;
            else if (assembly.Identity.Name == "AlaSpark" && assembly.GetTypeByMetadataName("AlaSpark.ToTableProcessor") is { } found)
                (runtime, processorBase) = (assembly, found);
        }
        if (abstractions is null || runtime is null)
        {
            foreach (var assembly in assemblies)
            {
                if (abstractions is null && assembly.GetTypeByMetadataName("AlaSpark.PipelineAttribute") is not null) abstractions = assembly;
                if (runtime is null && assembly.GetTypeByMetadataName("AlaSpark.ToTableProcessor") is { } found) (runtime, processorBase) = (assembly, found);
            }
        }
        if (abstractions is null || runtime is null || processorBase is null)
            return new Catalogue(false, annotations, EquatableArray<CatalogueProcessor>.Empty, EquatableArray<CatalogueEnum>.Empty, EquatableArray<string>.Empty);

        var processors = new List<CatalogueProcessor>();
        var enums = new List<CatalogueEnum>();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = runtime.GetTypeByMetadataName(Namespace + "." + name) ?? abstractions.GetTypeByMetadataName(Namespace + "." + name);
            if (type is null || type.DeclaredAccessibility != Accessibility.Public) continue;
            if (type.TypeKind == TypeKind.Enum) enums.Add(Enum(type));
            else if (type.TypeKind == TypeKind.Class && !type.IsAbstract && !type.IsGenericType && DerivesFrom(type, processorBase!))
                processors.Add(Processor(type));
        }
        // The attributes' own enums, which the sources and sinks name by property.
        foreach (var name in AttributeEnums)
        {
            if (!names.Contains(name) && abstractions.GetTypeByMetadataName(Namespace + "." + name) is { TypeKind: TypeKind.Enum } type) enums.Add(Enum(type));
        }
        var shared = new SortedSet<string>(System.StringComparer.Ordinal);
        if (!sourceNamespaces.IsEmpty)
        {
            foreach (var assembly in assemblies)
            {
                if (ReferenceEquals(assembly, runtime) || ReferenceEquals(assembly, abstractions)) continue;
                var declared = assembly.NamespaceNames;
                foreach (var ns in sourceNamespaces)
                {
                    if (declared.Contains(ns)) shared.Add(ns);
                }
            }
        }
        return new Catalogue(true, annotations, processors.ToEquatableArray(), enums.ToEquatableArray(), shared.ToEquatableArray());
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
        }
        return false;
    }

    private static CatalogueEnum Enum(INamedTypeSymbol type) => new(
        Namespace + "." + type.Name,
        Conversions.Display(type),
        type.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMember(f.Name, System.Convert.ToString(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            .ToEquatableArray());

    private static CatalogueProcessor Processor(INamedTypeSymbol type) => new(
        Namespace + "." + type.Name,
        type.Name,
        Conversions.Display(type),
        type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .Select(c => new CatalogueConstructor(c.Parameters.Select(Parameter).ToEquatableArray()))
            .ToEquatableArray(),
        ProcessorParser.DeclaredEffects(type));

    private static CatalogueParameter Parameter(IParameterSymbol parameter) => new(
        parameter.Name,
        ParameterType.Of(parameter.Type),
        parameter.IsParams,
        parameter.IsOptional,
        parameter.IsOptional
            ? ArgumentParser.FromValue(parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null, parameter.Type)
            : null);
}

/// <summary>A built-in processor.</summary>
/// <param name="FullName">Dotted, without <c>global::</c>.</param>
/// <param name="TypeName">The <c>global::</c> form the model uses.</param>
internal sealed record CatalogueProcessor(
    string FullName,
    string Name,
    string TypeName,
    EquatableArray<CatalogueConstructor> Constructors,
    DeclaredEffects? Effects);

/// <summary>A public constructor of a built-in processor.</summary>
internal sealed record CatalogueConstructor(EquatableArray<CatalogueParameter> Parameters);

/// <summary>A constructor parameter.</summary>
/// <param name="Default">The default's model for an optional parameter (null when it can't be read, or the parameter is not optional).</param>
internal sealed record CatalogueParameter(string Name, ParameterType Type, bool IsParams, bool IsOptional, ArgumentModel? Default);

/// <summary>An enum of namespace <c>AlaSpark</c>, with its members in declaration order.</summary>
internal sealed record CatalogueEnum(string FullName, string TypeName, EquatableArray<EnumMember> Members)
{
    /// <summary>The name C# shows for the value of <paramref name="member"/>: the first member with that value.</summary>
    public string? CanonicalName(string member)
    {
        var written = Members.FirstOrDefault(m => m.Name == member);
        return written is null ? null : Members.First(m => m.Value == written.Value).Name;
    }
}

/// <summary>An enum member and its value in invariant text.</summary>
internal sealed record EnumMember(string Name, string Value);

/// <summary>The kinds of parameter type the syntax binder converts to; anything else is <see cref="Other"/>.</summary>
internal enum ParameterTypeKind
{
    /// <summary><c>string</c>, <c>bool</c>, <c>char</c> or a numeric type: see <see cref="ParameterType.Special"/>.</summary>
    Special,
    Enum,

    /// <summary><c>System.Type</c>.</summary>
    SystemType,
    Array,
    Nullable,
    Other,
}

/// <summary>A parameter's type, as far as the syntax binder needs it.</summary>
/// <param name="Display">The type's <c>global::</c> form, as the model shows it.</param>
/// <param name="Element">An array's element type, or a nullable type's underlying type.</param>
internal sealed record ParameterType(ParameterTypeKind Kind, string Display, SpecialType Special, ParameterType? Element)
{
    public static ParameterType Of(ITypeSymbol type)
    {
        var display = Conversions.Display(type);
        if (Conversions.IsNullableValue(type))
            return new ParameterType(ParameterTypeKind.Nullable, display, SpecialType.None, Of(((INamedTypeSymbol)type).TypeArguments[0]));
        if (type.TypeKind == TypeKind.Enum) return new ParameterType(ParameterTypeKind.Enum, display, SpecialType.None, null);
        if (type is IArrayTypeSymbol { Rank: 1 } array)
            return new ParameterType(ParameterTypeKind.Array, display, SpecialType.None, Of(array.ElementType));
        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal)
            return new ParameterType(ParameterTypeKind.Special, display, type.SpecialType, null);
        if (display == "global::System.Type") return new ParameterType(ParameterTypeKind.SystemType, display, SpecialType.None, null);
        return new ParameterType(ParameterTypeKind.Other, display, SpecialType.None, null);
    }
}
