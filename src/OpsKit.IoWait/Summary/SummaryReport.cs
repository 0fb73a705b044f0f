// The finished summary: totals, time span and rows per process, command, device,
// op and inode, each sorted by events (most first). Renderers read only this.
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>A block_dump summary.</summary>
public sealed record SummaryReport
{
    /// <summary>Lines read.</summary>
    public required long Lines { get; init; }
    /// <summary>block_dump events counted.</summary>
    public required long Events { get; init; }
    /// <summary>Non-block_dump lines mentioning READ/WRITE/dirtied.</summary>
    public required long Lookalikes { get; init; }
    /// <summary>block_dump lines outside --since/--until.</summary>
    public required long OutsideWindow { get; init; }
    /// <summary>Lines skipped for being longer than the reader's limit.</summary>
    public required long Overlong { get; init; }
    /// <summary>Totals over all events.</summary>
    public required Counts Total { get; init; }
    /// <summary>First and last stamps.</summary>
    public required TimeSpanInfo Span { get; init; }
    /// <summary>Per comm + pid.</summary>
    public required IReadOnlyList<ProcessRow> Processes { get; init; }
    /// <summary>Per comm, pids folded.</summary>
    public required IReadOnlyList<CommandRow> Commands { get; init; }
    /// <summary>Per device.</summary>
    public required IReadOnlyList<DeviceRow> Devices { get; init; }
    /// <summary>Per op word.</summary>
    public required IReadOnlyList<OpRow> Ops { get; init; }
    /// <summary>Per dirtied inode.</summary>
    public required IReadOnlyList<InodeRow> Inodes { get; init; }

    /// <summary>Share of all events, 0..100.</summary>
    public double Share(long events) => Events == 0 ? 0 : 100.0 * events / Events;
}

/// <summary>First and last stamps seen on counted events.</summary>
/// <param name="FirstUptime">Seconds since boot, or null.</param>
/// <param name="LastUptime">Seconds since boot, or null.</param>
/// <param name="FirstWall">Wall clock as written in the log, or null.</param>
/// <param name="LastWall">Wall clock as written in the log, or null.</param>
public sealed record TimeSpanInfo(double? FirstUptime, double? LastUptime, DateTime? FirstWall, DateTime? LastWall);

/// <summary>One process (thread id as printed).</summary>
/// <param name="Comm">Command name.</param>
/// <param name="Pid">Thread id, null for 2.4 logs.</param>
/// <param name="Counts">Its counts.</param>
/// <param name="Devices">Devices it touched, most events first.</param>
public sealed record ProcessRow(string Comm, int? Pid, Counts Counts, IReadOnlyList<string> Devices)
{
    /// <summary>"comm(pid)" or "comm".</summary>
    public string Label => Pid is null ? Comm : $"{Comm}({Pid})";
}

/// <summary>One command name with its pids folded.</summary>
/// <param name="Comm">Command name.</param>
/// <param name="Pids">Pids seen (empty for 2.4 logs).</param>
/// <param name="Counts">Summed counts.</param>
/// <param name="Devices">Devices, most events first.</param>
public sealed record CommandRow(string Comm, IReadOnlyList<int> Pids, Counts Counts, IReadOnlyList<string> Devices);

/// <summary>One device or filesystem id.</summary>
/// <param name="Device">Name as printed ("" for "dirtied page" lines).</param>
/// <param name="Counts">Counts on it.</param>
/// <param name="TopProcess">The process with most events on it.</param>
public sealed record DeviceRow(string Device, Counts Counts, string TopProcess);

/// <summary>One op word.</summary>
/// <param name="Op">The op.</param>
/// <param name="Events">Lines.</param>
/// <param name="Bytes">Bytes where sizes were printed.</param>
public sealed record OpRow(BlockOp Op, long Events, long Bytes);

/// <summary>One dirtied inode.</summary>
/// <param name="Device">Filesystem id.</param>
/// <param name="Inode">Inode number.</param>
/// <param name="Name">Dentry name first seen.</param>
/// <param name="Dirtied">Lines.</param>
/// <param name="Processes">Processes that dirtied it.</param>
public sealed record InodeRow(string Device, ulong Inode, string Name, long Dirtied, IReadOnlyList<string> Processes);
