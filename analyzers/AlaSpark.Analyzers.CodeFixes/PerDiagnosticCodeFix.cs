using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace AlaSpark.Analyzers.CodeFixes;

/// <summary>
/// The common shape of the AlaSpark fixes: each diagnostic is looked at on its own, against the
/// document's syntax root, and gets at most one code action.
/// </summary>
public abstract class PerDiagnosticCodeFix : CodeFixProvider
{
    /// <summary>Fix All applies each diagnostic's fix in a batch, unless a fix needs its own.</summary>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var action = CreateAction(context.Document, root, diagnostic);
            if (action is not null) context.RegisterCodeFix(action, diagnostic);
        }
    }

    /// <summary>The fix of <paramref name="diagnostic"/>, or null when there is none (the syntax is not what the fix expects).</summary>
    protected abstract CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic);

    /// <summary><paramref name="document"/> with <paramref name="node"/> replaced by <paramref name="replacement"/>.</summary>
    protected static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
    }
}
