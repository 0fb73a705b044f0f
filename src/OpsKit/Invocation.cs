// Decides the run mode first (see RunMode): the name we were started
// under (multi-call symlinks), an ssh forced command, or a shell.
using OpsKit.Core;

namespace OpsKit;

/// <summary>How this process was started and the argument list to parse.</summary>
/// <param name="Mode">Run mode.</param>
/// <param name="Arguments">The arguments after multi-call expansion.</param>
/// <param name="InvokedAs">The file name we were started as.</param>
public sealed record Invocation(RunMode Mode, IReadOnlyList<string> Arguments, string InvokedAs)
{
    /// <summary>Symlink names and the command each stands for. No dots: run-parts skips such names.</summary>
    public static IReadOnlyDictionary<string, string[]> MultiCallNames { get; } = new Dictionary<string, string[]>
    {
        ["raid_check"] = ["raid", "check", "--cron"],
        ["vbladectl"] = ["aoe"],
        ["validate-ssh"] = ["ssh", "validate"],
        ["snapshot_rotate"] = ["snapshot", "rotate", "--cron"],
        ["snapshot_check"] = ["snapshot", "check", "--cron"],
        ["iowait_summary"] = ["iowait", "summary"],
        ["aide_check"] = ["aide", "check", "--cron"],
        ["hwerr_check"] = ["hwerr", "check", "--cron"],
    };

    /// <summary>Resolves the invocation from argv[0], the arguments and the environment.</summary>
    public static Invocation Resolve(string argv0, IReadOnlyList<string> args, Func<string, string?> env)
    {
        var name = Path.GetFileName(argv0);
        var effective = MultiCallNames.TryGetValue(name, out var prefix) ? [.. prefix, .. args] : args.ToList();
        var mode = RunMode.Interactive;
        // Under sshd: SSH_ORIGINAL_COMMAND for a command, only SSH_CONNECTION for an interactive
        // login. Either way nothing of ours may reach the client's terminal.
        if (IsSshValidate(effective) && (env("SSH_ORIGINAL_COMMAND") is not null || env("SSH_CONNECTION") is not null))
            mode = RunMode.ForcedCommand;
        else if (effective.Contains("--cron")) mode = RunMode.Cron;
        return new Invocation(mode, effective, name);
    }

    /// <summary>argv[0] as the kernel recorded it: /proc/self/cmdline keeps the symlink name,
    /// which Environment.GetCommandLineArgs() does not for an apphost.</summary>
    public static string ReadArgv0()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(bytes, (byte)0);
            return System.Text.Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        }
        catch (IOException)
        {
            return "opskit";
        }
    }

    /// <summary>Global options that take a value: their value is not a command word.</summary>
    private static readonly HashSet<string> s_valueOptions = ["--config", "-c"];

    private static bool IsSshValidate(IReadOnlyList<string> args)
    {
        var words = new List<string>(2);
        for (var i = 0; i < args.Count && words.Count < 2; i++)
        {
            if (s_valueOptions.Contains(args[i])) i++;
            else if (!args[i].StartsWith('-')) words.Add(args[i]);
        }
        return words.Count == 2 && words[0] == "ssh" && words[1] == "validate";
    }
}
