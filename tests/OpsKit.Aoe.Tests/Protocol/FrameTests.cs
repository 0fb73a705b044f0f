// Header encode/decode, MAC parsing, padding, LBA decoding and the MTU-to-sectors rule.
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Tests.Protocol;

public class FrameTests
{
    [Fact]
    public void Header_round_trips_at_the_spec_offsets()
    {
        var f = new byte[60];
        Frame.WriteHeader(f, MacAddress.Broadcast, MacAddress.Parse("02:00:00:00:00:01"), 0x08, AoeError.Reserved, 0x1234, 0x56, 1, 0x80ABCDEF);
        Assert.Equal(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0, 0, 1, 0x88, 0xA2, 0x18, 6, 0x12, 0x34, 0x56, 1, 0x80, 0xAB, 0xCD, 0xEF },
            f[..24]);
        Assert.Equal(0x1234, Frame.Shelf(f));
        Assert.Equal(0x56, Frame.Slot(f));
        Assert.Equal(0x80ABCDEFu, Frame.Tag(f));
        Assert.True(Frame.IsResponse(f));
    }

    [Theory]
    [InlineData("00:16:E6:D3:ED:E5", true)]
    [InlineData("00-16-e6-d3-ed-e5", true)]
    [InlineData("00:16:E6:D3:ED:E51", false)]
    [InlineData("00:16:E6:D3:ED", false)]
    [InlineData("zz:16:E6:D3:ED:E5", false)]
    public void Mac_parsing(string text, bool ok)
    {
        Assert.Equal(ok, MacAddress.TryParse(text, out var mac));
        if (ok) Assert.Equal("00:16:e6:d3:ed:e5", mac.ToString());
    }

    [Fact]
    public void Pad_zero_fills_to_60()
    {
        var f = Enumerable.Repeat((byte)0xEE, 100).ToArray();
        Assert.Equal(60, Frame.Pad(f, 36));
        Assert.All(f[36..60], b => Assert.Equal(0, b));
        Assert.Equal(0xEE, f[60]);
        Assert.Equal(1060, Frame.Pad(f, 1060));
    }

    [Fact]
    public void Lba48_and_lba28_decoding()
    {
        var f = new byte[60];
        Frame.WriteAta(f, Ata.FlagExtended, 0, 1, Ata.ReadExt, 0x0000_1234_5678_9ABC);
        Assert.Equal(0x1234_5678_9ABCUL, Frame.AtaLba(f));
        Frame.WriteAta(f, 0, 0, 1, Ata.Read, 0x0ABC_DEF1);
        Assert.Equal(0xEA, f[31]);
        Assert.Equal(0x0ABC_DEF1UL, Frame.AtaLba(f));
    }

    [Theory]
    [InlineData(1500, 2)]
    [InlineData(9000, 17)]
    [InlineData(1046, 2)]
    [InlineData(200000, 255)]
    public void Sectors_per_frame_follow_the_mtu(int mtu, int sectors) => Assert.Equal(sectors, Wire.SectorsForMtu(mtu));
}
