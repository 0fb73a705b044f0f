// snapshot create: rsync into ROOT/<series>/<stamp>.inprogress with --link-dest to
// the newest complete snapshot (and the interrupted run, when resuming), under the
// series lock; then the manifest goes in last and the rename to the final name commits.
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

        var start = context.Clock.GetUtcNow();
        try
        {
            var result = await CreateLockedAsync(request, root, series, held, start, clock, ct).ConfigureAwait(false);
            long? bytes = null;
            try
            {
                bytes = Check.SeriesStatus.TreeBytes(Path.Combine(result.Path, TreeName), root.Device);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.LogDebug("Size of {Path} not measured: {Error}", result.Path, e.Message);
            }
            Check.SeriesStatus.Record(series.Path, new Check.LastCreate(Truncate(start), "ok", result.Name, Math.Round(clock.Elapsed.TotalSeconds, 3), bytes, null));
            return result;
        }
        catch (Exception e) when (e is OpsKitException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // "snapshot check" reports a create that failed after the newest complete snapshot.
            var why = e is OperationCanceledException ? "interrupted" : e.Message;
            Check.SeriesStatus.Record(series.Path, new Check.LastCreate(Truncate(start), "failed", null, Math.Round(clock.Elapsed.TotalSeconds, 3), null, why));
            throw;
        }
    }

    private async Task<CreateResult> CreateLockedAsync(CreateRequest request, SnapshotRoot root, Series series, SeriesLock held, DateTimeOffset start, Stopwatch clock, CancellationToken ct)
    {
        var (baseSnap, resume) = FindBases(series);
        var name = FreeName(series, start);
        held.Describe($"create {name}{SnapshotName.InProgressSuffix}");
        var work = Path.Combine(series.Path, name + SnapshotName.InProgressSuffix);
        Directory.CreateDirectory(Path.Combine(work, TreeName)); // no fsync: lost in a crash, it was only a partial

        var linkDests = new[] { baseSnap, resume }.OfType<ScannedSnapshot>().Select(s => Path.Combine(s.Path, TreeName)).Where(Directory.Exists).ToList();
        _log.LogInformation("Snapshot {Series}/{Name} of {Source}, linking against {LinkDest}", series.Name, name, request.Source,
            linkDests.Count == 0 ? "nothing (first snapshot)" : string.Join(" + ", linkDests));
        held.ShareWithChildren(); // rsync keeps the lock held even if we are killed
        var untrusted = PrivatePaths.WhyNot(series.Path, request.ExcludeFrom, request.Rsync.ExtraOptions);
        if (untrusted is not null) _log.LogDebug("rsync keeps its per-file symlink walk: {Reason}", untrusted);
        var args = request.Rsync.Arguments(request.Source, Path.Combine(work, TreeName), linkDests, request.ExcludeFrom, request.Progress, trustedPaths: untrusted is null);
        var exit = await RsyncRunner.RunAsync(context, request.Rsync.Program, args, request.Progress, _log, ct).ConfigureAwait(false);
        if (untrusted is null && exit.Code == 1 && exit.Error.Contains(RsyncSettings.InsecureLinks, StringComparison.Ordinal))
        {
            // An rsync before 3.5 has no such option (and no walk to skip): run it without.
            args = request.Rsync.Arguments(request.Source, Path.Combine(work, TreeName), linkDests, request.ExcludeFrom, request.Progress);
            exit = await RsyncRunner.RunAsync(context, request.Rsync.Program, args, request.Progress, _log, ct).ConfigureAwait(false);
        }
        if (exit.Code != 0 && !(exit.Code == 24 && request.Rsync.AllowVanished))
            throw new OpsKitException($"rsync failed (exit {exit.Code}{(exit.Code == 24 ? ", vanished files; set allow_vanished = true to accept" : "")}): {Tail(exit.Error)}; " +
                $"the partial run stays in {work} and is resumed next time");

        if (!request.Rsync.ComparesNanoseconds)
            await FixDirectoryTimesAsync(request, Path.Combine(work, TreeName), ct).ConfigureAwait(false);

        var final = Path.Combine(series.Path, name);
        var manifest = new Manifest(series.Name, name, Truncate(start), context.Clock.GetUtcNow(), "ok",
            IsRemote(request.Source) ? request.Source : Path.GetFullPath(request.Source))
        {
            RsyncExit = exit.Code,
            LinkDest = baseSnap?.Record.Name,
            ResumedFrom = resume?.Record.Name,
        };
        // The manifest goes into the still uncounted in-progress folder (written and fsynced there); renaming
        // the folder to its final name is the commit point, made durable by the fsync of the series folder.
        manifest.WriteInto(work);
        Native.Rename(work, final);
        Native.SyncPath(series.Path, directory: true);
        PointLatest(series, name);
        if (resume is not null) Discard(series, resume, ct);
        _log.LogInformation("Snapshot {Series}/{Name} complete (rsync exit {Exit})", series.Name, name, exit.Code);
        return new CreateResult(name, final, baseSnap?.Record.Name, resume?.Record.Name, exit.Code, clock.Elapsed);
    }

    /// <summary>rsync re-sets a directory's time after filling it only when the times differ by more than the
    /// modify window, and rsync 3.5 compares whole seconds unless the window is -1: a source directory changed
    /// within the second of the run kept the copy's time (found by KillTests). Arguments() passes
    /// --modify-window=-1, so this pass over directories only (fresh inodes of this run, never shared with
    /// history) runs only when an extra option sets another window.</summary>
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

    /// <summary>The newest complete snapshot not dated in the future (the link base) and the newest partial run
    /// after it (the resume base), reading manifests newest first only until the base is found.</summary>
    private (ScannedSnapshot? Base, ScannedSnapshot? Resume) FindBases(Series series)
    {
        var horizon = context.Clock.GetUtcNow().AddMinutes(10);
        ScannedSnapshot? resume = null;
        foreach (var s in series.NewestFirst(lockHeldByUs: true))
        {
            if (s.Record.State == SnapshotState.Complete && s.Record.Time <= horizon)
                return (s, resume is not null && resume.Record.Time > s.Record.Time ? resume : null);
            if (s.Record.State == SnapshotState.Partial) resume ??= s;
        }
        return (null, resume);
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
