// The disk behind an export: a file or block device, an offset/length window, read-only, O_DIRECT or O_SYNC.
using Microsoft.Win32.SafeHandles;
using System.Runtime.InteropServices;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>Sector I/O for one export.</summary>
public interface IBlockStore : IDisposable
{
    /// <summary>Size in 512-byte sectors.</summary>
    ulong Sectors { get; }
    /// <summary>True when writes are refused.</summary>
    bool ReadOnly { get; }
    /// <summary>Reads whole sectors at <paramref name="lba"/> (caller checked the range).</summary>
    void Read(Span<byte> destination, ulong lba);
    /// <summary>Writes whole sectors at <paramref name="lba"/> (caller checked the range).</summary>
    void Write(ReadOnlySpan<byte> source, ulong lba);
    /// <summary>Makes written data durable (fdatasync).</summary>
    void Flush();
    /// <summary>Reads only when it cannot block (data in the page cache); false means "use <see cref="Read"/> on a worker".</summary>
    bool TryReadNow(Span<byte> destination, ulong lba) => false;
    /// <summary>Writes only when it cannot block; false means "use <see cref="Write"/> on a worker".</summary>
    bool TryWriteNow(ReadOnlySpan<byte> source, ulong lba) => false;
    /// <summary>
    /// Where the <paramref name="sectors"/> (at most 2048) from <paramref name="lba"/> can be sent from without a copy
    /// and without waiting for a disk: the export's read-only mapping when they are all in the page cache, a shared
    /// block of zeros when they are all a hole of a sparse file; 0 otherwise (read them).
    /// </summary>
    nint TryMapResident(ulong lba, int sectors) => 0;
}

/// <summary>How an export opens its file.</summary>
/// <param name="ReadOnly">Refuse writes and open read-only.</param>
/// <param name="Offset">Bytes skipped at the start (multiple of 512).</param>
/// <param name="Length">Bytes exported (0: to the end).</param>
/// <param name="Direct">O_DIRECT (bypass the page cache).</param>
/// <param name="Sync">O_SYNC (every write durable before it is acknowledged).</param>
public sealed record StoreOptions(bool ReadOnly = false, long Offset = 0, long Length = 0, bool Direct = false, bool Sync = false);

/// <summary>A file or block device opened with open(2) and accessed with pread/pwrite.</summary>
public sealed unsafe class FileBlockStore : IBlockStore
{
    private readonly SafeFileHandle _handle;
    private readonly long _offset;
    private readonly bool _direct;
    private byte* _bounce;
    private const int BounceSize = 256 * Wire.Sector;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="IOException"/> with the path on failure.</summary>
    public FileBlockStore(string path, StoreOptions options)
    {
        var flags = (options.ReadOnly ? Native.O_RDONLY : Native.O_RDWR) | Native.O_CLOEXEC
            | (options.Direct ? Native.O_DIRECT : 0) | (options.Sync ? Native.O_SYNC : 0);
        var fd = Native.open(path, flags, 0);
        if (fd < 0) throw new IOException($"{path}: {Marshal.GetLastPInvokeErrorMessage()}");
        _handle = new SafeFileHandle(fd, ownsHandle: true);
        var size = SizeOf(_handle, path);
        if (options.Offset < 0 || options.Offset % Wire.Sector != 0 || options.Length < 0 || options.Length % Wire.Sector != 0)
            throw new IOException($"{path}: offset and length must be non-negative multiples of 512");
        if (options.Offset > size) throw new IOException($"{path}: offset {options.Offset} is beyond the end ({size} bytes)");
        var length = options.Length == 0 ? size - options.Offset : Math.Min(options.Length, size - options.Offset);
        _offset = options.Offset;
        Sectors = (ulong)(length / Wire.Sector);
        ReadOnly = options.ReadOnly;
        _direct = options.Direct;
        if (_direct) _bounce = (byte*)NativeMemory.AlignedAlloc(BounceSize, 4096);
        var fs = Native.FsType(fd);
        _inMemory = !_direct && fs is Native.TMPFS_MAGIC or Native.RAMFS_MAGIC;
        if (!_direct && length > 0) Map(fd, length);
    }

    // The export window mapped read-only: reads of cached sectors are sent straight from the page cache.
    private byte* _map, _window;
    private nuint _mapLength;
    private byte[] _pages = new byte[64];

    private void Map(int fd, long length)
    {
        var start = _offset & ~4095L;
        _mapLength = (nuint)(length + (_offset - start));
        var p = Native.mmap(null, _mapLength, Native.PROT_READ, Native.MAP_SHARED, fd, start);
        if (p == (void*)-1) { _mapLength = 0; return; }   // not mappable (some devices): pread only
        _map = (byte*)p;
        _window = _map + (_offset - start);
    }

    /// <inheritdoc />
    public nint TryMapResident(ulong lba, int sectors)
    {
        if (_map == null) return 0;
        var first = _window + (long)lba * Wire.Sector;
        var page = (byte*)((nint)first & ~4095);
        var length = (nuint)(first + (long)sectors * Wire.Sector - page);
        var pages = (int)((length + 4095) / 4096);
        if (_pages.Length < pages) _pages = new byte[Math.Max(pages, 2 * _pages.Length)];
        fixed (byte* vec = _pages)
        {
            if (Native.mincore(page, length, vec) != 0) return 0;
            for (var i = 0; i < pages; i++)
                if ((vec[i] & 1) == 0) return IsHole(lba, sectors) ? (nint)Zeros : 0;   // never fault in what is not cached
        }
        return (nint)first;
    }

    private const int MaxZeroSectors = 2048;

    /// <summary>One zeroed megabyte, shared by every export: the data of any hole.</summary>
    private static readonly byte* Zeros = (byte*)NativeMemory.AllocZeroed(MaxZeroSectors * Wire.Sector);

    private bool _seekData = true;

    // True when the file holds no data in the range (lseek SEEK_DATA finds the next data at or beyond its end).
    private bool IsHole(ulong lba, int sectors)
    {
        if (!_seekData || sectors > MaxZeroSectors) return false;
        var pos = _offset + (long)lba * Wire.Sector;
        var next = Native.lseek((int)_handle.DangerousGetHandle(), pos, Native.SEEK_DATA);
        if (next >= 0) return next >= pos + (long)sectors * Wire.Sector;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == Native.ENXIO) return true;   // no data from pos to the end of the file
        _seekData = false;                        // no SEEK_DATA here (EINVAL): always read
        return false;
    }

    // tmpfs/ramfs have no RWF_NOWAIT, but their pread/pwrite only copy memory: never a disk wait.
    private readonly bool _inMemory;

    /// <inheritdoc />
    public ulong Sectors { get; }
    /// <inheritdoc />
    public bool ReadOnly { get; }

    /// <inheritdoc />
    public void Read(Span<byte> destination, ulong lba)
    {
        var pos = _offset + (long)lba * Wire.Sector;
        if (!_direct) { ReadFully(destination, pos); return; }
        var bounce = new Span<byte>(_bounce, destination.Length);
        ReadFully(bounce, pos);
        bounce.CopyTo(destination);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> source, ulong lba)
    {
        var pos = _offset + (long)lba * Wire.Sector;
        if (!_direct) { RandomAccess.Write(_handle, source, pos); return; }
        var bounce = new Span<byte>(_bounce, source.Length);
        source.CopyTo(bounce);
        RandomAccess.Write(_handle, bounce, pos);
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (Native.fdatasync((int)_handle.DangerousGetHandle()) != 0)
            throw new IOException($"fdatasync: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private bool _noWaitReads = true, _noWaitWrites = true;

    /// <inheritdoc />
    public bool TryReadNow(Span<byte> destination, ulong lba)
    {
        if (_inMemory) { ReadFully(destination, _offset + (long)lba * Wire.Sector); return true; }
        if (_direct || !_noWaitReads) return false;
        fixed (byte* p = destination)
        {
            var iov = new Native.IoVec { Base = p, Len = (nuint)destination.Length };
            var n = Native.preadv2((int)_handle.DangerousGetHandle(), &iov, 1, _offset + (long)lba * Wire.Sector, Native.RWF_NOWAIT);
            if (n == destination.Length) return true;
            if (n < 0 && Marshal.GetLastPInvokeError() is Native.EOPNOTSUPP or Native.EINVAL) _noWaitReads = false;
            return false;
        }
    }

    /// <inheritdoc />
    public bool TryWriteNow(ReadOnlySpan<byte> source, ulong lba)
    {
        if (ReadOnly) return false;
        if (_inMemory) { RandomAccess.Write(_handle, source, _offset + (long)lba * Wire.Sector); return true; }
        if (_direct || !_noWaitWrites) return false;
        fixed (byte* p = source)
        {
            var iov = new Native.IoVec { Base = p, Len = (nuint)source.Length };
            var n = Native.pwritev2((int)_handle.DangerousGetHandle(), &iov, 1, _offset + (long)lba * Wire.Sector, Native.RWF_NOWAIT);
            if (n == source.Length) return true;
            if (n < 0 && Marshal.GetLastPInvokeError() is Native.EOPNOTSUPP or Native.EINVAL) _noWaitWrites = false;
            else if (n > 0) { RandomAccess.Write(_handle, source[(int)n..], _offset + (long)lba * Wire.Sector + n); return true; }   // partial: finish (rare)
            return false;
        }
    }

    private void ReadFully(Span<byte> buffer, long pos)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var n = RandomAccess.Read(_handle, buffer[done..], pos + done);
            if (n == 0) { buffer[done..].Clear(); return; }   // file shrank under us: zeros, never beyond
            done += n;
        }
    }

    private static long SizeOf(SafeFileHandle handle, string path)
    {
        var length = RandomAccess.GetLength(handle);
        if (length > 0 || !path.StartsWith("/dev/", StringComparison.Ordinal)) return length;
        using var fs = new FileStream(new SafeFileHandle(handle.DangerousGetHandle(), false), FileAccess.Read);
        return fs.Seek(0, SeekOrigin.End);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_map != null) { Native.munmap(_map, _mapLength); _map = null; }
        _handle.Dispose();
        if (_bounce != null) { NativeMemory.AlignedFree(_bounce); _bounce = null; }
    }
}
