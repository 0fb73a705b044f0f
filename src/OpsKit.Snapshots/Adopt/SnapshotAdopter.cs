// snapshot adopt: bring existing folders in as complete snapshots without copying
// (a rename on the same file system keeps legacy hard links), so sites migrate
// from irsync (<host>.snaps/<YYYY-MM-DD.HHMMSS>) or rsnapshot (<level>.N) keeping history.
using System.Globalization;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Snapshots.Create;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Adopt;

/// <summary>One folder to adopt and the time it gets.</summary>
/// <param name="Folder">The existing folder.</param>
/// <param name="Time">Its snapshot time (UTC).</param>
/// <param name="Method">"adopt", "irsync" or "rsnapshot".</param>
public sealed record AdoptItem(string Folder, DateTimeOffset Time, string Method);

/// <summary>Adopts folders into a series.</summary>
public sealed class SnapshotAdopter(SystemContext context)
{
    private readonly ILogger _log = context.Loggers.CreateLogger("snapshot.adopt");

    /// <summary>Moves each folder to ROOT/series/&lt;stamp&gt;/tree and writes its manifest; returns the new names.</summary>
    public IReadOnlyList<string> Adopt(string rootPath, string seriesName, IReadOnlyList<AdoptItem> items, bool dryRun, CancellationToken ct)
    {
        if (items.Count == 0) throw new OpsKitException("nothing to adopt", ExitCodes.DataError);
        var root = SnapshotRoot.OpenOrCreate(rootPath);
        foreach (var item in items)
        {
            var st = Native.Stat(item.Folder) ?? throw new OpsKitException($"{item.Folder} does not exist", ExitCodes.DataError);
            if (!st.IsDirectory) throw new OpsKitException($"{item.Folder} is not a directory (symbolic links are not adopted)", ExitCodes.DataError);
            if (st.Device != root.Device)
                throw new OpsKitException($"{item.Folder} is on another file system than {root.Path}; adopt moves folders (keeping their hard links), so they must share it", ExitCodes.DataError);
        }
        var names = new List<string>();
        if (dryRun)
        {
            names.AddRange(items.OrderBy(i => i.Time).Select(i => SnapshotName.Format(i.Time)));
            return names;
        }
        var series = root.EnsureSeries(seriesName);
        using var held = SeriesLock.TryAcquire(series.Path, "adopt")
            ?? throw new OpsKitException($"series {series.Path} is locked by another run ({SeriesLock.Holder(series.Path)})");
        foreach (var item in items.OrderBy(i => i.Time))
        {
            ct.ThrowIfCancellationRequested();
            var name = Free(series, item.Time);
            var work = Path.Combine(series.Path, name + SnapshotName.InProgressSuffix);
            Directory.CreateDirectory(work);
            Native.Rename(Path.GetFullPath(item.Folder), Path.Combine(work, SnapshotCreator.TreeName));
            var final = Path.Combine(series.Path, name);
            Native.Rename(work, final);
            Native.SyncPath(series.Path, directory: true);
            new Manifest(series.Name, name, item.Time, context.Clock.GetUtcNow(), "ok", Path.GetFullPath(item.Folder)) { Method = item.Method }.WriteTo(final);
            _log.LogInformation("Adopted {Folder} as {Series}/{Name}", item.Folder, series.Name, name);
            names.Add(name);
        }
        return names;
    }

    private static string Free(Series series, DateTimeOffset t)
    {
        for (var n = 1; ; n++)
        {
            var name = SnapshotName.Format(t, n);
            if (Native.Stat(Path.Combine(series.Path, name)) is null && Native.Stat(Path.Combine(series.Path, name + SnapshotName.InProgressSuffix)) is null) return name;
        }
    }

    /// <summary>irsync: the &lt;stamp&gt; folders of a &lt;host&gt;.snaps directory; stamps are the irsync host's local time in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<AdoptItem> FromIrsync(string snapsDir, TimeZoneInfo zone)
    {
        var items = new List<AdoptItem>();
        foreach (var dir in Directory.EnumerateDirectories(snapsDir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (!DateTime.TryParseExact(name, "yyyy-MM-dd.HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                throw new OpsKitException($"{dir}: not an irsync snapshot name (YYYY-MM-DD.HHMMSS); move it away or adopt it alone with --at", ExitCodes.DataError);
            items.Add(new AdoptItem(dir, Retention.ZoneMath.FromWall(local, zone), "irsync"));
        }
        return items;
    }

    /// <summary>The series name irsync used: &lt;host&gt; of &lt;host&gt;.snaps.</summary>
    public static string IrsyncSeries(string snapsDir)
    {
        var name = Path.GetFileName(Path.GetFullPath(snapsDir).TrimEnd('/'));
        return name.EndsWith(".snaps", StringComparison.Ordinal) ? name[..^".snaps".Length] : name;
    }

    /// <summary>rsnapshot: the &lt;level&gt;.N folders of a snapshot_root. rsnapshot names carry no time; it touches
    /// each fresh .0, so the folder's mtime is the best record there is: the one place OpsKit reads an mtime, once, at adoption.</summary>
    public static IReadOnlyList<AdoptItem> FromRsnapshot(string snapshotRoot)
    {
        var items = new List<AdoptItem>();
        foreach (var dir in Directory.EnumerateDirectories(snapshotRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith('.') || name.StartsWith("_delete.", StringComparison.Ordinal)) continue;
            var dot = name.LastIndexOf('.');
            if (dot <= 0 || !int.TryParse(name[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new OpsKitException($"{dir}: not an rsnapshot level folder (<level>.N)", ExitCodes.DataError);
            var mtime = new DateTimeOffset(Directory.GetLastWriteTimeUtc(dir), TimeSpan.Zero);
            items.Add(new AdoptItem(dir, new DateTimeOffset(mtime.UtcTicks - mtime.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero), "rsnapshot"));
        }
        return items;
    }
}
