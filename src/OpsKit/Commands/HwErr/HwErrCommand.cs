// opskit hwerr: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;
using OpsKit.HwErr;

namespace OpsKit.Commands.HwErr;

/// <summary>The "hwerr" area.</summary>
public static class HwErrCommand
{
    /// <summary>The config table of this area.</summary>
    public static ConfigTable? Schema => HwErrSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("hwerr", "Memory, CPU and PCIe hardware errors (EDAC, MCE, AER, GHES) in one verdict for cron, Nagios and Prometheus.")
    {
        HwErrCheckCommand.Create(),
        HwErrAckCommand.Create(),
        HwErrDumpCommand.Create(),
    };
}
