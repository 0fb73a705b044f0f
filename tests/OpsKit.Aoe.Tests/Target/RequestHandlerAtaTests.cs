// Issue ATA handling over hand-built frames: reads, writes, ranges, IDENTIFY, FLUSH, CHECK POWER, SMART, refusals.
using System.Buffers.Binary;
using OpsKit.Aoe.Protocol;
using OpsKit.Aoe.Target;
using static OpsKit.Aoe.Tests.Target.Frames;

namespace OpsKit.Aoe.Tests.Target;

public class RequestHandlerAtaTests
{
    private readonly MemoryBlockStore _store = new(2048);
    private readonly RequestHandler _h;

    public RequestHandlerAtaTests()
    {
        for (var i = 0; i < _store.Data.Length; i++) _store.Data[i] = (byte)(i / 512);
        _h = new RequestHandler(_store, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 2, 16, "0.1:test"));
    }

    [Fact]
    public void ReadExt_returns_the_sectors_with_response_header()
    {
        var f = Ata(0x24, 5, 2);
        var n = _h.Handle(f, 36);
        Assert.Equal(36 + 1024, n);
        Assert.Equal(ClientMac, Frame.Destination(f));
        Assert.Equal(Frames.Target, Frame.Source(f));
        Assert.Equal(0x18, f[14]);                       // version 1, R
        Assert.Equal(0x80000001u, Frame.Tag(f));
        Assert.Equal(0x40, f[27]);                       // DRDY
        Assert.Equal(0, f[25]);
        Assert.Equal(5, f[36]);
        Assert.Equal(6, f[36 + 512]);
    }

    [Fact]
    public void Lba28_read_masks_the_device_bits()
    {
        var f = Ata(0x20, 7, 1, ext: false);
        Assert.Equal(0xE0, f[31]);
        Assert.Equal(36 + 512, _h.Handle(f, 36));
        Assert.Equal(7, f[36]);
    }

    [Fact]
    public void Write_then_read_back()
    {
        var w = Ata(0x34, 100, 2, write: true);
        w.AsSpan(36, 1024).Fill(0xAB);
        Assert.Equal(60, _h.Handle(w, 36 + 1024));
        Assert.Equal(0x40, w[27]);
        Assert.All(_store.Data.AsSpan(100 * 512, 1024).ToArray(), b => Assert.Equal(0xAB, b));
        Assert.Equal(99, _store.Data[99 * 512]);
        Assert.Equal(102, _store.Data[102 * 512]);
    }

    [Theory]
    [InlineData(2047UL, 2)]     // last sector + one beyond
    [InlineData(2048UL, 1)]     // first sector beyond the end
    [InlineData(0xFFFFFFFFFFFFUL, 2)]
    public void Out_of_range_is_DRDY_ERR_IDNF_without_file_access(ulong lba, byte count)
    {
        var f = Ata(0x24, lba, count);
        Assert.Equal(60, _h.Handle(f, 36));
        Assert.Equal(0x41, f[27]);
        Assert.Equal(0x10, f[25]);
        Assert.Equal(0, f[14] & 0x04);                   // not an AoE error
        Assert.Equal(0, _store.Accesses);
    }

    [Fact]
    public void Count_above_advertised_is_bad_argument()
    {
        var f = Ata(0x24, 0, 3);
        Assert.Equal(60, _h.Handle(f, 36));
        Assert.Equal(0x1C, f[14]);                       // R|E
        Assert.Equal((byte)AoeError.BadArgument, f[15]);
    }

    [Fact]
    public void Short_write_payload_is_bad_argument()
    {
        var f = Ata(0x34, 0, 2, write: true);
        _h.Handle(f, 36 + 512);
        Assert.Equal((byte)AoeError.BadArgument, f[15]);
        Assert.Equal(0, _store.Accesses);
    }

    [Fact]
    public void Identify_has_swapped_strings_capacity_and_lba48()
    {
        var f = Ata(0xEC, 0, 1, ext: false);
        f.AsSpan(36, 1024).Fill(0x55);                   // sancheck pads IDENTIFY with payload
        Assert.Equal(36 + 512, _h.Handle(f, 36 + 1024));
        var id = f.AsSpan(36, 512);
        Assert.Equal((byte)'p', id[27 * 2]);             // "OpsKit": 'O' high byte of word 27, 'p' low byte
        Assert.Equal((byte)'O', id[27 * 2 + 1]);
        Assert.Equal(ExportIdentity.Model, Identify.ReadString(id, 27, 40));
        Assert.Equal("0.1:test", Identify.ReadString(id, 10, 20));
        Assert.Equal("OPSKIT01", Identify.ReadString(id, 23, 8));
        Assert.Equal(2048UL, Identify.Capacity(id));
        Assert.NotEqual(0, BinaryPrimitives.ReadUInt16LittleEndian(id[(83 * 2)..]) & 0x0400);
        Assert.Equal(2048, BinaryPrimitives.ReadUInt16LittleEndian(id[(60 * 2)..]));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(id[(82 * 2)..]) & 1);   // no SMART
    }

    [Fact]
    public void Flush_calls_fdatasync_before_the_ack()
    {
        var f = Ata(0xE7, 0, 0, ext: false);
        Assert.Equal(60, _h.Handle(f, 36));
        Assert.Equal(0x40, f[27]);
        Assert.Equal(1, _store.Flushes);
    }

    [Fact]
    public void Check_power_mode_reports_active()
    {
        var f = Ata(0xE5, 0, 0, ext: false);
        _h.Handle(f, 36);
        Assert.Equal(0x40, f[27]);
        Assert.Equal(0xFF, f[26]);
    }

    [Theory]
    [InlineData(0xB0)]
    [InlineData(0x00)]
    [InlineData(0xC8)]
    public void Smart_and_unknown_commands_are_aborted(byte cmd)
    {
        var f = Ata(cmd, 0, 1, ext: false);
        _h.Handle(f, 36);
        Assert.Equal(0x41, f[27]);
        Assert.Equal(0x04, f[25]);
    }

    [Fact]
    public void Read_only_export_aborts_writes()
    {
        var ro = new MemoryBlockStore(16, readOnly: true);
        var h = new RequestHandler(ro, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 2, 16, "x"));
        var f = Ata(0x34, 0, 1, write: true);
        h.Handle(f, 36 + 512);
        Assert.Equal(0x41, f[27]);
        Assert.Equal(0x04, f[25]);
        Assert.Equal(0, ro.Accesses);
    }

    [Fact]
    public void Non_blocking_path_answers_like_the_worker()
    {
        var a = Ata(0x24, 9, 2);
        var b = Ata(0x24, 9, 2);
        var mem = new FakeNowStore(_store);
        var h2 = new RequestHandler(mem, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 2, 16, "0.1:test"));
        Assert.Equal(_h.Handle(a, 36), h2.TryHandleNow(b, 36));
        Assert.Equal(a.AsSpan(0, 1060).ToArray(), b.AsSpan(0, 1060).ToArray());
        Assert.Equal(-1, h2.TryHandleNow(Ata(0x24, 4000, 1), 36));   // out of range: left to the worker
    }

    [Fact]
    public void Contiguous_reads_of_a_batch_are_served_by_one_store_read_and_writes_invalidate_it()
    {
        var mem = new FakeNowStore(_store);
        var h = new RequestHandler(mem, new ExportState(), new ExportIdentity(0, 1, Frames.Target, 2, 16, "x"));
        for (var i = 0; i < 8; i++)
        {
            var f = Ata(0x24, (ulong)(40 + 2 * i), 2);
            Assert.Equal(36 + 1024, h.TryHandleNow(f, 36, 16 - 2 * i));
            Assert.Equal(40 + 2 * i, f[36]);
            Assert.Equal(41 + 2 * i, f[36 + 512]);
        }
        Assert.Equal(1, mem.Reads);
        var w = Ata(0x34, 50, 1, write: true);
        w.AsSpan(36, 512).Fill(0xEE);
        Assert.Equal(60, h.Handle(w, 36 + 512));
        h.EndBatch();
        var again = Ata(0x24, 50, 1);
        h.TryHandleNow(again, 36, 4);
        Assert.Equal(0xEE, again[36]);
    }

    private sealed class FakeNowStore(MemoryBlockStore inner) : IBlockStore
    {
        public int Reads { get; private set; }
        public ulong Sectors => inner.Sectors;
        public bool ReadOnly => false;
        public void Read(Span<byte> d, ulong lba) => inner.Read(d, lba);
        public void Write(ReadOnlySpan<byte> s, ulong lba) => inner.Write(s, lba);
        public void Flush() { }
        public bool TryReadNow(Span<byte> d, ulong lba) { Reads++; inner.Read(d, lba); return true; }
        public void Dispose() { }
    }
}
