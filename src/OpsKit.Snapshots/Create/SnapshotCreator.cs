// snapshot create: rsync into ROOT/<series>/<stamp>.inprogress with --link-dest to
// the newest complete snapshot (and the interrupted run, when resuming), under the
// series lock; then rename and write the manifest last (the commit point).
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Create;

/// <summary>Creates snapshots.</summary>
public sealed class SnapshotCreator(SystemContext context)
{
    /// <summary>The data folder inside a snapshot directory (beside manifest.json).</summary>
    public const string TreeName = "tree";

    private readonly ILogger _log = context.Loggers.CreateLogger("snapshot.create");

    /// <summary>Runs one snapshot. A failed or interrupted run leaves a partial snapshot that the next run resumes.</summary>
    public async Task<CreateResult> CreateAsync(CreateRequest request, CancellationToken ct)
    {
        RsyncSettings.CheckOptions(request.Rsync.ExtraOptions);
        CheckSource(request);
        var clock = Stopwatch.StartNew();
        var root = SnapshotRoot.OpenOrCreate(request.Root, request.RequireMount);
        var series = root.EnsureSeries(request.Series);
        using var held = SeriesLock.TryAcquire(series.Path, "create")
            ?? throw new OpsKitException($"series {series.Path} is locked by another run ({SeriesLock.Holder(series.Path)}); not starting a second one");

        var scanned = series.Scan(lockHeldByUs: true);
        var baseSnap = scanned.FirstOrDefault(s => s.Record.State == SnapshotState.Complete && s.Record.Time <= context.Clock.GetUtcNow().AddMinutes(10));
        var resume = scanned.FirstOrDefault(s => s.Record.State == SnapshotState.Partial && (baseSnap is null || s.Record.Time > baseSnap.Record.Time));
        var start = context.Clock.GetUtcNow();
        var name = FreeName(series, start);
        held.Describe($"create {name}{SnapshotName.InProgressSuffix}");
        var work = Path.Combine(series.Path, name + SnapshotName.InProgressSuffix);
        Directory.CreateDirectory(Path.Combine(work, TreeName)); // no fsync: lost in a crash, it was only a partial

        var linkDests = new[] { baseSnap, resume }.OfType<ScannedSnapshot>().Select(s => Path.Combine(s.Path, TreeName)).Where(Directory.Exists).ToList();
        _log.LogInformation("Snapshot {Series}/{Name} of {Source}, linking against {LinkDest}", series.Name, name, request.Source,
            linkDests.Count == 0 ? "nothing (first snapshot)" : string.Join(" + ", linkDests));
        held.ShareWithChildren(); // rsync keeps the lock held even if we are killed
        var args = request.Rsync.Arguments(request.Source, Path.Combine(work, TreeName), linkDests, request.ExcludeFrom, request.Progress);
        var exit = await RsyncRunner.RunAsync(context, request.Rsync.Program, args, request.Progress, _log, ct).ConfigureAwait(false);
        if (exit.Code != 0 && !(exit.Code == 24 && request.Rsync.AllowVanished))
            throw new OpsKitException($"rsync failed (exit {exit.Code}{(exit.Code == 24 ? ", vanished files; set allow_vanished = true to accept" : "")}): {Tail(exit.Error)}; " +
                $"the partial run stays in {work} and is resumed next time");

        await FixDirectoryTimesAsync(request, Path.Combine(work, TreeName), ct).ConfigureAwait(false);

        var final = Path.Combine(series.Path, name);
        Native.Rename(work, final);
        Native.SyncPath(series.Path, directory: true);
        var manifest = new Manifest(series.Name, name, Truncate(start), context.Clock.GetUtcNow(), "ok",
            IsRemote(request.Source) ? request.Source : Path.GetFullPath(request.Source))
        {
            RsyncExit = exit.Code,
            LinkDest = baseSnap?.Record.Name,
            ResumedFrom = resume?.Record.Name,
        };
        manifest.WriteTo(final); // the commit point: from here on the snapshot is complete
        PointLatest(series, name);
        if (resume is not null) Discard(series, resume, ct);
        _log.LogInformation("Snapshot {Series}/{Name} complete (rsync exit {Exit})", series.Name, name, exit.Code);
        return new CreateResult(name, final, baseSnap?.Record.Name, resume?.Record.Name, exit.Code, clock.Elapsed);
    }

    /// <summary>rsync 3.5 with -H and --link-dest makes some of its links after it has set the directory
    /// times, so those directories end up with the copy's time (found by KillTests, also seen over a remote shell). A second pass over
    /// directories only (fresh inodes of this run, never shared with history) puts the source's times back.</summary>
    private async Task FixDirectoryTimesAsync(CreateRequest request, string dest, CancellationToken ct)
    {
        if (!IsRemote(request.Source))
        {
            DirectoryTimes.Copy(request.Source, dest, request.Rsync.OneFileSystem, ct);
            return;
        }
        var dirsOnly = request.Rsync with { HardLinks = false, ExtraOptions = [.. request.Rsync.ExtraOptions, "--filter=+ */", "--filter=- *"] };
        var args = dirsOnly.Arguments(request.Source, dest, [], request.ExcludeFrom, progress: false);
        var exit = await RsyncRunner.RunAsync(context, request.Rsync.Program, args, false, _log, ct).ConfigureAwait(false);
        if (exit.Code is not (0 or 24))
            throw new OpsKitException($"rsync directory pass failed (exit {exit.Code}): {Tail(exit.Error)}; the partial run is resumed next time");
    }

    private static void CheckSource(CreateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Source)) throw OpsKitException.Usage("--source is empty");
        if (IsRemote(request.Source)) return;
        if (!Directory.Exists(request.Source)) throw new OpsKitException($"source {request.Source} is not a directory", ExitCodes.DataError);
        if (!request.AllowEmptySource && !Directory.EnumerateFileSystemEntries(request.Source).Any())
            throw new OpsKitException($"source {request.Source} is empty (not mounted?); refusing to snapshot an empty tree (--allow-empty-source overrides)", ExitCodes.DataError);
    }

    /// <summary>True for rsync's host:path form (a colon before any slash).</summary>
    public static bool IsRemote(string source)
    {
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    private static string FreeName(Series series, DateTimeOffset start)
    {
        for (var n = 1; ; n++)
        {
            var name = SnapshotName.Format(start, n);
            if (Native.Stat(Path.Combine(series.Path, name)) is null && Native.Stat(Path.Combine(series.Path, name + SnapshotName.InProgressSuffix)) is null)
                return name;
        }
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static void PointLatest(Series series, string name)
    {
        var temp = Path.Combine(series.Path, Series.LatestName + ".tmp");
        if (Native.Stat(temp) is not null) File.Delete(temp);
        File.CreateSymbolicLink(temp, name);
        Native.Rename(temp, Path.Combine(series.Path, Series.LatestName));
    }

    /// <summary>The resumed partial is superseded: trash and remove it (we hold the lock).</summary>
    private void Discard(Series series, ScannedSnapshot partial, CancellationToken ct)
    {
        if (Native.Stat(partial.Path) is not { IsDirectory: true } st || st.Inode != partial.Status?.Inode) return;
        Directory.CreateDirectory(series.Trash);
        var target = Path.Combine(series.Trash, partial.Record.Name);
        Native.Rename(partial.Path, target);
        var problems = new List<string>();
        TrashRemover.RemoveTree(target, series.Root.Device, problems, ct);
        foreach (var p in problems) _log.LogWarning("Left in trash: {Problem}", p);
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "no message" : string.Join(" | ", lines.TakeLast(3));
    }
}
