// The [aoe] table: binding, and every validation error with FILE:LINE:COL.
using OpsKit.Aoe.Exports;
using OpsKit.Core;
using OpsKit.Core.Config;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Exports;

public class AoeSettingsTests
{
    private static AoeSettings Bind(string toml, bool checkHost = false) =>
        AoeSettings.Bind(OpsKitConfig.FromText(toml, "/etc/opskit/opskit.toml", [AoeSettings.Schema]).Section("aoe"), checkHost);

    private static string Error(string toml, bool checkHost = false) =>
        Assert.Throws<OpsKitException>(() => Bind(toml, checkHost)) is var e && e.ExitCode == ExitCodes.Config ? e.Message : $"exit {e.ExitCode}: {e.Message}";

    private const string Head = "[aoe]\nshelf = 2\ninterface = \"eth1\"\n";

    [Fact]
    public void Binds_exports_with_defaults_and_overrides()
    {
        var s = Bind(Head + """
            [[aoe.export]]
            alias = "apollo"
            slot = 0
            file = "/home/apollo.img"
            allow = ["00:16:E6:D3:ED:E5"]
            [[aoe.export]]
            alias = "b"
            slot = 4
            file = "/dev/sdb"
            interface = "eth2"
            read_only = true
            offset = 1048576
            direct = true
            buffers = 8
            """);
        Assert.Equal(2, s.Exports.Count);
        var a = s.Exports[0];
        Assert.Equal(("apollo", (ushort)2, (byte)0, "eth1", 64), (a.Alias, a.Shelf, a.Slot, a.Interface, a.Buffers));
        Assert.Equal("00:16:e6:d3:ed:e5", a.Allow.Single().ToString());
        var b = s.Exports[1];
        Assert.Equal(("eth2", true, 1048576L, true, 8), (b.Interface, b.Store.ReadOnly, b.Store.Offset, b.Store.Direct, b.Buffers));
        Assert.Equal("builtin", s.Backend);
    }

    [Fact]
    public void Duplicate_alias_names_the_line()
    {
        var m = Error(Head + "[[aoe.export]]\nalias = \"a\"\nslot = 1\nfile = \"/x\"\n[[aoe.export]]\nalias = \"a\"\nslot = 2\nfile = \"/y\"\n");
        Assert.Equal("/etc/opskit/opskit.toml:9:1: [aoe.export[1]] alias: duplicate alias 'a'", m);
    }

    [Fact]
    public void Duplicate_slot_names_the_line()
    {
        var m = Error(Head + "[[aoe.export]]\nalias = \"a\"\nslot = 1\nfile = \"/x\"\n[[aoe.export]]\nalias = \"b\"\nslot = 1\nfile = \"/y\"\n");
        Assert.Equal("/etc/opskit/opskit.toml:10:1: [aoe.export[1]] slot: duplicate slot 1 on shelf 2", m);
    }

    [Fact]
    public void Malformed_mac_names_the_line()
    {
        var m = Error(Head + "[[aoe.export]]\nalias = \"a\"\nslot = 1\nfile = \"/x\"\nallow = [\"00:16:E6:D3:ED:E51\"]\n");
        Assert.Equal("/etc/opskit/opskit.toml:8:1: [aoe.export[0]] allow: malformed MAC address '00:16:E6:D3:ED:E51' (want six hex pairs like 00:16:e6:d3:ed:e5)", m);
    }

    [Fact]
    public void Shelf_ffff_is_refused()
    {
        var m = Error("[aoe]\nshelf = 65535\n");
        Assert.StartsWith("/etc/opskit/opskit.toml:2:", m);
        Assert.Contains("shelf", m);
    }

    [Fact]
    public void Missing_file_and_interface_are_reported_when_checking_the_host()
    {
        using var dir = new TempDir();
        var img = dir.File("a.img");
        File.WriteAllBytes(img, new byte[512]);
        var m = Error($"[aoe]\n[[aoe.export]]\nalias = \"a\"\nslot = 1\nfile = \"{dir.File("missing.img")}\"\ninterface = \"lo\"\n", checkHost: true);
        Assert.Matches(@"opskit\.toml:5:1: \[aoe\.export\[0\]\] file: '.*missing\.img' does not exist", m);
        var n = Error($"[aoe]\n[[aoe.export]]\nalias = \"a\"\nslot = 1\nfile = \"{img}\"\ninterface = \"okaoenope0\"\n", checkHost: true);
        Assert.Equal("/etc/opskit/opskit.toml:6:1: [aoe.export[0]] interface: network interface 'okaoenope0' does not exist", n);
    }

    [Fact]
    public void Slot_ff_and_missing_alias_are_refused()
    {
        Assert.Contains("slot", Error(Head + "[[aoe.export]]\nalias = \"a\"\nslot = 255\nfile = \"/x\"\n"));
        Assert.Contains("alias: missing", Error(Head + "[[aoe.export]]\nslot = 1\nfile = \"/x\"\n"));
    }
}
