using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;

namespace AlaSpark.Config;

/// <summary>
/// The resolved configuration of a job, read from a TOML file: templates are rendered, the selected
/// environment's <c>[env.NAME]</c> overrides are applied, and keys are flattened to dotted names
/// (<c>catalog.kind</c>). Keys are case-insensitive. Instances are immutable.
/// </summary>
/// <remarks>
/// Values are <see cref="string"/>, <see cref="long"/> (TOML integers), <see cref="double"/>
/// (TOML floats), <see cref="bool"/>, or <see cref="IReadOnlyList{T}"/> of <see cref="string"/>
/// (TOML arrays of strings). A templated value is always a string.
/// Error messages name keys and the file but never a resolved value, because values may hold secrets.
/// </remarks>
public sealed class JobConfig
{
    private const string EmptySourceName = "(no config file)";

    private readonly IReadOnlyList<string> _topLevelKeys;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _environmentSectionKeys;

    private JobConfig(
        string sourceName,
        string? environment,
        Dictionary<string, object> values,
        IReadOnlyList<string> topLevelKeys,
        IReadOnlyDictionary<string, IReadOnlyList<string>> environmentSectionKeys)
    {
        SourceName = sourceName;
        Environment = environment;
        var copy = new Dictionary<string, object?>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            copy.Add(key, value);
        }

        Values = new ReadOnlyDictionary<string, object?>(copy);
        _topLevelKeys = topLevelKeys;
        _environmentSectionKeys = environmentSectionKeys;
    }

    /// <summary>A configuration with no keys, for jobs run without a config file.</summary>
    public static JobConfig Empty { get; } = new(
        EmptySourceName,
        null,
        [],
        [],
        new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The file the configuration was read from (a full path for <see cref="Load"/>), used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>The environment whose <c>[env.NAME]</c> overrides were applied, or <see langword="null"/> for none.</summary>
    public string? Environment { get; }

    /// <summary>
    /// Every resolved value by flattened, dotted key (<c>catalog.kind</c>), in file order.
    /// Lookups ignore case; the keys keep the spelling of the file.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Reads and resolves a TOML configuration file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="environment">The environment whose <c>[env.NAME]</c> section overrides top-level keys (for example <c>prod</c>), or <see langword="null"/> for none.</param>
    /// <param name="environmentVariables">The variables that <c>{{ env.NAME }}</c> reads; <see langword="null"/> reads the process environment.</param>
    /// <exception cref="ConfigurationException">The file is missing or unreadable, is not valid TOML, has an unsupported value, names an undefined environment, or a template fails (missing variable, unknown key, cycle).</exception>
    public static JobConfig Load(
        string path,
        string? environment = null,
        IReadOnlyDictionary<string, string?>? environmentVariables = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException($"Config file '{fullPath}' was not found.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"Config file '{fullPath}' could not be read: {ex.Message}", ex);
        }

        return Parse(text, fullPath, environment, environmentVariables);
    }

    /// <summary>Parses and resolves TOML configuration text.</summary>
    /// <param name="tomlText">The TOML text.</param>
    /// <param name="sourceName">Where the text came from (usually a file path); it appears in error messages.</param>
    /// <param name="environment">The environment whose <c>[env.NAME]</c> section overrides top-level keys, or <see langword="null"/> for none.</param>
    /// <param name="environmentVariables">The variables that <c>{{ env.NAME }}</c> reads; <see langword="null"/> reads the process environment.</param>
    /// <exception cref="ConfigurationException">The text is not valid TOML, has an unsupported value, names an undefined environment, or a template fails.</exception>
    public static JobConfig Parse(
        string tomlText,
        string sourceName,
        string? environment = null,
        IReadOnlyDictionary<string, string?>? environmentVariables = null)
    {
        ArgumentNullException.ThrowIfNull(tomlText);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        environment = string.IsNullOrWhiteSpace(environment) ? null : environment;

        var raw = TomlConfigReader.Read(tomlText, sourceName, environment);
        var resolved = TemplateResolver.ResolveAll(raw.Values, sourceName, environmentVariables ?? ReadProcessEnvironment());
        return new JobConfig(sourceName, environment, resolved, raw.TopLevelKeys, raw.EnvironmentSectionKeys);
    }

    /// <summary>Gets a value as it is stored (see the class remarks for the types).</summary>
    /// <param name="key">A key, case-insensitive; dotted for keys in sections (<c>catalog.kind</c>).</param>
    /// <param name="value">The value, or <see langword="null"/> when the key is absent.</param>
    /// <returns><see langword="true"/> when the key exists.</returns>
    public bool TryGet(string key, out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Values.TryGetValue(key, out value);
    }

    /// <summary>
    /// Gets a value as text, or <see langword="null"/> when the key is absent. Numbers use the
    /// invariant culture; booleans are <c>true</c>/<c>false</c>.
    /// </summary>
    /// <param name="key">A key, case-insensitive; dotted for keys in sections.</param>
    /// <exception cref="ConfigurationException">The value is a list.</exception>
    public string? GetString(string key) =>
        TryGet(key, out var value) && value is not null ? AsString(key, value) : null;

    /// <summary>Gets a value as text, failing when the key is absent or its value is empty.</summary>
    /// <param name="key">A key, case-insensitive; dotted for keys in sections.</param>
    /// <exception cref="ConfigurationException">The key is absent or empty (the message names the key and the file), or the value is a list.</exception>
    public string GetRequiredString(string key)
    {
        var value = GetString(key);
        if (string.IsNullOrEmpty(value))
        {
            var state = value is null ? "missing" : "empty";
            throw new ConfigurationException($"Config file '{SourceName}': required key '{key}' is {state}. Add it to the file.");
        }

        return value;
    }

    /// <summary>Gets a list of strings (a TOML array of strings), or an empty list when the key is absent.</summary>
    /// <param name="key">A key, case-insensitive; dotted for keys in sections.</param>
    /// <exception cref="ConfigurationException">The value is not a list.</exception>
    public IReadOnlyList<string> GetStringList(string key)
    {
        if (!TryGet(key, out var value) || value is null)
        {
            return [];
        }

        return value as IReadOnlyList<string> ?? throw WrongType(key, "a list of strings");
    }

    /// <summary>
    /// Gets a value converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> when the key
    /// is absent. Supported types are <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="string"/> and their nullable forms. Strings (such as rendered
    /// templates) are parsed with the invariant culture.
    /// </summary>
    /// <param name="key">A key, case-insensitive; dotted for keys in sections.</param>
    /// <param name="defaultValue">The value returned when the key is absent.</param>
    /// <exception cref="ConfigurationException">The value cannot be converted to <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported type.</exception>
    public T Get<T>(string key, T defaultValue)
    {
        if (!TryGet(key, out var value) || value is null)
        {
            return defaultValue;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object converted;
        if (target == typeof(string))
        {
            converted = AsString(key, value);
        }
        else if (target == typeof(bool))
        {
            converted = AsBoolean(key, value);
        }
        else if (target == typeof(long))
        {
            converted = AsInteger(key, value);
        }
        else if (target == typeof(int))
        {
            var number = AsInteger(key, value);
            converted = number is >= int.MinValue and <= int.MaxValue
                ? (int)number
                : throw new ConfigurationException($"Config file '{SourceName}': key '{key}' is out of range for a 32-bit integer.");
        }
        else if (target == typeof(double))
        {
            converted = AsDouble(key, value);
        }
        else
        {
            throw new NotSupportedException(
                $"{nameof(JobConfig)}.{nameof(Get)}<{typeof(T).Name}> is not supported; use bool, int, long, double or string.");
        }

        return (T)converted;
    }

    /// <summary>
    /// Fails when the file has a key the caller does not know, which usually is a typo. Keys of every
    /// <c>[env.NAME]</c> section are checked too, whichever environment is selected.
    /// </summary>
    /// <param name="knownKeys">
    /// The keys the caller reads, case-insensitive: exact dotted keys (<c>catalog.kind</c>), or a
    /// section prefix followed by <c>.*</c> (<c>catalog.*</c>) to accept every key of that section.
    /// </param>
    /// <exception cref="ConfigurationException">A key is unknown; the message names each unknown key, the file and the known keys.</exception>
    public void ValidateKnownKeys(IEnumerable<string> knownKeys)
    {
        ArgumentNullException.ThrowIfNull(knownKeys);
        var known = knownKeys.ToList();
        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<string>();
        foreach (var entry in known)
        {
            if (entry.EndsWith(".*", StringComparison.Ordinal))
            {
                sections.Add(entry[..^2]);
            }
            else
            {
                exact.Add(entry);
            }
        }

        bool IsKnown(string key) =>
            exact.Contains(key)
            || sections.Exists(s => key.StartsWith(s + ".", StringComparison.OrdinalIgnoreCase));

        var problems = new List<string>();
        foreach (var key in _topLevelKeys.Where(k => !IsKnown(k)))
        {
            problems.Add($"  '{key}'{KeySuggestions.DidYouMean(key, known)}");
        }

        foreach (var (environment, keys) in _environmentSectionKeys)
        {
            foreach (var key in keys.Where(k => !IsKnown(k)))
            {
                problems.Add($"  '{key}' in section [env.{environment}]{KeySuggestions.DidYouMean(key, known)}");
            }
        }

        if (problems.Count > 0)
        {
            var newLine = System.Environment.NewLine;
            var knownList = known.Count == 0 ? "(none)" : string.Join(", ", known);
            throw new ConfigurationException(
                $"Config file '{SourceName}' has {(problems.Count == 1 ? "an unknown key" : "unknown keys")}:{newLine}" +
                string.Join(newLine, problems) + newLine +
                $"Known keys: {knownList}.");
        }
    }

    private string AsString(string key, object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => throw WrongType(key, "a single value, not a list"),
    };

    private bool AsBoolean(string key, object value) => value switch
    {
        bool flag => flag,
        string text when bool.TryParse(text.Trim(), out var parsed) => parsed,
        _ => throw WrongType(key, "true or false"),
    };

    private long AsInteger(string key, object value) => value switch
    {
        long number => number,
        string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw WrongType(key, "a whole number"),
    };

    private double AsDouble(string key, object value) => value switch
    {
        double number => number,
        long number => number,
        string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw WrongType(key, "a number"),
    };

    // Deliberately leaves the value out: it may be a secret.
    private ConfigurationException WrongType(string key, string expected) =>
        new($"Config file '{SourceName}': key '{key}' must be {expected}.");

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }
}
