// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file, so the analyzers and the runtime apply exactly the same rules. In the files of this
// folder except NamingStandard.cs: no dependency on other AlaSpark files, no GeneratedRegex, no
// ranges or index operators, no records or init accessors, no BCL APIs newer than netstandard2.0.
#nullable enable

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlaSpark.Naming;

/// <summary>
/// The AlaSpark naming standard. Pipeline, table and column names are snake_case; database names are
/// <c>[prefix]&lt;layer&gt;__&lt;domain&gt;</c>; data flows forward through the layers. The checks
/// return a description of what is wrong and never throw for a bad name; the runtime turns that into
/// an error with <c>NamingStandard.Enforce</c>, the analyzers into diagnostics.
/// </summary>
public static class NamingRules
{
    /// <summary>The longest name a metastore accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>The snake_case rule as a regular expression (the checks are hand-written and agree with it).</summary>
    public const string SnakeCasePattern = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

    /// <summary>What separates a database name's layer from its domain.</summary>
    public const string LayerSeparator = "__";

    /// <summary>Put in front of a converted name that would start with a digit (<c>2fa</c> becomes <c>n_2fa</c>).</summary>
    public const string LeadingDigitPrefix = "n_";

    /// <summary>True when <paramref name="name"/> matches <see cref="SnakeCasePattern"/> and has at most 255 characters.</summary>
    public static bool IsSnakeCase(string name)
    {
        if (name == null || name.Length == 0 || name.Length > MaxLength) return false;
        if (!IsLower(name[0])) return false;
        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                // An underscore must be followed by a letter or digit: no doubled or trailing '_'.
                if (i + 1 >= name.Length || !IsLowerOrDigit(name[i + 1])) return false;
            }
            else if (!IsLowerOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when a metastore accepts <paramref name="name"/>: 1 to 255 characters from <c>[A-Za-z0-9_]</c>.</summary>
    public static bool IsMetastoreSafe(string name)
    {
        if (name == null || name.Length == 0 || name.Length > MaxLength) return false;
        foreach (var c in name)
            if (!IsWordChar(c)) return false;
        return true;
    }

    /// <summary>
    /// Checks only the severe rule (analyzer ALS1005): the name is not empty, has at most 255
    /// characters, all from <c>[A-Za-z0-9_]</c>.
    /// </summary>
    public static NameCheck CheckMetastore(string name, NameKind kind = NameKind.Column)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        var violation = MetastoreViolation(name, out var problem);
        return violation == NamingViolation.None
            ? Valid(name, kind, MetastoreRule(kind))
            : new NameCheck(name, kind, violation, MetastoreRule(kind), problem, Suggest(name));
    }

    /// <summary>
    /// Checks a pipeline, table or column name: the metastore rule first, then snake_case
    /// (<see cref="SnakeCasePattern"/>). <paramref name="kind"/> only changes the wording; database
    /// names have their own rule, see <see cref="CheckDatabase"/>.
    /// </summary>
    public static NameCheck CheckSnakeCase(string name, NameKind kind = NameKind.Column)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        var violation = MetastoreViolation(name, out var problem);
        if (violation != NamingViolation.None)
            return new NameCheck(name, kind, violation, MetastoreRule(kind), problem, Suggest(name));
        if (IsSnakeCase(name)) return Valid(name, kind, SnakeCaseRule(kind));
        return new NameCheck(name, kind, NamingViolation.NotSnakeCase, SnakeCaseRule(kind), SnakeCaseProblems(name), Suggest(name));
    }

    /// <summary>
    /// Checks a database name: the metastore rule, then <c>[prefix]&lt;layer&gt;__&lt;domain&gt;</c> where
    /// the prefix is <see cref="NamingOptions.DatabasePrefix"/>, the layer one of
    /// <see cref="NamingOptions.Layers"/> and the domain snake_case.
    /// </summary>
    public static DatabaseNameCheck CheckDatabase(string name, NamingOptions? options = null)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        options = options ?? NamingOptions.Default;
        var rule = DatabaseRule(options);

        var violation = MetastoreViolation(name, out var problem);
        if (violation != NamingViolation.None)
            return new DatabaseNameCheck(name, violation, MetastoreRule(NameKind.Database), problem,
                SuggestDatabaseName(name, options), null, null, -1, null);

        var prefix = options.DatabasePrefix;
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
            return new DatabaseNameCheck(name, NamingViolation.MissingPrefix, rule,
                "it does not start with the configured prefix '" + prefix + "' (" + NamingOptions.DatabasePrefixKey + ")",
                SuggestDatabaseName(name, options), null, null, -1, null);

        var rest = name.Substring(prefix.Length);
        var separator = rest.IndexOf(LayerSeparator, StringComparison.Ordinal);
        if (separator < 0)
            return new DatabaseNameCheck(name, NamingViolation.MissingLayer, rule,
                "it has no '" + LayerSeparator + "' between a layer and a domain",
                SuggestDatabaseName(name, options), prefix, null, -1, null);

        var layer = rest.Substring(0, separator);
        var domain = rest.Substring(separator + LayerSeparator.Length);
        var layerIndex = options.IndexOfLayer(layer);
        if (layerIndex < 0)
            return new DatabaseNameCheck(name, NamingViolation.UnknownLayer, rule,
                (layer.Length == 0 ? "the layer before '" + LayerSeparator + "' is empty" : "'" + layer + "' is not a configured layer")
                + " (" + NamingOptions.LayersKey + " = " + string.Join(",", options.Layers) + ")",
                SuggestDatabaseName(name, options), prefix, null, -1, domain);

        if (!IsSnakeCase(domain))
            return new DatabaseNameCheck(name, NamingViolation.InvalidDomain, rule,
                domain.Length == 0
                    ? "the domain after '" + LayerSeparator + "' is empty"
                    : "the domain '" + domain + "' is not snake_case: " + SnakeCaseProblems(domain),
                SuggestDatabaseName(name, options), prefix, layer, layerIndex, domain);

        return new DatabaseNameCheck(name, NamingViolation.None, rule, null, null, prefix, layer, layerIndex, domain);
    }

    /// <summary>Checks a name of the given kind: <see cref="CheckDatabase"/> for databases, <see cref="CheckSnakeCase"/> otherwise.</summary>
    public static NameCheck Check(NameKind kind, string name, NamingOptions? options = null) =>
        kind == NameKind.Database ? CheckDatabase(name, options) : CheckSnakeCase(name, kind);

    /// <summary>
    /// Checks that a pipeline reading <paramref name="sourceDatabase"/> and writing
    /// <paramref name="sinkDatabase"/> moves data forward: the sink's layer is the source's layer or a
    /// later one in <see cref="NamingOptions.Layers"/>. When a layer cannot be read from a name the
    /// result is not valid and not comparable; the name's own check says why.
    /// </summary>
    public static LayerOrderCheck CheckLayerOrder(string sourceDatabase, string sinkDatabase, NamingOptions? options = null)
    {
        if (sourceDatabase == null) throw new ArgumentNullException(nameof(sourceDatabase));
        if (sinkDatabase == null) throw new ArgumentNullException(nameof(sinkDatabase));
        options = options ?? NamingOptions.Default;
        var source = CheckDatabase(sourceDatabase, options);
        var sink = CheckDatabase(sinkDatabase, options);
        var rule = "data flows forward through the layers " + string.Join(" -> ", options.Layers)
            + ": a pipeline never writes to a layer earlier than one it reads";

        string? problem = null;
        if (source.LayerIndex < 0)
            problem = "The layer of the source database '" + Display(sourceDatabase) + "' cannot be read: " + source.Problem;
        else if (sink.LayerIndex < 0)
            problem = "The layer of the sink database '" + Display(sinkDatabase) + "' cannot be read: " + sink.Problem;
        else if (sink.LayerIndex < source.LayerIndex)
            problem = "The pipeline reads '" + sourceDatabase + "' (layer '" + source.Layer + "') and writes '" + sinkDatabase
                + "' (layer '" + sink.Layer + "'), an earlier layer";
        return new LayerOrderCheck(source, sink, rule, problem);
    }

    /// <summary>
    /// Converts a name to snake_case, for suggestions and code fixes: words are split at separators
    /// (anything but ASCII letters and digits), at lower-to-upper changes and before the last capital
    /// of an acronym, then lower-cased and joined with '_'. <c>EventId</c> gives <c>event_id</c>,
    /// <c>HTTPStatus</c> <c>http_status</c>, <c>user-Email </c> <c>user_email</c>, <c>userIDs</c>
    /// <c>user_ids</c>, <c>Top10Items</c> <c>top10_items</c>, <c>Address2</c> <c>address2</c>.
    /// Accents are dropped (<c>café</c> gives <c>cafe</c>); a result that would start with a digit gets
    /// <see cref="LeadingDigitPrefix"/>; the result is cut to 255 characters. Returns "" when the name
    /// has no letter or digit; otherwise the result satisfies <see cref="IsSnakeCase"/>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        var s = FoldAccents(name);
        var result = new StringBuilder(s.Length + 8);
        var wordLength = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!IsAsciiLetterOrDigit(c))
            {
                wordLength = 0;
                continue;
            }
            if (wordLength > 0 && StartsWord(s, i))
                wordLength = 0;
            if (wordLength == 0 && result.Length > 0)
                result.Append('_');
            result.Append(ToLowerAscii(c));
            wordLength++;
        }
        if (result.Length == 0) return "";
        if (IsDigit(result[0])) result.Insert(0, LeadingDigitPrefix);
        if (result.Length > MaxLength)
        {
            result.Length = MaxLength;
            while (result[result.Length - 1] == '_') result.Length--;
        }
        return result.ToString();
    }

    /// <summary>
    /// A valid database name close to <paramref name="name"/>, or null when none can be derived (e.g.
    /// the layer is not recognisable). <c>Raw__WebEvents</c> gives <c>raw__web_events</c>,
    /// <c>raw_web_events</c> gives <c>raw__web_events</c>, and the configured prefix is added when missing.
    /// </summary>
    public static string? SuggestDatabaseName(string name, NamingOptions? options = null)
    {
        if (name == null) throw new ArgumentNullException(nameof(name));
        options = options ?? NamingOptions.Default;
        var prefix = options.DatabasePrefix;
        var rest = name.Trim();
        if (prefix.Length > 0 && rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            rest = rest.Substring(prefix.Length);

        string? layer = null;
        string domain;
        var separator = rest.IndexOf(LayerSeparator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            layer = FindLayer(ToSnakeCase(rest.Substring(0, separator)), options);
            domain = ToSnakeCase(rest.Substring(separator + LayerSeparator.Length));
        }
        else
        {
            // No '__': perhaps the layer is the first word ("raw_web_events", "RawWebEvents").
            var snake = ToSnakeCase(rest);
            domain = "";
            foreach (var candidate in options.Layers)
            {
                if (snake.Length > candidate.Length + 1 && snake.StartsWith(candidate + "_", StringComparison.Ordinal))
                {
                    layer = candidate;
                    domain = snake.Substring(candidate.Length + 1);
                    break;
                }
            }
        }
        if (layer == null || domain.Length == 0) return null;
        var suggestion = prefix + layer + LayerSeparator + domain;
        if (suggestion.Length > MaxLength) return null;
        return CheckDatabase(suggestion, options).IsValid ? suggestion : null;
    }

    /// <summary>The word for a kind as used in messages: "pipeline", "database", "table", "column".</summary>
    public static string KindWord(NameKind kind)
    {
        switch (kind)
        {
            case NameKind.Pipeline: return "pipeline";
            case NameKind.Database: return "database";
            case NameKind.Table: return "table";
            case NameKind.Column: return "column";
            default: return "name";
        }
    }

    /// <summary>
    /// The message for a failed check: <c>Invalid table name 'WebEvents': it contains upper-case letters.
    /// Rule: table names are snake_case: .... Suggested fix: 'web_events'.</c>
    /// </summary>
    public static string FormatMessage(NameCheck check)
    {
        if (check == null) throw new ArgumentNullException(nameof(check));
        if (check.IsValid) return "The " + KindWord(check.Kind) + " name '" + Display(check.Name) + "' is valid.";
        var message = new StringBuilder()
            .Append("Invalid ").Append(KindWord(check.Kind)).Append(" name '").Append(Display(check.Name)).Append("': ")
            .Append(check.Problem).Append(". Rule: ").Append(check.Rule).Append('.');
        if (check.IsMetastoreViolation) message.Append(" A metastore refuses such names.");
        message.Append(check.Suggestion != null
            ? " Suggested fix: rename it to '" + check.Suggestion + "'."
            : " Rename it to follow the rule.");
        return message.ToString();
    }

    // ---- rules in words ----

    private static string MetastoreRule(NameKind kind) =>
        KindWord(kind) + " names have 1 to " + MaxLength + " characters, all from [A-Za-z0-9_]";

    private static string SnakeCaseRule(NameKind kind) =>
        KindWord(kind) + " names are snake_case: lower-case letters and digits in words joined by single underscores, "
        + "starting with a letter (" + SnakeCasePattern + "), at most " + MaxLength + " characters";

    private static string DatabaseRule(NamingOptions options) =>
        "database names are '" + options.DatabasePrefix + "<layer>" + LayerSeparator + "<domain>' where <layer> is one of "
        + string.Join(", ", options.Layers) + " (" + NamingOptions.LayersKey + ")"
        + (options.DatabasePrefix.Length > 0 ? ", '" + options.DatabasePrefix + "' is the configured prefix (" + NamingOptions.DatabasePrefixKey + ")" : "")
        + " and <domain> is snake_case, e.g. '" + options.DatabasePrefix + options.Layers[0] + LayerSeparator + "web_events'";

    // ---- problems in words ----

    private static NamingViolation MetastoreViolation(string name, out string? problem)
    {
        if (name.Length == 0)
        {
            problem = "the name is empty";
            return NamingViolation.Empty;
        }
        var bad = new List<string>();
        for (var i = 0; i < name.Length; i++)
        {
            if (IsWordChar(name[i])) continue;
            string shown;
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                shown = "'" + name.Substring(i, 2) + "'";
                i++;
            }
            else shown = DescribeChar(name[i]);
            if (!bad.Contains(shown)) bad.Add(shown);
        }
        if (bad.Count > 0)
        {
            const int MaxShown = 8;
            var list = bad.Count <= MaxShown ? bad : bad.GetRange(0, MaxShown);
            problem = "it contains characters outside [A-Za-z0-9_]: " + string.Join(", ", list) + (bad.Count > MaxShown ? ", ..." : "");
            if (name.Length > MaxLength) problem += ", and is " + name.Length + " characters long (the limit is " + MaxLength + ")";
            return NamingViolation.InvalidCharacters;
        }
        if (name.Length > MaxLength)
        {
            problem = "it is " + name.Length + " characters long; the limit is " + MaxLength;
            return NamingViolation.TooLong;
        }
        problem = null;
        return NamingViolation.None;
    }

    private static string SnakeCaseProblems(string name)
    {
        var problems = new List<string>();
        var hasUpper = false;
        var hasDoubleUnderscore = false;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] >= 'A' && name[i] <= 'Z') hasUpper = true;
            if (name[i] == '_' && i + 1 < name.Length && name[i + 1] == '_') hasDoubleUnderscore = true;
        }
        if (hasUpper) problems.Add("it contains upper-case letters");
        if (name.Length > 0 && IsDigit(name[0])) problems.Add("it starts with a digit");
        if (name.Length > 0 && name[0] == '_') problems.Add("it starts with an underscore");
        if (name.Length > 1 && name[name.Length - 1] == '_') problems.Add("it ends with an underscore");
        if (hasDoubleUnderscore) problems.Add("it has consecutive underscores");
        if (problems.Count == 0) problems.Add("it does not match " + SnakeCasePattern);
        return string.Join("; ", problems);
    }

    private static string DescribeChar(char c)
    {
        if (c == ' ') return "space";
        if (c == '\'') return "\"'\"";
        if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\u00A0')
            return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return "'" + c + "'";
    }

    /// <summary>The name for a message: control characters escaped, long names shortened.</summary>
    internal static string Display(string name)
    {
        const int Max = 80;
        var text = name.Length > Max ? name.Substring(0, Max) : name;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        if (name.Length > Max) sb.Append("... (").Append(name.Length).Append(" characters)");
        return sb.ToString();
    }

    // ---- helpers ----

    private static NameCheck Valid(string name, NameKind kind, string rule) =>
        new NameCheck(name, kind, NamingViolation.None, rule, null, null);

    private static string? Suggest(string name)
    {
        var snake = ToSnakeCase(name);
        return snake.Length == 0 ? null : snake;
    }

    private static string? FindLayer(string candidate, NamingOptions options)
    {
        foreach (var layer in options.Layers)
            if (string.Equals(layer, candidate, StringComparison.Ordinal))
                return layer;
        return null;
    }

    // True when the letter or digit at s[i] begins a new word although s[i-1] is a letter or digit.
    private static bool StartsWord(string s, int i)
    {
        var c = s[i];
        var prev = s[i - 1];
        if (!IsUpper(c)) return false;
        // eventId, top10Items
        if (IsLower(prev) || IsDigit(prev)) return true;
        // HTTPStatus: the last capital of an acronym starts the next word, except a plural 's' (userIDs)
        if (IsUpper(prev) && i + 1 < s.Length && IsLower(s[i + 1]))
        {
            var pluralS = s[i + 1] == 's' && (i + 2 >= s.Length || !IsLower(s[i + 2]));
            return !pluralS;
        }
        return false;
    }

    private static string FoldAccents(string name)
    {
        var ascii = true;
        foreach (var c in name)
            if (c > 127) { ascii = false; break; }
        if (ascii) return name;
        try
        {
            var decomposed = name.Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    sb.Append(c);
            return sb.ToString();
        }
        catch (Exception)
        {
            // Normalisation may be unavailable (globalization-invariant hosts); non-ASCII letters then act as separators.
            return name;
        }
    }

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';

    private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsLowerOrDigit(char c) => IsLower(c) || IsDigit(c);

    private static bool IsAsciiLetterOrDigit(char c) => IsLower(c) || IsUpper(c) || IsDigit(c);

    private static bool IsWordChar(char c) => IsAsciiLetterOrDigit(c) || c == '_';

    private static char ToLowerAscii(char c) => IsUpper(c) ? (char)(c + ('a' - 'A')) : c;
}
