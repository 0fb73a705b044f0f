// One parsed block_dump line. A ref struct of spans into the input buffer: the
// hot path allocates nothing; the aggregator copies only what it keeps.
namespace OpsKit.IoWait.BlockDump;

/// <summary>A block_dump event as printed by the kernel, plus the stamp of its log prefix.</summary>
public ref struct BlockDumpRecord
{
    /// <summary>current-&gt;comm (at most 15 bytes; may hold spaces, '/', ':', '-', parentheses).</summary>
    public ReadOnlySpan<byte> Comm;

    /// <summary>The thread id printed in "(PID)", or -1 for the 2.4 shape that has none.</summary>
    public int Pid;

    /// <summary>The event kind.</summary>
    public BlockOp Op;

    /// <summary>The sector ("block") number of READ/WRITE lines.</summary>
    public ulong Sector;

    /// <summary>Request size in 512-byte sectors: "(N sectors)" or the 2.4 "/N"; -1 when the kernel did not print it.</summary>
    public long Sectors;

    /// <summary>Device (sda1, 03:05) or filesystem s_id (proc, tmpfs); empty for "dirtied page".</summary>
    public ReadOnlySpan<byte> Device;

    /// <summary>Inode number of "dirtied inode" lines.</summary>
    public ulong Inode;

    /// <summary>Dentry name of "dirtied inode" lines ("?" when the kernel had none).</summary>
    public ReadOnlySpan<byte> InodeName;

    /// <summary>Uptime stamp in microseconds ("[ 6691.516770]", /dev/kmsg), or -1.</summary>
    public long UptimeMicros;

    /// <summary>Wall-clock stamp in DateTime ticks (syslog, journal, dmesg -T, ISO), or 0.</summary>
    public long WallTicks;
}
