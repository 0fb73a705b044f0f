// Forced-command fast path. sshd starts the hook for every rsync run, and the hook's
// decision time is measured against rrsync (bench/ssh). Building the whole command tree
// costs more than the decision itself, so when this process is plainly "ssh validate"
// under sshd, the module initializer runs ValidateRun before Main and exits (or execs).
// Anything it does not recognise falls through to Program unchanged.
using System.Runtime.CompilerServices;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Core.Logging;

namespace OpsKit.Commands.Ssh;

/// <summary>Runs "ssh validate" before Main when started by sshd.</summary>
internal static class HookFastPath
{
#pragma warning disable CA2255 // Deliberate: this must run before Program builds the command tree (see the file header).
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunBeforeMain()
    {
        if (Environment.GetEnvironmentVariable("OPSKIT_NO_FAST_HOOK") is not null) return;
        if (!ValidateRun.UnderSshd(Environment.GetEnvironmentVariable)) return;
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        var invoked = Argv0Name();
        if (invoked == "validate-ssh") args.InsertRange(0, ["ssh", "validate"]);
        if (!TryParse(args, out var config, out var noConfig, out var options)) return;
        // The raw stderr stream (write(2) at the current offset), not Console.Error's encoding and terminal set-up;
        // not a FileStream on fd 2 either: on a regular file it would pwrite at its own offset over earlier lines.
        var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        int code;
        try
        {
            code = ValidateRun.Execute(() =>
            {
                var env = new SystemContext(loggers: Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).Environment;
                var loaded = OpsKitConfig.Load(new ConfigRequest(config, noConfig, env), ConfigSchemas.All);
                var loggers = LogSetup.Create(RunMode.ForcedCommand, LogSettings.Bind(loaded.Section("log")), "sshval", 0, stderr);
                return new ValidateHost(loaded, loggers, loggers);
            }, options, Environment.GetEnvironmentVariable, stderr);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            code = e is OpsKitException k ? k.ExitCode : ExitCodes.Internal;
        }
        Environment.Exit(code);
    }

    /// <summary>The file name of argv[0] from /proc/self/cmdline (it keeps a symlink's name).</summary>
    private static string Argv0Name()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline").AsSpan();
            var end = bytes.IndexOf((byte)0);
            return Path.GetFileName(System.Text.Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]));
        }
        catch (IOException)
        {
            return "opskit";
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
