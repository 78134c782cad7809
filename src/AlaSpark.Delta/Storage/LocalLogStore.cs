using System.Runtime.InteropServices;

namespace AlaSpark.Delta.Storage;

/// <summary>
/// <see cref="ILogStore"/> on the local disk. New files are written to a hidden temporary file in the same
/// folder and then moved into place: <see cref="PutIfAbsent"/> hard-links it to its name (atomic: exactly one
/// of two racing writers wins, and readers never see a part of the file; on Windows a move without overwriting),
/// <see cref="WriteAtomically"/> renames it over the old file.
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
            if (OperatingSystem.IsWindows())
            {
                // MoveFileEx without MOVEFILE_REPLACE_EXISTING: atomic, and fails when the file exists.
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    throw new DeltaFileAlreadyExistsException(path);
                }
                return;
            }
            // On Unix, File.Move(overwrite: false) checks for the target and then renames, which lets two writers
            // both "win". link(2) is atomic: it fails with EEXIST when the name is taken, and the file it makes
            // visible is already complete.
            if (Link(temp, path) == 0) return;
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EEXIST) throw new DeltaFileAlreadyExistsException(path);
            if (errno is not (EPERM or EXDEV or EMLINK or ENOSYS or EOPNOTSUPP_LINUX or EOPNOTSUPP_BSD))
                throw new IOException($"Could not create {path} (errno {errno}).");
            // A file system without hard links: create the file exclusively (O_EXCL is atomic too). A reader may
            // briefly see it before its content is complete.
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(File.ReadAllBytes(temp));
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new DeltaFileAlreadyExistsException(path);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private const int EPERM = 1, EEXIST = 17, EXDEV = 18, EMLINK = 31, ENOSYS = 38, EOPNOTSUPP_LINUX = 95, EOPNOTSUPP_BSD = 45;

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Link(string existing, string created);

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
