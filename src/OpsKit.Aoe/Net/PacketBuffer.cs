// Pinned frame buffers and a lock-free pool of them, shared by receivers and export workers.
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace OpsKit.Aoe.Net;

/// <summary>One pinned frame buffer with the length of the frame it holds.</summary>
public sealed unsafe class PacketBuffer
{
    /// <summary>Allocates a pinned buffer of <paramref name="size"/> bytes.</summary>
    public PacketBuffer(int size)
    {
        Data = GC.AllocateUninitializedArray<byte>(size, pinned: true);
        Pointer = (byte*)Marshal.UnsafeAddrOfPinnedArrayElement(Data, 0);
    }

    /// <summary>The bytes.</summary>
    public byte[] Data { get; }
    /// <summary>Address of Data[0] (pinned for the buffer's life).</summary>
    internal byte* Pointer { get; }
    /// <summary>Length of the frame in the buffer.</summary>
    public int Length { get; set; }
    /// <summary>The frame.</summary>
    public Span<byte> Frame => Data.AsSpan(0, Length);
}

/// <summary>A pool of equally sized buffers.</summary>
public sealed class BufferPool(int size)
{
    private readonly ConcurrentQueue<PacketBuffer> _free = new();

    /// <summary>Buffer size.</summary>
    public int Size { get; } = size;

    /// <summary>A free buffer (allocated when the pool is empty).</summary>
    public PacketBuffer Rent() => _free.TryDequeue(out var b) ? b : new PacketBuffer(Size);

    /// <summary>Gives a buffer back.</summary>
    public void Return(PacketBuffer b)
    {
        if (b.Data.Length == Size && _free.Count < 65536) _free.Enqueue(b);
    }
}
