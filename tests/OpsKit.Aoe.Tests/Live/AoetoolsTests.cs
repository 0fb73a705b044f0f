// Real peers against "opskit aoe serve" in namespaces: aoe-sancheck, aoeping, aoecfg (Debian aoetools).
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class AoetoolsTests
{
    private static NetnsPair ServeTwo(int mtu, int threads = 2)
    {
        var net = new NetnsPair(mtu);
        foreach (var n in new[] { "a", "b" })
            File.WriteAllBytes(net.Image.File($"{n}.img"), new byte[8 << 20]);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllText(toml, $"""
            [aoe]
            shelf = 0
            interface = "{net.ServerIf}"
            threads = {threads}
            state_dir = "{net.Image.File("state")}"

            [[aoe.export]]
            alias = "alpha"
            slot = 1
            file = "{net.Image.File("a.img")}"

            [[aoe.export]]
            alias = "beta"
            slot = 2
            file = "{net.Image.File("b.img")}"
            """);
        try
        {
            net.StartServer(NetnsPair.Opskit, "--config", toml, "aoe", "serve");
            net.WaitFor("0.1");
            net.WaitFor("0.2");
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    [RootTheory]
    [InlineData(1500, 1024, 1)]
    [InlineData(1500, 1024, 2)]
    [InlineData(9000, 8704, 2)]
    public void Sancheck_lists_every_export_with_the_payload_of_the_mtu(int mtu, int payload, int threads)
    {
        using var net = ServeTwo(mtu, threads);
        var r = net.Client("aoe-sancheck", "-v");
        Assert.Contains($"e0.1\t   1\t{payload}\t{net.ClientIf}", r.Out);
        Assert.Contains($"e0.2\t   1\t{payload}\t{net.ClientIf}", r.Out);
        Assert.DoesNotContain("not set optimally", r.Out);
    }

    [RootFact]
    public void Aoeping_finds_identifies_and_gets_smart_refused()
    {
        using var net = ServeTwo(1500);
        var v = net.Client("aoeping", "-v", "-s", "5", "0", "2", net.ClientIf);
        Assert.Equal(0, v.Code);
        Assert.Contains("found e0.2", v.Out);
        var i = net.Client("aoeping", "-I", "-s", "5", "0", "1", net.ClientIf);
        Assert.Equal(0, i.Code);
        Assert.Contains("model: OpsKit AoE target", i.Out);
        Assert.Contains("serial_number: 0.1:alpha", i.Out);
        Assert.Contains("firmware_rev: OPSKIT01", i.Out);
        var s = net.Client("aoeping", "-S", "return_status", "-s", "5", "0", "1", net.ClientIf);
        Assert.Contains("does not support SMART", s.Out + s.Err);
    }

    [RootFact]
    public void Aoecfg_read_set_badcfg_test_prefix_fset()
    {
        using var net = ServeTwo(1500);
        string Cfg(params string[] a) => net.Client("aoecfg", ["-t", "1", .. a]).Out;
        Assert.Equal("0.1\t\n0.2\t\n", Cfg(net.ClientIf).Replace("0.2\t\n0.1\t\n", "0.1\t\n0.2\t\n"));
        Assert.Equal("first\n", Cfg("-c", "set", "-s", "first", "0", "1", net.ClientIf));
        Assert.Equal("*badcfg*\n", Cfg("-c", "set", "-s", "second", "0", "1", net.ClientIf));
        Assert.Equal("first\n", Cfg("-c", "test", "-s", "first", "0", "1", net.ClientIf));
        Assert.Equal("", Cfg("-c", "test", "-s", "firs", "0", "1", net.ClientIf));
        Assert.Equal("first\n", Cfg("-c", "prefix", "-s", "fir", "0", "1", net.ClientIf));
        Assert.Equal("", Cfg("-c", "prefix", "-s", "irst", "0", "1", net.ClientIf));
        Assert.Equal("forced\n", Cfg("-c", "fset", "-s", "forced", "0", "1", net.ClientIf));
        Assert.Contains("0.1\tforced", Cfg(net.ClientIf));
        Assert.Contains("config 666F72636564", File.ReadAllText(net.Image.File("state", "e0.1.state")));
    }
}

[CollectionDefinition("netns", DisableParallelization = true)]
public class NetnsCollection;
