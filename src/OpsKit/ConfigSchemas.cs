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
using OpsKit.Aide;
using OpsKit.Aoe.Exports;
using OpsKit.Core.Config;
using OpsKit.HwErr;
using OpsKit.Raid;
using OpsKit.Rpm;
using OpsKit.Snapshots;
using OpsKit.Core.Logging;
using OpsKit.Core.Mail;

namespace OpsKit;

/// <summary>The list of declared config tables.</summary>
public static class ConfigSchemas
{
    /// <summary>All tables.</summary>
    public static IReadOnlyList<ConfigTable> All { get; } = new ConfigTable?[]
    {
        LogSettings.Schema with { Check = s => LogSettings.Bind(s) },
        MailSettings.Schema with { Check = s => MailSettings.Bind(s) },
        AoeCommand.Schema is { } aoe ? aoe with { Check = s => AoeSettings.Bind(s) } : null,
        RaidCommand.Schema is { } raid ? raid with { Check = s => RaidSettings.Bind(s) } : null,
        SshCommand.Schema,
        SnapshotCommand.Schema is { } snapshot ? snapshot with { Check = s => SnapshotSettings.Bind(s) } : null,
        RpmCommand.Schema is { } rpm ? rpm with { Check = s => RpmSettings.Bind(s) } : null,
        IoWaitCommand.Schema,
        AideCommand.Schema is { } aide ? aide with { Check = s => AideSettings.Bind(s) } : null,
        HwErrCommand.Schema is { } hwerr ? hwerr with { Check = s => HwErrSettings.Bind(s) } : null,
    }.OfType<ConfigTable>().ToList();
}
