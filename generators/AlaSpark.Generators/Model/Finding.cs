using System.Linq;

namespace AlaSpark.Generators.Model;

/// <summary>How serious a finding is; the analyzers map it to a <c>DiagnosticSeverity</c>.</summary>
internal enum FindingSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>Which part of the pipeline class a finding is about (see <see cref="Finding"/>).</summary>
internal enum FindingTarget
{
    /// <summary>The class declaration.</summary>
    Class,

    /// <summary>A whole attribute of the class: <see cref="Finding.AttributeIndex"/>.</summary>
    Attribute,

    /// <summary>The <c>typeof(T)</c> of a <c>[Processor]</c>.</summary>
    ProcessorType,

    /// <summary>
    /// A written argument of a <c>[Processor]</c> after the type: <see cref="Finding.ArgumentIndex"/>
    /// indexes <c>ProcessorModel.Arguments</c> (in source, attribute argument <c>ArgumentIndex + 1</c>
    /// unless the arguments were written as one explicit <c>new object[] { ... }</c>), and
    /// <see cref="Finding.ElementIndex"/> an element of an array argument, or -1.
    /// </summary>
    ProcessorArgument,

    /// <summary>
    /// A named argument (<see cref="Finding.PropertyName"/>, e.g. <c>PartitionBy</c>) of a source or
    /// sink attribute; <see cref="Finding.ElementIndex"/> an element of an array value, or -1.
    /// </summary>
    NamedArgument,
}

/// <summary>
/// Something the parser or the schema tracker found wrong (or worth saying) in a pipeline, without
/// symbols or locations: the analyzers map <see cref="Target"/> and the indexes back to syntax
/// (<c>type.GetAttributes()[AttributeIndex].ApplicationSyntaxReference</c>), and the generator only
/// asks whether any is an error.
/// </summary>
/// <param name="Id">The diagnostic id of dsl.md section 3 (see <see cref="FindingIds"/>).</param>
/// <param name="AttributeIndex">The attribute's index among the class's attributes; -1 for <see cref="FindingTarget.Class"/>.</param>
/// <param name="ArgumentIndex">For <see cref="FindingTarget.ProcessorArgument"/>; else -1.</param>
/// <param name="ElementIndex">An element of an array argument, or -1.</param>
/// <param name="PropertyName">For <see cref="FindingTarget.NamedArgument"/>; else null.</param>
/// <param name="MessageArguments">The id's message arguments, in the order <see cref="FindingIds"/> documents.</param>
internal sealed record Finding(
    string Id,
    FindingSeverity Severity,
    FindingTarget Target,
    int AttributeIndex,
    int ArgumentIndex,
    int ElementIndex,
    string? PropertyName,
    EquatableArray<string> MessageArguments)
{
    /// <summary>The message for people: what is wrong, where, and what to do.</summary>
    public string Message => FindingIds.Format(this);

    public static Finding AtClass(string id, FindingSeverity severity, params string[] arguments) =>
        new(id, severity, FindingTarget.Class, -1, -1, -1, null, arguments.ToEquatableArray());

    public static Finding AtAttribute(string id, FindingSeverity severity, int attributeIndex, params string[] arguments) =>
        new(id, severity, FindingTarget.Attribute, attributeIndex, -1, -1, null, arguments.ToEquatableArray());

    public static Finding AtProcessorType(string id, FindingSeverity severity, int attributeIndex, params string[] arguments) =>
        new(id, severity, FindingTarget.ProcessorType, attributeIndex, -1, -1, null, arguments.ToEquatableArray());

    public static Finding AtProcessorArgument(string id, FindingSeverity severity, int attributeIndex, int argumentIndex, int elementIndex, params string[] arguments) =>
        new(id, severity, FindingTarget.ProcessorArgument, attributeIndex, argumentIndex, elementIndex, null, arguments.ToEquatableArray());

    public static Finding AtNamedArgument(string id, FindingSeverity severity, int attributeIndex, string propertyName, int elementIndex, params string[] arguments) =>
        new(id, severity, FindingTarget.NamedArgument, attributeIndex, -1, elementIndex, propertyName, arguments.ToEquatableArray());
}
