using System.Collections.Immutable;
using System.Composition;
using AlaSpark.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Analyzers.CodeFixes;

/// <summary>
/// Rewrites a name written as a string literal to the name the standard suggests: a pipeline, table
/// or <c>[Column]</c> name to snake_case (ALS1001, ALS1003, ALS1004), a database name to
/// <c>&lt;layer&gt;__&lt;domain&gt;</c> with its domain in snake_case (ALS1002), and a name a metastore
/// refuses when a valid one can be derived (ALS1005). The suggestion comes from the analyzer, which
/// computed it with the shared naming rules; a name that is not a literal (a constant) is not rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameToSnakeCaseCodeFix)), Shared]
public sealed class RenameToSnakeCaseCodeFix : PerDiagnosticCodeFix
{
    /// <summary>The equivalence key: every rename is the same kind of fix, so Fix All applies them together.</summary>
    public const string EquivalenceKey = "AlaSpark.RenameToStandardName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.PipelineName, DiagnosticIds.DatabaseName, DiagnosticIds.TableName, DiagnosticIds.ColumnName, DiagnosticIds.MetastoreName);

    protected override CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || suggestion is null) return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return null;
        var renamed = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
        return CodeAction.Create(
            "Rename to '" + suggestion + "'",
            cancellationToken => ReplaceAsync(document, literal, renamed, cancellationToken),
            EquivalenceKey);
    }
}
