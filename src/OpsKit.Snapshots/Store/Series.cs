// One series directory: ROOT/<series>/ with its marker, lock, trash and snapshots.
// Scanning decides each entry's state from manifest and lock (see SnapshotState).
using OpsKit.Core;

namespace OpsKit.Snapshots.Store;

/// <summary>A scanned entry: the planner's record plus where it is and what it was when scanned.</summary>
/// <param name="Record">Name, time, state.</param>
/// <param name="Path">Full path.</param>
/// <param name="Status">lstat at scan time (identity checked again before deleting).</param>
/// <param name="Manifest">The manifest of a complete snapshot.</param>
public sealed record ScannedSnapshot(SnapshotRecord Record, string Path, FileStatus? Status, Manifest? Manifest);

/// <summary>A series of snapshots of one source under a root.</summary>
public sealed class Series
{
    /// <summary>The series marker file.</summary>
    public const string MarkerName = ".opskit-series";

    /// <summary>The trash folder: deletions are renamed here first (same file system, atomic).</summary>
    public const string TrashName = ".trash";

    /// <summary>Pointer to the newest complete snapshot, moved only after its manifest is written.</summary>
    public const string LatestName = "latest";

    private static readonly HashSet<string> s_ours = [MarkerName, TrashName, LatestName, SeriesLock.FileName, SeriesLock.OwnerFileName, ".last-rotate", ".deleted", ".deleted.tmp"];

    internal Series(SnapshotRoot root, string name, string path)
    {
        Root = root;
        Name = name;
        Path = path;
    }

    /// <summary>The root.</summary>
    public SnapshotRoot Root { get; }

    /// <summary>Series id (the directory name).</summary>
    public string Name { get; }

    /// <summary>Full path.</summary>
    public string Path { get; }

    /// <summary>The trash folder.</summary>
    public string Trash => System.IO.Path.Combine(Path, TrashName);

    /// <summary>True for ^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$ (checked by hand: no Regex set-up before every create and rotate).</summary>
    private static bool IsPlainName(string name)
    {
        if (name.Length is 0 or > 128 || !char.IsAsciiLetterOrDigit(name[0])) return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '@' or '-')) return false;
        return true;
    }

    /// <summary>Throws a usage error for a series name that is not a plain directory name.</summary>
    public static void CheckName(string name)
    {
        if (!IsPlainName(name) || name.EndsWith(".snaps", StringComparison.Ordinal) && name.Length == 6)
            throw OpsKitException.Usage($"bad series name '{name}': letters, digits and . _ @ - only, not starting with a dot");
    }

    /// <summary>The series id in a directory's marker, or null.</summary>
    public static string? ReadMarker(string dir)
    {
        var path = System.IO.Path.Combine(dir, MarkerName);
        if (Native.Stat(path) is not { IsSymlink: false }) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("series ", StringComparison.Ordinal));
        return line?["series ".Length..].Trim();
    }

    /// <summary>Every entry with its state. Running is decided by the series lock: pass
    /// <paramref name="lockHeldByUs"/> when we hold it ourselves.</summary>
    public IReadOnlyList<ScannedSnapshot> Scan(bool lockHeldByUs = false)
    {
        var lockedByOther = !lockHeldByUs && SeriesLock.IsHeld(Path);
        var running = lockedByOther ? SeriesLock.Holder(Path) : "";
        var list = new List<ScannedSnapshot>();
        foreach (var full in Directory.EnumerateFileSystemEntries(Path))
        {
            var name = System.IO.Path.GetFileName(full);
            if (s_ours.Contains(name) || name.StartsWith(Manifest.FileName, StringComparison.Ordinal) || name.StartsWith(Check.SeriesStatus.FileName, StringComparison.Ordinal)) continue;
            list.Add(Classify(full, name, lockedByOther, running));
        }
        list.Sort((a, b) => SnapshotRecord.NewestFirst(a.Record, b.Record));
        return list;
    }

    /// <summary>The snapshot-named entries newest first (the order of <see cref="Scan"/>), each classified only when
    /// the caller gets to it: create stops at the newest complete snapshot instead of reading every manifest.</summary>
    public IEnumerable<ScannedSnapshot> NewestFirst(bool lockHeldByUs = false)
    {
        var lockedByOther = !lockHeldByUs && SeriesLock.IsHeld(Path);
        var running = lockedByOther ? SeriesLock.Holder(Path) : "";
        var entries = new List<(DateTimeOffset Time, string Name, string Full)>();
        foreach (var full in Directory.EnumerateFileSystemEntries(Path))
        {
            var name = System.IO.Path.GetFileName(full);
            if (!s_ours.Contains(name) && SnapshotName.TryParse(name, out var time, out _)) entries.Add((time, name, full));
        }
        entries.Sort((a, b) => b.Time != a.Time ? b.Time.CompareTo(a.Time) : string.CompareOrdinal(b.Name, a.Name));
        foreach (var (_, name, full) in entries) yield return Classify(full, name, lockedByOther, running);
    }

    private ScannedSnapshot Classify(string full, string name, bool lockedByOther, string holder)
    {
        var st = Native.Stat(full);
        ScannedSnapshot Foreign(string why) => new(new SnapshotRecord(name, null, SnapshotState.Foreign, why), full, st, null);
        if (st is null) return Foreign("vanished while scanning");
        if (st.Value.IsSymlink) return Foreign("symbolic link");
        if (!st.Value.IsDirectory) return Foreign("not a directory");
        if (st.Value.Device != Root.Device) return Foreign("on another file system");
        if (!SnapshotName.TryParse(name, out var time, out var inProgress)) return Foreign("name is not a snapshot stamp");
        if (inProgress)
        {
            // The holder names the directory it writes; any in-progress entry of a locked series is left alone.
            var state = lockedByOther ? SnapshotState.Running : SnapshotState.Partial;
            var note = lockedByOther ? holder : "interrupted run";
            return new ScannedSnapshot(new SnapshotRecord(name, time, state, note), full, st, null);
        }
        var (manifest, error) = Manifest.TryRead(full);
        if (error is not null) return Foreign(error);
        if (manifest is null) return new ScannedSnapshot(new SnapshotRecord(name, time, SnapshotState.Partial, "no manifest"), full, st, null);
        if (manifest.Name != name || manifest.Time != time || manifest.Series != Name)
            return Foreign($"manifest says {manifest.Series}/{manifest.Name} at {SnapshotName.Iso(manifest.Time)}");
        if (manifest.Status != "ok")
            return new ScannedSnapshot(new SnapshotRecord(name, time, SnapshotState.Partial, $"status {manifest.Status}"), full, st, manifest);
        return new ScannedSnapshot(new SnapshotRecord(name, manifest.Time, SnapshotState.Complete) { Pinned = manifest.Pinned }, full, st, manifest);
    }
}
