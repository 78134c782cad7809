using System.Threading;
using AlaSpark.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AlaSpark.Analyzers.Locating;

/// <summary>
/// Where a finding of the shared parser and schema tracker is reported: its target (an attribute, the
/// <c>typeof(T)</c> of a processor, a processor argument or one of its elements, a named argument or
/// one of its elements) becomes an <see cref="AttributeArgument"/> for <see cref="AttributeLocator"/>.
/// </summary>
internal static class FindingLocation
{
    public static Location Locate(INamedTypeSymbol type, Finding finding, CancellationToken cancellationToken) =>
        finding.Target == FindingTarget.Class
            ? AttributeLocator.TypeLocation(type)
            : AttributeLocator.Locate(type, finding.AttributeIndex, ArgumentOf(finding), cancellationToken);

    /// <summary>
    /// The argument a finding is about. Two findings that target a whole <c>[Processor]</c> are placed
    /// more precisely: ALS3002 on the arguments that bind to no constructor (the attribute when none is
    /// written), ALS3005 on the <c>typeof(T)</c> of the processor that should declare its schema effect.
    /// </summary>
    public static AttributeArgument ArgumentOf(Finding finding) => finding.Target switch
    {
        FindingTarget.ProcessorType => AttributeArgument.Constructor(0),
        FindingTarget.ProcessorArgument when finding.ArgumentIndex >= 0 =>
            AttributeArgument.ProcessorArgument(finding.ArgumentIndex, finding.ElementIndex),
        FindingTarget.NamedArgument when finding.PropertyName is { } property => AttributeArgument.Named(property, finding.ElementIndex),
        FindingTarget.Attribute when finding.Id == FindingIds.NoConstructor => AttributeArgument.Constructor(1),
        FindingTarget.Attribute when finding.Id == FindingIds.SchemaUnknown => AttributeArgument.Constructor(0),
        _ => AttributeArgument.Attribute,
    };
}
