// opskit aoe: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Aoe;

/// <summary>The "aoe" area.</summary>
public static class AoeCommand
{
    /// <summary>The config table of this area, or null while it has none.</summary>
    public static ConfigTable? Schema => null;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("aoe", "Serve disks and image files over ATA-over-Ethernet; discover and benchmark AoE targets.")
    {
    };
}
