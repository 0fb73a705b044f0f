// An in-memory block store for handler tests; records every access so tests can check bounds.
using OpsKit.Aoe.Target;

namespace OpsKit.Aoe.Tests.Target;

/// <summary>Sectors in a byte array; throws when an access would leave it.</summary>
internal sealed class MemoryBlockStore(int sectors, bool readOnly = false) : IBlockStore
{
    public byte[] Data { get; } = new byte[sectors * 512];
    public ulong Sectors => (ulong)sectors;
    public bool ReadOnly => readOnly;
    public int Flushes { get; private set; }
    public int Accesses { get; private set; }

    public void Read(Span<byte> destination, ulong lba)
    {
        Accesses++;
        Data.AsSpan(checked((int)lba * 512), destination.Length).CopyTo(destination);
    }

    public void Write(ReadOnlySpan<byte> source, ulong lba)
    {
        Accesses++;
        if (readOnly) throw new InvalidOperationException("write to a read-only store");
        source.CopyTo(Data.AsSpan(checked((int)lba * 512), source.Length));
    }

    public void Flush() => Flushes++;

    public void Dispose() { }
}
