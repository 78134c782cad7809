using System;
using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;

namespace AlaSpark.Generators.Syntax;

/// <summary>
/// Every file's declarations together: the types declared in source by full name, the global
/// usings and aliases, and the namespaces. Equal when every file's declarations are equal, so an
/// edit inside a method body, or anywhere that declares nothing new, leaves it cached.
/// </summary>
internal sealed class SourceIndex(EquatableArray<FileDeclarations> files) : IEquatable<SourceIndex>
{
    private Lookup? _lookup;
    private ResolutionCache? _cache;

    public EquatableArray<FileDeclarations> Files { get; } = files;

    private Lookup Built => _lookup ??= new Lookup(Files);

    /// <summary>The declarations of <paramref name="fullName"/> (several for a partial type or a duplicate).</summary>
    public IReadOnlyList<DeclaredType> Find(string fullName) =>
        Built.ByFullName.TryGetValue(fullName, out var found) ? found : Array.Empty<DeclaredType>();

    /// <summary>True when source declares a namespace named <paramref name="name"/> (dotted).</summary>
    public bool DeclaresNamespace(string name) => Built.Namespaces.Contains(name);

    public IReadOnlyList<string> GlobalUsings => Built.GlobalUsings;

    public bool HasGlobalAlias(string name) => Built.GlobalAliases.Contains(name);

    public bool HasGlobalStaticUsing => Built.HasGlobalStaticUsing;

    /// <summary>The name lookups answered against this index and <paramref name="catalogue"/> (a new set for another catalogue).</summary>
    public ResolutionCache CacheFor(Catalogue catalogue)
    {
        var cache = _cache;
        if (cache is null || !ReferenceEquals(cache.Catalogue, catalogue)) _cache = cache = new ResolutionCache(catalogue);
        return cache;
    }

    public bool Equals(SourceIndex? other) => other is not null && Files.Equals(other.Files);

    public override bool Equals(object? obj) => Equals(obj as SourceIndex);

    public override int GetHashCode() => Files.GetHashCode();

    private sealed class Lookup
    {
        public readonly Dictionary<string, List<DeclaredType>> ByFullName = new(StringComparer.Ordinal);
        public readonly HashSet<string> Namespaces = new(StringComparer.Ordinal);
        public readonly List<string> GlobalUsings = new();
        public readonly HashSet<string> GlobalAliases = new(StringComparer.Ordinal);
        public readonly bool HasGlobalStaticUsing;

        public Lookup(EquatableArray<FileDeclarations> files)
        {
            foreach (var file in files)
            {
                foreach (var type in file.Types)
                {
                    if (!ByFullName.TryGetValue(type.FullName, out var list)) ByFullName[type.FullName] = list = new List<DeclaredType>();
                    list.Add(type);
                }
                foreach (var ns in file.Namespaces) Namespaces.Add(ns);
                GlobalUsings.AddRange(file.GlobalUsings);
                foreach (var alias in file.GlobalAliases) GlobalAliases.Add(alias);
                HasGlobalStaticUsing |= file.HasGlobalStaticUsing;
            }
        }
    }
}
