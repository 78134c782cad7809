namespace AlaSpark.Delta.Storage;

/// <summary>
/// <see cref="ILogStore"/> on the local disk. New files are written to a hidden temporary file in the same
/// folder and then moved into place: <see cref="PutIfAbsent"/> moves without overwriting (so the commit is
/// atomic and only one writer wins), <see cref="WriteAtomically"/> with overwriting (a rename).
/// </summary>
public sealed class LocalLogStore : ILogStore
{
    public static LocalLogStore Instance { get; } = new();

    public IReadOnlyList<LogFileInfo> ListFrom(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        var from = Path.GetFileName(path);
        if (directory is null || !Directory.Exists(directory)) return Array.Empty<LogFileInfo>();
        var result = new List<LogFileInfo>();
        foreach (var info in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (string.CompareOrdinal(info.Name, from) < 0) continue;
            result.Add(new LogFileInfo(info.FullName, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)));
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    public byte[] Read(string path) => File.ReadAllBytes(path);

    public Stream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public LogFileInfo? Stat(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new LogFileInfo(info.FullName, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)) : null;
    }

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public void PutIfAbsent(string path, ReadOnlySpan<byte> content)
    {
        if (File.Exists(path)) throw new DeltaFileAlreadyExistsException(path);
        var temp = WriteTemp(path, content);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new DeltaFileAlreadyExistsException(path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temp = WriteTemp(path, content);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static string WriteTemp(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        return temp;
    }
}
