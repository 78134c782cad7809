// Shared source: this file is also compiled into the AlaSpark analyzers (netstandard2.0) as a
// linked file. Keep it free of dependencies on other AlaSpark files and of APIs newer than
// netstandard2.0 (see NamingRules.cs).
#nullable enable

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AlaSpark.Naming;

/// <summary>
/// The configurable part of the naming standard: the data layers, in the order data flows through
/// them, and an optional catalog prefix for database names. Immutable.
/// </summary>
/// <remarks>
/// Configured with the keys <c>alaspark.layers = raw,cooked,served</c> and
/// <c>alaspark.database_prefix =</c>: the analyzers read them from <c>.editorconfig</c>, the runtime
/// from the job's settings; see <see cref="FromSettings"/>.
/// </remarks>
public sealed class NamingOptions
{
    /// <summary>The setting that lists the layers, comma separated, in flow order.</summary>
    public const string LayersKey = "alaspark.layers";

    /// <summary>The setting that holds the catalog prefix of database names (empty for none).</summary>
    public const string DatabasePrefixKey = "alaspark.database_prefix";

    private static readonly string[] DefaultLayerNames = { "raw", "cooked", "served" };

    /// <summary>Layers <c>raw</c>, <c>cooked</c>, <c>served</c> and no database prefix.</summary>
    public static NamingOptions Default { get; } = new NamingOptions(DefaultLayerNames, null);

    /// <summary>Creates options, validating them.</summary>
    /// <param name="layers">The layers in flow order: distinct, non-empty, snake_case, at least one.</param>
    /// <param name="databasePrefix">The catalog prefix of database names; null or empty for none.</param>
    /// <exception cref="ArgumentException">A layer or the prefix is not valid.</exception>
    public NamingOptions(IEnumerable<string> layers, string? databasePrefix = null)
    {
        if (layers == null) throw new ArgumentNullException(nameof(layers));
        var list = new List<string>();
        var layerError = ValidateLayers(layers, list);
        if (layerError != null) throw new ArgumentException("Invalid naming options: " + layerError, nameof(layers));
        var prefix = databasePrefix ?? "";
        var prefixError = ValidatePrefix(prefix);
        if (prefixError != null) throw new ArgumentException("Invalid naming options: " + prefixError, nameof(databasePrefix));

        Layers = new ReadOnlyCollection<string>(list);
        DatabasePrefix = prefix;
    }

    /// <summary>The layers in the order data flows through them (default <c>raw</c>, <c>cooked</c>, <c>served</c>).</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The prefix every database name starts with, e.g. <c>glue_</c>; empty for none.</summary>
    public string DatabasePrefix { get; }

    /// <summary>The position of <paramref name="layer"/> in <see cref="Layers"/> (ordinal match), or -1.</summary>
    public int IndexOfLayer(string layer)
    {
        for (var i = 0; i < Layers.Count; i++)
            if (string.Equals(Layers[i], layer, StringComparison.Ordinal))
                return i;
        return -1;
    }

    /// <summary>
    /// Reads <see cref="LayersKey"/> and <see cref="DatabasePrefixKey"/> through <paramref name="lookup"/>
    /// (which returns null for a missing key). A missing or blank <c>alaspark.layers</c> means the default
    /// layers; values are trimmed and empty list entries ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A configured value is not valid; the message names the key.</exception>
    public static NamingOptions FromSettings(Func<string, string?> lookup)
    {
        if (lookup == null) throw new ArgumentNullException(nameof(lookup));
        var layersValue = lookup(LayersKey);
        var prefixValue = lookup(DatabasePrefixKey);

        IEnumerable<string> layers = DefaultLayerNames;
        if (layersValue != null && layersValue.Trim().Length > 0)
        {
            var parsed = new List<string>();
            foreach (var part in layersValue.Split(','))
            {
                var layer = part.Trim();
                if (layer.Length > 0) parsed.Add(layer);
            }
            layers = parsed;
        }

        var layerError = ValidateLayers(layers, new List<string>());
        if (layerError != null)
            throw new ArgumentException("The setting '" + LayersKey + " = " + layersValue + "' is not valid: " + layerError, LayersKey);
        var prefix = prefixValue == null ? "" : prefixValue.Trim();
        var prefixError = ValidatePrefix(prefix);
        if (prefixError != null)
            throw new ArgumentException("The setting '" + DatabasePrefixKey + " = " + prefixValue + "' is not valid: " + prefixError, DatabasePrefixKey);
        return new NamingOptions(layers, prefix);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        LayersKey + " = " + string.Join(",", Layers) + "; " + DatabasePrefixKey + " = " + DatabasePrefix;

    // Returns what is wrong with the layers, or null; fills 'list' with them.
    private static string? ValidateLayers(IEnumerable<string> layers, List<string> list)
    {
        foreach (var layer in layers)
        {
            if (layer == null || !NamingRules.IsSnakeCase(layer))
                return "the layer '" + layer + "' is not snake_case (" + NamingRules.SnakeCasePattern + ").";
            if (list.Contains(layer)) return "the layer '" + layer + "' is listed twice.";
            list.Add(layer);
        }
        return list.Count == 0 ? "at least one layer is needed (e.g. raw,cooked,served)." : null;
    }

    // Returns what is wrong with the prefix, or null.
    private static string? ValidatePrefix(string prefix)
    {
        if (prefix.Length == 0) return null;
        var ok = prefix[0] >= 'a' && prefix[0] <= 'z';
        foreach (var c in prefix)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                ok = false;
        return ok
            ? null
            : "the database prefix '" + prefix + "' must start with a lower-case letter and use only lower-case letters, digits and underscores (e.g. 'glue_').";
    }
}
