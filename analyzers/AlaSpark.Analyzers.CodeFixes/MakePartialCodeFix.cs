using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using AlaSpark.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Analyzers.CodeFixes;

/// <summary>ALS0001: adds <c>partial</c> to the declaration of a <c>[Pipeline]</c> class, last of its modifiers.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : PerDiagnosticCodeFix
{
    public const string EquivalenceKey = "AlaSpark.MakePartial";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    protected override CodeAction? CreateAction(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent is not TypeDeclarationSyntax declaration || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) return null;
        return CodeAction.Create(
            "Make '" + declaration.Identifier.ValueText + "' partial",
            cancellationToken => ReplaceAsync(document, declaration, AddPartial(declaration), cancellationToken),
            EquivalenceKey);
    }

    /// <summary>
    /// 'partial' must come right before 'class' (or 'record'): it goes after the last modifier. Without
    /// modifiers it takes the keyword's leading trivia (indentation), so the line keeps its layout.
    /// </summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var keyword = declaration.Keyword;
        if (declaration.Modifiers.Count == 0)
        {
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }
        var last = declaration.Modifiers.Last();
        var added = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, last.TrailingTrivia);
        return declaration.WithModifiers(declaration.Modifiers.Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space)).Add(added));
    }
}
