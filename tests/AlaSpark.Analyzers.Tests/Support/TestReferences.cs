using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AlaSpark.Analyzers.Tests.Support;

/// <summary>
/// What the test compilations reference: .NET 10 from Basic.Reference.Assemblies (in-memory, no
/// package download at test time) and the real AlaSpark.Abstractions and AlaSpark assemblies.
/// </summary>
internal static class TestReferences
{
    /// <summary>.NET 10, AlaSpark.Abstractions (the attributes) and AlaSpark (the processors).</summary>
    public static ImmutableArray<MetadataReference> All { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(PipelineAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ToTableProcessor).Assembly.Location),
    ];

    /// <summary>
    /// A reference set with no package of its own: the framework comes from <see cref="All"/>, added as
    /// additional references, so the testing library resolves nothing from a package feed.
    /// </summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    /// <summary>Usings every test source gets, as a second file.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using AlaSpark;
        """;
}
