// Examples and exit statuses of opskit-snapshot(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Snapshot;

/// <summary>The snapshot page's EXAMPLES and EXIT STATUS.</summary>
public static class SnapshotExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit snapshot create --source /srv/www --dest /backup/snapshots --series www", "Take a snapshot with rsync --link-dest; unchanged files become hard links, the manifest is written last."),
        new("opskit snapshot list /backup/snapshots --sizes", "List series and snapshots with their state and the bytes each one added."),
        new("opskit snapshot rotate --root /backup/snapshots --keep-daily 14 --keep-weekly 8 --keep-monthly 12 --dry-run", "Show what a day/week/month retention would delete; change nothing."),
        new("opskit snapshot rotate --cron", "The nightly rotation of every [[snapshot.job]] (also as the snapshot_rotate symlink)."),
        new("opskit snapshot adopt --root /backup/snapshots --from-irsync /data/irsync/web1.snaps", "Take over an irsync tree as complete snapshots, keeping its hard links."),
    ],
    [
        (ExitCodes.Ok, "success"),
        (ExitCodes.Failed, "the action failed (rsync failed, a series is stale, a mass delete was refused)"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "rsync is missing"),
    ]);
}
