using System.Collections.Generic;
using System.Linq;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Parsing;

/// <summary>A written <c>[Processor]</c> argument: its model and the constant it comes from.</summary>
internal readonly record struct WrittenArgument(ArgumentModel Model, TypedConstant Constant);

/// <summary>The outcome of binding: a constructor, or why none binds (<see cref="Reason"/>, with the public <see cref="Constructors"/>' signatures).</summary>
internal readonly record struct BindResult(BoundConstructor? Constructor, string Reason, string Constructors)
{
    public static BindResult Bound(BoundConstructor constructor) => new(constructor, "", "");

    public static BindResult Failed(string reason, string constructors) => new(null, reason, constructors);
}

/// <summary>
/// Binds a <c>[Processor]</c>'s written arguments to one public constructor of the processor, as
/// the C# compiler binds <c>new T(arguments)</c>: positional arguments, optional parameters taking
/// their defaults, a <c>params</c> array in normal or expanded form, and the implicit conversions
/// of <see cref="Conversions"/>. Of several applicable constructors the better one wins (an
/// identity conversion over another, a more specific target type, the normal form over the
/// expanded, no default over defaults); when none is better the call is ambiguous.
/// </summary>
internal static class ConstructorBinder
{
    private static readonly SymbolDisplayFormat Short = SymbolDisplayFormat.MinimallyQualifiedFormat;

    public static BindResult Bind(INamedTypeSymbol processor, INamedTypeSymbol pipeline, IReadOnlyList<WrittenArgument> arguments)
    {
        var constructors = processor.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var signatures = constructors.Count == 0 ? "none is public" : string.Join("; ", constructors.Select(Signature));
        if (processor.IsAbstract) return BindResult.Failed(processor.Name + " is abstract, so it can't be created", signatures);
        if (!IsAccessible(processor, pipeline)) return BindResult.Failed(processor.Name + " is not accessible from the pipeline class", signatures);
        if (constructors.Count == 0) return BindResult.Failed(processor.Name + " has no public constructor", signatures);

        var candidates = new List<Candidate>();
        var closest = (Matched: -1, Reason: "");
        foreach (var constructor in constructors)
        {
            foreach (var expanded in constructor.Parameters.Length > 0 && constructor.Parameters[constructor.Parameters.Length - 1].IsParams ? new[] { false, true } : new[] { false })
            {
                var (candidate, matched, reason) = TryBind(constructor, arguments, expanded);
                if (candidate is not null) candidates.Add(candidate);
                else if (matched > closest.Matched) closest = (matched, reason);
            }
        }

        if (candidates.Count == 0) return BindResult.Failed(closest.Reason, signatures);
        var best = candidates.Where(c => candidates.All(other => ReferenceEquals(other, c) || IsBetter(c, other))).ToList();
        if (best.Count != 1)
        {
            var tied = string.Join(" and ", candidates.Select(c => Signature(c.Constructor)).Distinct());
            return BindResult.Failed("the call is ambiguous between " + tied, signatures);
        }
        return BindResult.Bound(best[0].Bound);
    }

    /// <summary>One applicable constructor, in normal or expanded form.</summary>
    /// <param name="Targets">The type each written argument converts to.</param>
    /// <param name="Identities">Whether each written argument already has its target type.</param>
    private sealed record Candidate(IMethodSymbol Constructor, BoundConstructor Bound, bool Expanded, int Defaulted, ITypeSymbol[] Targets, bool[] Identities);

    /// <summary>The constructor bound in one form, or how many arguments matched before one did not, and why.</summary>
    private static (Candidate? Candidate, int Matched, string Reason) TryBind(IMethodSymbol constructor, IReadOnlyList<WrittenArgument> arguments, bool expanded)
    {
        var parameters = constructor.Parameters;
        var fixedCount = expanded ? parameters.Length - 1 : parameters.Length;
        if (!expanded && arguments.Count > parameters.Length)
            return (null, 0, $"{Signature(constructor)} takes at most {parameters.Length} argument(s), and {arguments.Count} are given");

        var bound = new List<BoundParameter>();
        var targets = new List<ITypeSymbol>();
        var identities = new List<bool>();
        var defaulted = 0;
        var reason = "";

        // Converts written argument i to the target, or says why it can't be the role it has.
        ArgumentModel? Take(int i, ITypeSymbol target, string role)
        {
            var argument = arguments[i];
            var converted = Conversions.Convert(argument.Model, argument.Constant, target, out var identity);
            if (converted is null)
            {
                reason = $"argument {i + 1}, {Conversions.Describe(argument.Model, argument.Constant)}, can't be {role} of {Signature(constructor)}";
                return null;
            }
            targets.Add(target);
            identities.Add(identity);
            return converted;
        }

        for (var i = 0; i < fixedCount; i++)
        {
            var parameter = parameters[i];
            var type = Conversions.Display(parameter.Type);
            if (i >= arguments.Count)
            {
                // (A params parameter given nothing binds in the expanded form, with no element.)
                if (!parameter.IsOptional || parameter.IsParams)
                    return (null, targets.Count, $"the parameter '{parameter.Name}' of {Signature(constructor)} has no default, and no argument is given for it");
                var defaultValue = ArgumentParser.FromValue(parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null, parameter.Type);
                if (defaultValue is null) return (null, targets.Count, $"the default of '{parameter.Name}' can't be read");
                bound.Add(new BoundParameter(parameter.Name, type, defaultValue, IsDefaulted: true, IsExpandedParams: false, ArgumentIndex: -1));
                defaulted++;
                continue;
            }
            var converted = Take(i, parameter.Type, $"the {parameter.Type.ToDisplayString(Short)} '{parameter.Name}'");
            if (converted is null) return (null, targets.Count, reason);
            bound.Add(new BoundParameter(parameter.Name, type, converted, IsDefaulted: false, IsExpandedParams: false, ArgumentIndex: i));
        }

        if (expanded)
        {
            var parameter = parameters[parameters.Length - 1];
            if (parameter.Type is not IArrayTypeSymbol arrayType) return (null, targets.Count, $"'{parameter.Name}' is not an array");
            var elements = new List<ArgumentModel>();
            for (var i = fixedCount; i < arguments.Count; i++)
            {
                var converted = Take(i, arrayType.ElementType, $"an element of the params {arrayType.ToDisplayString(Short)} '{parameter.Name}'");
                if (converted is null) return (null, targets.Count, reason);
                elements.Add(converted);
            }
            var value = new ArgumentModel(ArgumentKind.Array, Conversions.Display(arrayType.ElementType), null, elements.ToEquatableArray());
            var given = elements.Count > 0;
            bound.Add(new BoundParameter(parameter.Name, Conversions.Display(parameter.Type), value, IsDefaulted: !given, IsExpandedParams: true, ArgumentIndex: given ? fixedCount : -1));
            if (!given) defaulted++;
        }

        return (new Candidate(constructor, new BoundConstructor(bound.ToEquatableArray()), expanded, defaulted, targets.ToArray(), identities.ToArray()), targets.Count, "");
    }

    /// <summary>True when <paramref name="a"/> is a better function member than <paramref name="b"/> (C# 12.6.4.3, simplified).</summary>
    private static bool IsBetter(Candidate a, Candidate b)
    {
        var anyBetter = false;
        for (var i = 0; i < a.Targets.Length; i++)
        {
            var comparison = CompareConversions(a.Targets[i], a.Identities[i], b.Targets[i], b.Identities[i]);
            if (comparison < 0) return false;
            if (comparison > 0) anyBetter = true;
        }
        if (anyBetter) return true;
        if (!a.Expanded && b.Expanded) return true;
        return a.Defaulted == 0 && b.Defaulted > 0;
    }

    /// <summary>1 when converting to <paramref name="first"/> is better, -1 when worse, 0 when neither.</summary>
    private static int CompareConversions(ITypeSymbol first, bool firstIdentity, ITypeSymbol second, bool secondIdentity)
    {
        if (SymbolEqualityComparer.Default.Equals(first, second)) return 0;
        if (firstIdentity != secondIdentity) return firstIdentity ? 1 : -1;
        // The better conversion target: the one that converts implicitly to the other (int over long, string over object).
        var firstToSecond = Conversions.IsImplicit(first, second);
        var secondToFirst = Conversions.IsImplicit(second, first);
        if (firstToSecond && !secondToFirst) return 1;
        if (secondToFirst && !firstToSecond) return -1;
        return 0;
    }

    /// <summary>
    /// True when the generated code, which lives in the pipeline class, can name the type: every
    /// type containing it is public or internal, or the pipeline class is nested in the one that isn't.
    /// </summary>
    private static bool IsAccessible(INamedTypeSymbol type, INamedTypeSymbol pipeline)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal) continue;
            var container = current.ContainingType;
            var inside = false;
            for (var outer = (INamedTypeSymbol?)pipeline; outer is not null; outer = outer.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(outer, container)) inside = true;
            }
            if (!inside) return false;
        }
        return true;
    }

    /// <summary>A constructor as people read it: <c>(string column, HashAlgorithm algorithm = Sha256)</c>.</summary>
    public static string Signature(IMethodSymbol constructor) =>
        "(" + string.Join(", ", constructor.Parameters.Select(p =>
            (p.IsParams ? "params " : "") + p.Type.ToDisplayString(Short) + " " + p.Name
            + (p.HasExplicitDefaultValue ? " = " + DefaultText(p) : ""))) + ")";

    private static string DefaultText(IParameterSymbol parameter)
    {
        var model = ArgumentParser.FromValue(parameter.ExplicitDefaultValue, parameter.Type);
        return model is null ? "default" : ArgumentModel.Display(model);
    }
}
