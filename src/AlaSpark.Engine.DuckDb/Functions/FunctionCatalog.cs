using AlaSpark.Engine.DuckDb.Compilation;

namespace AlaSpark.Engine.DuckDb.Functions;

/// <summary>A supported Spark function: its arity and its translation to DuckDB with Spark's semantics.</summary>
internal sealed record FunctionDef(string Name, int MinArgs, int MaxArgs, string Category, Func<FunctionContext, TypedSql> Translate);

/// <summary>
/// The embedded engine's catalogue of Spark functions. Each entry translates one Spark function to
/// DuckDB SQL that gives Spark's result; a function not listed here is an error naming it.
/// The parity tests check every entry against Spark's documented examples.
/// </summary>
internal static partial class FunctionCatalog
{
    private static readonly Dictionary<string, FunctionDef> Definitions = Build();

    public static FunctionDef? Find(string name) => Definitions.GetValueOrDefault(name.ToLowerInvariant());

    /// <summary>What to use instead of a Spark function the embedded engine doesn't have, if anything.</summary>
    public static string UnsupportedHint(string name) => name.ToLowerInvariant() switch
    {
        "json_tuple" => " Use get_json_object for each field.",
        "posexplode" or "posexplode_outer" or "inline" or "inline_outer" or "stack" => " It returns several columns per row; use explode and extract the fields.",
        "interval" => " Interval values are supported only as the step of sequence() over dates.",
        _ => "",
    };

    public static IEnumerable<FunctionDef> All => Definitions.Values.OrderBy(d => d.Category).ThenBy(d => d.Name);

    private static Dictionary<string, FunctionDef> Build()
    {
        var defs = new Dictionary<string, FunctionDef>(StringComparer.OrdinalIgnoreCase);
        void Add(string category, string name, int min, int max, Func<FunctionContext, TypedSql> translate) =>
            defs.Add(name, new FunctionDef(name, min, max, category, translate));
        void Alias(string alias, string target) =>
            defs.Add(alias, defs[target] with { Name = alias });

        AddOperators(Add);
        AddStrings(Add, Alias);
        AddDateTime(Add, Alias);
        AddCollections(Add, Alias);
        AddHashing(Add);
        AddConditionals(Add, Alias);
        AddMath(Add, Alias);
        AddAggregates(Add, Alias);
        return defs;
    }

    private delegate void Adder(string category, string name, int min, int max, Func<FunctionContext, TypedSql> translate);

    private delegate void Aliaser(string alias, string target);

    private const int Many = int.MaxValue;
}
