using System.Text;
using AlaSpark.Delta.Actions;
using AlaSpark.Delta.Storage;

namespace AlaSpark.Delta.Log;

/// <summary>A complete checkpoint: its version, kind and file(s) (the parts in order for a multi-part one).</summary>
public sealed record CheckpointInstance(long Version, LogFileKind Kind, IReadOnlyList<LogFileInfo> Files);

/// <summary>A commit file of the log and its version.</summary>
public sealed record CommitFile(long Version, LogFileInfo File);

/// <summary>
/// What a snapshot is built from: the newest complete checkpoint at or before its version (if any) and the
/// commits after it, which must be contiguous up to the version.
/// </summary>
public sealed record LogSegment(long Version, CheckpointInstance? Checkpoint, IReadOnlyList<CommitFile> Commits, CommitFile? VersionCommit)
{
    /// <summary>
    /// What <c>_last_checkpoint</c> says of <see cref="Checkpoint"/> when it names that checkpoint (its number of
    /// add actions is checked against the checkpoint read); null otherwise.
    /// </summary>
    public LastCheckpoint? CheckpointHint { get; init; }
}

/// <summary>The versions the log holds: the earliest one that can be reconstructed and the latest.</summary>
public sealed record LogRange(long EarliestVersion, long LatestVersion);

/// <summary>
/// The <c>_delta_log</c> folder of one table, read through an <see cref="ILogStore"/>: listing, finding the
/// checkpoint to start from (<c>_last_checkpoint</c> first, a listing when it is missing or corrupt), reading
/// commits and checkpoints. Engine-independent; the writer will commit through the same store.
/// </summary>
public sealed class DeltaLog
{
    public DeltaLog(string tablePath, ILogStore store)
    {
        TablePath = tablePath;
        LogPath = Path.Combine(tablePath, "_delta_log");
        Store = store;
    }

    public string TablePath { get; }
    public string LogPath { get; }
    public ILogStore Store { get; }

    /// <summary>The path of a file in <c>_delta_log</c>.</summary>
    public string LogFile(string name) => Path.Combine(LogPath, name);

    /// <summary>Throws <see cref="DeltaTableNotFoundException"/> unless the table folder and its <c>_delta_log</c> exist.</summary>
    public void EnsureExists()
    {
        if (!Store.DirectoryExists(TablePath)) throw new DeltaTableNotFoundException(TablePath, "the folder does not exist.");
        if (!Store.DirectoryExists(LogPath))
            throw new DeltaTableNotFoundException(TablePath, "it has no _delta_log folder, so it is not a Delta table (a plain Parquet folder is read with the Parquet reader).");
    }

    /// <summary>The <c>_last_checkpoint</c> hint, or null when it is missing, empty, unparseable or fails its checksum.</summary>
    public LastCheckpoint? ReadLastCheckpoint()
    {
        var path = LogFile(LogFileName.LastCheckpoint);
        if (Store.Stat(path) is null) return null;
        try
        {
            return LastCheckpoint.TryParse(Encoding.UTF8.GetString(Store.Read(path)));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The log files (commits, checkpoints, checksums) from a version on, in name order.</summary>
    public IReadOnlyList<(LogFileName Name, LogFileInfo File)> List(long fromVersion)
    {
        var result = new List<(LogFileName, LogFileInfo)>();
        foreach (var file in Store.ListFrom(LogFile(LogFileName.Pad(Math.Max(0, fromVersion)))))
            if (LogFileName.Parse(file.Name) is { } name) result.Add((name, file));
        return result;
    }

    /// <summary>
    /// The segment for a version (the latest when null). Starts from the checkpoint <c>_last_checkpoint</c>
    /// names when it is at or before the version; otherwise, or when that checkpoint is not there, lists the
    /// whole log.
    /// </summary>
    public LogSegment Segment(long? version)
    {
        EnsureExists();
        if (version is < 0) throw NoSuchVersion($"Table {TablePath} has no version {version}: versions start at 0.");
        var hint = ReadLastCheckpoint();
        if (hint is not null && hint.Version > 0 && (version is null || hint.Version <= version))
        {
            var segment = Build(List(hint.Version), version, listedFromZero: false);
            if (segment is not null) return WithHint(segment, hint);
        }
        return WithHint(Build(List(0), version, listedFromZero: true)!, hint);
    }

    private static LogSegment WithHint(LogSegment segment, LastCheckpoint? hint) =>
        hint is not null && segment.Checkpoint is { } checkpoint && checkpoint.Version == hint.Version && checkpoint.Kind != LogFileKind.UuidCheckpoint
            ? segment with { CheckpointHint = hint }
            : segment;

    /// <summary>
    /// Reads the segment's checkpoint and checks it against <c>_last_checkpoint</c> when that names it: a
    /// checkpoint holding another number of add actions than recorded is corrupt (a stale or foreign file
    /// under the checkpoint's name would otherwise silently give other rows).
    /// </summary>
    public IReadOnlyList<DeltaAction> ReadCheckpoint(LogSegment segment)
    {
        var checkpoint = segment.Checkpoint ?? throw new InvalidOperationException("The segment has no checkpoint.");
        var actions = ReadCheckpoint(checkpoint);
        if (segment.CheckpointHint is { NumOfAddFiles: { } expected } && !actions.OfType<SidecarFile>().Any())
        {
            var adds = actions.Count(a => a is AddFile);
            if (adds != expected)
                throw new DeltaLogCorruptException(TablePath, checkpoint.Version,
                    $"Table {TablePath}: the checkpoint {checkpoint.Files[0].Name} (version {checkpoint.Version}) holds {adds} add actions, but _last_checkpoint records {expected}: the checkpoint is corrupt.");
        }
        return actions;
    }

    /// <summary>The earliest version that can be reconstructed and the latest version.</summary>
    public LogRange Range()
    {
        EnsureExists();
        var files = List(0);
        var commits = files.Where(f => f.Name.Kind == LogFileKind.Commit).Select(f => f.Name.Version).ToList();
        var checkpoints = CompleteCheckpoints(files).Select(c => c.Version).ToList();
        if (commits.Count == 0 && checkpoints.Count == 0)
            throw new DeltaTableNotFoundException(TablePath, "its _delta_log folder has no commits and no checkpoints.");
        var latest = Math.Max(commits.Count > 0 ? commits.Max() : -1, checkpoints.Count > 0 ? checkpoints.Max() : -1);
        var earliest = commits.Contains(0) ? 0 : checkpoints.Count > 0 ? checkpoints.Min() : commits.Min();
        return new LogRange(earliest, latest);
    }

    /// <summary>The commit files from a version on (ascending).</summary>
    public IReadOnlyList<CommitFile> Commits(long fromVersion) =>
        List(fromVersion).Where(f => f.Name.Kind == LogFileKind.Commit).Select(f => new CommitFile(f.Name.Version, f.File)).ToList();

    private LogSegment? Build(IReadOnlyList<(LogFileName Name, LogFileInfo File)> files, long? target, bool listedFromZero)
    {
        var checkpoint = CompleteCheckpoints(files)
            .Where(c => target is null || c.Version <= target)
            .OrderByDescending(c => c.Version)
            .ThenBy(c => c.Kind switch { LogFileKind.ClassicCheckpoint => 0, LogFileKind.UuidCheckpoint => 1, _ => 2 })
            .FirstOrDefault();
        if (checkpoint is null && !listedFromZero) return null;

        var commits = files.Where(f => f.Name.Kind == LogFileKind.Commit && (target is null || f.Name.Version <= target))
            .Select(f => new CommitFile(f.Name.Version, f.File)).OrderBy(c => c.Version).ToList();
        if (checkpoint is null && commits.Count == 0)
        {
            if (target is not null && files.Any(f => f.Name.Kind == LogFileKind.Commit || f.Name.IsCheckpoint))
            {
                var range = Range();
                throw new DeltaVersionNotFoundException(TablePath,
                    $"Table {TablePath} can't be read at version {target}: the earliest version the log can reconstruct is {range.EarliestVersion} (the latest is {range.LatestVersion}).",
                    range.EarliestVersion, range.LatestVersion);
            }
            throw new DeltaTableNotFoundException(TablePath, "its _delta_log folder has no commits and no checkpoints.");
        }

        var start = checkpoint is null ? 0 : checkpoint.Version + 1;
        var after = commits.Where(c => c.Version >= start).ToList();
        if (checkpoint is null && after.Count > 0 && after[0].Version != 0)
        {
            var message = $"Table {TablePath} can't be read{(target is null ? "" : $" at version {target}")}: its log starts at version {after[0].Version} and has no checkpoint to start from" +
                (target is null ? " (commits before it were deleted without a checkpoint)." : $" at or before version {target}.");
            if (target is null) throw new DeltaLogCorruptException(TablePath, null, message);
            var range = Range();
            throw new DeltaVersionNotFoundException(TablePath, message + $" The earliest version the log can reconstruct is {range.EarliestVersion}.", range.EarliestVersion, range.LatestVersion);
        }
        for (var i = 0; i < after.Count; i++)
        {
            if (after[i].Version == start + i) continue;
            var found = string.Join(", ", (checkpoint is null ? after : after.Prepend(new CommitFile(checkpoint.Version, checkpoint.Files[0]))).Select(c => c.Version));
            throw new DeltaLogCorruptException(TablePath, start + i,
                $"Table {TablePath}: the log's versions are not contiguous: version {start + i} is missing (found versions {found}), so the table can't be read.");
        }
        var version = after.Count > 0 ? after[^1].Version : checkpoint!.Version;
        if (target is not null && version != target)
        {
            var range = Range();
            throw new DeltaVersionNotFoundException(TablePath,
                $"Table {TablePath} has no version {target}: the latest available version is {range.LatestVersion} (the earliest is {range.EarliestVersion}).",
                range.EarliestVersion, range.LatestVersion);
        }
        var versionCommit = commits.LastOrDefault(c => c.Version == version);
        return new LogSegment(version, checkpoint, after, versionCommit);
    }

    /// <summary>The complete checkpoints of a listing; a multi-part checkpoint missing a part is left out.</summary>
    public static IEnumerable<CheckpointInstance> CompleteCheckpoints(IEnumerable<(LogFileName Name, LogFileInfo File)> files)
    {
        foreach (var (name, file) in files)
            if (name.Kind is LogFileKind.ClassicCheckpoint or LogFileKind.UuidCheckpoint)
                yield return new CheckpointInstance(name.Version, name.Kind, new[] { file });
        var parts = files.Where(f => f.Name.Kind == LogFileKind.MultiPartCheckpoint)
            .GroupBy(f => (f.Name.Version, f.Name.Parts));
        foreach (var group in parts)
        {
            var distinct = group.GroupBy(f => f.Name.Part).Select(g => g.First()).OrderBy(f => f.Name.Part).ToList();
            if (distinct.Count == group.Key.Parts)
                yield return new CheckpointInstance(group.Key.Version, LogFileKind.MultiPartCheckpoint, distinct.Select(f => f.File).ToList());
        }
    }

    /// <summary>Reads a commit file's actions.</summary>
    public IReadOnlyList<DeltaAction> ReadCommit(CommitFile commit)
    {
        try
        {
            return ActionJson.ParseCommit(Encoding.UTF8.GetString(Store.Read(commit.File.Path)));
        }
        catch (InvalidDataException e)
        {
            throw new DeltaLogCorruptException(TablePath, commit.Version,
                $"Table {TablePath}: the commit {commit.File.Name} (version {commit.Version}) can't be read: {e.Message}", e);
        }
        catch (FileNotFoundException e)
        {
            throw new DeltaLogCorruptException(TablePath, commit.Version,
                $"Table {TablePath}: the commit {commit.File.Name} (version {commit.Version}) disappeared while it was read.", e);
        }
    }

    /// <summary>
    /// Reads a checkpoint's actions: its file(s), then, for a V2 checkpoint, the file actions of its sidecars in
    /// <c>_delta_log/_sidecars</c>.
    /// </summary>
    public IReadOnlyList<DeltaAction> ReadCheckpoint(CheckpointInstance checkpoint)
    {
        var actions = new List<DeltaAction>();
        foreach (var file in checkpoint.Files)
            actions.AddRange(ReadCheckpointFile(checkpoint.Version, file.Path, file.Name.EndsWith(".json", StringComparison.Ordinal)));
        var sidecars = actions.OfType<SidecarFile>().ToList();
        foreach (var sidecar in sidecars)
        {
            var path = SidecarPath(sidecar.Path);
            actions.AddRange(ReadCheckpointFile(checkpoint.Version, path, json: false).Where(a => a is AddFile or RemoveFile));
        }
        return actions;
    }

    /// <summary>A sidecar's path: a bare name is in <c>_delta_log/_sidecars</c>; a URI is resolved as it is.</summary>
    public string SidecarPath(string path)
    {
        var decoded = Uri.UnescapeDataString(path);
        return decoded.Contains('/') || decoded.Contains(':')
            ? DeltaPaths.Resolve(Path.Combine(LogPath, "_sidecars"), path)
            : Path.Combine(LogPath, "_sidecars", decoded);
    }

    private IReadOnlyList<DeltaAction> ReadCheckpointFile(long version, string path, bool json)
    {
        try
        {
            return json ? CheckpointReader.ReadJson(Store, path) : CheckpointReader.ReadParquet(Store, path);
        }
        catch (Exception e) when (e is not DeltaException and not OutOfMemoryException)
        {
            var what = path.Contains("_sidecars", StringComparison.Ordinal) ? "the checkpoint sidecar" : "the checkpoint";
            throw new DeltaLogCorruptException(TablePath, version,
                $"Table {TablePath}: {what} {Path.GetFileName(path)} (version {version}) can't be read: {e.Message}", e);
        }
    }

    private DeltaVersionNotFoundException NoSuchVersion(string message) => new(TablePath, message, 0, -1);
}
