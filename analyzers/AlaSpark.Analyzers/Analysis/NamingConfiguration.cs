using System;
using AlaSpark.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlaSpark.Analyzers.Analysis;

/// <summary>
/// The naming options in force for a file: <c>alaspark.layers</c> and <c>alaspark.database_prefix</c>
/// from <c>.editorconfig</c> (or a global config), read by the runtime's own <see cref="NamingOptions.FromSettings"/>.
/// </summary>
internal static class NamingConfiguration
{
    /// <summary>
    /// The options of <paramref name="options"/>; the defaults when a value is invalid, with
    /// <paramref name="problem"/> saying which key and why (null when valid).
    /// </summary>
    public static NamingOptions Read(AnalyzerConfigOptions options, out string? problem)
    {
        problem = null;
        try
        {
            return NamingOptions.FromSettings(key => options.TryGetValue(key, out var value) ? value : null);
        }
        catch (ArgumentException e)
        {
            problem = WithoutParameterName(e) + " (in .editorconfig).";
            return NamingOptions.Default;
        }
    }

    private static string WithoutParameterName(ArgumentException e)
    {
        var message = e.Message;
        var suffix = " (Parameter '" + e.ParamName + "')";
        if (e.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal))
            message = message.Substring(0, message.Length - suffix.Length);
        return message.TrimEnd('.');
    }
}
