// opskit snapshot: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Snapshot;

/// <summary>The "snapshot" area.</summary>
public static class SnapshotCommand
{
    /// <summary>The config table of this area, or null while it has none.</summary>
    public static ConfigTable? Schema => null;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("snapshot", "Incremental rsync snapshots with hard links and safe retention rotation.")
    {
    };
}
