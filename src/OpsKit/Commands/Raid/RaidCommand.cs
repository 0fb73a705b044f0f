// opskit raid: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;
using OpsKit.Raid;

namespace OpsKit.Commands.Raid;

/// <summary>The "raid" area.</summary>
public static class RaidCommand
{
    /// <summary>The config table of this area.</summary>
    public static ConfigTable? Schema => RaidSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("raid", "Find RAID controllers, check arrays, disks and batteries, alert when they are not healthy.")
    {
        RaidCheckCommand.Create(),
        RaidDetectCommand.Create(),
        RaidDumpCommand.Create(),
        RaidSudoersCommand.Create(),
    };
}
