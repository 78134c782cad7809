using System;

namespace AlaSpark.Analyzers.Locating;

/// <summary>
/// Names one argument of an attribute, the way a finding refers to it: a constructor argument by
/// its index in <see cref="Microsoft.CodeAnalysis.AttributeData.ConstructorArguments"/>, a named
/// property, or a processor argument of <c>[Processor(typeof(T), args...)]</c> as the shared parser
/// counts them (<see cref="ProcessorArgument"/>); optionally one element of an array argument (an
/// element of <c>PartitionBy</c>, of a column list, of a <c>params</c> array).
/// <see cref="Attribute"/> names the attribute as a whole.
/// </summary>
public readonly struct AttributeArgument : IEquatable<AttributeArgument>
{
    private AttributeArgument(int constructorIndex, string? propertyName, int element, int processorArgument = -1)
    {
        ConstructorIndex = constructorIndex;
        PropertyName = propertyName;
        Element = element;
        ProcessorArgumentIndex = processorArgument;
    }

    /// <summary>The attribute as a whole (no argument).</summary>
    public static AttributeArgument Attribute => new AttributeArgument(-1, null, -1);

    /// <summary>
    /// The constructor argument at <paramref name="index"/>, or its element <paramref name="element"/>
    /// when it is an array (for a <c>params</c> parameter: the element-th argument written in its place).
    /// </summary>
    public static AttributeArgument Constructor(int index, int element = -1) =>
        new AttributeArgument(index < 0 ? throw new ArgumentOutOfRangeException(nameof(index)) : index, null, element < 0 ? -1 : element);

    /// <summary>The named property argument <paramref name="name"/> (<c>PartitionBy = ...</c>), or one element of its array.</summary>
    public static AttributeArgument Named(string name, int element = -1) =>
        new AttributeArgument(-1, name ?? throw new ArgumentNullException(nameof(name)), element < 0 ? -1 : element);

    /// <summary>
    /// The <paramref name="index"/>-th processor argument of <c>[Processor(typeof(T), args...)]</c>, counted
    /// after the type as the shared parser counts them (<c>ProcessorModel.Arguments</c>, a finding's
    /// <c>ArgumentIndex</c>): with <c>(Type, params object[] arguments)</c> each element of the params array is
    /// one argument, whether written one by one or as one <c>new object[] { ... }</c>; with
    /// <c>(Type, string[] columns)</c> the whole column list is argument 0. <paramref name="element"/> names
    /// an element of that argument when it is an array (a column of the list).
    /// </summary>
    public static AttributeArgument ProcessorArgument(int index, int element = -1) =>
        new AttributeArgument(1, null, element < 0 ? -1 : element, index < 0 ? throw new ArgumentOutOfRangeException(nameof(index)) : index);

    /// <summary>The constructor argument's index; -1 for a named argument or the whole attribute.</summary>
    public int ConstructorIndex { get; }

    /// <summary>The named property; null for a constructor argument or the whole attribute.</summary>
    public string? PropertyName { get; }

    /// <summary>The element of an array argument; -1 for the whole argument.</summary>
    public int Element { get; }

    /// <summary>The processor argument (see <see cref="ProcessorArgument"/>); -1 for any other argument.</summary>
    public int ProcessorArgumentIndex { get; }

    /// <summary>True when this names the whole attribute.</summary>
    public bool IsAttribute => ConstructorIndex < 0 && PropertyName is null;

    /// <summary>The same argument without the element.</summary>
    public AttributeArgument WholeArgument => new AttributeArgument(ConstructorIndex, PropertyName, -1, ProcessorArgumentIndex);

    public bool Equals(AttributeArgument other) =>
        ConstructorIndex == other.ConstructorIndex && PropertyName == other.PropertyName && Element == other.Element
        && ProcessorArgumentIndex == other.ProcessorArgumentIndex;

    public override bool Equals(object? obj) => obj is AttributeArgument other && Equals(other);

    public override int GetHashCode() =>
        (((ConstructorIndex * 397) ^ Element) * 31 + ProcessorArgumentIndex) * 31
        + (PropertyName is null ? 0 : StringComparer.Ordinal.GetHashCode(PropertyName));

    public override string ToString() =>
        IsAttribute ? "attribute"
        : (ProcessorArgumentIndex >= 0 ? "processor argument " + ProcessorArgumentIndex
            : PropertyName is null ? "constructor argument " + ConstructorIndex
            : PropertyName)
          + (Element < 0 ? "" : " element " + Element);
}
