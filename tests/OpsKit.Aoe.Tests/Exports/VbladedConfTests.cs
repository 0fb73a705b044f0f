// The origin's vbladed.conf: its own example is accepted, its typo is reported with the line, and import gives TOML.
using OpsKit.Aoe.Exports;
using OpsKit.Core;
using OpsKit.Core.Config;

namespace OpsKit.Aoe.Tests.Exports;

public class VbladedConfTests
{
    private const string Origin = """
        ##
        # vbladed export configuration file
        ##

        # unique shelf identifier for this vblade server
        SHELF="0"     # must be numeric 0-254, default 0

        ##
        # AOESLOT FILE MAC IFACE ALIAS
        # 0 /data/server.img FF:FF:FF:FF:FF:FF eth1 server
        0 /home/apollo.img 00:16:E6:D3:ED:E5 eth1 apollo
        """;

    [Fact]
    public void The_origin_example_is_accepted()
    {
        var t = VbladedConf.Parse(Origin, "/etc/vbladed.conf");
        Assert.Equal(0, t.Shelf);
        var e = Assert.Single(t.Exports);
        Assert.Equal((0, "/home/apollo.img", "00:16:e6:d3:ed:e5", "eth1", "apollo", 11), (e.Slot, e.File, e.Mac.ToString(), e.Interface, e.Alias, e.Line));
    }

    [Fact]
    public void The_origin_typo_is_reported_with_its_line_number()
    {
        var text = Origin.Replace("00:16:E6:D3:ED:E5 eth1", "00:16:E6:D3:ED:E51 eth1");
        var e = Assert.Throws<OpsKitException>(() => VbladedConf.Parse(text, "/etc/vbladed.conf"));
        Assert.Equal("/etc/vbladed.conf:11: malformed MAC address '00:16:E6:D3:ED:E51' (want six hex pairs like 00:16:E6:D3:ED:E5)", e.Message);
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
    }

    [Theory]
    [InlineData("0 /a.img 00:16:E6:D3:ED:E5 eth1", "want 'AOESLOT FILE MAC IFACE ALIAS', got 4 fields")]
    [InlineData("x /a.img 00:16:E6:D3:ED:E5 eth1 a", "AOESLOT 'x'")]
    [InlineData("0 /a.img 00:16:E6:D3:ED:E5 eth1 a\n1 /b.img 00:16:E6:D3:ED:E5 eth1 a", "duplicate alias 'a' (first on line 1)")]
    [InlineData("0 /a.img 00:16:E6:D3:ED:E5 eth1 a\n0 /b.img 00:16:E6:D3:ED:E5 eth1 b", "duplicate AOESLOT 0")]
    [InlineData("SHELF=\"x\"", "SHELF=\"x\"")]
    public void Errors_name_the_line(string text, string why)
    {
        var e = Assert.Throws<OpsKitException>(() => VbladedConf.Parse(text, "t.conf"));
        Assert.StartsWith("t.conf:", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Import_gives_toml_that_the_loader_accepts_and_broadcast_means_any()
    {
        var t = VbladedConf.Parse(Origin + "\n3 /srv/x.img FF:FF:FF:FF:FF:FF eth1 anyone\n", "/etc/vbladed.conf");
        var toml = t.ToToml("/etc/vbladed.conf");
        var s = AoeSettings.Bind(OpsKitConfig.FromText(toml, "imported.toml", [AoeSettings.Schema]).Section("aoe"), checkHost: false);
        Assert.Equal(["apollo", "anyone"], s.Exports.Select(e => e.Alias));
        Assert.Equal("00:16:e6:d3:ed:e5", s.Exports[0].Allow.Single().ToString());
        Assert.Empty(s.Exports[1].Allow);
        Assert.Equal("eth1", s.Exports[0].Interface);
    }
}
