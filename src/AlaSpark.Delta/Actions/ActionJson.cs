using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlaSpark.Delta.Actions;

/// <summary>
/// Reads actions from the JSON of commit files (newline-delimited, one action per line). Unknown action
/// types are ignored, as the protocol requires of readers; so are unknown fields of known actions.
/// </summary>
public static class ActionJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, MaxDepth = 256 };

    /// <summary>Parses one line; null for a blank line or an action type AlaSpark does not know.</summary>
    /// <exception cref="InvalidDataException">The line is not a JSON object, or a known action is malformed.</exception>
    public static DeltaAction? ParseLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not valid JSON: {e.Message}", e);
        }
        if (node is not JsonObject obj) throw new InvalidDataException("A log line is not a JSON object.");
        return FromWrapped(obj);
    }

    /// <summary>Reads a wrapped action (<c>{"add":{...}}</c>); null when it holds no known action.</summary>
    public static DeltaAction? FromWrapped(JsonObject wrapped)
    {
        foreach (var (key, value) in wrapped)
        {
            if (value is null) continue; // checkpoint rows carry a null for every other action type
            if (value is not JsonObject inner)
                throw new InvalidDataException($"The '{key}' action is not a JSON object.");
            var action = FromObject(key, inner);
            if (action is not null) return action;
        }
        return null;
    }

    /// <summary>Reads the action named <paramref name="key"/> from its own object; null for an unknown key.</summary>
    public static DeltaAction? FromObject(string key, JsonObject obj) => key switch
    {
        AddFile.Key => AddFile.FromJson(obj),
        RemoveFile.Key => RemoveFile.FromJson(obj),
        Metadata.Key => Metadata.FromJson(obj),
        Protocol.Key => Protocol.FromJson(obj),
        SetTransaction.Key => SetTransaction.FromJson(obj),
        CommitInfo.Key => CommitInfo.FromJson(obj),
        AddCdcFile.Key => AddCdcFile.FromJson(obj),
        DomainMetadata.Key => DomainMetadata.FromJson(obj),
        CheckpointMetadata.Key => CheckpointMetadata.FromJson(obj),
        SidecarFile.Key => SidecarFile.FromJson(obj),
        _ => null,
    };

    /// <summary>Parses a whole commit file's text; line numbers (1-based) are in the error of a bad line.</summary>
    public static IReadOnlyList<DeltaAction> ParseCommit(string text)
    {
        var actions = new List<DeltaAction>();
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            try
            {
                if (ParseLine(line) is { } action) actions.Add(action);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"line {lineNumber}: {e.Message}", e);
            }
        }
        return actions;
    }

    /// <summary>Writes actions as a commit file: one JSON line per action, each ended by a newline.</summary>
    public static string ToCommitText(IEnumerable<DeltaAction> actions)
    {
        var sb = new StringBuilder();
        foreach (var action in actions) sb.Append(action.ToJsonLine()).Append('\n');
        return sb.ToString();
    }
}
