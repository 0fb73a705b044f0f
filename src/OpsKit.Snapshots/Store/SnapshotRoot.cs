// A snapshot root (invariant 4): a real directory (not a symlink, not "/", not
// empty/unset), carrying the .opskit-snapshots marker, optionally required to
// be a given mount so an unmounted backup disk never looks like an empty root.
using OpsKit.Core;

namespace OpsKit.Snapshots.Store;

/// <summary>A validated snapshot root holding one directory per series.</summary>
public sealed class SnapshotRoot
{
    /// <summary>The root's marker file.</summary>
    public const string MarkerName = ".opskit-snapshots";

    private SnapshotRoot(string path, ulong device)
    {
        Path = path;
        Device = device;
    }

    /// <summary>Absolute path of the root.</summary>
    public string Path { get; }

    /// <summary>st_dev of the root: every entry we touch must be on it.</summary>
    public ulong Device { get; }

    /// <summary>Opens an existing root; refuses anything that is not one.</summary>
    /// <param name="path">The root as given.</param>
    /// <param name="requireMount">When set, the root must lie on the file system mounted there.</param>
    public static SnapshotRoot Open(string? path, string? requireMount = null)
    {
        var full = CheckPath(path);
        var st = Native.Stat(full) ?? throw new OpsKitException($"snapshot root {full} does not exist", ExitCodes.NoInput);
        if (st.IsSymlink) throw new OpsKitException($"snapshot root {full} is a symbolic link; name the real directory", ExitCodes.DataError);
        if (!st.IsDirectory) throw new OpsKitException($"snapshot root {full} is not a directory", ExitCodes.DataError);
        if (Native.Stat(System.IO.Path.Combine(full, MarkerName)) is null)
            throw new OpsKitException($"{full} is not a snapshot root (no {MarkerName} marker); refusing to touch it", ExitCodes.DataError);
        MountCheck.Require(full, st.Device, requireMount);
        return new SnapshotRoot(full, st.Device);
    }

    /// <summary>Opens a root for writing, creating it (and its marker) when it is missing or empty.</summary>
    public static SnapshotRoot OpenOrCreate(string? path, string? requireMount = null)
    {
        var full = CheckPath(path);
        var st = Native.Stat(full);
        if (st is null)
        {
            var parent = System.IO.Path.GetDirectoryName(full)!;
            if (!Directory.Exists(parent)) throw new OpsKitException($"cannot create snapshot root {full}: {parent} does not exist", ExitCodes.DataError);
            // Private: snapshot trees hold everyone's files, and a root nobody else can enter lets create skip
            // rsync's per-file symlink walk (Create/PrivatePaths.cs).
            Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else if (st.Value.IsDirectory && Native.Stat(System.IO.Path.Combine(full, MarkerName)) is null)
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
                throw new OpsKitException($"{full} is not empty and has no {MarkerName} marker; refusing to use it as a snapshot root (bring existing trees in with 'opskit snapshot adopt')", ExitCodes.DataError);
        }
        var marker = System.IO.Path.Combine(full, MarkerName);
        if (!File.Exists(marker) && Native.Stat(full) is { IsDirectory: true, IsSymlink: false })
        {
            MountCheck.Require(full, Native.Stat(full)!.Value.Device, requireMount);
            File.WriteAllText(marker, "opskit-snapshots 1\n# OpsKit snapshot root: one directory per series. Do not remove this file.\n");
        }
        return Open(full, requireMount);
    }

    /// <summary>Opens a series; its marker must name it (a copied or renamed series is refused).</summary>
    public Series OpenSeries(string name)
    {
        Series.CheckName(name);
        var dir = System.IO.Path.Combine(Path, name);
        var st = Native.Stat(dir) ?? throw new OpsKitException($"no series '{name}' in {Path}", ExitCodes.DataError);
        if (!st.IsDirectory || st.Device != Device)
            throw new OpsKitException($"{dir} is not a series directory on the root's file system", ExitCodes.DataError);
        var id = Series.ReadMarker(dir) ?? throw new OpsKitException($"{dir} has no {Series.MarkerName} marker; refusing to touch it", ExitCodes.DataError);
        if (id != name) throw new OpsKitException($"{dir}: series marker says '{id}', not '{name}'; refusing to touch it", ExitCodes.DataError);
        return new Series(this, name, dir);
    }

    /// <summary>Opens a series, creating its directory and marker if needed.</summary>
    public Series EnsureSeries(string name)
    {
        Series.CheckName(name);
        var dir = System.IO.Path.Combine(Path, name);
        if (Native.Stat(dir) is null)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(System.IO.Path.Combine(dir, Series.MarkerName), $"opskit-series 1\nseries {name}\n");
            Native.SyncPath(Path, directory: true);
        }
        return OpenSeries(name);
    }

    /// <summary>The series in this root (directories whose marker names them), and the other entries.</summary>
    public (IReadOnlyList<string> Series, IReadOnlyList<string> Foreign) ListSeries()
    {
        var series = new List<string>();
        var foreign = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (entry is null || entry == MarkerName) continue;
            var dir = System.IO.Path.Combine(Path, entry);
            var st = Native.Stat(dir);
            if (st is { IsDirectory: true } s && s.Device == Device && Series.ReadMarker(dir) == entry) series.Add(entry);
            else foreign.Add(entry);
        }
        return (series, foreign);
    }

    private static string CheckPath(string? path)
    {
        // Pitfall 1b: an empty variable made find search the cwd (cron's is "/").
        if (string.IsNullOrWhiteSpace(path)) throw OpsKitException.Usage("snapshot root is empty or unset; refusing");
        var full = System.IO.Path.GetFullPath(path).TrimEnd('/');
        if (full.Length == 0 || full == "/") throw OpsKitException.Usage("refusing to use / as a snapshot root");
        // A symlink on the way is how a restricted key would aim a rotation at a tree it cannot name (another client's
        // series): one that root made is the admin's layout, any other is refused.
        var current = "";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries)[..^1])
        {
            current += "/" + part;
            if (Native.Stat(current) is { IsSymlink: true } link && link.Uid != 0)
                throw new OpsKitException($"snapshot root {full}: {current} is a symbolic link owned by uid {link.Uid}; name the real directory", ExitCodes.DataError);
        }
        return full;
    }
}
