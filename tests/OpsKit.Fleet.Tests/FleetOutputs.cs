// Runs the built opskit once per area with --format prometheus (and the JSON reports) on real
// inputs made here: a snapshot root filled by 'snapshot create', a raid capture, a sysfs EDAC
// tree, an AoE export table with one enabled export not served, and the ssh hook's log lines.
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Fleet.Tests;

/// <summary>The inputs, made once for the test class.</summary>
public sealed class FleetOutputs : IDisposable
{
    private readonly TempDir _dir = new("fleet");

    public FleetOutputs()
    {
        var src = Path.Combine(_dir.Path, "src");
        Directory.CreateDirectory(src);
        File.WriteAllText(Path.Combine(src, "a.txt"), "alpha\n");
        SnapshotRoot = Path.Combine(_dir.Path, "snaps");
        Must(OpskitProcess.Run("--no-config", "snapshot", "create", "--source", src, "--dest", SnapshotRoot, "--series", "web", "--cron"));
        Must(OpskitProcess.Run("--no-config", "snapshot", "create", "--source", src, "--dest", SnapshotRoot, "--series", "mail", "--cron"));
        Must(OpskitProcess.Run("--no-config", "snapshot", "rotate", "--root", SnapshotRoot, "--keep-last", "3", "--cron"));

        HwErrRoot = Path.Combine(_dir.Path, "hw");
        _dir.Write("hw/sys/devices/system/edac/mc/mc0/ce_count", "3\n");
        _dir.Write("hw/sys/devices/system/edac/mc/mc0/ue_count", "0\n");

        var run = Path.Combine(_dir.Path, "aoe-run");
        _dir.Write("aoe-run/enabled", "apollo\n");
        _dir.Write("apollo.img", "");
        AoeConfig = _dir.Write("aoe.toml", $"""
            [log]
            syslog = false
            [aoe]
            interface = "lo"
            run_dir = "{run}"
            state_dir = "{Path.Combine(_dir.Path, "aoe-state")}"
            [[aoe.export]]
            alias = "apollo"
            slot = 1
            file = "{Path.Combine(_dir.Path, "apollo.img")}"
            [[aoe.export]]
            alias = "her\"mes\\x"
            slot = 2
            file = "{Path.Combine(_dir.Path, "apollo.img")}"
            """);

        var now = DateTimeOffset.Now;
        string L(int minutesAgo) => now.AddMinutes(-minutesAgo).ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        SshLog = _dir.Write("sshval.log", string.Join('\n',
            $"{L(50)} bk1 sshval(10): ssh command accepted from 192.0.2.7: rsync --server --sender -logDtpre.iLsfxCIvu . /data/backup/web01/ [key web01]",
            $"{L(40)} bk1 sshval(11): ssh command rejected from 2001:db8::5: rm -rf / (command not allowed: rm) [key intruder]",
            $"{L(30)} bk1 sshval(12): ssh command rejected from 2001:db8::5: echo \"x\\y\" (command not allowed: echo) [key intruder]",
            $"{L(20)} bk1 sshval(13): interactive shell rejected from 203.0.113.9 [key -]",
            "a line that is not a log line") + "\n");
    }

    public string SnapshotRoot { get; }
    public string HwErrRoot { get; }
    public string AoeConfig { get; }
    public string SshLog { get; }

    /// <summary>The command lines of every prometheus output, by area (as the deploy timers spell them, -o added by callers).</summary>
    public IReadOnlyDictionary<string, string[]> PrometheusCommands => new Dictionary<string, string[]>
    {
        ["snapshot"] = ["--no-config", "snapshot", "check", "--root", SnapshotRoot, "--format", "prometheus"],
        ["raid"] = ["--no-config", "raid", "check", "--replay", RepoPaths.TestData("raid", "storcli", "text-single-degraded"), "--format", "prometheus"],
        ["hwerr"] = ["--no-config", "hwerr", "check", "--root", HwErrRoot, "--format", "prometheus"],
        ["aoe"] = ["--config", AoeConfig, "aoe", "status", "--format", "prometheus"],
        ["ssh"] = ["--no-config", "ssh", "report", "--format", "prometheus", SshLog],
    };

    /// <summary>Runs an area's command; raid and hwerr exit with their check status, aoe 2 for the dead export.</summary>
    public static CommandResult Run(IReadOnlyList<string> args)
    {
        var r = OpskitProcess.Run(args);
        if (r.ExitCode is not (0 or 1 or 2) || r.StandardError.Length > 0)
            throw new InvalidOperationException($"opskit {string.Join(' ', args)}: exit {r.ExitCode}\n{r.StandardError}");
        return r;
    }

    private static void Must(CommandResult r)
    {
        if (r.ExitCode != 0) throw new InvalidOperationException($"exit {r.ExitCode}: {r.StandardOutput}{r.StandardError}");
    }

    /// <summary>Runs promtool with arguments (and stdin).</summary>
    public static CommandResult Promtool(string? stdin, params string[] args)
    {
        var promtool = ExecutableLocator.Find("promtool") ?? throw new InvalidOperationException("promtool not installed (Debian package prometheus; make deps)");
        return new ProcessRunner().RunAsync(new CommandSpec(promtool, args)
        {
            StandardInput = stdin is null ? null : System.Text.Encoding.UTF8.GetBytes(stdin),
            Timeout = TimeSpan.FromSeconds(60),
        }).GetAwaiter().GetResult();
    }

    public void Dispose() => _dir.Dispose();
}
