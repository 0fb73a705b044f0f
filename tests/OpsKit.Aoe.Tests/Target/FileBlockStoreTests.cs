// The file store's zero-copy read path: cached sectors are found in its mapping, holes and O_DIRECT are not.
using System.Runtime.InteropServices;
using OpsKit.Aoe.Protocol;
using OpsKit.Aoe.Target;
using OpsKit.Testing;
using static OpsKit.Aoe.Tests.Target.Frames;

namespace OpsKit.Aoe.Tests.Target;

public class FileBlockStoreTests : IDisposable
{
    private readonly TempDir _dir = new("opskit-aoe-store");

    public void Dispose() => _dir.Dispose();

    // Sector i of the file holds bytes (i * 7 + offset-in-sector) so a wrong sector or shift shows.
    private string Image(int sectors)
    {
        var path = Path.Combine(_dir.Path, "disk.img");
        var data = new byte[sectors * 512];
        for (var i = 0; i < data.Length; i++) data[i] = (byte)(i / 512 * 7 + i % 512);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static byte[] At(nint p, int length)
    {
        var b = new byte[length];
        Marshal.Copy(p, b, 0, length);
        return b;
    }

    [Fact]
    public void Cached_sectors_are_read_from_the_mapping_at_the_window_offset()
    {
        var path = Image(64);
        var file = File.ReadAllBytes(path);
        using var store = new FileBlockStore(path, new StoreOptions(Offset: 3 * 512, Length: 40 * 512));
        var p = store.TryMapResident(5, 4);
        Assert.NotEqual(0, p);
        Assert.Equal(file.AsSpan((3 + 5) * 512, 4 * 512).ToArray(), At(p, 4 * 512));
        var read = new byte[4 * 512];
        store.Read(read, 5);
        Assert.Equal(read, At(p, 4 * 512));
    }

    [Fact]
    public void A_hole_is_sent_from_shared_zeros_and_reading_it_allocates_nothing()
    {
        var path = Path.Combine(_dir.Path, "sparse.img");
        using (var f = File.Create(path)) f.SetLength(16 << 20);
        using var store = new FileBlockStore(path, new StoreOptions());
        var p = store.TryMapResident(8192, 2048);
        Assert.NotEqual(0, p);
        Assert.All(At(p, 2048 * 512), b => Assert.Equal(0, b));
        var read = new byte[16 * 512];
        read.AsSpan().Fill(0xFF);
        store.Read(read, 8192);
        Assert.All(read, b => Assert.Equal(0, b));
        Assert.Equal("0", AllocatedBlocks(path));      // still no block allocated
    }

    [Fact]
    public void Data_that_is_not_cached_is_neither_mapped_nor_taken_for_a_hole()
    {
        var path = Image(2048);
        using (var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite)) f.Flush(flushToDisk: true);
        using (var h = File.OpenHandle(path)) Assert.Equal(0, posix_fadvise((int)h.DangerousGetHandle(), 0, 0, 4));   // DONTNEED
        using var store = new FileBlockStore(path, new StoreOptions());
        Assert.Equal(0, store.TryMapResident(1000, 16));
        var read = new byte[512];
        store.Read(read, 1000);                   // now cached
        Assert.Equal(unchecked((byte)(1000 * 7)), read[0]);
    }

    private static string AllocatedBlocks(string path) => OpsKit.Aoe.Tests.Live.NetnsPair.Run("stat", "-c", "%b", path).Out.Trim();

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);

    [Fact]
    public void Direct_io_exports_are_never_read_through_the_page_cache()
    {
        var path = Image(64);   // under /tmp: ext4 on Debian 12, which takes O_DIRECT
        File.ReadAllBytes(path);  // cached, so only the O_DIRECT choice can refuse the mapping
        using var store = new FileBlockStore(path, new StoreOptions(Direct: true));
        Assert.Equal(0, store.TryMapResident(0, 8));
    }

    [Fact]
    public void Mapped_answer_is_the_response_header_followed_by_the_file_sectors()
    {
        var path = Image(64);
        var file = File.ReadAllBytes(path);
        using var store = new FileBlockStore(path, new StoreOptions());
        var h = new RequestHandler(store, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 16, 16, "0.1:test"));
        var f = Ata(0x24, 10, 2);   // 1 KB: the MTU 1500 read
        var head = h.TryAnswerMapped(f, 60, 2, out var data, out var length);
        Assert.Equal(Wire.AtaDataOffset, head);
        Assert.Equal(2 * 512, length);
        Assert.Equal(ClientMac, Frame.Destination(f));
        Assert.True(Frame.IsResponse(f));
        Assert.Equal(0x40, f[27]);                       // DRDY, no error
        Assert.Equal(file.AsSpan(10 * 512, 2 * 512).ToArray(), At(data, length));
        Assert.Equal(1, h.Answered);
    }

    [Fact]
    public void Mapped_answer_declines_writes_out_of_range_and_jumbo_reads_leaving_the_frame_untouched()
    {
        var path = Image(64);
        using var store = new FileBlockStore(path, new StoreOptions());
        var h = new RequestHandler(store, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 16, 16, "0.1:test"));
        var write = Ata(0x34, 0, 1, write: true);
        var beyond = Ata(0x24, 63, 2);
        var jumbo = Ata(0x24, 0, 16);   // 8 KB: read into a transmit-ring slot instead
        var before = (byte[])beyond.Clone();
        var jumboBefore = (byte[])jumbo.Clone();
        Assert.Equal(-1, h.TryAnswerMapped(write, 36 + 512, 1, out _, out _));
        Assert.Equal(-1, h.TryAnswerMapped(beyond, 60, 2, out _, out _));
        Assert.Equal(-1, h.TryAnswerMapped(jumbo, 60, 16, out _, out _));
        Assert.Equal(before, beyond);
        Assert.Equal(jumboBefore, jumbo);
        Assert.Equal(0, h.Answered);
    }

    [Fact]
    public void A_mapping_truncated_under_the_sender_faults_the_syscall_not_the_process()
    {
        // The target hands mapped addresses only to the kernel (sendmmsg); a kernel read of a page cut off by
        // truncate must fail that call with EFAULT instead of killing the daemon with SIGBUS. write(2) reads the
        // user buffer the same way, so it stands in for the socket here.
        var path = Image(64);
        using var store = new FileBlockStore(path, new StoreOptions());
        var p = store.TryMapResident(16, 8);
        Assert.NotEqual(0, p);
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Write)) f.SetLength(0);
        var sink = Path.Combine(_dir.Path, "sink");
        using var handle = File.OpenHandle(sink, FileMode.Create, FileAccess.Write);
        Assert.Equal(-1, write((int)handle.DangerousGetHandle(), p, 8 * 512));
        Assert.Equal(14, Marshal.GetLastPInvokeError());   // EFAULT, and we are still alive to see it
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int fd, nint buffer, nint count);
}
