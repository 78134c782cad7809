using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AlaSpark.Analyzers.Locating;

/// <summary>
/// Finds where an attribute argument is written, so that a diagnostic points at the precise
/// expression: the database string of a source, the element of <c>PartitionBy</c>, the third
/// processor argument. This is how a finding of the shared pipeline parser (an attribute index, an
/// <see cref="AttributeArgument"/> and message arguments, no symbols) becomes a <see cref="Location"/>.
/// </summary>
/// <remarks>
/// When the argument is not written (a default value, an element past the end of an array, an
/// attribute whose arguments the compiler could not bind), the location falls back to the attribute,
/// then to the type's name: a location is always returned, in the syntax tree that holds the
/// attribute. (An attribute of a symbol from a referenced project lies in that project's tree: a
/// caller that reports on such symbols checks the tree belongs to its compilation.)
/// </remarks>
public static class AttributeLocator
{
    /// <summary>
    /// The location of <paramref name="argument"/> of the attribute at <paramref name="attributeIndex"/>
    /// in <see cref="ISymbol.GetAttributes"/> of <paramref name="type"/> (the order in which the parser
    /// reads them: source order, across partial declarations).
    /// </summary>
    public static Location Locate(INamedTypeSymbol type, int attributeIndex, AttributeArgument argument, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        return attributeIndex >= 0 && attributeIndex < attributes.Length
            ? Locate(attributes[attributeIndex], argument, TypeLocation(type), cancellationToken)
            : TypeLocation(type);
    }

    /// <summary>
    /// The location of <paramref name="argument"/> of <paramref name="attribute"/>; the attribute's own
    /// location when the argument is not written, <paramref name="fallback"/> when the attribute is not in source.
    /// </summary>
    public static Location Locate(AttributeData attribute, AttributeArgument argument, Location fallback, CancellationToken cancellationToken)
    {
        var reference = attribute.ApplicationSyntaxReference;
        if (reference is null || reference.GetSyntax(cancellationToken) is not AttributeSyntax syntax) return fallback;
        var span = FindSpan(syntax, attribute, argument) ?? syntax.Span;
        return Location.Create(syntax.SyntaxTree, span);
    }

    /// <summary>The first location of <paramref name="type"/>'s name in source, or <see cref="Location.None"/>.</summary>
    public static Location TypeLocation(ISymbol type)
    {
        foreach (var location in type.Locations)
            if (location.IsInSource) return location;
        return Location.None;
    }

    private static TextSpan? FindSpan(AttributeSyntax syntax, AttributeData attribute, AttributeArgument argument)
    {
        if (argument.IsAttribute || syntax.ArgumentList is null) return null;
        var arguments = syntax.ArgumentList.Arguments;

        if (argument.PropertyName is not null)
        {
            foreach (var named in arguments)
                if (named.NameEquals is not null && named.NameEquals.Name.Identifier.ValueText == argument.PropertyName)
                    return Element(named.Expression, argument.Element).Span;
            return null;
        }

        var written = new List<AttributeArgumentSyntax>();
        foreach (var candidate in arguments)
            if (candidate.NameEquals is null) written.Add(candidate);

        if (argument.ProcessorArgumentIndex >= 0) return FindProcessorArgument(written, attribute, argument.ProcessorArgumentIndex, argument.Element);

        var index = argument.ConstructorIndex;
        if (argument.Element < 0 && IsExpandedParams(written, index, attribute))
        {
            // The whole params array, written one element after another: from its first element to the last.
            return written.Count > index ? TextSpan.FromBounds(written[index].SpanStart, written[written.Count - 1].Span.End) : (TextSpan?)null;
        }
        return FindConstructorArgument(written, attribute, index, argument.Element)?.Span;
    }

    /// <summary>
    /// A processor argument as the shared parser counts them: with <c>(Type, string[] columns)</c> the
    /// column list is argument 0; with <c>(Type, params object[] arguments)</c> each element of the params
    /// array is one, and <paramref name="element"/> an element of it when it is itself an array.
    /// </summary>
    private static TextSpan? FindProcessorArgument(List<AttributeArgumentSyntax> written, AttributeData attribute, int index, int element)
    {
        var parameters = attribute.AttributeConstructor?.Parameters;
        if (parameters is not { Length: 2 } bound) return null;
        if (!bound[1].IsParams) return index == 0 ? FindConstructorArgument(written, attribute, 1, element)?.Span : null;
        var expression = FindConstructorArgument(written, attribute, 1, index);
        return expression is null ? null : Element(expression, element).Span;
    }

    /// <summary>
    /// The expression of the constructor argument at <paramref name="index"/>, or of its element
    /// <paramref name="element"/> (for a params parameter in expanded form, the element-th argument written
    /// in its place); null when it is not written.
    /// </summary>
    private static ExpressionSyntax? FindConstructorArgument(List<AttributeArgumentSyntax> written, AttributeData attribute, int index, int element)
    {
        var parameters = attribute.AttributeConstructor?.Parameters;
        if (parameters is { } bound && index < bound.Length)
        {
            foreach (var candidate in written)
                if (candidate.NameColon is not null && candidate.NameColon.Name.Identifier.ValueText == bound[index].Name)
                    return Element(candidate.Expression, element);

            if (IsExpandedParams(written, index, attribute))
            {
                var position = index + (element < 0 ? 0 : element);
                return position < written.Count ? written[position].Expression : null;
            }
        }

        if (index < written.Count && written[index].NameColon is null)
            return Element(written[index].Expression, element);
        return null;
    }

    /// <summary>True when the parameter at <paramref name="index"/> is a params array whose elements were written one by one.</summary>
    private static bool IsExpandedParams(List<AttributeArgumentSyntax> written, int index, AttributeData attribute)
    {
        var parameters = attribute.AttributeConstructor?.Parameters;
        if (parameters is not { } bound || index >= bound.Length || !bound[index].IsParams) return false;
        foreach (var candidate in written)
            if (candidate.NameColon is not null && candidate.NameColon.Name.Identifier.ValueText == bound[index].Name) return false;
        return IsExpanded(written, index, attribute);
    }

    /// <summary>
    /// True when a <c>params</c> parameter at <paramref name="index"/> received its elements one by one
    /// (<c>"a", 1</c>) rather than one array (<c>new object[] { "a", 1 }</c>, <c>null</c>).
    /// </summary>
    private static bool IsExpanded(List<AttributeArgumentSyntax> written, int index, AttributeData attribute)
    {
        if (written.Count - index != 1) return true;
        switch (Unwrap(written[index].Expression))
        {
            case LiteralExpressionSyntax literal:
                return !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.DefaultLiteralExpression);
            case DefaultExpressionSyntax:
            case CastExpressionSyntax:
            case CollectionExpressionSyntax:
                return false;
            case ArrayCreationExpressionSyntax creation:
                // Only an object[] is the params array itself; any other array is one element of it.
                return !IsObject(creation.Type.ElementType);
            case ImplicitArrayCreationExpressionSyntax:
                // new[] { 1 } is one int[] element; new[] { (object)1, "a" } is the params array.
                return attribute.ConstructorArguments.Length > index
                       && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Array, IsNull: false } array
                       && array.Values.Length == 1
                       && array.Values[0].Kind == TypedConstantKind.Array;
            default:
                return true;
        }
    }

    /// <summary>The element at <paramref name="element"/> of an array written inline; the expression itself otherwise.</summary>
    private static ExpressionSyntax Element(ExpressionSyntax expression, int element)
    {
        if (element < 0) return expression;
        switch (Unwrap(expression))
        {
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } when element < initializer.Expressions.Count:
                return initializer.Expressions[element];
            case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } when element < initializer.Expressions.Count:
                return initializer.Expressions[element];
            case CollectionExpressionSyntax collection when element < collection.Elements.Count
                                                            && collection.Elements[element] is ExpressionElementSyntax item:
                return item.Expression;
            default:
                return expression;
        }
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression;
    }

    private static bool IsObject(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "Object",
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == "Object",
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == "Object",
        _ => false,
    };
}
