using System.CommandLine;
using System.Globalization;

namespace AlaSpark.Cli;

/// <summary>Options shared by several commands, and how to read them.</summary>
internal static class CommonOptions
{
    /// <summary>The lake used when <c>--lake</c> is not given (as for the job app): <c>./lakehouse</c>.</summary>
    public const string DefaultLake = "./lakehouse";

    public static Option<string?> Lake(string description) => new("--lake")
    {
        Description = description + $" [default: {DefaultLake}]",
        HelpName = "DIR",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print each row as one JSON object on its own line (JSON lines) instead of a table.",
    };

    /// <summary><c>--limit N</c> / <c>-n N</c>: a whole number, 0 or more (anything else is a usage error).</summary>
    public static Option<int?> Limit(string description) => new("--limit", "-n")
    {
        Description = description,
        HelpName = "N",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0)
                return n;
            r.AddError($"--limit must be a whole number, 0 or more, not '{text}'.");
            return null;
        },
    };

    /// <summary>The lake folder (absolute), and whether it was given with <c>--lake</c>.</summary>
    public static (string Path, bool Explicit) ResolveLake(ParseResult result, Option<string?> option, CliEnvironment environment)
    {
        var given = result.GetValue(option);
        if (given is not null && given.Trim().Length == 0)
            throw new ConfigurationException("--lake needs a folder, not an empty string.");
        return (environment.FullPath(given ?? DefaultLake), given is not null);
    }

    /// <summary>The catalog file of a lake: <c>&lt;lake&gt;/_catalog/catalog.db</c>.</summary>
    public static string CatalogFile(string lake) =>
        Path.Combine(lake, AlaSpark.Catalog.LocalCatalog.CatalogDirectoryName, AlaSpark.Catalog.LocalCatalog.CatalogFileName);
}
