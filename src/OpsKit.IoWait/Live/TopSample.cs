// One interval of "iowait top": per-process rates and IO-wait share, per-disk
// rates, PSI shares, and what could not be seen.
namespace OpsKit.IoWait.Live;

/// <summary>One process over one interval.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Comm">Command name.</param>
/// <param name="Uid">Real uid (-1 unknown).</param>
/// <param name="IoWaitPercent">Share of the interval blocked on block IO (delay accounting, stat field 42).</param>
/// <param name="ReadBytesPerSec">Storage reads caused, or null when /proc/pid/io was not readable.</param>
/// <param name="WriteBytesPerSec">Storage writes caused (charged when dirtied), or null.</param>
/// <param name="CancelledBytesPerSec">Dirty data thrown away, or null.</param>
public sealed record TopRow(int Pid, string Comm, int Uid, double IoWaitPercent, double? ReadBytesPerSec, double? WriteBytesPerSec, double? CancelledBytesPerSec)
{
    /// <summary>Read plus write rate (0 when hidden).</summary>
    public double BytesPerSec => (ReadBytesPerSec ?? 0) + (WriteBytesPerSec ?? 0);
}

/// <summary>One disk over one interval.</summary>
/// <param name="Name">Device name.</param>
/// <param name="ReadBytesPerSec">Read rate.</param>
/// <param name="WriteBytesPerSec">Write rate.</param>
/// <param name="UtilPercent">Busy share of the interval.</param>
public sealed record DiskRow(string Name, double ReadBytesPerSec, double WriteBytesPerSec, double UtilPercent);

/// <summary>One interval.</summary>
/// <param name="Seconds">Interval length from /proc/uptime.</param>
/// <param name="PsiSomePercent">Share of the interval some task stalled on IO, or null without PSI.</param>
/// <param name="PsiFullPercent">Share all non-idle tasks stalled, or null.</param>
/// <param name="Rows">Active processes, highest IO wait then bytes first.</param>
/// <param name="Disks">Active whole disks.</param>
/// <param name="Processes">Processes seen in both snapshots.</param>
/// <param name="Hidden">Processes whose /proc/pid/io was not readable (other users without root).</param>
/// <param name="TaskDelayAcct">kernel.task_delayacct (null: sysctl absent).</param>
public sealed record TopSample(double Seconds, double? PsiSomePercent, double? PsiFullPercent, IReadOnlyList<TopRow> Rows,
    IReadOnlyList<DiskRow> Disks, int Processes, int Hidden, int? TaskDelayAcct);
