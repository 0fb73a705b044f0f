// opskit iowait: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;

namespace OpsKit.Commands.IoWait;

/// <summary>The "iowait" area.</summary>
public static class IoWaitCommand
{
    /// <summary>The config table of this area, or null while it has none.</summary>
    public static ConfigTable? Schema => null;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("iowait", "Find the processes behind IO wait: block_dump log summaries and live sampling.")
    {
        IoWaitSummaryCommand.Create(),
        IoWaitSwitchCommand.Create(on: true),
        IoWaitSwitchCommand.Create(on: false),
        IoWaitCaptureCommand.Create(),
        IoWaitTopCommand.Create(),
    };
}
