using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Parsing;

/// <summary>
/// The implicit conversions C# applies to a constant argument of <c>new T(...)</c>: identity,
/// implicit numeric (<c>int</c> to <c>long</c>, <c>char</c> to <c>int</c>...), implicit constant
/// (<c>4</c> to <c>byte</c> when it fits), the constant zero to an enum, null to a reference or
/// nullable type, boxing to <c>object</c>, and reference conversions of strings, types and arrays.
/// </summary>
internal static class Conversions
{
    private static readonly Dictionary<SpecialType, SpecialType[]> ImplicitNumeric = new()
    {
        [SpecialType.System_SByte] = [SpecialType.System_Int16, SpecialType.System_Int32, SpecialType.System_Int64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Byte] = [SpecialType.System_Int16, SpecialType.System_UInt16, SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Int16] = [SpecialType.System_Int32, SpecialType.System_Int64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_UInt16] = [SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Int32] = [SpecialType.System_Int64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_UInt32] = [SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Int64] = [SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_UInt64] = [SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Char] = [SpecialType.System_UInt16, SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single, SpecialType.System_Double, SpecialType.System_Decimal],
        [SpecialType.System_Single] = [SpecialType.System_Double],
    };

    private static readonly string[] ArrayInterfaces =
    {
        "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyList`1",
    };

    /// <summary>
    /// Converts <paramref name="argument"/> (the model of <paramref name="constant"/>) to
    /// <paramref name="target"/>; null when C# has no implicit conversion for it. The result's
    /// <paramref name="isIdentity"/> says whether the argument already has the target type.
    /// </summary>
    public static ArgumentModel? Convert(ArgumentModel argument, TypedConstant constant, ITypeSymbol target, out bool isIdentity)
    {
        isIdentity = false;
        if (IsNullConstant(constant))
        {
            if (target.IsValueType && !IsNullableValue(target)) return null;
            isIdentity = true;
            return argument with { Kind = ArgumentKind.Null, TypeName = Display(target), Value = null, Items = EquatableArray<ArgumentModel>.Empty };
        }

        var source = constant.Type;
        if (source is null) return null;
        if (SymbolEqualityComparer.Default.Equals(source, target))
        {
            isIdentity = true;
            return argument;
        }
        if (IsNullableValue(target))
            return Convert(argument, constant, ((INamedTypeSymbol)target).TypeArguments[0], out _);

        switch (constant.Kind)
        {
            case TypedConstantKind.Primitive when ImplicitNumeric.ContainsKey(source.SpecialType) && IsNumeric(target.SpecialType):
                return ConvertNumber(constant.Value!, source.SpecialType, target.SpecialType, Display(target));
            case TypedConstantKind.Primitive when target.TypeKind == TypeKind.Enum && IsIntegerZero(constant.Value):
                return ArgumentParser.FromValue(EnumZero((INamedTypeSymbol)target), target);
        }

        return IsImplicitReferenceOrBoxing(source, target) ? argument : null;
    }

    /// <summary>True when C# converts a value of <paramref name="from"/> to <paramref name="to"/> implicitly (types only, no constant rules).</summary>
    public static bool IsImplicit(ITypeSymbol from, ITypeSymbol to)
    {
        if (SymbolEqualityComparer.Default.Equals(from, to)) return true;
        if (IsNullableValue(to) && IsImplicit(from, ((INamedTypeSymbol)to).TypeArguments[0])) return true;
        if (ImplicitNumeric.TryGetValue(from.SpecialType, out var targets) && targets.Contains(to.SpecialType)) return true;
        return IsImplicitReferenceOrBoxing(from, to);
    }

    private static bool IsImplicitReferenceOrBoxing(ITypeSymbol from, ITypeSymbol to)
    {
        if (to.SpecialType == SpecialType.System_Object) return true;
        if (from.IsValueType)
        {
            // Boxing: to ValueType, to System.Enum for an enum, or to an interface the type implements.
            return to.SpecialType == SpecialType.System_ValueType
                   || to.SpecialType == SpecialType.System_Enum && from.TypeKind == TypeKind.Enum
                   || from.AllInterfaces.Contains(to, SymbolEqualityComparer.Default);
        }
        if (from is IArrayTypeSymbol array) return IsArrayConversion(array, to);
        for (var type = from.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, to)) return true;
        }
        return from.AllInterfaces.Contains(to, SymbolEqualityComparer.Default);
    }

    private static bool IsArrayConversion(IArrayTypeSymbol from, ITypeSymbol to)
    {
        if (to is IArrayTypeSymbol toArray)
            return toArray.Rank == from.Rank && ElementConverts(from.ElementType, toArray.ElementType);
        if (to.SpecialType is SpecialType.System_Array or SpecialType.System_Collections_IEnumerable) return true;
        var name = MetadataName(to.OriginalDefinition);
        if (name is "System.Collections.ICollection" or "System.Collections.IList" or "System.ICloneable") return true;
        return from.Rank == 1 && to is INamedTypeSymbol { IsGenericType: true } generic
               && ArrayInterfaces.Contains(MetadataName(generic.OriginalDefinition))
               && ElementConverts(from.ElementType, generic.TypeArguments[0]);
    }

    /// <summary>Array covariance: the same element type, or reference types with a reference conversion.</summary>
    private static bool ElementConverts(ITypeSymbol from, ITypeSymbol to) =>
        SymbolEqualityComparer.Default.Equals(from, to)
        || from.IsReferenceType && to.IsReferenceType && IsImplicitReferenceOrBoxing(from, to);

    /// <summary>
    /// Converts the constant <paramref name="value"/> of numeric (or char) type <paramref name="source"/>
    /// to the numeric type <paramref name="targetType"/> (shown as <paramref name="targetDisplay"/>);
    /// null when C# has no implicit conversion for this constant.
    /// </summary>
    public static ArgumentModel? ConvertNumber(object value, SpecialType source, SpecialType targetType, string targetDisplay)
    {
        if (!ImplicitNumeric.TryGetValue(source, out var targets) || !IsNumeric(targetType)) return null;
        var widening = targets.Contains(targetType);
        // C#'s implicit constant conversions: an int constant to a smaller or unsigned integer type
        // when it fits, a long constant to ulong when it is not negative.
        var narrowing = source == SpecialType.System_Int32 && targetType is SpecialType.System_SByte or SpecialType.System_Byte
                            or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
                        || source == SpecialType.System_Int64 && targetType == SpecialType.System_UInt64;
        if (!widening && !(narrowing && Fits(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture), targetType))) return null;
        var number = value is char c ? (int)c : value;
        object converted = targetType switch
        {
            SpecialType.System_SByte => System.Convert.ToSByte(number, CultureInfo.InvariantCulture),
            SpecialType.System_Byte => System.Convert.ToByte(number, CultureInfo.InvariantCulture),
            SpecialType.System_Int16 => System.Convert.ToInt16(number, CultureInfo.InvariantCulture),
            SpecialType.System_UInt16 => System.Convert.ToUInt16(number, CultureInfo.InvariantCulture),
            SpecialType.System_Int32 => System.Convert.ToInt32(number, CultureInfo.InvariantCulture),
            SpecialType.System_UInt32 => System.Convert.ToUInt32(number, CultureInfo.InvariantCulture),
            SpecialType.System_Int64 => System.Convert.ToInt64(number, CultureInfo.InvariantCulture),
            SpecialType.System_UInt64 => System.Convert.ToUInt64(number, CultureInfo.InvariantCulture),
            SpecialType.System_Single => System.Convert.ToSingle(number, CultureInfo.InvariantCulture),
            SpecialType.System_Double => System.Convert.ToDouble(number, CultureInfo.InvariantCulture),
            _ => System.Convert.ToDecimal(number, CultureInfo.InvariantCulture),
        };
        return ArgumentParser.Scalar(converted, targetDisplay);
    }

    private static bool Fits(decimal value, SpecialType target) => target switch
    {
        SpecialType.System_SByte => value >= sbyte.MinValue && value <= sbyte.MaxValue,
        SpecialType.System_Byte => value >= byte.MinValue && value <= byte.MaxValue,
        SpecialType.System_Int16 => value >= short.MinValue && value <= short.MaxValue,
        SpecialType.System_UInt16 => value >= ushort.MinValue && value <= ushort.MaxValue,
        SpecialType.System_UInt32 => value >= uint.MinValue && value <= uint.MaxValue,
        SpecialType.System_UInt64 => value >= ulong.MinValue,
        _ => false,
    };

    private static bool IsNumeric(SpecialType type) =>
        type is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsIntegerZero(object? value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong
        && System.Convert.ToDecimal(value, CultureInfo.InvariantCulture) == 0m;

    /// <summary>The zero of the enum's underlying type, boxed as that type (enum members hold such values).</summary>
    private static object EnumZero(INamedTypeSymbol enumType) => enumType.EnumUnderlyingType?.SpecialType switch
    {
        SpecialType.System_SByte => (sbyte)0,
        SpecialType.System_Byte => (byte)0,
        SpecialType.System_Int16 => (short)0,
        SpecialType.System_UInt16 => (ushort)0,
        SpecialType.System_UInt32 => 0u,
        SpecialType.System_Int64 => 0L,
        SpecialType.System_UInt64 => 0UL,
        _ => 0,
    };

    private static bool IsNullConstant(TypedConstant constant) =>
        constant.IsNull || constant.Kind != TypedConstantKind.Array && constant.Value is null;

    public static bool IsNullableValue(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static string MetadataName(ITypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    /// <summary>A short description of a constant for messages: <c>"x" (string)</c>, <c>42 (int)</c>.</summary>
    public static string Describe(ArgumentModel argument, TypedConstant constant) =>
        ArgumentModel.Display(argument) + (constant.Type is null ? "" : " (" + constant.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ")");
}
