// Controls the one builtin daemon: pid file (stale detection), the enabled-alias file, spawning and signalling.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using OpsKit.Core.Processes;

namespace OpsKit.Aoe.Exports;

/// <summary>Files of the builtin backend under the run directory, and the daemon's process.</summary>
public sealed partial class DaemonControl(string runDir)
{
    /// <summary>Pid file of the daemon.</summary>
    public string PidFile => Path.Combine(runDir, "vbladed.pid");
    /// <summary>Status file the daemon refreshes every second.</summary>
    public string StatusFile => Path.Combine(runDir, "status.json");
    /// <summary>Aliases the daemon should serve, one per line.</summary>
    public string EnabledFile => Path.Combine(runDir, "enabled");

    /// <summary>The daemon's pid when it runs; null otherwise. A pid file naming a dead or foreign process is stale.</summary>
    public int? RunningPid(out bool stale)
    {
        stale = false;
        if (!File.Exists(PidFile)) return null;
        if (int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsOurDaemon(pid))
            return pid;
        stale = true;
        return null;
    }

    /// <summary>Removes a stale pid file and status file; true when there was one.</summary>
    public bool CleanStale()
    {
        if (RunningPid(out var stale) is not null || !stale) return false;
        File.Delete(PidFile);
        File.Delete(StatusFile);
        return true;
    }

    /// <summary>The enabled aliases.</summary>
    public IReadOnlySet<string> Enabled() =>
        File.Exists(EnabledFile) ? File.ReadAllLines(EnabledFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet() : new HashSet<string>();

    /// <summary>Replaces the enabled aliases.</summary>
    public void SetEnabled(IEnumerable<string> aliases)
    {
        Directory.CreateDirectory(runDir);
        var tmp = EnabledFile + ".tmp";
        File.WriteAllLines(tmp, aliases.Order(StringComparer.Ordinal));
        File.Move(tmp, EnabledFile, overwrite: true);
    }

    /// <summary>Starts "opskit [--config FILE] aoe serve ..." in its own session; returns its pid once the pid file names it.</summary>
    public int Spawn(string opskit, string? configFile, TimeSpan wait)
    {
        Directory.CreateDirectory(runDir);
        List<string> args = configFile is null ? [] : ["--config", configFile];
        args.AddRange(["aoe", "serve", "--pid-file", PidFile, "--status-file", StatusFile, "--enabled-file", EnabledFile]);
        var logStart = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
        var p = ProcessRunner.StartDetached(new CommandSpec(opskit, args), LogFile);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < wait)
        {
            if (RunningPid(out _) is { } pid) return pid;
            if (p.ExitCode is { } code and not 0)
                throw new IOException($"the daemon exited with {code}: {Tail(logStart)}");
            Thread.Sleep(50);
        }
        throw new IOException($"the daemon did not write {PidFile} within {wait.TotalSeconds:F0} s");
    }

    /// <summary>The daemon's stdout/stderr (syslog gets its log lines).</summary>
    public string LogFile => Path.Combine(runDir, "vbladed.out");

    private string Tail(long from)
    {
        using var fs = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        fs.Seek(from, SeekOrigin.Begin);
        return new StreamReader(fs).ReadToEnd().Trim();
    }

    /// <summary>Sends a signal (SIGHUP 1, SIGTERM 15).</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>Waits until the process is gone.</summary>
    public static bool WaitExit(int pid, TimeSpan wait)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < wait)
        {
            if (!Directory.Exists($"/proc/{pid}")) return true;
            Thread.Sleep(50);
        }
        return false;
    }

    private static bool IsOurDaemon(int pid)
    {
        try
        {
            var cmd = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return cmd.Contains("serve") && cmd.Contains("aoe");
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
