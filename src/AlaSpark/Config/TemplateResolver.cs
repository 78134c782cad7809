using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace AlaSpark.Config;

/// <summary>
/// Renders the templated values of one configuration file. Keys are resolved lazily: rendering a
/// key that reads <c>this.OTHER</c> resolves <c>OTHER</c> first, and a stack of the keys being
/// resolved detects cycles (<c>a -&gt; b -&gt; a</c>).
/// </summary>
/// <remarks>
/// Error messages name keys, environment variable names and the file, never a resolved value:
/// values may come from secrets such as a hash salt.
/// </remarks>
internal sealed class TemplateResolver
{
    private const string JinjaMarker = "@jinja";

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new()
    {
        StrictVariables = true,
        StrictFilters = true,
        CultureInfo = CultureInfo.InvariantCulture,
    };

    private readonly IReadOnlyDictionary<string, object> _raw;
    private readonly Dictionary<string, string> _spelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, string?> _environmentVariables;
    private readonly string _sourceName;
    private readonly Dictionary<string, object> _resolved = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _stack = [];
    private readonly EnvironmentScope _envScope;
    private readonly KeyScope _thisScope;

    private TemplateResolver(
        IReadOnlyDictionary<string, object> raw,
        string sourceName,
        IReadOnlyDictionary<string, string?> environmentVariables)
    {
        _raw = raw;
        _sourceName = sourceName;
        _environmentVariables = environmentVariables;
        foreach (var key in raw.Keys)
        {
            _spelling[key] = key;
            for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
            {
                _sections.Add(key[..dot]);
            }
        }

        _envScope = new EnvironmentScope(this);
        _thisScope = new KeyScope(this, prefix: "");
    }

    /// <summary>
    /// Resolves every value of <paramref name="raw"/>, keeping the key order and spelling of the file.
    /// </summary>
    public static Dictionary<string, object> ResolveAll(
        IReadOnlyDictionary<string, object> raw,
        string sourceName,
        IReadOnlyDictionary<string, string?> environmentVariables)
    {
        var resolver = new TemplateResolver(raw, sourceName, environmentVariables);
        var result = new Dictionary<string, object>(raw.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var key in raw.Keys)
        {
            result[key] = resolver.Resolve(key);
        }

        return result;
    }

    /// <summary>True when <paramref name="value"/> is rendered as a template.</summary>
    internal static bool IsTemplate(string value, out string templateText)
    {
        if (value.StartsWith(JinjaMarker, StringComparison.Ordinal)
            && (value.Length == JinjaMarker.Length || char.IsWhiteSpace(value[JinjaMarker.Length])))
        {
            templateText = value.Length == JinjaMarker.Length ? "" : value[(JinjaMarker.Length + 1)..];
            return true;
        }

        templateText = value;
        return value.Contains("{{", StringComparison.Ordinal);
    }

    private string CurrentKey => _stack.Count > 0 ? _stack[^1] : "?";

    private string ChainSuffix => _stack.Count > 1 ? $" (while resolving {string.Join(" -> ", _stack)})" : "";

    private object Resolve(string key)
    {
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var name = _spelling[key];
        var start = _stack.FindIndex(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (start >= 0)
        {
            var chain = _stack.Skip(start).Append(name);
            throw new ConfigurationException(
                $"Config file '{_sourceName}': templates reference each other in a cycle: {string.Join(" -> ", chain)}. " +
                "Break the cycle so that one of these keys does not depend on the others.");
        }

        _stack.Add(name);
        try
        {
            var value = _raw[key] switch
            {
                string text => Render(text),
                IReadOnlyList<string> list => list.Select(Render).ToList().AsReadOnly(),
                var other => other,
            };
            _resolved[name] = value;
            return value;
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private string Render(string value)
    {
        if (!IsTemplate(value, out var templateText))
        {
            return value;
        }

        if (!Parser.TryParse(templateText, out var template, out var error))
        {
            throw new ConfigurationException(
                $"Config file '{_sourceName}': key '{CurrentKey}' has an invalid template: {error}");
        }

        var context = new TemplateContext(Options);
        context.SetValue("env", _envScope);
        context.SetValue("this", _thisScope);
        try
        {
            return template.Render(context, NullEncoder.Default);
        }
        catch (ConfigurationException)
        {
            throw;
        }
        catch (FluidException ex)
        {
            // Fluid's messages describe the template (an undefined variable or filter), not values;
            // a member read on a plain value is reported with an internal type name, so reword it.
            var problem = ex.Message.Contains("'Fluid.Ast.", StringComparison.Ordinal)
                ? "it reads a member of a value that has no members (such as 'this.name.part')"
                : ex.Message;
            throw new ConfigurationException(
                $"Config file '{_sourceName}': the template of key '{CurrentKey}' failed: {problem}. " +
                $"Templates can read env.NAME and this.KEY.{ChainSuffix}");
        }
        catch (Exception ex)
        {
            // Other messages might quote a value, which could be a secret: report only the kind of error.
            throw new ConfigurationException(
                $"Config file '{_sourceName}': the template of key '{CurrentKey}' failed to render ({ex.GetType().Name}).{ChainSuffix}");
        }
    }

    private FluidValue ReadEnvironmentVariable(string name)
    {
        if (_environmentVariables.TryGetValue(name, out var exact))
        {
            return exact is null ? throw MissingVariable(name) : new StringValue(exact);
        }

        // Windows treats variable names case-insensitively; accept a single case-insensitive match.
        var matches = _environmentVariables
            .Where(kv => kv.Value is not null && string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToList();
        return matches.Count == 1 ? new StringValue(matches[0].Value!) : throw MissingVariable(name);
    }

    private ConfigurationException MissingVariable(string name) => new(
        $"Config file '{_sourceName}': key '{CurrentKey}' reads environment variable '{name}', which is not set. " +
        $"Set it before running, or change the key.{ChainSuffix}");

    private FluidValue ReadKey(string key)
    {
        if (_raw.ContainsKey(key))
        {
            return Resolve(key) switch
            {
                string text => new StringValue(text),
                bool flag => BooleanValue.Create(flag),
                var other => FluidValue.Create(other, Options),
            };
        }

        if (_sections.Contains(key))
        {
            return new KeyScope(this, key);
        }

        var hint = KeySuggestions.DidYouMean(key, _raw.Keys.Concat(_sections));
        throw new ConfigurationException(
            $"Config file '{_sourceName}': key '{CurrentKey}' references 'this.{key}', but the file has no key '{key}'{hint}.{ChainSuffix}");
    }

    private ConfigurationException NotAValue(string what, string example) => new(
        $"Config file '{_sourceName}': the template of key '{CurrentKey}' uses '{what}' as a value; " +
        $"it is a group of values, read one of them like '{example}'.{ChainSuffix}");

    /// <summary>A Fluid object whose members are looked up on demand and fail when missing.</summary>
    private abstract class ScopeValue : FluidValue
    {
        public override FluidValues Type => FluidValues.Object;

        public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

        public override bool ToBooleanValue() => true;

        public override decimal ToNumberValue() => throw NotAValue();

        public override string ToStringValue() => throw NotAValue();

        public override object ToObjectValue() => this;

        public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) =>
            throw NotAValue();

        public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
            GetValueAsync(index.ToStringValue(), context);

        protected abstract ConfigurationException NotAValue();
    }

    /// <summary>The <c>env</c> object: its members are environment variables.</summary>
    private sealed class EnvironmentScope(TemplateResolver resolver) : ScopeValue
    {
        public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
            new(resolver.ReadEnvironmentVariable(name));

        protected override ConfigurationException NotAValue() => resolver.NotAValue("env", "env.NAME");
    }

    /// <summary>The <c>this</c> object (empty prefix) or one of its sections (prefix <c>catalog</c>).</summary>
    private sealed class KeyScope(TemplateResolver resolver, string prefix) : ScopeValue
    {
        public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
            new(resolver.ReadKey(prefix.Length == 0 ? name : $"{prefix}.{name}"));

        protected override ConfigurationException NotAValue() =>
            prefix.Length == 0
                ? resolver.NotAValue("this", "this.KEY")
                : resolver.NotAValue($"this.{prefix}", $"this.{prefix}.KEY");
    }
}
