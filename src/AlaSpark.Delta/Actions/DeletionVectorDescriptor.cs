using System.Globalization;
using System.Text.Json.Nodes;
using AlaSpark.Delta.Json;

namespace AlaSpark.Delta.Actions;

/// <summary>
/// A deletion vector descriptor (<c>add.deletionVector</c>, <c>remove.deletionVector</c>): where the set of
/// deleted row indexes of a data file is stored. <see cref="StorageType"/> is <c>u</c> (a file next to the
/// data, named from a UUID), <c>p</c> (a file at an absolute path) or <c>i</c> (inline, Z85-encoded).
/// </summary>
public sealed record DeletionVectorDescriptor(string StorageType, string PathOrInlineDv, int? Offset, int SizeInBytes, long Cardinality)
{
    public const string RelativeStorage = "u";
    public const string AbsolutePathStorage = "p";
    public const string InlineStorage = "i";

    public bool IsInline => StorageType == InlineStorage;

    /// <summary>
    /// The id that, with the data file's path, keys a logical file: <c>&lt;storageType&gt;&lt;pathOrInlineDv&gt;</c>,
    /// followed by <c>@&lt;offset&gt;</c> when there is an offset.
    /// </summary>
    public string UniqueId => Offset is null
        ? StorageType + PathOrInlineDv
        : StorageType + PathOrInlineDv + "@" + Offset.Value.ToString(CultureInfo.InvariantCulture);

    public JsonObject ToJson()
    {
        var obj = new JsonObject { ["storageType"] = StorageType, ["pathOrInlineDv"] = PathOrInlineDv };
        if (Offset is not null) obj["offset"] = Offset.Value;
        obj["sizeInBytes"] = SizeInBytes;
        obj["cardinality"] = Cardinality;
        return obj;
    }

    public static DeletionVectorDescriptor? FromJson(JsonObject? obj)
    {
        if (obj is null) return null;
        return new DeletionVectorDescriptor(
            JsonRead.RequiredString(obj, "storageType", "deletionVector"),
            JsonRead.RequiredString(obj, "pathOrInlineDv", "deletionVector"),
            JsonRead.Int(obj, "offset"),
            JsonRead.Int(obj, "sizeInBytes") ?? throw new InvalidDataException("The deletion vector has no 'sizeInBytes'."),
            JsonRead.Long(obj, "cardinality") ?? throw new InvalidDataException("The deletion vector has no 'cardinality'."));
    }
}
