// Every config table OpsKit knows, in the order "config show" prints them.
// Each area declares its own table; only the executable sees them all.
using OpsKit.Commands.Aide;
using OpsKit.Commands.Aoe;
using OpsKit.Commands.HwErr;
using OpsKit.Commands.IoWait;
using OpsKit.Commands.Raid;
using OpsKit.Commands.Rpm;
using OpsKit.Commands.Snapshot;
using OpsKit.Commands.Ssh;
using OpsKit.Core.Config;
using OpsKit.Core.Logging;
using OpsKit.Core.Mail;

namespace OpsKit;

/// <summary>The list of declared config tables.</summary>
public static class ConfigSchemas
{
    /// <summary>All tables.</summary>
    public static IReadOnlyList<ConfigTable> All { get; } = new ConfigTable?[]
    {
        LogSettings.Schema,
        MailSettings.Schema,
        AoeCommand.Schema,
        RaidCommand.Schema,
        SshCommand.Schema,
        SnapshotCommand.Schema,
        RpmCommand.Schema,
        IoWaitCommand.Schema,
        AideCommand.Schema,
        HwErrCommand.Schema,
    }.OfType<ConfigTable>().ToList();
}
