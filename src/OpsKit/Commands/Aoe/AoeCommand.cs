// opskit aoe: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Aoe;

/// <summary>The "aoe" area.</summary>
public static class AoeCommand
{
    /// <summary>The config table of this area: [aoe] and [[aoe.export]].</summary>
    public static ConfigTable? Schema => AoeSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("aoe", "Serve disks and image files over ATA-over-Ethernet; discover and benchmark AoE targets.")
    {
        AoeServeCommand.Create(),
        AoeDiscoverCommand.Create(),
        AoeBenchCommand.Create(),
        AoeStartCommand.Create(),
        AoeStopCommand.Create(),
        AoeRestartCommand.Create(),
        AoeStatusCommand.Create(),
        AoeListCommand.Create(),
        AoeImportCommand.Create(),
    };
}
