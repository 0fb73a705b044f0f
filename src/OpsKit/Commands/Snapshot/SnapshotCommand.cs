// opskit snapshot: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;
using OpsKit.Snapshots;

namespace OpsKit.Commands.Snapshot;

/// <summary>The "snapshot" area.</summary>
public static class SnapshotCommand
{
    /// <summary>The config table of this area: [snapshot] with policies and jobs.</summary>
    public static ConfigTable? Schema => SnapshotSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("snapshot", "Incremental rsync snapshots with hard links and safe retention rotation.")
    {
        SnapshotCreateCommand.Create(),
        SnapshotListCommand.Create(),
        SnapshotRotateCommand.Create(),
        SnapshotAdoptCommand.Create(),
        SnapshotCheckCommand.Create(),
    };
}
