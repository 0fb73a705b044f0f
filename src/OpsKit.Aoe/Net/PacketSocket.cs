// An AF_PACKET raw socket bound to ethertype 0x88A2 (or send-only) on one interface, with batched recvmmsg/sendmmsg.
using System.Runtime.InteropServices;

namespace OpsKit.Aoe.Net;

/// <summary>A frame to send in two parts: a header and the data after it.</summary>
public readonly unsafe struct GatherFrame(byte* head, int headLength, byte* data, int dataLength)
{
    /// <summary>The header.</summary>
    public byte* Head { get; } = head;
    /// <summary>Header length.</summary>
    public int HeadLength { get; } = headLength;
    /// <summary>The data.</summary>
    public byte* Data { get; } = data;
    /// <summary>Data length.</summary>
    public int DataLength { get; } = dataLength;
}

/// <summary>A raw AoE socket on one interface.</summary>
public sealed unsafe class PacketSocket : IDisposable
{
    private int _fd;
    private readonly Native.MMsgHdr* _rx, _tx;
    private readonly Native.IoVec* _rxIov, _txIov;
    private readonly object _sendLock = new();
    private const int MaxBatch = 256;

    /// <summary>
    /// Opens and binds the socket; receive buffer <paramref name="rcvbuf"/> bytes, receive timeout in ms. A socket made
    /// with <paramref name="receive"/> false only sends: the kernel queues no frames to it.
    /// </summary>
    public PacketSocket(NetInterface nic, int rcvbuf, int timeoutMs = 200, bool receive = true)
    {
        Interface = nic;
        var protocol = receive ? Native.Htons(Protocol.Wire.EtherType) : (ushort)0;
        _fd = Native.socket(Native.AF_PACKET, Native.SOCK_RAW | Native.SOCK_CLOEXEC, protocol);
        if (_fd < 0) throw new IOException($"AF_PACKET socket on {nic.Name}: {Marshal.GetLastPInvokeErrorMessage()} (needs root or CAP_NET_RAW)");
        var sa = new Native.SockaddrLl { Family = Native.AF_PACKET, Protocol = protocol, IfIndex = nic.Index };
        if (Native.bind(_fd, &sa, sizeof(Native.SockaddrLl)) != 0)
        {
            var err = Marshal.GetLastPInvokeErrorMessage();
            Native.close(_fd);
            throw new IOException($"bind AF_PACKET socket to {nic.Name}: {err}");
        }
        var one = 1;
        Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_IGNORE_OUTGOING, &one, sizeof(int));
        if (Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_RCVBUFFORCE, &rcvbuf, sizeof(int)) != 0)
            Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_RCVBUF, &rcvbuf, sizeof(int));
        var sndbuf = Math.Max(rcvbuf, 1 << 20);
        if (Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_SNDBUFFORCE, &sndbuf, sizeof(int)) != 0)
            Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_SNDBUF, &sndbuf, sizeof(int));
        var tv = new Native.TimeVal { Sec = timeoutMs / 1000, Usec = timeoutMs % 1000 * 1000 };
        Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, &tv, sizeof(Native.TimeVal));
        _rx = (Native.MMsgHdr*)NativeMemory.AllocZeroed((nuint)(MaxBatch * sizeof(Native.MMsgHdr)));
        _tx = (Native.MMsgHdr*)NativeMemory.AllocZeroed((nuint)(MaxBatch * sizeof(Native.MMsgHdr)));
        _rxIov = (Native.IoVec*)NativeMemory.AllocZeroed((nuint)(MaxBatch * sizeof(Native.IoVec)));
        _txIov = (Native.IoVec*)NativeMemory.AllocZeroed((nuint)(MaxBatch * sizeof(Native.IoVec)));
    }

    /// <summary>The interface.</summary>
    public NetInterface Interface { get; }

    /// <summary>Frames the kernel dropped for this socket since the last call (full receive buffer).</summary>
    public long TakeDrops()
    {
        var stats = stackalloc uint[2];
        var len = 8;
        return Native.getsockopt(_fd, Native.SOL_PACKET, Native.PACKET_STATISTICS, stats, &len) == 0 ? stats[1] : 0;
    }

    /// <summary>Sets the receive buffer (SO_RCVBUFFORCE as root, else SO_RCVBUF up to rmem_max).</summary>
    public void SetReceiveBuffer(int bytes)
    {
        if (Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_RCVBUFFORCE, &bytes, sizeof(int)) != 0)
            Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_RCVBUF, &bytes, sizeof(int));
    }

    /// <summary>
    /// Receives up to <paramref name="count"/> frames into <paramref name="buffers"/> (blocking until one arrives or the
    /// timeout passes); sets each Length and returns how many arrived (0 on timeout or interruption).
    /// Not thread-safe: one receiver per socket.
    /// </summary>
    public int Receive(PacketBuffer[] buffers, int count, bool wait = true)
    {
        count = Math.Min(count, MaxBatch);
        for (var i = 0; i < count; i++)
        {
            _rxIov[i] = new Native.IoVec { Base = buffers[i].Pointer, Len = (nuint)buffers[i].Data.Length };
            _rx[i] = new Native.MMsgHdr { Hdr = new Native.MsgHdr { Iov = &_rxIov[i], IovLen = 1 } };
        }
        var n = Native.recvmmsg(_fd, _rx, (uint)count, wait ? Native.MSG_WAITFORONE : Native.MSG_DONTWAIT, null);
        if (n < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Native.EAGAIN or Native.EINTR || _fd < 0) return 0;
            throw new IOException($"recvmmsg on {Interface.Name}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        for (var i = 0; i < n; i++) buffers[i].Length = (int)Math.Min(_rx[i].Len, (uint)buffers[i].Data.Length);
        return n;
    }

    /// <summary>Sends the frames (each buffer's Length bytes); thread-safe. Returns how many were sent.</summary>
    public int Send(IReadOnlyList<PacketBuffer> buffers)
    {
        var sent = 0;
        var spins = 0;
        lock (_sendLock)
        {
            while (sent < buffers.Count && _fd >= 0)
            {
                var batch = Math.Min(buffers.Count - sent, MaxBatch);
                for (var i = 0; i < batch; i++)
                {
                    var b = buffers[sent + i];
                    _txIov[i] = new Native.IoVec { Base = b.Pointer, Len = (nuint)b.Length };
                    _tx[i] = new Native.MMsgHdr { Hdr = new Native.MsgHdr { Iov = &_txIov[i], IovLen = 1 } };
                }
                var n = Native.sendmmsg(_fd, _tx, (uint)batch, 0);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is Native.EINTR) continue;
                    if (errno is Native.ENOBUFS or Native.EAGAIN && ++spins < 1000) { Thread.Yield(); continue; }
                    return sent;   // link down or socket closed: the client retransmits
                }
                sent += n;
            }
        }
        return sent;
    }

    /// <summary>
    /// Sends frames given as a header plus a separate data block each (the kernel gathers them into one frame, so
    /// data in the page cache is copied once, straight into the packet); thread-safe. Returns how many were sent.
    /// </summary>
    public int Send(ReadOnlySpan<GatherFrame> frames)
    {
        var sent = 0;
        var spins = 0;
        lock (_sendLock)
        {
            while (sent < frames.Length && _fd >= 0)
            {
                var batch = Math.Min(frames.Length - sent, MaxBatch / 2);
                for (var i = 0; i < batch; i++)
                {
                    var f = frames[sent + i];
                    _txIov[2 * i] = new Native.IoVec { Base = f.Head, Len = (nuint)f.HeadLength };
                    _txIov[2 * i + 1] = new Native.IoVec { Base = f.Data, Len = (nuint)f.DataLength };
                    _tx[i] = new Native.MMsgHdr { Hdr = new Native.MsgHdr { Iov = &_txIov[2 * i], IovLen = 2 } };
                }
                var n = Native.sendmmsg(_fd, _tx, (uint)batch, 0);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno is Native.EINTR) continue;
                    if (errno is Native.ENOBUFS or Native.EAGAIN && ++spins < 1000) { Thread.Yield(); continue; }
                    // EFAULT: the data vanished (file truncated under its mapping); skip that frame, the client retries.
                    if (errno is Native.EFAULT) { sent++; continue; }
                    return sent;
                }
                sent += n;
            }
        }
        return sent;
    }

    /// <summary>Sends one frame.</summary>
    public bool Send(PacketBuffer buffer) => Send([buffer]) == 1;

    /// <inheritdoc />
    public void Dispose()
    {
        int fd;
        lock (_sendLock) fd = Interlocked.Exchange(ref _fd, -1);
        if (fd < 0) return;
        Native.close(fd);
        NativeMemory.Free(_rx);
        NativeMemory.Free(_tx);
        NativeMemory.Free(_rxIov);
        NativeMemory.Free(_txIov);
    }
}
