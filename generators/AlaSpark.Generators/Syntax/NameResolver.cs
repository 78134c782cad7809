using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Syntax;

/// <summary>What a name written in source stands for, when syntax alone can tell.</summary>
/// <param name="FullName">Dotted, with <c>`n</c> for a generic metadata type (<c>System.Collections.Generic.List`1</c>).</param>
/// <param name="Source">The declaration when the type is declared in source; null for a known metadata type.</param>
internal sealed record ResolvedType(string FullName, DeclaredType? Source);

/// <summary>
/// Looks up type names as written, from the source index and a short list of metadata types the
/// generator knows (AlaSpark's attributes, processors and enums, and the BCL types a schema uses).
/// It answers only when exactly one candidate is in scope; anything it can't decide (an alias, a
/// <c>using static</c>, a name also declared in source, an unknown type) gives null, and the
/// generator then reads that pipeline from symbols instead.
/// </summary>
internal sealed class NameResolver(SourceIndex index, Catalogue catalogue)
{
    // Every pipeline looks up the same few names (the attributes, the processors, DateTime...) in the
    // same contexts: the answers are kept for the run, with the index and catalogue they came from.
    private readonly ResolutionCache _cache = index.CacheFor(catalogue);

    /// <summary>The attributes the parser reads, in namespace AlaSpark.</summary>
    public static readonly string[] AttributeNames =
    {
        "Pipeline", "Processor", "Column", "Decimal",
        "CsvSource", "CsvStreamSource", "JsonSource", "JsonStreamSource", "ParquetSource", "ParquetStreamSource", "DeltaSource", "DeltaStreamSource",
        "DeltaSink", "DeltaStreamSink", "ParquetSink", "AddsColumn", "RemovesColumn", "PreservesSchema",
    };

    /// <summary>The BCL types a schema may name, by full name (generic ones with their arity).</summary>
    private static readonly HashSet<string> KnownBcl = new(System.StringComparer.Ordinal)
    {
        "System.String", "System.Int32", "System.Int64", "System.Int16", "System.SByte", "System.Byte", "System.Boolean",
        "System.Single", "System.Double", "System.Decimal", "System.DateTime", "System.DateTimeOffset", "System.DateOnly",
        "System.Collections.Generic.List`1", "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.IDictionary`2",
        "System.Type",
    };

    /// <summary>The runtime's base classes a custom processor derives from.</summary>
    private static readonly HashSet<string> KnownRuntime = new(System.StringComparer.Ordinal) { "AlaSpark.ToTableProcessor", "AlaSpark.ToManyTablesProcessor" };

    private static readonly HashSet<string> AttributeFullNames = new(AttributeNames.Select(a => "AlaSpark." + a + "Attribute"), System.StringComparer.Ordinal);

    private bool IsKnownMetadata(string fullName) =>
        KnownBcl.Contains(fullName)
        || AttributeFullNames.Contains(fullName)
        || catalogue.IsUsable && KnownRuntime.Contains(fullName)
        || catalogue.FindProcessor(fullName) is not null
        || catalogue.FindEnum(fullName) is not null;

    /// <summary>The type <paramref name="type"/> (a <see cref="TypeRefKind.Named"/> reference) names in <paramref name="context"/>, or null.</summary>
    public ResolvedType? Resolve(TypeRef type, NameContext context) => TryResolve(type, context, out var found) ? found : null;

    /// <summary>
    /// Looks <paramref name="type"/> up: false when syntax can't tell what it names; otherwise
    /// <paramref name="found"/> is the one type it names, or null when it names none the resolver knows.
    /// </summary>
    private bool TryResolve(TypeRef type, NameContext context, out ResolvedType? found)
    {
        var key = (type.Name, type.Arguments.Count, context);
        if (_cache.TryGetType(key, out var known))
        {
            found = known.Found;
            return known.Decided;
        }
        var decided = Lookup(type, context, out found);
        _cache.SetType(key, (decided, found));
        return decided;
    }

    private bool Lookup(TypeRef type, NameContext context, out ResolvedType? found)
    {
        found = null;
        if (type.Kind != TypeRefKind.Named) return false;
        var parts = type.Name.Split('.');
        var arity = type.Arguments.Count;
        if (parts[0] == "global::") return Find(string.Join(".", parts.Skip(1)), arity, out found);
        if (context.HasStaticUsing || index.HasGlobalStaticUsing) return false;
        // A referenced assembly's types in the enclosing namespaces would come before the usings'.
        foreach (var ns in NamespaceChain(context.Namespace))
        {
            if (ns.Length > 0 && catalogue.SharedNamespaces.Contains(ns)) return false;
        }
        if (context.Aliases.Contains(parts[0]) || index.HasGlobalAlias(parts[0])) return false;

        var dotted = type.Name;
        if (parts.Length == 1)
        {
            // Nested types of the enclosing types come first; the innermost one that has it wins.
            foreach (var container in context.ContainingTypes)
            {
                var declarations = index.Find(container);
                if (declarations.Count != 1 || declarations[0].HasBaseList) return false;
                if (!Find(container + "." + dotted, arity, out found)) return false;
                if (found is not null) return true;
            }
        }
        var candidates = new List<ResolvedType>();
        foreach (var prefix in NamespaceChain(context.Namespace).Concat(context.Usings).Concat(index.GlobalUsings))
        {
            if (!Find(prefix.Length == 0 ? dotted : prefix + "." + dotted, arity, out var candidate)) return false;
            if (candidate is not null && candidates.All(c => c.FullName != candidate.FullName)) candidates.Add(candidate);
        }
        // Several in scope: C# may prefer one (an enclosing namespace over a using), or report an ambiguity.
        if (candidates.Count > 1) return false;
        found = candidates.Count == 1 ? candidates[0] : null;
        return true;
    }

    /// <summary>The AlaSpark attribute an attribute name stands for (<c>Pipeline</c> for <c>[Pipeline]</c>), "" for another attribute, null when it can't tell.</summary>
    public string? ResolveAttribute(TypeRef name, NameContext context)
    {
        var key = (name.Name, name.Arguments.Count, context);
        if (_cache.TryGetAttribute(key, out var known)) return known;
        var attribute = LookupAttribute(name, context);
        _cache.SetAttribute(key, attribute);
        return attribute;
    }

    private string? LookupAttribute(TypeRef name, NameContext context)
    {
        if (name.Kind != TypeRefKind.Named || name.Arguments.Count > 0) return null;
        var last = name.Name.Substring(name.Name.LastIndexOf('.') + 1);
        var simple = last.EndsWith("Attribute", System.StringComparison.Ordinal) ? last.Substring(0, last.Length - "Attribute".Length) : last;
        if (!AttributeNames.Contains(simple))
        {
            // Not named like one of ours; only an alias could make it one.
            var first = name.Name.Split('.')[0];
            return context.Aliases.Contains(first) || index.HasGlobalAlias(first) ? null : "";
        }
        // C# looks up both N and NAttribute among attribute classes; both found is an error. The
        // BCL types the resolver knows are no attributes (System.Decimal does not hide [Decimal]);
        // a type declared in source may be one.
        if (!TryResolve(name, context, out var plain)) return null;
        ResolvedType? suffixed = null;
        if (!last.EndsWith("Attribute", System.StringComparison.Ordinal) && !TryResolve(name with { Name = name.Name + "Attribute" }, context, out suffixed))
            return null;
        if (plain is { Source: null } && !plain.FullName.EndsWith("Attribute", System.StringComparison.Ordinal)) plain = null;
        if (suffixed is { Source: null } && !suffixed.FullName.EndsWith("Attribute", System.StringComparison.Ordinal)) suffixed = null;
        var found = plain is not null && suffixed is not null ? null : plain ?? suffixed;
        if (found is null) return null;
        if (found.Source is not null) return "";
        return found.FullName == "AlaSpark." + simple + "Attribute" ? simple : null;
    }

    /// <summary>
    /// The type <paramref name="fullName"/> with <paramref name="arity"/> type parameters, or null when
    /// there is none; false when syntax can't tell (a generic or partial type in source of that name).
    /// </summary>
    private bool Find(string fullName, int arity, out ResolvedType? found)
    {
        found = null;
        var declarations = index.Find(fullName);
        if (declarations.Count > 0)
        {
            // A type declared in source: exactly one declaration, not generic (a partial type's
            // other parts could add members the syntax of this one doesn't show).
            if (declarations.Count != 1 || declarations[0].Arity != 0) return false;
            if (arity == 0) found = new ResolvedType(fullName, declarations[0]);
            return true;
        }
        var metadataName = arity == 0 ? fullName : fullName + "`" + arity;
        if (IsKnownMetadata(metadataName)) found = new ResolvedType(metadataName, null);
        return true;
    }

    private static IEnumerable<string> NamespaceChain(string ns)
    {
        for (var current = ns; current.Length > 0; current = current.Contains('.') ? current.Substring(0, current.LastIndexOf('.')) : "")
            yield return current;
        yield return "";
    }
}

/// <summary>
/// Name lookups already answered, valid for one source index and one catalogue: the answers are a
/// function of the two (and of the name and its context), so keeping them changes no result.
/// </summary>
internal sealed class ResolutionCache(Catalogue catalogue)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Name, int Arity, NameContext Context), (bool Decided, ResolvedType? Found)> _types = new();
    private readonly Dictionary<(string Name, int Arity, NameContext Context), string?> _attributes = new();

    public Catalogue Catalogue { get; } = catalogue;

    public bool TryGetType((string, int, NameContext) key, out (bool Decided, ResolvedType? Found) answer)
    {
        lock (_gate) return _types.TryGetValue(key, out answer);
    }

    public void SetType((string, int, NameContext) key, (bool Decided, ResolvedType? Found) answer)
    {
        lock (_gate) _types[key] = answer;
    }

    public bool TryGetAttribute((string, int, NameContext) key, out string? answer)
    {
        lock (_gate) return _attributes.TryGetValue(key, out answer);
    }

    public void SetAttribute((string, int, NameContext) key, string? answer)
    {
        lock (_gate) _attributes[key] = answer;
    }
}
