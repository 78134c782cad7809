using System.Collections.ObjectModel;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;

namespace AlaSpark.Config;

/// <summary>
/// The raw (not yet rendered) content of a configuration file.
/// </summary>
/// <param name="Values">Keys flattened to dotted names, with the selected environment's overrides applied.</param>
/// <param name="TopLevelKeys">The keys written outside <c>[env.NAME]</c> sections.</param>
/// <param name="EnvironmentSectionKeys">The keys of every <c>[env.NAME]</c> section, by environment name.</param>
internal sealed record RawConfig(
    Dictionary<string, object> Values,
    IReadOnlyList<string> TopLevelKeys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EnvironmentSectionKeys);

/// <summary>
/// Reads TOML text into flattened, case-insensitive keys. Values are <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or a read-only list of strings.
/// </summary>
internal static class TomlConfigReader
{
    /// <summary>The reserved top-level table holding per-environment override sections.</summary>
    internal const string EnvironmentTable = "env";

    public static RawConfig Read(string tomlText, string sourceName, string? environment)
    {
        var root = ParseToml(tomlText, sourceName);

        var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var sections = new Dictionary<string, Dictionary<string, object>>(StringComparer.OrdinalIgnoreCase);

        foreach (var (key, value) in root)
        {
            if (string.Equals(key, EnvironmentTable, StringComparison.OrdinalIgnoreCase))
            {
                ReadEnvironmentSections(key, value, sourceName, sections);
            }
            else
            {
                Flatten(key, value, sourceName, values);
            }
        }

        var topLevelKeys = values.Keys.ToList();
        if (!string.IsNullOrEmpty(environment))
        {
            if (sections.TryGetValue(environment, out var overrides))
            {
                foreach (var (key, value) in overrides)
                {
                    // The dictionary ignores case, so an existing key keeps its spelling and only the value changes.
                    values[key] = value;
                }
            }
            else if (sections.Count > 0)
            {
                throw new ConfigurationException(
                    $"Config file '{sourceName}' has no section [env.{environment}] for environment '{environment}'. " +
                    $"Defined environments: {string.Join(", ", sections.Keys.Order(StringComparer.OrdinalIgnoreCase))}.");
            }
        }

        RejectValueAndSectionClash(values.Keys, sourceName, where: null);
        foreach (var (name, section) in sections)
        {
            RejectValueAndSectionClash(section.Keys, sourceName, where: $"[env.{name}]");
        }

        var sectionKeys = sections.ToDictionary(
            s => s.Key, IReadOnlyList<string> (s) => s.Value.Keys.ToList(), StringComparer.OrdinalIgnoreCase);
        return new RawConfig(values, topLevelKeys, sectionKeys);
    }

    private static TomlTable ParseToml(string tomlText, string sourceName)
    {
        // The syntax parser reports every problem (including duplicate keys, which the model
        // deserializer silently accepts) with a position, so it runs first.
        var document = SyntaxParser.Parse(tomlText, sourceName);
        if (document.HasErrors)
        {
            var errors = document.Diagnostics
                .Where(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error)
                .Select(d => $"  line {d.Span.Start.Line + 1}, column {d.Span.Start.Column + 1}: {d.Message}");
            throw new ConfigurationException(
                $"Config file '{sourceName}' is not valid TOML:{System.Environment.NewLine}" +
                string.Join(System.Environment.NewLine, errors));
        }

        try
        {
            return TomlSerializer.Deserialize<TomlTable>(tomlText, new TomlSerializerOptions { SourceName = sourceName })
                ?? new TomlTable();
        }
        catch (TomlException ex)
        {
            var position = ex.Line is { } line ? $" at line {line}, column {ex.Column ?? 0}" : "";
            throw new ConfigurationException($"Config file '{sourceName}' is not valid TOML{position}: {ex.Message}", ex);
        }
    }

    private static void ReadEnvironmentSections(
        string tableKey, object? value, string sourceName, Dictionary<string, Dictionary<string, object>> sections)
    {
        if (value is not TomlTable envTable)
        {
            throw new ConfigurationException(
                $"Config file '{sourceName}': key '{tableKey}' is reserved for per-environment sections such as [env.prod]; " +
                "it cannot hold a value.");
        }

        foreach (var (name, section) in envTable)
        {
            if (section is not TomlTable overrides)
            {
                throw new ConfigurationException(
                    $"Config file '{sourceName}': '{tableKey}.{name}' must be a section like [env.{name}] holding override keys.");
            }

            var flattened = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, inner) in overrides)
            {
                Flatten(key, inner, sourceName, flattened, where: $"[env.{name}]");
            }

            if (!sections.TryAdd(name, flattened))
            {
                throw new ConfigurationException(
                    $"Config file '{sourceName}' defines section [env.{name}] more than once (names are case-insensitive).");
            }
        }
    }

    private static void Flatten(
        string key, object? value, string sourceName, Dictionary<string, object> into, string? where = null)
    {
        if (value is TomlTable table)
        {
            foreach (var (childKey, child) in table)
            {
                Flatten($"{key}.{childKey}", child, sourceName, into, where);
            }

            return;
        }

        var converted = ConvertScalar(key, value, sourceName, where);
        if (!into.TryAdd(key, converted))
        {
            throw new ConfigurationException(
                $"Config file '{sourceName}'{Where(where)} defines key '{key}' more than once " +
                "(keys are case-insensitive, and a quoted key containing '.' counts as a dotted key).");
        }
    }

    private static object ConvertScalar(string key, object? value, string sourceName, string? where) => value switch
    {
        string or long or double or bool => value,
        TomlArray array => ConvertArray(key, array, sourceName, where),
        TomlDateTime => throw new ConfigurationException(
            $"Config file '{sourceName}'{Where(where)}: key '{key}' is a TOML date/time, which is not supported; write it as a quoted string."),
        TomlTableArray => throw new ConfigurationException(
            $"Config file '{sourceName}'{Where(where)}: key '{key}' is an array of tables ([[{key}]]), which is not supported."),
        _ => throw new ConfigurationException(
            $"Config file '{sourceName}'{Where(where)}: key '{key}' has an unsupported value type ({value?.GetType().Name ?? "null"})."),
    };

    private static ReadOnlyCollection<string> ConvertArray(string key, TomlArray array, string sourceName, string? where)
    {
        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not string text)
            {
                throw new ConfigurationException(
                    $"Config file '{sourceName}'{Where(where)}: key '{key}' is an array with a non-string element; " +
                    "only arrays of strings are supported.");
            }

            items.Add(text);
        }

        return items.AsReadOnly();
    }

    private static void RejectValueAndSectionClash(IEnumerable<string> keys, string sourceName, string? where)
    {
        var all = keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in all)
        {
            for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
            {
                var prefix = key[..dot];
                if (all.Contains(prefix))
                {
                    throw new ConfigurationException(
                        $"Config file '{sourceName}'{Where(where)}: '{prefix}' is used both as a value and as a section (see key '{key}').");
                }
            }
        }
    }

    private static string Where(string? where) => where is null ? "" : $" in section {where}";
}
