namespace AlaSpark.Generators.Model;

// Equality contract: as for PipelineModel, records of strings, bools, ints and equatable arrays.

/// <summary>
/// The public constructor that a <c>[Processor]</c>'s arguments bind to, chosen as the C# compiler
/// would choose it for <c>new T(arguments)</c>, with the value each parameter gets.
/// </summary>
/// <param name="Parameters">Every parameter, in declaration order.</param>
internal sealed record BoundConstructor(EquatableArray<BoundParameter> Parameters)
{
    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public BoundParameter? Find(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name == name) return parameter;
        }
        return null;
    }
}

/// <summary>One parameter of a bound constructor and the value it gets.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="TypeName">The parameter's type, <c>global::</c> form.</param>
/// <param name="Value">
/// The value, converted to the parameter's type as C# converts it implicitly (the constant <c>4</c>
/// for a <c>long</c> parameter is the <c>Int64</c> 4); for a params parameter in expanded form, an
/// array of the elements; for a defaulted parameter, its default value.
/// </param>
/// <param name="IsDefaulted">True when no argument was written for it: it takes its default.</param>
/// <param name="IsExpandedParams">True for a <c>params</c> parameter whose elements were written as separate arguments.</param>
/// <param name="ArgumentIndex">
/// The written argument bound to it (an index into <c>ProcessorModel.Arguments</c>); for expanded
/// params the first element's argument (element <c>i</c> is argument <c>ArgumentIndex + i</c>); -1
/// when defaulted or when expanded params get no element.
/// </param>
internal sealed record BoundParameter(
    string Name,
    string TypeName,
    ArgumentModel Value,
    bool IsDefaulted,
    bool IsExpandedParams,
    int ArgumentIndex);

/// <summary>
/// The schema effect a custom processor declares: <c>[RemovesColumn]</c> columns are removed, then
/// <c>[AddsColumn]</c> columns are added (or replace a column of the same name);
/// <c>[PreservesSchema]</c> alone leaves the schema as it is.
/// </summary>
internal sealed record DeclaredEffects(EquatableArray<ColumnModel> Adds, EquatableArray<string> Removes, bool PreservesSchema);
