// Forced-command fast path. sshd starts the hook for every rsync run, and the hook's
// decision time is measured against rrsync (bench/ssh). Building the whole command tree
// costs more than the decision itself, so Program hands a plain "ssh validate" under sshd
// to this parser first. Anything it does not recognise falls through to the full parser.
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Logging;

namespace OpsKit.Commands.Ssh;

/// <summary>Runs "ssh validate" before Main when started by sshd.</summary>
internal static class HookFastPath
{
    /// <summary>Runs the hook when <paramref name="args"/> are plainly "ssh validate" under sshd.</summary>
    /// <returns>The exit code, or null when the full parser must handle the command line.</returns>
    internal static int? TryRun(IReadOnlyList<string> args)
    {
        if (Environment.GetEnvironmentVariable("OPSKIT_NO_FAST_HOOK") is not null) return null;
        if (!ValidateRun.UnderSshd(Environment.GetEnvironmentVariable)) return null;
        if (!TryParse(args.ToList(), out var config, out var noConfig, out var options)) return null;
        // The raw stderr stream (write(2) at the current offset), not Console.Error's encoding and terminal set-up;
        // not a FileStream on fd 2 either: on a regular file it would pwrite at its own offset over earlier lines.
        var stderr = new StreamWriter(OpsKit.Core.Output.StandardStreams.Error()) { AutoFlush = true };
        try
        {
            return ValidateRun.Execute(() =>
            {
                var env = SystemContext.ReadEnvironment();
                var loaded = OpsKitConfig.Load(new ConfigRequest(config, noConfig, env), ConfigSchemas.All);
                var loggers = LogSetup.Create(RunMode.ForcedCommand, LogSettings.Bind(loaded.Section("log")), "sshval", 0, stderr);
                return new ValidateHost(loaded, loggers, loggers);
            }, options, Environment.GetEnvironmentVariable, stderr);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e is OpsKitException k ? k.ExitCode : ExitCodes.Internal;
        }
    }

    /// <summary>Accepts exactly: [--config F | --no-config]... ssh validate [--policy P] [--label L] [--dry-run] [--config F | --no-config].</summary>
    private static bool TryParse(List<string> args, out string? config, out bool noConfig, out ValidateOptions options)
    {
        config = null;
        noConfig = false;
        options = new ValidateOptions(null, null, false);
        string? policy = null, label = null;
        var dryRun = false;
        var words = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = a.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? a[..eq] : a;
            string? Value() => eq > 0 && name != a ? a[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
            switch (name)
            {
                case "ssh" when words == 0: words = 1; break;
                case "validate" when words == 1: words = 2; break;
                case "--config" or "-c": config = Value(); if (config is null) return false; break;
                case "--no-config": noConfig = true; break;
                case "--policy" or "-p" when words == 2: policy = Value(); if (policy is null) return false; break;
                case "--label" when words == 2: label = Value(); if (label is null) return false; break;
                case "--dry-run" when words == 2: dryRun = true; break;
                default: return false;
            }
        }
        options = new ValidateOptions(policy, label, dryRun);
        return words == 2;
    }
}
