// The numbers every summary row carries.
namespace OpsKit.IoWait.Summary;

/// <summary>Event counts and bytes of one row (a process, command, device or op).</summary>
/// <param name="Reads">READ and READA lines.</param>
/// <param name="Writes">WRITE and SWRITE lines.</param>
/// <param name="Dirtied">"dirtied inode" and "dirtied page" lines.</param>
/// <param name="Bytes">Sum of "(N sectors)" × 512 over the lines that print a size.</param>
/// <param name="SizeUnknown">READ/WRITE lines without a size (kernels before ~2.6.37).</param>
public readonly record struct Counts(long Reads, long Writes, long Dirtied, long Bytes, long SizeUnknown)
{
    /// <summary>All events.</summary>
    public long Events => Reads + Writes + Dirtied;

    /// <summary>Sum of two rows.</summary>
    public static Counts operator +(Counts a, Counts b) =>
        new(a.Reads + b.Reads, a.Writes + b.Writes, a.Dirtied + b.Dirtied, a.Bytes + b.Bytes, a.SizeUnknown + b.SizeUnknown);
}

/// <summary>Mutable counters used while aggregating.</summary>
internal struct Tally
{
    public long Reads, Writes, Dirtied, Bytes, SizeUnknown;

    public readonly Counts ToCounts() => new(Reads, Writes, Dirtied, Bytes, SizeUnknown);

    public void Add(in Tally o)
    {
        Reads += o.Reads;
        Writes += o.Writes;
        Dirtied += o.Dirtied;
        Bytes += o.Bytes;
        SizeUnknown += o.SizeUnknown;
    }
}
