// The vm.block_dump sysctl (/proc/sys/vm/block_dump, Linux 2.6.6-5.13): read it,
// switch it, and name the logging daemons whose disk writes feed back into it.
using OpsKit.Core;

namespace OpsKit.IoWait.Switch;

/// <summary>vm.block_dump through <see cref="SystemContext.HostPath"/>.</summary>
public sealed class BlockDumpSwitch(SystemContext context)
{
    /// <summary>The sysctl file.</summary>
    public const string SysctlPath = "/proc/sys/vm/block_dump";

    private static readonly string[] s_loggers = ["klogd", "syslogd", "rsyslogd", "syslog-ng", "systemd-journal", "metalog"];

    /// <summary>True when the running kernel has block_dump.</summary>
    public bool Exists => File.Exists(context.HostPath(SysctlPath));

    /// <summary>The kernel release from /proc/sys/kernel/osrelease, or "unknown".</summary>
    public string KernelRelease
    {
        get
        {
            try { return File.ReadAllText(context.HostPath("/proc/sys/kernel/osrelease")).Trim(); }
            catch (IOException) { return "unknown"; }
        }
    }

    /// <summary>Throws exit 69 with the way forward when the kernel has no block_dump.</summary>
    public void RequirePresent()
    {
        if (Exists) return;
        throw OpsKitException.Unavailable($"{SysctlPath} does not exist: block_dump was removed in Linux 5.14 (this kernel: {KernelRelease}); "
            + "use 'opskit iowait top' to sample per-process IO from /proc/<pid>/io, delay accounting and PSI instead");
    }

    /// <summary>The current value (0 off, non-zero on).</summary>
    public int Read()
    {
        RequirePresent();
        var text = File.ReadAllText(context.HostPath(SysctlPath)).Trim();
        return int.TryParse(text, out var v) ? v : throw OpsKitException.BadData($"{SysctlPath}: unexpected content '{text}'");
    }

    /// <summary>Writes 1 or 0.</summary>
    public void Set(bool on)
    {
        RequirePresent();
        try
        {
            File.WriteAllText(context.HostPath(SysctlPath), on ? "1\n" : "0\n");
        }
        catch (UnauthorizedAccessException)
        {
            throw new OpsKitException($"{SysctlPath}: permission denied (switching block_dump needs root)", ExitCodes.NoPermission);
        }
        catch (IOException e)
        {
            throw new OpsKitException($"{SysctlPath}: {e.Message}", ExitCodes.IoError);
        }
    }

    /// <summary>Running logging daemons as "name (pid N)": they write kernel messages to disk, which block_dump logs again.</summary>
    public IReadOnlyList<string> LoggingDaemons()
    {
        var found = new List<string>();
        var proc = context.HostPath("/proc");
        if (!Directory.Exists(proc)) return found;
        foreach (var dir in Directory.EnumerateDirectories(proc))
        {
            var pid = Path.GetFileName(dir);
            if (pid.Length == 0 || !pid.All(char.IsAsciiDigit)) continue;
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                if (s_loggers.Contains(comm)) found.Add($"{comm} (pid {pid})");
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return found.Order(StringComparer.Ordinal).ToList();
    }
}
