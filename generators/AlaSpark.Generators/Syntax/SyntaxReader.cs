using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlaSpark.Generators.Syntax;

/// <summary>
/// Reads one file's syntax into a <see cref="FileSummary"/>: the top-level classes with attributes
/// (the <c>[Pipeline]</c> candidates) and the declarations other files' names may reach. It binds
/// nothing and asks the compiler for nothing, so it costs the same whatever else the project holds,
/// and runs only for a file that changed.
/// </summary>
internal static class SyntaxReader
{
    public static FileSummary Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root) return FileSummary.Empty;
        var reader = new Walker(root.ContainsDirectives && root.GetFirstDirective(d => d is NullableDirectiveTriviaSyntax) is not null);
        var scope = reader.Scope(root.Usings, "", null, isFileLevel: true);
        reader.Members(root.Members, scope, cancellationToken);
        return new FileSummary(
            reader.Pipelines.ToEquatableArray(),
            new FileDeclarations(
                reader.Types.ToEquatableArray(),
                reader.GlobalUsings.ToEquatableArray(),
                reader.GlobalAliases.ToEquatableArray(),
                reader.Namespaces.Distinct().ToEquatableArray(),
                reader.HasGlobalStaticUsing));
    }

    /// <summary>The names in scope at one point of the walk.</summary>
    private sealed record Scope(string Namespace, List<string> ContainingTypes, List<string> Usings, List<string> Aliases, bool HasStaticUsing, bool IsPublic)
    {
        public NameContext ToContext() => new(Namespace, ContainingTypes.ToEquatableArray(), Usings.ToEquatableArray(), Aliases.ToEquatableArray(), HasStaticUsing);
    }

    private sealed class Walker(bool hasNullableDirective)
    {
        public readonly List<SyntaxPipeline> Pipelines = new();
        public readonly List<DeclaredType> Types = new();
        public readonly List<string> GlobalUsings = new();
        public readonly List<string> GlobalAliases = new();
        public readonly List<string> Namespaces = new();
        public bool HasGlobalStaticUsing;

        public Scope Scope(SyntaxList<UsingDirectiveSyntax> usings, string ns, Scope? outer, bool isFileLevel)
        {
            var imported = new List<string>(outer?.Usings ?? Enumerable.Empty<string>());
            var aliases = new List<string>(outer?.Aliases ?? Enumerable.Empty<string>());
            var hasStatic = outer?.HasStaticUsing ?? false;
            foreach (var directive in usings)
            {
                var isGlobal = isFileLevel && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                if (directive.Alias is { } alias)
                {
                    (isGlobal ? GlobalAliases : aliases).Add(alias.Name.Identifier.ValueText);
                }
                else if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
                {
                    if (isGlobal) HasGlobalStaticUsing = true;
                    else hasStatic = true;
                }
                else if (directive.NamespaceOrType is NameSyntax name)
                {
                    (isGlobal ? GlobalUsings : imported).Add(Dotted(name));
                }
            }
            return new Scope(ns, new List<string>(), imported, aliases, hasStatic, IsPublic: true);
        }

        public void Members(SyntaxList<MemberDeclarationSyntax> members, Scope scope, CancellationToken cancellationToken)
        {
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax declaration:
                    {
                        var ns = scope.Namespace.Length == 0 ? Dotted(declaration.Name) : scope.Namespace + "." + Dotted(declaration.Name);
                        var parts = ns.Split('.');
                        for (var i = 1; i <= parts.Length; i++) Namespaces.Add(string.Join(".", parts.Take(i)));
                        Members(declaration.Members, Scope(declaration.Usings, ns, scope, isFileLevel: false), cancellationToken);
                        break;
                    }
                    case BaseTypeDeclarationSyntax type:
                        Type(type, type.Identifier.ValueText, (type as TypeDeclarationSyntax)?.TypeParameterList?.Parameters.Count ?? 0, scope, cancellationToken);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        Type(@delegate, @delegate.Identifier.ValueText, @delegate.TypeParameterList?.Parameters.Count ?? 0, scope, cancellationToken);
                        break;
                }
            }
        }

        private void Type(MemberDeclarationSyntax declaration, string name, int arity, Scope scope, CancellationToken cancellationToken)
        {
            var outer = scope.ContainingTypes.Count > 0 ? scope.ContainingTypes[0] : scope.Namespace;
            var fullName = outer.Length == 0 ? name : outer + "." + name;
            var isPublic = scope.IsPublic && declaration.Modifiers.Any(SyntaxKind.PublicKeyword);
            var kind = declaration switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? DeclaredKind.RecordStruct : DeclaredKind.Record,
                ClassDeclarationSyntax => DeclaredKind.Class,
                StructDeclarationSyntax => DeclaredKind.Struct,
                InterfaceDeclarationSyntax => DeclaredKind.Interface,
                EnumDeclarationSyntax => DeclaredKind.Enum,
                _ => DeclaredKind.Delegate,
            };
            var context = scope.ToContext();
            var typeDeclaration = declaration as TypeDeclarationSyntax;
            var hasConstructors = typeDeclaration is not null
                                  && (typeDeclaration.Members.Any(m => m is ConstructorDeclarationSyntax c && !c.Modifiers.Any(SyntaxKind.StaticKeyword))
                                      || kind != DeclaredKind.Record && typeDeclaration.ParameterList is not null);
            Types.Add(new DeclaredType(
                fullName, name, arity, kind, isPublic,
                (declaration as BaseTypeDeclarationSyntax)?.BaseList is { Types.Count: > 0 },
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                hasConstructors,
                typeDeclaration is null ? EquatableArray<DeclaredProperty>.Empty : SafeProperties(typeDeclaration, kind),
                context,
                hasNullableDirective,
                declaration is ClassDeclarationSyntax { BaseList.Types.Count: > 0 } processor && scope.ContainingTypes.Count == 0
                    ? SafeProcessor(processor)
                    : null));

            if (declaration is ClassDeclarationSyntax @class && scope.ContainingTypes.Count == 0 && @class.AttributeLists.Count > 0)
            {
                SyntaxPipeline pipeline;
                try
                {
                    pipeline = Pipeline(@class, name, fullName, context);
                }
                catch (System.Exception exception) when (exception is not System.OperationCanceledException)
                {
                    // Syntax this reader trips on: the symbol reader reads the class instead.
                    pipeline = new SyntaxPipeline(context.Namespace, name, fullName, false, false, false, false,
                        new[] { new SyntaxAttribute(TypeRef.Unsupported, EquatableArray<SyntaxArgument>.Empty, IsReadable: false) }.ToEquatableArray(), context);
                }
                Pipelines.Add(pipeline);
            }

            if (typeDeclaration is not null)
            {
                var inner = scope with { ContainingTypes = new List<string>(scope.ContainingTypes.Prepend(fullName)), IsPublic = isPublic };
                foreach (var member in typeDeclaration.Members)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (member is BaseTypeDeclarationSyntax nested)
                        Type(nested, nested.Identifier.ValueText, (nested as TypeDeclarationSyntax)?.TypeParameterList?.Parameters.Count ?? 0, inner, cancellationToken);
                    else if (member is DelegateDeclarationSyntax nestedDelegate)
                        Type(nestedDelegate, nestedDelegate.Identifier.ValueText, nestedDelegate.TypeParameterList?.Parameters.Count ?? 0, inner, cancellationToken);
                }
            }
        }

        private static ProcessorShape SafeProcessor(ClassDeclarationSyntax @class)
        {
            try
            {
                return Processor(@class);
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                return new ProcessorShape(false, false, false, TypeRef.Unsupported, EquatableArray<DeclaredConstructor>.Empty, EquatableArray<SyntaxAttribute>.Empty);
            }
        }

        private static ProcessorShape Processor(ClassDeclarationSyntax @class)
        {
            var readable = true;
            var constructors = new List<DeclaredConstructor>();
            if (@class.ParameterList is { } primary) constructors.Add(new DeclaredConstructor(true, Parameters(primary, ref readable)));
            foreach (var constructor in @class.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword)) continue;
                constructors.Add(new DeclaredConstructor(constructor.Modifiers.Any(SyntaxKind.PublicKeyword), Parameters(constructor.ParameterList, ref readable)));
            }
            var attributes = new List<SyntaxAttribute>();
            foreach (var list in @class.AttributeLists)
            {
                foreach (var attribute in list.Attributes) attributes.Add(Attribute(attribute, list.Target is null));
            }
            var modifiers = @class.Modifiers;
            return new ProcessorShape(
                readable && @class.TypeParameterList is null,
                modifiers.Any(SyntaxKind.AbstractKeyword),
                modifiers.Any(SyntaxKind.StaticKeyword),
                TypeOf(@class.BaseList!.Types[0].Type),
                constructors.ToEquatableArray(),
                attributes.ToEquatableArray());
        }

        private static EquatableArray<DeclaredParameter> Parameters(ParameterListSyntax list, ref bool readable)
        {
            var parameters = new List<DeclaredParameter>();
            foreach (var parameter in list.Parameters)
            {
                // ref, out, in, this and scoped parameters are not what an attribute binds to.
                if (parameter.Type is null || parameter.Modifiers.Any(m => !m.IsKind(SyntaxKind.ParamsKeyword))) readable = false;
                var value = parameter.Default?.Value;
                parameters.Add(new DeclaredParameter(
                    parameter.Identifier.ValueText,
                    parameter.Type is null ? TypeRef.Unsupported : TypeOf(parameter.Type),
                    parameter.Modifiers.Any(SyntaxKind.ParamsKeyword),
                    value is null ? null : Value(value),
                    value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression }));
            }
            return parameters.ToEquatableArray();
        }

        private static SyntaxPipeline Pipeline(ClassDeclarationSyntax @class, string name, string fullName, NameContext context)
        {
            var modifiers = @class.Modifiers;
            var isAbstract = modifiers.Any(SyntaxKind.AbstractKeyword);
            var constructors = @class.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
            var attributes = new List<SyntaxAttribute>();
            foreach (var list in @class.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                    attributes.Add(Attribute(attribute, list.Target is null));
            }
            return new SyntaxPipeline(
                context.Namespace,
                name,
                fullName,
                modifiers.Any(SyntaxKind.PublicKeyword),
                modifiers.Any(SyntaxKind.PartialKeyword),
                @class.TypeParameterList is null && !modifiers.Any(SyntaxKind.StaticKeyword) && @class.ParameterList is null,
                !isAbstract && (constructors.Count == 0 || constructors.Any(c => c.ParameterList.Parameters.Count == 0)),
                attributes.ToEquatableArray(),
                context);
        }

        private static SyntaxAttribute Attribute(AttributeSyntax attribute, bool hasNoTarget)
        {
            var arguments = new List<SyntaxArgument>();
            var readable = hasNoTarget;
            foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameColon is not null) readable = false;
                arguments.Add(new SyntaxArgument(argument.NameEquals?.Name.Identifier.ValueText, Value(argument.Expression)));
            }
            return new SyntaxAttribute(TypeOf(attribute.Name), arguments.ToEquatableArray(), readable);
        }

        private static EquatableArray<DeclaredProperty> SafeProperties(TypeDeclarationSyntax type, DeclaredKind kind)
        {
            try
            {
                return Properties(type, kind);
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                // One property that can't be read makes the type's schema a question for the symbol reader.
                return new[] { new DeclaredProperty("", TypeRef.Unsupported, true, false, false, null, -1, -1) }.ToEquatableArray();
            }
        }

        private static EquatableArray<DeclaredProperty> Properties(TypeDeclarationSyntax type, DeclaredKind kind)
        {
            var properties = new List<DeclaredProperty>();
            var positional = new HashSet<string>();
            if (kind is DeclaredKind.Record or DeclaredKind.RecordStruct && type.ParameterList is { } parameters)
            {
                foreach (var parameter in parameters.Parameters)
                {
                    var name = parameter.Identifier.ValueText;
                    positional.Add(name);
                    properties.Add(Property(name, parameter.Type, parameter.AttributeLists, isPublic: true, isStatic: false, isPositional: true));
                }
            }
            foreach (var member in type.Members)
            {
                if (member is not PropertyDeclarationSyntax property) continue;
                var name = property.Identifier.ValueText;
                var declared = Property(name, property.Type, property.AttributeLists,
                    isPublic: property.Modifiers.Any(SyntaxKind.PublicKeyword) && property.ExplicitInterfaceSpecifier is null,
                    isStatic: property.Modifiers.Any(SyntaxKind.StaticKeyword),
                    isPositional: false);
                // A body property named like a positional parameter replaces the synthesized one.
                properties.Add(positional.Contains(name) ? declared with { IsReadable = false } : declared);
            }
            return properties.ToEquatableArray();
        }

        private static DeclaredProperty Property(string name, TypeSyntax? type, SyntaxList<AttributeListSyntax> lists, bool isPublic, bool isStatic, bool isPositional)
        {
            var readable = type is not null;
            string? column = null;
            int precision = -1, scale = -1;
            foreach (var list in lists)
            {
                // A positional parameter's attribute applies to the parameter, or with property: to
                // the property; the schema reads both. Other targets are left to the compiler.
                var target = list.Target?.Identifier.ValueText;
                var applies = target is null || isPositional && target is "property" or "param";
                foreach (var attribute in list.Attributes)
                {
                    var last = LastName(attribute.Name);
                    if (last is not ("Column" or "ColumnAttribute" or "Decimal" or "DecimalAttribute")) continue;
                    var arguments = attribute.ArgumentList?.Arguments ?? default;
                    var values = arguments.Select(a => a.NameEquals is null && a.NameColon is null ? Value(a.Expression).Constant : null).ToList();
                    if (!applies || values.Any(v => v is null)) { readable = false; continue; }
                    if (last.StartsWith("Column", System.StringComparison.Ordinal) && values.Count == 1 && values[0] is { Kind: ArgumentKind.String } text && column is null)
                        column = text.Value;
                    else if (last.StartsWith("Decimal", System.StringComparison.Ordinal) && values.Count == 2
                             && values[0] is { Kind: ArgumentKind.Int32 } p && values[1] is { Kind: ArgumentKind.Int32 } s && precision < 0)
                    {
                        precision = int.Parse(p.Value!, CultureInfo.InvariantCulture);
                        scale = int.Parse(s.Value!, CultureInfo.InvariantCulture);
                    }
                    else readable = false;
                    // Column and Decimal must mean AlaSpark's: the resolver checks the names in scope.
                    if (!IsSchemaAttributeName(attribute.Name)) readable = false;
                }
            }
            return new DeclaredProperty(name, type is null ? TypeRef.Unsupported : TypeOf(type), isPublic, isStatic, readable, column, precision, scale);
        }
    }

    /// <summary><c>Column</c>, <c>AlaSpark.Column</c>, <c>global::AlaSpark.Column</c> (and the <c>Attribute</c> forms).</summary>
    private static bool IsSchemaAttributeName(NameSyntax name) => name switch
    {
        IdentifierNameSyntax => true,
        QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "AlaSpark" } } => true,
        QualifiedNameSyntax { Left: AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name.Identifier.ValueText: "AlaSpark" } } => true,
        _ => false,
    };

    private static string LastName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>A type as written.</summary>
    public static TypeRef TypeOf(TypeSyntax type)
    {
        switch (type)
        {
            case PredefinedTypeSyntax predefined:
                return new TypeRef(TypeRefKind.Keyword, predefined.Keyword.ValueText, EquatableArray<TypeRef>.Empty);
            case NullableTypeSyntax nullable:
                return new TypeRef(TypeRefKind.Nullable, "", new[] { TypeOf(nullable.ElementType) }.ToEquatableArray());
            case ArrayTypeSyntax array when array.RankSpecifiers.Count == 1 && array.RankSpecifiers[0] is { Rank: 1 } rank
                                            && rank.Sizes.All(s => s is OmittedArraySizeExpressionSyntax):
                return new TypeRef(TypeRefKind.Array, "", new[] { TypeOf(array.ElementType) }.ToEquatableArray());
            case NameSyntax name:
                var parts = new List<string>();
                var arguments = EquatableArray<TypeRef>.Empty;
                return NameParts(name, parts, ref arguments, isRightmost: true)
                    ? new TypeRef(TypeRefKind.Named, string.Join(".", parts), arguments)
                    : TypeRef.Unsupported;
            default:
                return TypeRef.Unsupported;
        }
    }

    /// <summary>Collects a name's parts; type arguments are allowed only on the rightmost part.</summary>
    private static bool NameParts(NameSyntax name, List<string> parts, ref EquatableArray<TypeRef> arguments, bool isRightmost)
    {
        switch (name)
        {
            case AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global" } global:
                parts.Add("global::");
                return NameParts(global.Name, parts, ref arguments, isRightmost);
            case QualifiedNameSyntax qualified:
                return NameParts(qualified.Left, parts, ref arguments, isRightmost: false)
                       && NameParts(qualified.Right, parts, ref arguments, isRightmost);
            case GenericNameSyntax generic:
                if (!isRightmost || generic.IsUnboundGenericName) return false;
                parts.Add(generic.Identifier.ValueText);
                arguments = generic.TypeArgumentList.Arguments.Select(TypeOf).ToEquatableArray();
                return true;
            case IdentifierNameSyntax identifier:
                parts.Add(identifier.Identifier.ValueText);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An attribute argument as written.</summary>
    public static SyntaxValue Value(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Value(parenthesized.Expression);
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return Constant(literal.Token.Value);
            case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } number } unary
                when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Constant(unary.IsKind(SyntaxKind.UnaryPlusExpression) ? number.Token.Value : Negate(number.Token.Value));
            case TypeOfExpressionSyntax typeOf:
                return new SyntaxValue(SyntaxValueKind.TypeOf, null, TypeOf(typeOf.Type), null, EquatableArray<SyntaxValue>.Empty);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax member } access:
                var owner = DottedName(access.Expression) is { } left ? new TypeRef(TypeRefKind.Named, left, EquatableArray<TypeRef>.Empty) : TypeRef.Unsupported;
                return owner.Kind == TypeRefKind.Named
                    ? new SyntaxValue(SyntaxValueKind.MemberAccess, null, owner, member.Identifier.ValueText, EquatableArray<SyntaxValue>.Empty)
                    : SyntaxValue.Unsupported;
            case ImplicitArrayCreationExpressionSyntax { Commas.Count: 0 } implicitArray:
                return new SyntaxValue(SyntaxValueKind.Array, null, null, null, implicitArray.Initializer.Expressions.Select(Value).ToEquatableArray());
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } array:
                var element = TypeOf(array.Type) is { Kind: TypeRefKind.Array } arrayType ? arrayType.Arguments[0] : null;
                return element is null
                    ? SyntaxValue.Unsupported
                    : new SyntaxValue(SyntaxValueKind.Array, null, element, null, initializer.Expressions.Select(Value).ToEquatableArray());
            default:
                return SyntaxValue.Unsupported;
        }
    }

    /// <summary>An expression that is a dotted name (<c>AlaSpark.HashAlgorithm</c>, <c>global::AlaSpark.X</c>) as <see cref="TypeRef.Name"/> writes it; else null.</summary>
    private static string? DottedName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax name } => "global::." + name.Identifier.ValueText,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access
            => DottedName(access.Expression) is { } left ? left + "." + name.Identifier.ValueText : null,
        _ => null,
    };

    private static SyntaxValue Constant(object? value)
    {
        var keyword = value switch
        {
            string => "string",
            char => "char",
            bool => "bool",
            int => "int",
            uint => "uint",
            long => "long",
            ulong => "ulong",
            float => "float",
            double => "double",
            decimal => "decimal",
            _ => null,
        };
        var model = keyword is null ? null : ArgumentParser.Scalar(value!, keyword);
        return model is null ? SyntaxValue.Unsupported : new SyntaxValue(SyntaxValueKind.Constant, model, null, null, EquatableArray<SyntaxValue>.Empty);
    }

    /// <summary>The negated literal, typed as C# types <c>-literal</c>; null when it has no such constant.</summary>
    private static object? Negate(object? value) => value switch
    {
        int n => -n,
        long n => -n,
        float n => -n,
        double n => -n,
        decimal n => -n,
        // -2147483648 and -9223372036854775808: the literal alone is uint/ulong, negated it is int/long.
        uint n when n == 2147483648u => int.MinValue,
        ulong n when n == 9223372036854775808ul => long.MinValue,
        _ => null,
    };

    private static string Dotted(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => Dotted(qualified.Left) + "." + Dotted(qualified.Right),
        AliasQualifiedNameSyntax alias => Dotted(alias.Name),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };
}
