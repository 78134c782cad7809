namespace AlaSpark.Delta.Storage;

/// <summary>A file as a listing sees it: its full path, size and last modification time.</summary>
public sealed record LogFileInfo(string Path, long Size, DateTimeOffset ModificationTime)
{
    /// <summary>The file name (the last path segment).</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// The small file-system interface the Delta core stands on (Delta's "LogStore"). Paths are the store's
/// own (local paths for <see cref="LocalLogStore"/>). Reading needs <see cref="ListFrom"/>, <see cref="Read"/>
/// and <see cref="Stat"/>; a writer commits with <see cref="PutIfAbsent"/> (a commit file must never be
/// overwritten: two writers racing for a version must see exactly one win) and rewrites
/// <c>_last_checkpoint</c> with <see cref="WriteAtomically"/>.
/// </summary>
public interface ILogStore
{
    /// <summary>
    /// The files in <paramref name="path"/>'s folder whose names sort (ordinally) at or after its file name,
    /// in that order; folders are left out. An empty list when the folder does not exist.
    /// </summary>
    IReadOnlyList<LogFileInfo> ListFrom(string path);

    /// <summary>The file's whole content; <see cref="FileNotFoundException"/> when it is missing.</summary>
    byte[] Read(string path);

    /// <summary>Opens the file for reading (checkpoints and sidecars are read as streams).</summary>
    Stream OpenRead(string path);

    /// <summary>The file's size and modification time, or null when it does not exist.</summary>
    LogFileInfo? Stat(string path);

    /// <summary>True when the path is an existing folder.</summary>
    bool DirectoryExists(string path);

    /// <summary>
    /// Writes a new file whose content appears all at once, failing with
    /// <see cref="DeltaFileAlreadyExistsException"/> when a file is already there.
    /// </summary>
    void PutIfAbsent(string path, ReadOnlySpan<byte> content);

    /// <summary>Writes (or replaces) a file so that readers see either the old or the new content, never a part.</summary>
    void WriteAtomically(string path, ReadOnlySpan<byte> content);
}
