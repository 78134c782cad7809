using System.Globalization;
using System.Linq;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Generators.Parsing;

/// <summary>Turns attribute <see cref="TypedConstant"/>s into symbol-free <see cref="ArgumentModel"/>s.</summary>
internal static class ArgumentParser
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The model of <paramref name="constant"/>, or null when it has an error.</summary>
    public static ArgumentModel? Parse(TypedConstant constant)
    {
        var typeName = constant.Type?.ToDisplayString(Qualified) ?? "object";
        switch (constant.Kind)
        {
            case TypedConstantKind.Error:
                return null;
            case TypedConstantKind.Array:
            {
                var elementType = (constant.Type as IArrayTypeSymbol)?.ElementType.ToDisplayString(Qualified) ?? "object";
                if (constant.IsNull) return new ArgumentModel(ArgumentKind.Null, elementType + "[]", null, EquatableArray<ArgumentModel>.Empty);
                var items = constant.Values.Select(Parse).ToList();
                if (items.Any(i => i is null)) return null;
                return new ArgumentModel(ArgumentKind.Array, elementType, null, items.Select(i => i!).ToEquatableArray());
            }
            case TypedConstantKind.Type:
                if (constant.Value is not ITypeSymbol type || type.TypeKind == TypeKind.Error) return null;
                return new ArgumentModel(ArgumentKind.Type, "global::System.Type", type.ToDisplayString(Qualified), EquatableArray<ArgumentModel>.Empty);
            case TypedConstantKind.Enum:
                return new ArgumentModel(ArgumentKind.Enum, typeName, EnumMemberName(constant), EquatableArray<ArgumentModel>.Empty);
        }

        if (constant.IsNull || constant.Value is null)
            return new ArgumentModel(ArgumentKind.Null, typeName, null, EquatableArray<ArgumentModel>.Empty);
        return Scalar(constant.Value, typeName);
    }

    /// <summary>
    /// The model of a value of <paramref name="type"/>: a parameter's default value, or a constant
    /// converted to a parameter's type. Null when the value is of no kind an argument can have.
    /// </summary>
    public static ArgumentModel? FromValue(object? value, ITypeSymbol type)
    {
        var typeName = type.ToDisplayString(Qualified);
        if (value is null) return new ArgumentModel(ArgumentKind.Null, typeName, null, EquatableArray<ArgumentModel>.Empty);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            return FromValue(value, nullable.TypeArguments[0]);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            return new ArgumentModel(ArgumentKind.Enum, typeName, EnumMemberName(enumType, value), EquatableArray<ArgumentModel>.Empty);
        return Scalar(value, typeName);
    }

    internal static ArgumentModel? Scalar(object value, string typeName)
    {
        var (kind, text) = value switch
        {
            string s => (ArgumentKind.String, s),
            char c => (ArgumentKind.Char, c.ToString()),
            bool b => (ArgumentKind.Boolean, b ? "true" : "false"),
            byte n => (ArgumentKind.Byte, n.ToString(CultureInfo.InvariantCulture)),
            sbyte n => (ArgumentKind.SByte, n.ToString(CultureInfo.InvariantCulture)),
            short n => (ArgumentKind.Int16, n.ToString(CultureInfo.InvariantCulture)),
            ushort n => (ArgumentKind.UInt16, n.ToString(CultureInfo.InvariantCulture)),
            int n => (ArgumentKind.Int32, n.ToString(CultureInfo.InvariantCulture)),
            uint n => (ArgumentKind.UInt32, n.ToString(CultureInfo.InvariantCulture)),
            long n => (ArgumentKind.Int64, n.ToString(CultureInfo.InvariantCulture)),
            ulong n => (ArgumentKind.UInt64, n.ToString(CultureInfo.InvariantCulture)),
            float n => (ArgumentKind.Single, n.ToString("R", CultureInfo.InvariantCulture)),
            double n => (ArgumentKind.Double, n.ToString("R", CultureInfo.InvariantCulture)),
            decimal n => (ArgumentKind.Decimal, n.ToString(CultureInfo.InvariantCulture)),
            _ => (ArgumentKind.Null, (string?)null),
        };
        return text is null ? null : new ArgumentModel(kind, typeName, text, EquatableArray<ArgumentModel>.Empty);
    }

    /// <summary>The name of the enum member with the constant's value, or the number when none has it.</summary>
    public static string EnumMemberName(TypedConstant constant) =>
        constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            ? EnumMemberName(enumType, constant.Value)
            : System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? "0";

    /// <summary>The name of the member of <paramref name="enumType"/> with <paramref name="value"/>, or the number when none has it.</summary>
    public static string EnumMemberName(INamedTypeSymbol enumType, object? value)
    {
        foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (member.HasConstantValue && Equals(member.ConstantValue, value)) return member.Name;
        }
        return System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
    }

    /// <summary>Reads a <c>string[]</c> constant; false when it is not one (a null array reads as empty).</summary>
    public static bool TryStrings(TypedConstant constant, out EquatableArray<string> strings)
    {
        strings = EquatableArray<string>.Empty;
        if (constant.Kind != TypedConstantKind.Array) return false;
        if (constant.IsNull) return true;
        var values = constant.Values.Select(v => v.Value as string).ToList();
        if (values.Any(v => v is null)) return false;
        strings = values.Select(v => v!).ToEquatableArray();
        return true;
    }
}
