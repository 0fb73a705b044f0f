// Data integrity across clients: our client writes the pattern, aoe_bench.py (the team's independent AoE client,
// an optional cross-check tool) and the file agree; and our client works against the real vblade.
using System.Diagnostics;
using OpsKit.Aoe.Client;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class IntegrityTests
{
    private const string Tool = "aoe_bench.py";

    // Resolved when a test runs, not in a static initializer: without the tool the tests are skipped, not the class broken.
    private static string AoeBenchPy => CrossCheck.Require(Tool);

    [CrossCheckTheory(Tool, needsRoot: true)]
    [InlineData(1500)]
    [InlineData(9000)]
    public void Pattern_written_by_opskit_reads_back_through_aoe_bench_py_and_equals_the_file(int mtu)
    {
        using var net = new NetnsPair(mtu);
        var img = net.Image.File("disk.img");
        File.WriteAllBytes(img, new byte[16 << 20]);
        net.StartServer(NetnsPair.Opskit, "--no-config", "aoe", "serve", "-i", net.ServerIf, "--shelf", "3", "--slot", "7",
            "--state-dir", net.Image.File("state"), img);
        net.WaitFor("3.7");
        var w = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "3.7", "--write", "8", "--verify", "8", "--json");
        Assert.True(w.Code == 0, w.Out + w.Err);
        Assert.Contains("\"bad_sectors\": 0", w.Out);
        var v = net.Client("python3", AoeBenchPy, "-i", net.ClientIf, "verify", "3.7", "--mb", "7.5");
        Assert.True(v.Code == 0, v.Out + v.Err);
        Assert.Contains("verify_fail=0", v.Out);
        var data = File.ReadAllBytes(img);
        var written = 8_000_000 / 512 / (mtu == 1500 ? 2 : 17) * (mtu == 1500 ? 2 : 17);
        Assert.Equal(0, CheckPattern.CountBad(data, 0, written));
        Assert.All(data[(written * 512)..(written * 512 + 4096)], b => Assert.Equal(0, b));   // nothing beyond what was written
    }

    [CrossCheckFact(Tool, needsRoot: true)]
    public void Opskit_client_against_vblade()
    {
        using var net = new NetnsPair(1500);
        var img = net.Image.File("vb.img");
        File.WriteAllBytes(img, new byte[8 << 20]);
        var vb = net.StartServer("vblade", "0", "9", net.ServerIf, img);
        var sw = Stopwatch.StartNew();
        (int Code, string Out, string Err) d;
        do d = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "discover", "-i", net.ClientIf, "--json");
        while (!d.Out.Contains("\"e0.9\"") && sw.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Contains("\"target\": \"e0.9\"", d.Out);
        Assert.Contains("\"size_bytes\": 8388608", d.Out);
        Assert.Contains("\"buffers\": 16", d.Out);
        var w = net.Client("python3", AoeBenchPy, "-i", net.ClientIf, "write", "0.9", "--mb", "4");
        Assert.True(w.Code == 0, w.Out + w.Err);
        var v = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.9", "--verify", "4", "--server-pid", $"{vb.Id}");
        Assert.True(v.Code == 0, v.Out + v.Err);
        Assert.Contains("bad sectors 0", v.Out);
        Assert.Contains("server CPU", v.Out);
    }
}
