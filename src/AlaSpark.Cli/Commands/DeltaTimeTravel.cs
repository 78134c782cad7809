using System.Globalization;

namespace AlaSpark.Cli.Commands;

/// <summary>
/// <c>read --format delta --version N | --timestamp T</c>: how the command line's time travel is read and
/// handed to the engine's Delta reader as the options <c>versionAsOf</c> and <c>timestampAsOf</c>.
/// </summary>
internal static class DeltaTimeTravel
{
    public const string VersionOption = "versionAsOf";
    public const string TimestampOption = "timestampAsOf";

    /// <summary>The accepted spellings of a time: a date, or a date and time with ' ' or 'T', seconds and a
    /// fraction optional, with an optional zone (Z or an offset). Without a zone the time is UTC, the zone
    /// <c>alaspark history</c> prints.</summary>
    private static readonly string[] TimestampFormats = BuildTimestampFormats();

    private static string[] BuildTimestampFormats()
    {
        var formats = new List<string> { "yyyy-MM-dd" };
        foreach (var separator in new[] { " ", "'T'" })
            foreach (var time in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" })
                foreach (var zone in new[] { "", "K", "zzz" })
                    formats.Add("yyyy-MM-dd" + separator + time + zone);
        return formats.ToArray();
    }

    /// <summary>A table version: a whole number, 0 or more; null when the text is not one.</summary>
    public static long? ParseVersion(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

    /// <summary>A time as <c>--timestamp</c> takes it (UTC unless it names a zone); null when the text is not one.</summary>
    public static DateTimeOffset? ParseTimestamp(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), TimestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
            ? timestamp
            : null;

    /// <summary>
    /// Sets the reader options for <c>--version</c> or <c>--timestamp</c>. The same time travel may also be asked
    /// for with <c>--option versionAsOf=N</c> or <c>--option timestampAsOf=T</c>; asking for it twice is a
    /// usage error, as is asking for a version and a time.
    /// </summary>
    public static void Apply(IDictionary<string, string> options, long? version, DateTimeOffset? timestamp)
    {
        var fromOptions = new[] { VersionOption, TimestampOption }.Where(options.ContainsKey).ToList();
        if (version is not null || timestamp is not null)
        {
            if (fromOptions.Count > 0)
                throw new ConfigurationException(
                    $"{(version is not null ? "--version" : "--timestamp")} and --option {fromOptions[0]}={options[fromOptions[0]]} both ask for time travel: give one of them.");
        }
        else if (fromOptions.Count == 2)
        {
            throw new ConfigurationException("--option versionAsOf and --option timestampAsOf can't be used together: give one of them.");
        }
        else if (options.TryGetValue(VersionOption, out var versionText))
        {
            version = ParseVersion(versionText.Trim())
                      ?? throw new ConfigurationException($"--option versionAsOf must be a table version, a whole number 0 or more, not '{versionText}'.");
        }
        else if (options.TryGetValue(TimestampOption, out var timestampText))
        {
            timestamp = ParseTimestamp(timestampText)
                        ?? throw new ConfigurationException($"--option timestampAsOf must be a time such as \"2024-01-31 10:00:00\", not '{timestampText}'.");
        }

        options.Remove(VersionOption);
        options.Remove(TimestampOption);
        if (version is { } v) options[VersionOption] = v.ToString(CultureInfo.InvariantCulture);
        // The round-trip form: an exact UTC instant that the reader parses back unchanged.
        if (timestamp is { } t) options[TimestampOption] = t.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
    }
}
