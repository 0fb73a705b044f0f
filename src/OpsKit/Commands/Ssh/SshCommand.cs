// opskit ssh: the command group of this area. Verbs are added here, one file each.
using System.CommandLine;
using OpsKit.Core.Config;
using OpsKit.SshGuard.Policy;

namespace OpsKit.Commands.Ssh;

/// <summary>The "ssh" area.</summary>
public static class SshCommand
{
    /// <summary>The config table of this area: [ssh] and [ssh.policy.NAME].</summary>
    public static ConfigTable? Schema => SshSchema.Ssh;

    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("ssh", "Restrict an ssh key to the commands a policy allows (authorized_keys forced command).")
    {
        SshValidateCommand.Create(),
        SshTestCommand.Create(),
        SshAuthorizeCommand.Create(),
        SshProbeCommand.Create(),
        SshReportCommand.Create(),
    };

    /// <summary>--policy NAME|FILE, shared by the verbs.</summary>
    public static Option<string?> PolicyOption(string description) => new("--policy", "-p")
    {
        Description = description,
        HelpName = "NAME|FILE",
    };

    /// <summary>--label LABEL, shared by the verbs.</summary>
    public static Option<string?> LabelOption() => new("--label")
    {
        Description = "Key label: logged with every decision and matched against [key.LABEL] of the policy.",
        HelpName = "LABEL",
    };
}
