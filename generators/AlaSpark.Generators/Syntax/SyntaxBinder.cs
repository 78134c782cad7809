using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;
using AlaSpark.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Syntax;

/// <summary>
/// Binds a <c>[Processor]</c>'s written arguments to a built-in processor's constructor from the
/// catalogue, giving the same <see cref="BoundConstructor"/> as <see cref="ConstructorBinder"/>.
/// It decides only the plain cases: every constructor form either applies for certain or certainly
/// not, and exactly one applies. A conversion it does not model (to <c>object</c>, an interface, an
/// enum from zero, array covariance), no applicable constructor (an error the analyzers report) or
/// several (overload resolution) gives null, and the pipeline is read from symbols.
/// </summary>
internal static class SyntaxBinder
{
    private enum Applies
    {
        Yes,
        No,
        Unknown,
    }

    public static BoundConstructor? Bind(CatalogueProcessor processor, IReadOnlyList<ArgumentModel> arguments)
    {
        BoundConstructor? bound = null;
        var applicable = 0;
        foreach (var constructor in processor.Constructors)
        {
            var parameters = constructor.Parameters;
            var forms = parameters.Count > 0 && parameters[parameters.Count - 1].IsParams ? new[] { false, true } : new[] { false };
            foreach (var expanded in forms)
            {
                var (applies, candidate) = TryBind(parameters, arguments, expanded);
                if (applies == Applies.Unknown) return null;
                if (applies == Applies.Yes)
                {
                    applicable++;
                    bound = candidate;
                }
            }
        }
        return applicable == 1 ? bound : null;
    }

    private static (Applies, BoundConstructor?) TryBind(EquatableArray<CatalogueParameter> parameters, IReadOnlyList<ArgumentModel> arguments, bool expanded)
    {
        var fixedCount = expanded ? parameters.Count - 1 : parameters.Count;
        if (!expanded && arguments.Count > parameters.Count) return (Applies.No, null);
        var bound = new List<BoundParameter>();
        for (var i = 0; i < fixedCount; i++)
        {
            var parameter = parameters[i];
            if (i >= arguments.Count)
            {
                if (!parameter.IsOptional || parameter.IsParams) return (Applies.No, null);
                if (parameter.Default is null) return (Applies.Unknown, null);
                bound.Add(new BoundParameter(parameter.Name, parameter.Type.Display, parameter.Default, IsDefaulted: true, IsExpandedParams: false, ArgumentIndex: -1));
                continue;
            }
            var (applies, converted) = Convert(arguments[i], parameter.Type);
            if (applies != Applies.Yes) return (applies, null);
            bound.Add(new BoundParameter(parameter.Name, parameter.Type.Display, converted!, IsDefaulted: false, IsExpandedParams: false, ArgumentIndex: i));
        }

        if (expanded)
        {
            var parameter = parameters[parameters.Count - 1];
            if (parameter.Type is not { Kind: ParameterTypeKind.Array, Element: { } element }) return (Applies.Unknown, null);
            var elements = new List<ArgumentModel>();
            for (var i = fixedCount; i < arguments.Count; i++)
            {
                var (applies, converted) = Convert(arguments[i], element);
                if (applies != Applies.Yes) return (applies, null);
                elements.Add(converted!);
            }
            var given = elements.Count > 0;
            var value = new ArgumentModel(ArgumentKind.Array, element.Display, null, elements.ToEquatableArray());
            bound.Add(new BoundParameter(parameter.Name, parameter.Type.Display, value, IsDefaulted: !given, IsExpandedParams: true, ArgumentIndex: given ? fixedCount : -1));
        }
        return (Applies.Yes, new BoundConstructor(bound.ToEquatableArray()));
    }

    /// <summary>The argument converted to <paramref name="target"/> as <see cref="Conversions.Convert"/> converts it.</summary>
    private static (Applies, ArgumentModel?) Convert(ArgumentModel argument, ParameterType target)
    {
        if (argument.Kind == ArgumentKind.Null) return (Applies.Unknown, null);
        var argumentType = argument.Kind == ArgumentKind.Array ? argument.TypeName + "[]" : argument.TypeName;
        if (argumentType == target.Display) return (Applies.Yes, argument);
        switch (target.Kind)
        {
            case ParameterTypeKind.Nullable:
                return Convert(argument, target.Element!);
            case ParameterTypeKind.Other:
                return (Applies.Unknown, null);
            case ParameterTypeKind.Array when argument.Kind == ArgumentKind.Array:
                // string[] to object[] is a reference conversion; between value-type arrays there is none.
                return (target.Element!.Kind == ParameterTypeKind.Other ? Applies.Unknown : Applies.No, null);
            case ParameterTypeKind.Enum when IsInteger(argument.Kind) && decimal.Parse(argument.Value!, CultureInfo.InvariantCulture) == 0m:
                return (Applies.Unknown, null);
            case ParameterTypeKind.Special when NumericType(argument.Kind) is { } source:
                var converted = Conversions.ConvertNumber(Value(argument.Kind, argument.Value!), source, target.Special, target.Display);
                return converted is null ? (Applies.No, null) : (Applies.Yes, converted);
            default:
                return (Applies.No, null);
        }
    }

    private static bool IsInteger(ArgumentKind kind) => kind is ArgumentKind.Byte or ArgumentKind.SByte or ArgumentKind.Int16 or ArgumentKind.UInt16
        or ArgumentKind.Int32 or ArgumentKind.UInt32 or ArgumentKind.Int64 or ArgumentKind.UInt64;

    public static SpecialType? NumericType(ArgumentKind kind) => kind switch
    {
        ArgumentKind.Char => SpecialType.System_Char,
        ArgumentKind.Byte => SpecialType.System_Byte,
        ArgumentKind.SByte => SpecialType.System_SByte,
        ArgumentKind.Int16 => SpecialType.System_Int16,
        ArgumentKind.UInt16 => SpecialType.System_UInt16,
        ArgumentKind.Int32 => SpecialType.System_Int32,
        ArgumentKind.UInt32 => SpecialType.System_UInt32,
        ArgumentKind.Int64 => SpecialType.System_Int64,
        ArgumentKind.UInt64 => SpecialType.System_UInt64,
        ArgumentKind.Single => SpecialType.System_Single,
        ArgumentKind.Double => SpecialType.System_Double,
        ArgumentKind.Decimal => SpecialType.System_Decimal,
        _ => null,
    };

    /// <summary>The constant a model's invariant text stands for.</summary>
    public static object Value(ArgumentKind kind, string text) => kind switch
    {
        ArgumentKind.Char => text[0],
        ArgumentKind.Byte => byte.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.SByte => sbyte.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.Int16 => short.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.UInt16 => ushort.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.Int32 => int.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.UInt32 => uint.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.Int64 => long.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.UInt64 => ulong.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.Single => float.Parse(text, CultureInfo.InvariantCulture),
        ArgumentKind.Double => double.Parse(text, CultureInfo.InvariantCulture),
        _ => decimal.Parse(text, CultureInfo.InvariantCulture),
    };
}
