// The body of "ssh validate", shared by the command action and the forced-command
// fast path: load the policy, decide, log, then refuse in one line or exec the program.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Files;
using OpsKit.SshGuard;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;

namespace OpsKit.Commands.Ssh;

/// <summary>What the run needs from its host: config, loggers and their owner.</summary>
/// <param name="Config">The merged configuration.</param>
/// <param name="Loggers">Loggers for the run mode.</param>
/// <param name="Owner">Disposed (logs flushed) before exec or exit.</param>
internal sealed record ValidateHost(OpsKitConfig Config, ILoggerFactory Loggers, IDisposable Owner);

/// <summary>Runs the hook.</summary>
internal static class ValidateRun
{
    /// <summary>Decides and execs or refuses. Returns the exit code unless the allowed program replaced us.</summary>
    /// <param name="setup">Builds the host (may throw a config error).</param>
    /// <param name="options">The options.</param>
    /// <param name="env">Environment lookup.</param>
    /// <param name="stderr">Where the one refusal line goes.</param>
    public static int Execute(Func<ValidateHost> setup, ValidateOptions options, Func<string, string?> env, TextWriter stderr)
    {
        Verdict verdict;
        SshPolicy policy;
        ValidateHost? host = null;
        var underSshd = UnderSshd(env);
        try
        {
            host = setup();
            // Under sshd the config may define policies and decides where the log goes: only root or we may have written it.
            if (underSshd && host.Config.SourceFile is { } file && PathTrust.Problem(file) is { } why)
                throw OpsKitException.Config($"{file}: config file not trusted: {why}");
            policy = PolicyLoader.Load(host.Config.Section("ssh"), options.Policy, compilePatterns: false, forced: underSshd);
            var input = ValidateHook.ReadInput(env, options.Label);
            verdict = ValidateHook.Decide(policy, input, host.Loggers.CreateLogger("ssh"));
            if (verdict.Accepted && !options.DryRun && !File.Exists(verdict.Argv[0]))
                throw OpsKitException.Unavailable($"cannot execute {verdict.Argv[0]}: no such file");
        }
        catch (OpsKitException e)
        {
            // The client learns only that it was refused; the admin finds the cause in the log (or on stderr when interactive).
            // From a shell the error is the run's one message (Program prints it); under sshd it goes to the log.
            if (!underSshd)
            {
                host?.Owner.Dispose();
                throw;
            }
            host?.Loggers.CreateLogger("ssh").LogError("ssh hook cannot decide, every command is refused: {Error}", e.Message);
            host?.Owner.Dispose();
            stderr.WriteLine("opskit: command refused: server-side policy error");
            return e.ExitCode;
        }
        host.Owner.Dispose();
        if (!verdict.Accepted)
        {
            stderr.WriteLine(ValidateHook.RefusalLine(verdict));
            return ExitCodes.Failed;
        }
        if (options.DryRun) return ExitCodes.Ok;
        // Relative leftovers land in the backup root, not in the account's home (.ssh/, .bashrc).
        if (Directory.Exists(policy.Paths.Roots.FirstOrDefault())) Directory.SetCurrentDirectory(policy.Paths.Roots[0]);
        stderr.Flush();
        var error = Exec.Replace(verdict.Argv, Exec.CleanEnvironment(env));
        stderr.WriteLine($"opskit: command refused: cannot execute {verdict.Argv[0]}: {error}");
        return ExitCodes.Unavailable;
    }

    /// <summary>Started by sshd: SSH_ORIGINAL_COMMAND may be unset (an interactive login), but SSH_CONNECTION is
    /// always there. Then nothing but the refusal line may reach the client, and decisions go to syslog.</summary>
    public static bool UnderSshd(Func<string, string?> env) => env("SSH_ORIGINAL_COMMAND") is not null || env("SSH_CONNECTION") is not null;
}
