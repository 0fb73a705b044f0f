// Names of the kernel threads that submit other processes' buffered writes
// (pdflush, flush-MAJ:MIN, kworker, kjournald, jbd2): block_dump blames them, not the application.
namespace OpsKit.IoWait.Summary;

/// <summary>Writeback and journal thread names across kernel eras.</summary>
public static class KernelThreads
{
    private static readonly string[] s_prefixes =
    [
        "kjournald", "jbd2/", "pdflush", "flush-", "kworker/", "kupdated", "bdflush", "sync_supers",
        "bdi-default", "btrfs-", "xfsaild", "xfs", "kswapd", "writeback", "md", "kmmpd", "ext4-",
    ];

    /// <summary>True when <paramref name="comm"/> is a writeback, journal or reclaim thread.</summary>
    public static bool CarriesBufferedWrites(string comm)
    {
        foreach (var p in s_prefixes)
        {
            if (!comm.StartsWith(p, StringComparison.Ordinal)) continue;
            // "md" alone is too wide: md1_raid1, md0_resync are kernel threads; "mdadm" is not.
            if (p == "md") return comm.Contains("_raid", StringComparison.Ordinal) || comm.Contains("_resync", StringComparison.Ordinal);
            if (p == "xfs") return comm.StartsWith("xfs-", StringComparison.Ordinal) || comm.StartsWith("xfsaild", StringComparison.Ordinal);
            return true;
        }
        return false;
    }
}
