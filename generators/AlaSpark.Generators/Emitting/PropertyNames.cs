using System.Collections.Generic;
using System.Text;

namespace AlaSpark.Generators.Emitting;

/// <summary>
/// C# property names for columns: PascalCase of the column's words (<c>event_date</c> ->
/// <c>EventDate</c>), made valid and unique. The names of <c>Output</c> and <c>OutputRow</c> are
/// the same, so a column reads alike in both.
/// </summary>
internal static class PropertyNames
{
    /// <summary>Names a record or a static class can't give a property (inherited members, the enclosing types).</summary>
    private static readonly HashSet<string> Reserved = new()
    {
        "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "EqualityContract",
        "MemberwiseClone", "Finalize", "ReferenceEquals", "Output", "OutputRow",
    };

    public static IReadOnlyList<string> For(IEnumerable<string> columns)
    {
        var used = new HashSet<string>();
        var names = new List<string>();
        foreach (var column in columns)
        {
            var name = Pascal(column);
            if (Reserved.Contains(name)) name += "Column";
            var unique = name;
            for (var i = 2; !used.Add(unique); i++) unique = name + i;
            names.Add(unique);
        }
        return names;
    }

    private static string Pascal(string column)
    {
        var result = new StringBuilder();
        var startsWord = true;
        foreach (var c in column)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startsWord = true;
                continue;
            }
            result.Append(startsWord ? char.ToUpperInvariant(c) : c);
            startsWord = false;
        }
        if (result.Length == 0) return "Column";
        return char.IsDigit(result[0]) ? "Column" + result : result.ToString();
    }
}
