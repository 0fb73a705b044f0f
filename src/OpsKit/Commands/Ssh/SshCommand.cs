// opskit ssh: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;

namespace OpsKit.Commands.Ssh;

/// <summary>The "ssh" area.</summary>
public static class SshCommand
{
    /// <summary>The config table of this area, or null while it has none.</summary>
    public static ConfigTable? Schema => null;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("ssh", "Restrict an ssh key to the commands a policy allows (authorized_keys forced command).")
    {
    };
}
