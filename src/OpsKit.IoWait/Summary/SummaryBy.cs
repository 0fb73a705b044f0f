// The row kinds of "iowait summary --by".
namespace OpsKit.IoWait.Summary;

/// <summary>What a summary table is keyed by.</summary>
public enum SummaryBy
{
    /// <summary>comm + pid (threads stay apart).</summary>
    Process,
    /// <summary>comm, pids folded.</summary>
    Command,
    /// <summary>device or filesystem id.</summary>
    Device,
    /// <summary>READ/WRITE/dirtied.</summary>
    Op,
    /// <summary>dirtied inodes.</summary>
    Inode,
}
