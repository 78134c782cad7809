namespace AlaSpark.Naming;

/// <summary>
/// The runtime side of the naming standard: the checks of <see cref="NamingRules"/> turned into
/// <see cref="AlaSparkException"/>s. (Runtime only: unlike the other files of this folder it is not
/// shared with the analyzers.)
/// </summary>
public static class NamingStandard
{
    /// <summary>
    /// Throws when <paramref name="name"/> breaks the naming standard for <paramref name="kind"/>. The
    /// message names the name, its kind, what is wrong, the rule, and a suggested fix.
    /// </summary>
    /// <exception cref="AlaSparkException">The name breaks the standard.</exception>
    public static void Enforce(NameKind kind, string name, NamingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var check = NamingRules.Check(kind, name, options ?? NamingOptions.Default);
        if (!check.IsValid) throw new AlaSparkException(check.Message!);
    }

    /// <summary>
    /// Throws when a pipeline that reads <paramref name="sourceDatabase"/> and writes
    /// <paramref name="sinkDatabase"/> would move data to an earlier layer, or when either name is not
    /// a valid database name.
    /// </summary>
    /// <exception cref="AlaSparkException">A name is invalid or the data flows backward.</exception>
    public static void EnforceLayerOrder(string sourceDatabase, string sinkDatabase, NamingOptions? options = null)
    {
        options ??= NamingOptions.Default;
        Enforce(NameKind.Database, sourceDatabase, options);
        Enforce(NameKind.Database, sinkDatabase, options);
        var check = NamingRules.CheckLayerOrder(sourceDatabase, sinkDatabase, options);
        if (!check.IsValid) throw new AlaSparkException(check.Message!);
    }

    /// <summary>
    /// Reads the naming options from the job's settings (<c>alaspark.layers</c>,
    /// <c>alaspark.database_prefix</c>); defaults for keys that are missing.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting is not valid; the message names the key.</exception>
    public static NamingOptions LoadOptions(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            return NamingOptions.FromSettings(lookup);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(StripParameterName(e), e);
        }
    }

    private static string StripParameterName(ArgumentException e)
    {
        var suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? e.Message[..^suffix.Length]
            : e.Message;
    }
}
