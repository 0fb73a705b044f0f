// opskit aide: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Aide;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Aide;

/// <summary>The "aide" area.</summary>
public static class AideCommand
{
    /// <summary>The config table of this area.</summary>
    public static ConfigTable? Schema => AideSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("aide", "File-integrity checks with AIDE: database life cycle, parsed reports, alerts, rotation.")
    {
        AideCheckCommand.Create(),
        AideInitCommand.Create(),
        AideAcceptCommand.Create(),
        AideRotateCommand.Create(),
        AideStatusCommand.Create(),
        AideConfigCommand.Create(),
    };

    /// <summary>Settings from [aide].</summary>
    internal static AideSettings Settings(CommandHost host) => AideSettings.Bind(host.Config.Section("aide"));
}
