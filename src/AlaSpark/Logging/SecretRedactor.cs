using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Parsing;

namespace AlaSpark.Logging;

/// <summary>
/// Replaces configured secret values with <see cref="Mask"/>: in text, and in every part of a Serilog
/// <see cref="LogEvent"/> that a formatter could write (message template, property names and values at
/// any depth, exception text). Matching is exact and case-sensitive (ordinal). Overlapping or adjacent
/// occurrences collapse into one mask, so no fragment of a secret survives between two masks.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The shortest secret accepted; shorter ones would redact ordinary text.</summary>
    public const int MinimumSecretLength = 4;

    private static readonly MessageTemplateParser TemplateParser = new();

    private readonly string[] _secrets;

    /// <summary>
    /// Creates a redactor for <paramref name="secrets"/>. Null or empty values are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A value is shorter than <see cref="MinimumSecretLength"/> characters or is only white space.
    /// The message never quotes the value.
    /// </exception>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var list = new List<string>();
        var position = 0;
        foreach (var secret in secrets)
        {
            position++;
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            if (secret.Length < MinimumSecretLength)
            {
                throw new ArgumentException(
                    $"Secret #{position} is {secret.Length} character(s) long; secrets to redact from logs must be at least " +
                    $"{MinimumSecretLength} characters, because a shorter value would mask ordinary text. Use a longer secret.",
                    nameof(secrets));
            }

            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new ArgumentException(
                    $"Secret #{position} is only white space; it cannot be redacted from logs without masking ordinary text.",
                    nameof(secrets));
            }

            if (!list.Contains(secret, StringComparer.Ordinal))
            {
                list.Add(secret);
            }
        }

        _secrets = [.. list];
    }

    /// <summary>True when there is nothing to redact.</summary>
    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>True when <paramref name="text"/> contains any secret.</summary>
    public bool ContainsSecret(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns <paramref name="text"/> with every occurrence of every secret replaced by <see cref="Mask"/>;
    /// the same instance when it contains none.
    /// </summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool[]? masked = null;
        foreach (var secret in _secrets)
        {
            var index = text.IndexOf(secret, StringComparison.Ordinal);
            while (index >= 0)
            {
                masked ??= new bool[text.Length];
                Array.Fill(masked, true, index, secret.Length);
                // Step by one character so that overlapping occurrences are found too.
                index = text.IndexOf(secret, index + 1, StringComparison.Ordinal);
            }
        }

        if (masked is null)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (masked[i])
            {
                result.Append(Mask);
                while (i < text.Length && masked[i])
                {
                    i++;
                }
            }
            else
            {
                result.Append(text[i]);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Returns a copy of <paramref name="logEvent"/> in which no secret remains: the message template
    /// text, property names, property values at any depth (scalars, sequences, structures and their
    /// type tags, dictionary keys and values) and the exception, which is replaced by an exception whose
    /// message and <see cref="object.ToString"/> are the redacted text of the original.
    /// </summary>
    public LogEvent Redact(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var template = RedactTemplate(logEvent.MessageTemplate);
        var properties = RedactProperties(logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)));
        var exception = logEvent.Exception is null ? null : RedactedException.From(logEvent.Exception, this);
        return new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            exception,
            template,
            properties,
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
    }

    /// <summary>Returns <paramref name="value"/> with every secret redacted, at any depth.</summary>
    public LogEventPropertyValue Redact(LogEventPropertyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            ScalarValue scalar => RedactScalar(scalar),
            SequenceValue sequence => RedactSequence(sequence),
            StructureValue structure => RedactStructure(structure),
            DictionaryValue dictionary => RedactDictionary(dictionary),
            // A value type this redactor does not know could render anything: keep only its redacted text.
            _ => new ScalarValue(Redact(Render(value))),
        };
    }

    private MessageTemplate RedactTemplate(MessageTemplate template)
    {
        var leaks = ContainsSecret(template.Text);
        foreach (var token in template.Tokens)
        {
            // Tokens are normally parsed from Text, but a template can be built from any tokens.
            leaks = leaks || ContainsSecret(token.ToString());
        }

        return leaks ? TemplateParser.Parse(Redact(template.Text)) : template;
    }

    private ScalarValue RedactScalar(ScalarValue scalar)
    {
        switch (scalar.Value)
        {
            case null:
                return scalar;
            case string text:
                var redacted = Redact(text);
                return ReferenceEquals(redacted, text) ? scalar : new ScalarValue(redacted);
            default:
                // Numbers, URIs and other scalars are written as text by the formatters: check that text
                // in the invariant culture (JSON, console) and the current one (any other formatter).
                var invariant = Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? "";
                var current = Convert.ToString(scalar.Value, CultureInfo.CurrentCulture) ?? "";
                return ContainsSecret(invariant) || ContainsSecret(current)
                    ? new ScalarValue(Redact(invariant))
                    : scalar;
        }
    }

    private SequenceValue RedactSequence(SequenceValue sequence)
    {
        var elements = new List<LogEventPropertyValue>(sequence.Elements.Count);
        var changed = false;
        foreach (var element in sequence.Elements)
        {
            var redacted = Redact(element);
            changed |= !ReferenceEquals(redacted, element);
            elements.Add(redacted);
        }

        return changed ? new SequenceValue(elements) : sequence;
    }

    private StructureValue RedactStructure(StructureValue structure)
    {
        var typeTag = structure.TypeTag is null ? null : Redact(structure.TypeTag);
        var properties = RedactProperties(structure.Properties);
        var changed = !ReferenceEquals(typeTag, structure.TypeTag)
            || properties.Count != structure.Properties.Count
            || properties.Where((p, i) => !ReferenceEquals(p, structure.Properties[i])).Any();
        return changed ? new StructureValue(properties, typeTag) : structure;
    }

    private DictionaryValue RedactDictionary(DictionaryValue dictionary)
    {
        var elements = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
        var keys = new HashSet<ScalarValue>();
        var changed = false;
        foreach (var (key, value) in dictionary.Elements)
        {
            var redactedKey = RedactScalar(key);
            if (!keys.Add(redactedKey))
            {
                // Two keys became the same text once redacted: keep both entries, distinctly named.
                redactedKey = new ScalarValue(Unique(Render(redactedKey), k => keys.Add(new ScalarValue(k))));
            }

            var redactedValue = Redact(value);
            changed |= !ReferenceEquals(redactedKey, key) || !ReferenceEquals(redactedValue, value);
            elements.Add(new(redactedKey, redactedValue));
        }

        return changed ? new DictionaryValue(elements) : dictionary;
    }

    private List<LogEventProperty> RedactProperties(IEnumerable<LogEventProperty> properties)
    {
        var result = new List<LogEventProperty>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var name = Redact(property.Name);
            if (!names.Add(name))
            {
                name = Unique(name, names.Add);
            }

            var value = Redact(property.Value);
            result.Add(ReferenceEquals(name, property.Name) && ReferenceEquals(value, property.Value)
                ? property
                : new LogEventProperty(name, value));
        }

        return result;
    }

    private static string Unique(string name, Func<string, bool> tryAdd)
    {
        for (var n = 2; ; n++)
        {
            var candidate = $"{name}_{n}";
            if (tryAdd(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Render(LogEventPropertyValue value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        value.Render(writer, null, CultureInfo.InvariantCulture);
        return writer.ToString();
    }
}
