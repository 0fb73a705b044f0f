// One reading of everything "iowait top" needs, taken from a /proc tree
// (the host's, or a fixture's through SystemContext.HostPath).
using System.Globalization;
using OpsKit.Core;

namespace OpsKit.IoWait.Live;

/// <summary>One process at one moment.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Comm">Command name.</param>
/// <param name="Uid">Real uid, or -1.</param>
/// <param name="StartTime">stat field 22 (tells a reused pid apart).</param>
/// <param name="BlkioTicks">stat field 42, clock ticks blocked on block IO.</param>
/// <param name="Io">/proc/pid/io, or null when it was not readable.</param>
public sealed record ProcessReading(int Pid, string Comm, int Uid, long StartTime, long BlkioTicks, IoCounters? Io);

/// <summary>A snapshot of /proc.</summary>
/// <param name="Uptime">Seconds since boot (/proc/uptime): the clock between snapshots.</param>
/// <param name="Processes">Processes by pid.</param>
/// <param name="Pressure">/proc/pressure/io, or null when absent.</param>
/// <param name="Disks">/proc/diskstats.</param>
/// <param name="TaskDelayAcct">kernel.task_delayacct: 0, 1, or null when the sysctl does not exist.</param>
public sealed record ProcSnapshot(double Uptime, IReadOnlyDictionary<int, ProcessReading> Processes, Pressure? Pressure,
    IReadOnlyList<DiskCounters> Disks, int? TaskDelayAcct)
{
    /// <summary>Reads a snapshot under <paramref name="context"/>'s root.</summary>
    public static ProcSnapshot Take(SystemContext context)
    {
        var uptimeText = Read(context.HostPath("/proc/uptime"))
            ?? throw OpsKitException.Unavailable($"{context.HostPath("/proc/uptime")}: not readable; is /proc mounted?");
        var uptime = double.Parse(uptimeText.Split(' ')[0], CultureInfo.InvariantCulture);
        var procs = new Dictionary<int, ProcessReading>();
        foreach (var dir in Directory.EnumerateDirectories(context.HostPath("/proc")))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            var stat = Read(Path.Combine(dir, "stat"));
            if (stat is null || !ProcParsers.TryParseStat(stat, out var comm, out var start, out var ticks)) continue;
            var io = Read(Path.Combine(dir, "io"));
            procs[pid] = new ProcessReading(pid, comm, ReadUid(dir), start, ticks, io is null ? null : ProcParsers.ParseIo(io));
        }
        var psi = Read(context.HostPath("/proc/pressure/io"));
        var disks = Read(context.HostPath("/proc/diskstats"));
        var delay = Read(context.HostPath("/proc/sys/kernel/task_delayacct"));
        return new ProcSnapshot(uptime, procs, psi is null ? null : ProcParsers.ParsePressure(psi),
            disks is null ? [] : ProcParsers.ParseDiskstats(disks),
            delay is null ? null : int.TryParse(delay.Trim(), CultureInfo.InvariantCulture, out var d) ? d : null);
    }

    private static int ReadUid(string dir)
    {
        var status = Read(Path.Combine(dir, "status"));
        var line = status?.Split('\n').FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var field = line?.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return int.TryParse(field, CultureInfo.InvariantCulture, out var uid) ? uid : -1;
    }

    /// <summary>A file's text, or null when it is missing, vanished or not readable (EACCES on other users' io).</summary>
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
