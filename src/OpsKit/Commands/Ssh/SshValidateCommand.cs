// opskit ssh validate: the authorized_keys forced command. Decides on
// SSH_ORIGINAL_COMMAND, logs, then execs the allowed program or refuses in one line.
using System.CommandLine;
using OpsKit.Core;

namespace OpsKit.Commands.Ssh;

/// <summary>Options of "ssh validate".</summary>
/// <param name="Policy">--policy, null for [ssh] default_policy.</param>
/// <param name="Label">--label.</param>
/// <param name="DryRun">Decide and log, do not exec.</param>
public sealed record ValidateOptions(string? Policy, string? Label, bool DryRun);

/// <summary>"ssh validate".</summary>
public static class SshValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var policy = SshCommand.PolicyOption("Policy: [ssh.policy.NAME], NAME.toml in [ssh] policy_dir, or a policy file. [default: [ssh] default_policy]");
        var label = SshCommand.LabelOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and log, but do not execute: exit 0 on accept, 1 on reject." };
        var command = new Command("validate", "Forced command for authorized_keys: run SSH_ORIGINAL_COMMAND if the policy allows it, else refuse and log.")
        {
            policy, label, dryRun,
        };
        command.SetAction(parse => Run(parse, new ValidateOptions(parse.GetValue(policy), parse.GetValue(label), parse.GetValue(dryRun))));
        return command;
    }

    private static int Run(ParseResult parse, ValidateOptions options)
    {
        var forced = ValidateRun.UnderSshd(Environment.GetEnvironmentVariable);
        return ValidateRun.Execute(() =>
        {
            var host = CommandHost.From(parse, "sshval", forced ? RunMode.ForcedCommand : null);
            return new ValidateHost(host.Config, host.Context.Loggers, host);
        }, options, Environment.GetEnvironmentVariable, parse.Error);
    }
}
