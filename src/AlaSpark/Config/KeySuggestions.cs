namespace AlaSpark.Config;

/// <summary>Finds a likely intended key for a misspelled one.</summary>
internal static class KeySuggestions
{
    /// <summary>
    /// Returns <c> (did you mean 'x'?)</c> for the closest candidate within a small edit distance,
    /// or an empty string when nothing is close.
    /// </summary>
    public static string DidYouMean(string key, IEnumerable<string> candidates)
    {
        var budget = Math.Max(1, key.Length / 4);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= budget && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    /// <summary>Levenshtein distance (insertions, deletions and substitutions cost 1).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
