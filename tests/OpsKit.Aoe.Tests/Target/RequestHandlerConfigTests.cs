// Query Config (all five CCmds), Mac Mask List, Reserve/Release, addressing, versions and persistence.
using System.Buffers.Binary;
using System.Text;
using OpsKit.Aoe.Protocol;
using OpsKit.Aoe.Target;
using OpsKit.Testing;
using static OpsKit.Aoe.Tests.Target.Frames;

namespace OpsKit.Aoe.Tests.Target;

public class RequestHandlerConfigTests
{
    private readonly MemoryBlockStore _store = new(64);
    private readonly ExportState _state = new();
    private readonly RequestHandler _h;

    public RequestHandlerConfigTests() =>
        _h = new RequestHandler(_store, _state, new ExportIdentity(7, 3, Frames.Target, 17, 32, "7.3:x"));

    private static string Text(byte[] f) => Encoding.ASCII.GetString(f, 32, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(30)));

    [Fact]
    public void Read_answers_broadcast_with_our_address_buffers_and_sector_count()
    {
        var f = Config(0, shelf: 0xFFFF, slot: 0xFF);
        Assert.True(_h.Addressed(0xFFFF, 0xFF, 1));
        Assert.Equal(60, _h.Handle(f, 60));
        Assert.Equal(7, Frame.Shelf(f));
        Assert.Equal(3, Frame.Slot(f));
        Assert.Equal(32, BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(24)));
        Assert.Equal(17, f[28]);
        Assert.Equal(0x10, f[29]);
    }

    [Fact]
    public void Read_ignores_the_string_and_its_length_like_aoeping_sends()
    {
        var f = Config(0, new string('\xED', 0), shelf: 7, slot: 3, lengthField: 1024);
        Assert.Equal(60, _h.Handle(f, 1056));
        Assert.Equal(0, f[14] & 0x04);
        Assert.Equal("", Text(f));
    }

    [Fact]
    public void Short_32_byte_query_from_linux_is_answered()
    {
        var f = Config(0, shelf: 7, slot: 3);
        Assert.Equal(60, _h.Handle(f, 32));
    }

    [Fact]
    public void Set_then_second_set_is_config_present_and_fset_overrides()
    {
        var a = Config(3, "first", 7, 3);
        _h.Handle(a, 60);
        Assert.Equal("first", Text(a));
        var b = Config(3, "second", 7, 3);
        _h.Handle(b, 60);
        Assert.Equal(0x1C, b[14]);
        Assert.Equal((byte)AoeError.ConfigPresent, b[15]);
        Assert.Equal("first", Text(b));
        var same = Config(3, "first", 7, 3);
        _h.Handle(same, 60);
        Assert.Equal(0, same[15]);
        var c = Config(4, "forced", 7, 3);
        _h.Handle(c, 60);
        Assert.Equal("forced", Text(c));
    }

    [Fact]
    public void Test_and_prefix_answer_only_on_match()
    {
        _h.Handle(Config(4, "backup-store", 7, 3), 60);
        Assert.Equal(0, _h.Handle(Config(1, "backup", 7, 3), 60));
        Assert.NotEqual(0, _h.Handle(Config(1, "backup-store", 7, 3), 60));
        Assert.NotEqual(0, _h.Handle(Config(2, "backup", 7, 3), 60));
        Assert.Equal(0, _h.Handle(Config(2, "store", 7, 3), 60));
    }

    [Fact]
    public void Length_field_is_used_not_the_frame_length()
    {
        var f = Config(4, "abcGARBAGE", 7, 3, lengthField: 3);
        _h.Handle(f, 1056);
        Assert.Equal("abc", Text(f));
        var bad = Config(4, "abc", 7, 3, lengthField: 1025);
        _h.Handle(bad, 1100);
        Assert.Equal((byte)AoeError.BadArgument, bad[15]);
    }

    [Fact]
    public void Mac_mask_add_list_and_then_drop_others()
    {
        var f = Header(2, 7, 3);
        f[25] = 1; f[27] = 1;
        f[29] = 1; ClientMac.Write(f.AsSpan(30));
        Assert.Equal(60, _h.Handle(f, 36));
        Assert.Equal(1, f[27]);
        Assert.Equal(ClientMac, MacAddress.Read(f.AsSpan(30)));
        Assert.Equal(0, _h.Handle(WithSource(Config(0, shelf: 7, slot: 3), Other), 60));
        Assert.NotEqual(0, _h.Handle(Config(0, shelf: 7, slot: 3), 60));
    }

    [Fact]
    public void Mac_mask_bad_directive_reports_merror_and_index()
    {
        var f = Header(2, 7, 3);
        f[25] = 1; f[27] = 2;
        f[29] = 1; Other.Write(f.AsSpan(30));
        f[37] = 9;
        _h.Handle(f, 44);
        Assert.Equal(2, f[26]);
        Assert.Equal(1, f[27]);
    }

    [Fact]
    public void Reserve_blocks_other_macs_from_io_but_not_identify()
    {
        var r = Header(3, 7, 3);
        r[24] = 1; r[25] = 1; ClientMac.Write(r.AsSpan(26));
        _h.Handle(r, 60);
        Assert.Equal(1, r[25]);
        var read = Ata(0x24, 0, 1, src: Other, slot: 3);
        BinaryPrimitives.WriteUInt16BigEndian(read.AsSpan(16), 7);
        _h.Handle(read, 36);
        Assert.Equal((byte)AoeError.Reserved, read[15]);
        var id = Ata(0xEC, 0, 1, ext: false, src: Other, slot: 3);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(16), 7);
        _h.Handle(id, 36);
        Assert.Equal(0x40, id[27]);
        var set = Header(3, 7, 3, src: Other);
        set[24] = 1; set[25] = 0;
        _h.Handle(set, 60);
        Assert.Equal((byte)AoeError.Reserved, set[15]);
        var force = Header(3, 7, 3, src: Other);
        force[24] = 2; force[25] = 0;
        _h.Handle(force, 60);
        Assert.Equal(0, force[25]);
        Assert.Empty(_state.Reserve);
    }

    [Theory]
    [InlineData(0x18)]   // R flag set
    [InlineData(0x1C)]
    public void Responses_are_never_answered(byte verFlags)
    {
        Assert.Equal(0, _h.Handle(Header(1, 7, 3, verFlags: verFlags), 60));
    }

    [Fact]
    public void Unknown_command_and_version_are_aoe_errors()
    {
        var f = Header(9, 7, 3);
        _h.Handle(f, 60);
        Assert.Equal((byte)AoeError.BadCommand, f[15]);
        var v = Header(1, 7, 3, verFlags: 0x20);
        _h.Handle(v, 60);
        Assert.Equal((byte)AoeError.UnsupportedVersion, v[15]);
    }

    [Fact]
    public void Ata_is_never_accepted_on_wildcard_addresses()
    {
        Assert.False(_h.Addressed(0xFFFF, 0xFF, 0));
        Assert.False(_h.Addressed(7, 0xFF, 0));
        Assert.True(_h.Addressed(7, 3, 0));
        Assert.False(_h.Addressed(7, 4, 1));
    }

    [Fact]
    public void State_persists_across_a_restart()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "e7.3.state");
        var h = new RequestHandler(_store, ExportState.Load(path), new ExportIdentity(7, 3, Frames.Target, 2, 16, "x"));
        h.Handle(Config(4, "kept", 7, 3), 60);
        var r = Header(3, 7, 3);
        r[24] = 1; r[25] = 1; ClientMac.Write(r.AsSpan(26));
        h.Handle(r, 60);
        var again = ExportState.Load(path);
        Assert.Equal("kept", Encoding.ASCII.GetString(again.ConfigString));
        Assert.Equal([ClientMac], again.Reserve);
    }

    private static byte[] WithSource(byte[] f, MacAddress src)
    {
        src.Write(f.AsSpan(6));
        return f;
    }
}
