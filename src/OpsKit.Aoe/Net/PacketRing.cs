// An AF_PACKET socket with memory-mapped receive and transmit rings (TPACKET_V2): no copy or syscall per frame.
using System.Runtime.InteropServices;

namespace OpsKit.Aoe.Net;

/// <summary>A received frame inside the receive ring (valid until <see cref="PacketRing.ReleaseReceived"/>).</summary>
public readonly unsafe struct RawFrame(byte* data, int length, int capacity)
{
    /// <summary>The frame's bytes.</summary>
    public Span<byte> Frame => new(data, length);
    /// <summary>The frame's slot, writable up to its capacity (for answering in place).</summary>
    public Span<byte> Slot => new(data, capacity);
    /// <summary>Frame length.</summary>
    public int Length => length;
    /// <summary>Address of the frame's first byte.</summary>
    internal byte* Pointer => data;
}

/// <summary>
/// The target's socket on one interface. The kernel writes each AoE frame into a shared receive ring, and frames
/// built in the transmit ring go out with one send(2) per batch, their data attached to the skb without a copy.
/// One thread owns the rings; other threads send through a separate <see cref="PacketSocket"/>.
/// </summary>
public sealed unsafe class PacketRing : IDisposable
{
    private const uint StatusKernel = 0, StatusUser = 1, StatusCopy = 2, StatusAvailable = 0, StatusSendRequest = 1;
    // struct tpacket2_hdr, after which transmit data starts (TPACKET2_HDRLEN - sockaddr_ll); struct virtio_net_hdr.
    private const int HeaderLength = 32, VnetHeaderLength = 10;
    private int _fd;
    private readonly byte* _map;
    private readonly nuint _mapLength;
    private readonly Ring _rx, _tx;
    private int _rxHead, _rxTaken, _txHead, _txQueued;
    // Bytes of struct virtio_net_hdr before each transmit frame (0: none; see the constructor).
    private readonly int _vnet;

    /// <summary>Opens the socket on <paramref name="nic"/> with room for <paramref name="rxFrames"/> received frames.</summary>
    public PacketRing(NetInterface nic, int rxFrames, int txFrames)
    {
        Interface = nic;
        var frameSize = FrameSize(nic.Mtu);
        _rx = new Ring(frameSize, rxFrames);
        _tx = new Ring(frameSize, txFrames);
        _fd = Native.socket(Native.AF_PACKET, Native.SOCK_RAW | Native.SOCK_CLOEXEC, Native.Htons(Protocol.Wire.EtherType));
        if (_fd < 0) throw new IOException($"AF_PACKET socket on {nic.Name}: {Marshal.GetLastPInvokeErrorMessage()} (needs root or CAP_NET_RAW)");
        try
        {
            Option(Native.PACKET_VERSION, Native.TPACKET_V2, "PACKET_VERSION");
            Option(Native.PACKET_LOSS, 1, "PACKET_LOSS");
            // A transmit-ring frame leaves as page fragments of the ring, which a NIC reads in place. On a virtual
            // interface (veth, bridge, tap) the kernel copies those fragments into new pages before handing the frame
            // on (af_packet marks them zero-copy): a page allocation and a copy per frame, 45 % of the server's CPU
            // when MTU 1500 reads went through the ring on veth. A virtio_net_hdr whose hdr_len is the frame's length
            // makes the kernel copy the frame into the skb instead (one allocation, a copy from the ring while it is
            // still in cache, no fragments): at MTU 9000 on veth 19 % less CPU per frame (src/OpsKit.Aoe/README.md).
            var one = 1;
            if (nic.Virtual && Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_VNET_HDR, &one, sizeof(int)) == 0) _vnet = VnetHeaderLength;
            var rx = _rx.Request;
            var tx = _tx.Request;
            Check(Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_RX_RING, &rx, sizeof(Native.TpacketReq)), "PACKET_RX_RING");
            Check(Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_TX_RING, &tx, sizeof(Native.TpacketReq)), "PACKET_TX_RING");
            Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_IGNORE_OUTGOING, &one, sizeof(int));
            Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_QDISC_BYPASS, &one, sizeof(int));
            // Frames in flight are charged to the send buffer: room for the whole transmit ring.
            var sndbuf = (int)Math.Min(_tx.Bytes * 2, int.MaxValue);
            if (Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_SNDBUFFORCE, &sndbuf, sizeof(int)) != 0)
                Native.setsockopt(_fd, Native.SOL_SOCKET, Native.SO_SNDBUF, &sndbuf, sizeof(int));
            _mapLength = (nuint)(_rx.Bytes + _tx.Bytes);
            var map = Native.mmap(null, _mapLength, Native.PROT_READ | Native.PROT_WRITE, Native.MAP_SHARED, _fd, 0);
            if (map == (void*)-1) throw new IOException($"mmap packet ring on {nic.Name}: {Marshal.GetLastPInvokeErrorMessage()}");
            _map = (byte*)map;
            _rx.Base = _map;
            _tx.Base = _map + _rx.Bytes;
            var sa = new Native.SockaddrLl { Family = Native.AF_PACKET, Protocol = Native.Htons(Protocol.Wire.EtherType), IfIndex = nic.Index };
            Check(Native.bind(_fd, &sa, sizeof(Native.SockaddrLl)), $"bind to {nic.Name}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The interface.</summary>
    public NetInterface Interface { get; }
    /// <summary>Frames the receive ring holds.</summary>
    public int ReceiveCapacity => _rx.Frames;

    /// <summary>
    /// Joins fanout group <paramref name="group"/> of this interface (0: makes a new group with an id no other socket
    /// uses, so two servers never share one); returns the group id. The kernel then hands each AoE frame to exactly one
    /// member, chosen by a classic BPF program over the AoE header (shelf + slot, modulo the members), so every frame of
    /// one export lands on the same member and is answered in arrival order. The group ignores our own outgoing frames.
    /// </summary>
    public ushort JoinFanout(ushort group)
    {
        var flags = Native.PACKET_FANOUT_FLAG_IGNORE_OUTGOING | (group == 0 ? Native.PACKET_FANOUT_FLAG_UNIQUEID : 0);
        var arg = group | ((Native.PACKET_FANOUT_CBPF | flags) << 16);
        Check(Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_FANOUT, &arg, sizeof(int)), $"PACKET_FANOUT group {group}");
        var got = 0;
        var len = sizeof(int);
        Check(Native.getsockopt(_fd, Native.SOL_PACKET, Native.PACKET_FANOUT, &got, &len), "PACKET_FANOUT (get)");
        // SKF_LL_OFF addresses the Ethernet header whatever the skb's data pointer: shelf at 16 (16 bits), slot at 18.
        const uint LinkLayer = unchecked((uint)-0x200000);
        var program = stackalloc Native.SockFilter[]
        {
            new() { Code = 0x28, K = LinkLayer + 16 },   // ldh [shelf]
            new() { Code = 0x07 },                        // tax
            new() { Code = 0x30, K = LinkLayer + 18 },   // ldb [slot]
            new() { Code = 0x0c },                        // add x
            new() { Code = 0x16 },                        // ret a  (the kernel takes it modulo the members)
        };
        var prog = new Native.SockFprog { Len = 5, Filter = program };
        Check(Native.setsockopt(_fd, Native.SOL_PACKET, Native.PACKET_FANOUT_DATA, &prog, sizeof(Native.SockFprog)), "PACKET_FANOUT_DATA");
        return (ushort)got;
    }

    /// <summary>Slot size for an MTU: the kernel puts the Ethernet header at offset 66 of a TPACKET_V2 slot.</summary>
    private static int FrameSize(int mtu) => mtu <= 1500 ? 2048 : (80 + mtu + 64 + 15) & ~15;

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a frame; true when one is ready.</summary>
    public bool WaitReceive(int timeoutMs)
    {
        if (Ready()) return true;
        var pfd = new Native.PollFd { Fd = _fd, Events = Native.POLLIN };
        var n = Native.poll(&pfd, 1, timeoutMs);
        if (n < 0 && Marshal.GetLastPInvokeError() != Native.EINTR && _fd >= 0)
            throw new IOException($"poll on {Interface.Name}: {Marshal.GetLastPInvokeErrorMessage()}");
        return Ready();
    }

    private bool Ready() => _rxTaken < _rx.Frames && (Volatile.Read(ref _rx.Header(_rxHead)->Status) & StatusUser) != 0;

    /// <summary>Takes the next received frame, if any; frames stay valid until <see cref="ReleaseReceived"/>.</summary>
    public bool TryReceive(out RawFrame frame)
    {
        while (Ready())
        {
            var h = _rx.Header(_rxHead);
            _rxHead = (_rxHead + 1) % _rx.Frames;
            _rxTaken++;
            if ((h->Status & StatusCopy) != 0 || h->SnapLen != h->Len) continue;   // bigger than a slot: not ours to answer
            frame = new RawFrame((byte*)h + h->Mac, (int)h->SnapLen, _rx.FrameSize - h->Mac);
            return true;
        }
        frame = default;
        return false;
    }

    /// <summary>Gives every taken frame back to the kernel.</summary>
    public void ReleaseReceived()
    {
        var i = (_rxHead - _rxTaken + _rx.Frames) % _rx.Frames;
        for (; _rxTaken > 0; _rxTaken--, i = (i + 1) % _rx.Frames) Volatile.Write(ref _rx.Header(i)->Status, StatusKernel);
    }

    /// <summary>The next free transmit slot to build a frame in, or an empty span when the ring is full.</summary>
    public Span<byte> ClaimSend()
    {
        var h = _tx.Header(_txHead);
        var at = HeaderLength + _vnet;
        return Volatile.Read(ref h->Status) == StatusAvailable ? new Span<byte>((byte*)h + at, _tx.FrameSize - at) : [];
    }

    /// <summary>Queues the frame built in the claimed slot (<paramref name="length"/> bytes) for <see cref="Flush"/>.</summary>
    public void CommitSend(int length)
    {
        var h = _tx.Header(_txHead);
        h->Len = (uint)(length + _vnet);
        if (_vnet > 0)
        {
            // struct virtio_net_hdr: no checksum or segmentation offload; hdr_len (little-endian) = the whole frame.
            var v = (byte*)h + HeaderLength;
            new Span<byte>(v, VnetHeaderLength).Clear();
            *(ushort*)(v + 2) = (ushort)length;
        }
        Volatile.Write(ref h->Status, StatusSendRequest);
        _txHead = (_txHead + 1) % _tx.Frames;
        _txQueued++;
    }

    /// <summary>Sends every queued frame with one send(2).</summary>
    public void Flush()
    {
        if (_txQueued == 0) return;
        for (var tries = 0; tries < 1000; tries++)
        {
            var n = Native.send(_fd, null, 0, Native.MSG_DONTWAIT);
            if (n >= 0) break;
            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (Native.EINTR or Native.EAGAIN or Native.ENOBUFS)) break;   // link down: the client retransmits
            Thread.Yield();
        }
        _txQueued = 0;
    }

    /// <summary>Frames the kernel dropped because the receive ring was full, since the last call.</summary>
    public long TakeDrops()
    {
        var stats = stackalloc uint[2];
        var len = 8;
        return Native.getsockopt(_fd, Native.SOL_PACKET, Native.PACKET_STATISTICS, stats, &len) == 0 ? stats[1] : 0;
    }

    private void Option(int name, int value, string what) =>
        Check(Native.setsockopt(_fd, Native.SOL_PACKET, name, &value, sizeof(int)), what);

    private void Check(int rc, string what)
    {
        if (rc != 0) throw new IOException($"{what} on {Interface.Name}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd < 0) return;
        if (_map != null) Native.munmap(_map, _mapLength);
        Native.close(fd);
    }

    /// <summary>Geometry of one ring: frames of one size packed into power-of-two blocks.</summary>
    private sealed class Ring
    {
        public Ring(int frameSize, int frames)
        {
            FrameSize = frameSize;
            BlockSize = 1 << 17;
            PerBlock = BlockSize / frameSize;
            Blocks = Math.Max(1, (frames + PerBlock - 1) / PerBlock);
            Frames = Blocks * PerBlock;
        }

        public readonly int FrameSize, BlockSize, PerBlock, Blocks, Frames;
        public byte* Base;
        public long Bytes => (long)BlockSize * Blocks;
        public Native.TpacketReq Request => new() { BlockSize = (uint)BlockSize, BlockNr = (uint)Blocks, FrameSize = (uint)FrameSize, FrameNr = (uint)Frames };
        public Native.Tpacket2Hdr* Header(int i) => (Native.Tpacket2Hdr*)(Base + (long)(i / PerBlock) * BlockSize + (long)(i % PerBlock) * FrameSize);
    }
}
