// opskit ssh validate: the authorized_keys forced command. Decides on
// SSH_ORIGINAL_COMMAND, logs, then execs the allowed program or refuses in one line.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.SshGuard;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;

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
        var policy = SshCommand.PolicyOption("Policy: [ssh.policy.NAME], NAME.toml in [ssh] policy_dir, or a policy file (default: [ssh] default_policy).");
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
        Verdict verdict;
        SshPolicy policy;
        IReadOnlyList<string> environment;
        CommandHost? host = null;
        try
        {
            host = CommandHost.From(parse, "sshval", UnderSshd() ? RunMode.ForcedCommand : null);
            policy = PolicyLoader.Load(host.Config.Section("ssh"), options.Policy);
            var input = ValidateHook.ReadInput(host.Context.Env, options.Label);
            verdict = ValidateHook.Decide(policy, input, host.Logger("ssh"));
            environment = Exec.CleanEnvironment(host.Context.Env);
            if (verdict.Accepted && !options.DryRun && !File.Exists(verdict.Argv[0]))
                throw OpsKitException.Unavailable($"cannot execute {verdict.Argv[0]}: no such file");
        }
        catch (OpsKitException e)
        {
            // The client learns only that it was refused; the admin finds the cause in the log (or on stderr when interactive).
            host?.Logger("ssh").LogError("ssh hook cannot decide, every command is refused: {Error}", e.Message);
            host?.Dispose();
            if (!UnderSshd()) throw;
            CommandHost.Error.WriteLine("opskit: command refused: server-side policy error");
            return e.ExitCode;
        }
        host.Dispose();
        if (!verdict.Accepted)
        {
            CommandHost.Error.WriteLine(ValidateHook.RefusalLine(verdict));
            return ExitCodes.Failed;
        }
        if (options.DryRun) return ExitCodes.Ok;
        // Relative leftovers land in the backup root, not in the account's home (.ssh/, .bashrc).
        if (Directory.Exists(policy.Paths.Roots.FirstOrDefault())) Directory.SetCurrentDirectory(policy.Paths.Roots[0]);
        CommandHost.Error.Flush();
        var error = Exec.Replace(verdict.Argv, environment);
        CommandHost.Error.WriteLine($"opskit: command refused: cannot execute {verdict.Argv[0]}: {error}");
        return ExitCodes.Unavailable;
    }

    /// <summary>Started by sshd: SSH_ORIGINAL_COMMAND may be unset (an interactive login), but SSH_CONNECTION is
    /// always there. Then nothing but the refusal line may reach the client, and decisions go to syslog.</summary>
    private static bool UnderSshd() =>
        Environment.GetEnvironmentVariable("SSH_ORIGINAL_COMMAND") is not null || Environment.GetEnvironmentVariable("SSH_CONNECTION") is not null;
}
