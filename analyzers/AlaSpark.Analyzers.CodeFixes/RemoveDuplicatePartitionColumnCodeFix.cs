using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AlaSpark.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Analyzers.CodeFixes;

/// <summary>
/// ALS2004: removes the repeated column from <c>PartitionBy</c> (the first occurrence stays). Fix All
/// removes every repeat of a document at once, which a text-merging batch could not do for neighbours
/// in one list.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicatePartitionColumnCodeFix)), Shared]
public sealed class RemoveDuplicatePartitionColumnCodeFix : PerDiagnosticCodeFix
{
    public const string EquivalenceKey = "AlaSpark.RemoveDuplicatePartitionColumn";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PartitionColumnDuplicate);

    public override FixAllProvider GetFixAllProvider() => new RemoveAllDuplicates();

    protected override CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic) =>
        ListElement(root, diagnostic) is null
            ? null
            : CodeAction.Create(
                "Remove the duplicate partition column",
                cancellationToken => RemoveAsync(document, new[] { diagnostic }, cancellationToken),
                EquivalenceKey);

    private static async Task<Document> RemoveAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var elements = new List<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
            if (ListElement(root, diagnostic) is { } element) elements.Add(element);
        var updated = root.RemoveNodes(elements, SyntaxRemoveOptions.KeepTrailingTrivia);
        return updated is null ? document : document.WithSyntaxRoot(updated);
    }

    /// <summary>The element of an array initializer or collection expression that the diagnostic points at.</summary>
    private static SyntaxNode? ListElement(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return node switch
        {
            ExpressionSyntax { Parent: InitializerExpressionSyntax } expression => expression,
            ExpressionSyntax { Parent: ExpressionElementSyntax element } => element,
            _ => null,
        };
    }

    private sealed class RemoveAllDuplicates : DocumentBasedFixAllProvider
    {
        protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Remove the duplicate partition columns";

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await RemoveAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
