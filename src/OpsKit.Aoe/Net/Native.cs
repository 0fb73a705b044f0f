// libc entry points used by the target: packet sockets, batched receive/send, packet rings, file I/O flags, fdatasync.
using System.Runtime.InteropServices;

namespace OpsKit.Aoe.Net;

/// <summary>Thin P/Invoke declarations (Linux x86-64/arm64 layouts).</summary>
internal static unsafe partial class Native
{
    public const int AF_PACKET = 17, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000;
    public const int SOL_SOCKET = 1, SO_RCVBUF = 8, SO_SNDBUF = 7, SO_RCVTIMEO = 20, SO_RCVBUFFORCE = 33, SO_SNDBUFFORCE = 32;
    public const int SOL_PACKET = 263, PACKET_IGNORE_OUTGOING = 23, PACKET_STATISTICS = 6;
    public const int MSG_WAITFORONE = 0x10000, MSG_DONTWAIT = 0x40;
    public const int O_RDONLY = 0, O_RDWR = 2, O_DIRECT = 0x4000, O_SYNC = 0x101000, O_CLOEXEC = 0x80000;
    public const int EINTR = 4, EAGAIN = 11, EFAULT = 14, ENOBUFS = 105;

    [StructLayout(LayoutKind.Sequential)]
    public struct SockaddrLl
    {
        public ushort Family;
        public ushort Protocol;
        public int IfIndex;
        public ushort HaType;
        public byte PktType;
        public byte HaLen;
        public fixed byte Addr[8];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Len;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLen;
        public IoVec* Iov;
        public nuint IovLen;
        public void* Control;
        public nuint ControlLen;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Hdr;
        public uint Len;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeVal
    {
        public long Sec;
        public long Usec;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(int fd, SockaddrLl* addr, int len);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(int fd, int level, int name, void* value, int len);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getsockopt(int fd, int level, int name, void* value, int* len);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int recvmmsg(int fd, MMsgHdr* msgs, uint vlen, int flags, void* timeout);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int sendmmsg(int fd, MMsgHdr* msgs, uint vlen, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fdatasync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fstatfs(int fd, byte* buf);

    /// <summary>f_type of the file system holding <paramref name="fd"/> (0 when unknown).</summary>
    public static long FsType(int fd)
    {
        var buf = stackalloc byte[256];
        return fstatfs(fd, buf) == 0 ? *(long*)buf : 0;
    }

    public const long TMPFS_MAGIC = 0x01021994, RAMFS_MAGIC = unchecked((long)0x858458f6);

    public const int RWF_NOWAIT = 0x08, EOPNOTSUPP = 95, EINVAL = 22;

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint preadv2(int fd, IoVec* iov, int iovcnt, long offset, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint pwritev2(int fd, IoVec* iov, int iovcnt, long offset, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint if_nametoindex(string name);

    public const int PACKET_RX_RING = 5, PACKET_VERSION = 10, PACKET_TX_RING = 13, PACKET_LOSS = 14, PACKET_QDISC_BYPASS = 20, TPACKET_V2 = 1, PACKET_VNET_HDR = 15;
    public const int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    public const short POLLIN = 1;

    // Fanout: one group of ring sockets per interface, each frame to one member chosen by a classic BPF program.
    public const int PACKET_FANOUT = 18, PACKET_FANOUT_DATA = 22, PACKET_FANOUT_CBPF = 6, PACKET_FANOUT_FLAG_IGNORE_OUTGOING = 0x4000, PACKET_FANOUT_FLAG_UNIQUEID = 0x2000;

    /// <summary>struct sock_filter.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockFilter
    {
        public ushort Code;
        public byte Jt, Jf;
        public uint K;
    }

    /// <summary>struct sock_fprog.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockFprog
    {
        public ushort Len;
        public SockFilter* Filter;
    }

    /// <summary>struct tpacket_req.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TpacketReq
    {
        public uint BlockSize, BlockNr, FrameSize, FrameNr;
    }

    /// <summary>struct tpacket2_hdr (32 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Tpacket2Hdr
    {
        public uint Status, Len, SnapLen;
        public ushort Mac, Net;
        public uint Sec, Nsec;
        public ushort VlanTci, VlanTpid;
        public uint Padding;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events, Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial void* mmap(void* addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(void* addr, nuint length);

    public const int SEEK_DATA = 3, ENXIO = 6;

    [LibraryImport("libc", SetLastError = true)]
    public static partial long lseek(int fd, long offset, int whence);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int mincore(void* addr, nuint length, byte* vec);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint send(int fd, void* buf, nuint len, int flags);

    /// <summary>htons.</summary>
    public static ushort Htons(ushort v) => (ushort)((v >> 8) | (v << 8));
}
