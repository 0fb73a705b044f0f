// opskit rpm: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;
using OpsKit.Rpm;

namespace OpsKit.Commands.Rpm;

/// <summary>The "rpm" area.</summary>
public static class RpmCommand
{
    /// <summary>The config table of this area.</summary>
    public static ConfigTable? Schema => RpmSettings.Schema;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("rpm", "Set up an rpmbuild tree, scaffold a spec from a source tarball, build and lint it.")
    {
        RpmSetupCommand.Create(),
        RpmSpecCommand.Create(),
        RpmBuildCommand.Create(),
    };
}
