// The kinds of block_dump events, one per message shape the kernel printed (READ/WRITE block, dirtied inode/page).
namespace OpsKit.IoWait.BlockDump;

/// <summary>What a block_dump line reports.</summary>
public enum BlockOp : byte
{
    /// <summary>"READ block N on DEV" (2.4 and 2.6+).</summary>
    Read,
    /// <summary>"WRITE block N on DEV".</summary>
    Write,
    /// <summary>"READA block" (readahead; out-of-tree 2.6.0-2.6.5 patches only).</summary>
    ReadAhead,
    /// <summary>"SWRITE block" (tolerated defensively; mainline printed WRITE).</summary>
    SyncWrite,
    /// <summary>"dirtied inode N (NAME) on DEV": the clean-to-dirty transition of an inode.</summary>
    DirtiedInode,
    /// <summary>"dirtied page" / "dirtied buffer" (2.6.0-2.6.5 laptop-mode patches; no device).</summary>
    DirtiedPage,
}

/// <summary>Helpers on <see cref="BlockOp"/>.</summary>
public static class BlockOps
{
    /// <summary>Number of values.</summary>
    public const int Count = 6;

    /// <summary>The word the kernel printed.</summary>
    public static string Label(BlockOp op) => op switch
    {
        BlockOp.Read => "READ",
        BlockOp.Write => "WRITE",
        BlockOp.ReadAhead => "READA",
        BlockOp.SyncWrite => "SWRITE",
        BlockOp.DirtiedInode => "dirtied inode",
        _ => "dirtied page",
    };

    /// <summary>True for READ and READA.</summary>
    public static bool IsRead(BlockOp op) => op is BlockOp.Read or BlockOp.ReadAhead;

    /// <summary>True for WRITE and SWRITE.</summary>
    public static bool IsWrite(BlockOp op) => op is BlockOp.Write or BlockOp.SyncWrite;
}
