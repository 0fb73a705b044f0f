// [aoe] threads = 2: two receive threads in a PACKET_FANOUT group answer, each export's frames on one of them; data
// round trips byte for byte, concurrent writers to disjoint ranges land where they aimed, status counts per thread.
using System.Text.Json.Nodes;
using OpsKit.Aoe.Client;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class ThreadsLiveTests
{
    private const int ImageBytes = 32 << 20;

    // Two exports, slots 1 and 2: the fanout program sends shelf + slot modulo 2, so each lands on another thread.
    private static (string Toml, Func<string[], (int Code, string Out, string Err)> Aoe) Daemon(NetnsPair net, int threads)
    {
        var toml = net.Image.File("opskit.toml");
        var text = $"[aoe]\ninterface = \"{net.ServerIf}\"\nthreads = {threads}\nstate_dir = \"{net.Image.File("state")}\"\nrun_dir = \"{net.Image.File("run")}\"\n";
        foreach (var (alias, slot) in new[] { ("one", 1), ("two", 2) })
        {
            File.WriteAllBytes(net.Image.File($"{alias}.img"), new byte[ImageBytes]);
            text += $"[[aoe.export]]\nalias = \"{alias}\"\nslot = {slot}\nfile = \"{net.Image.File($"{alias}.img")}\"\n";
        }
        File.WriteAllText(toml, text);
        return (toml, a => NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), NetnsPair.Opskit, ["--config", toml, "aoe", .. a]));
    }

    private static void StopDaemon(NetnsPair net, Func<string[], (int Code, string Out, string Err)> aoe)
    {
        var stop = aoe(["stop"]);
        if (stop.Code == 0) return;
        // The daemon we started, by its pid file, if stop failed.
        var pidFile = net.Image.File("run", "vbladed.pid");
        if (File.Exists(pidFile)) NetnsPair.Run("kill", File.ReadAllText(pidFile).Trim());
    }

    private static JsonArray Threads(Func<string[], (int Code, string Out, string Err)> aoe)
    {
        var r = aoe(["status", "--json"]);
        Assert.True(r.Code == 0, r.Out + r.Err);
        return JsonNode.Parse(r.Out)!["receive_threads"]!.AsArray();
    }

    // Sectors written by "bench --write MB" at this MTU (whole frames only).
    private static int Sectors(double mb, int mtu) => (int)(mb * 1e6) / 512 / (mtu == 1500 ? 2 : 17) * (mtu == 1500 ? 2 : 17);

    [RootTheory]
    [InlineData(1500)]
    [InlineData(9000)]
    public void Pattern_round_trip_on_two_exports_is_answered_by_both_threads(int mtu)
    {
        using var net = new NetnsPair(mtu);
        var (_, aoe) = Daemon(net, 2);
        try
        {
            var start = aoe(["start"]);
            Assert.True(start.Code == 0, start.Out + start.Err);
            net.WaitFor("0.1");
            net.WaitFor("0.2");
            var w = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.1,0.2", "--write", "8", "--verify", "8", "--json");
            Assert.True(w.Code == 0, w.Out + w.Err);
            var runs = JsonNode.Parse(w.Out)!["runs"]!.AsArray();
            Assert.Equal(2, runs.Count);
            Assert.All(runs, r => Assert.Equal(0, (long)r!["errors"]!));
            Assert.Equal(0, (long)runs[1]!["bad_sectors"]!);
            var written = Sectors(8, mtu);
            foreach (var alias in new[] { "one", "two" })
            {
                var data = File.ReadAllBytes(net.Image.File($"{alias}.img"));
                Assert.Equal(0, CheckPattern.CountBad(data, 0, written));
                Assert.All(data[(written * 512)..(written * 512 + 4096)], b => Assert.Equal(0, b));
            }
            Thread.Sleep(1500);   // the daemon rewrites its status file every second
            var threads = Threads(aoe);
            Assert.Equal(2, threads.Count);
            Assert.Equal([0, 1], threads.Select(t => (int)t!["thread"]!).Order());
            Assert.All(threads, t => Assert.Equal(net.ServerIf, (string)t!["interface"]!));
            // Each thread took one export's writes and reads (8 MB each way), answering them itself or through the
            // export's worker (writes to a disk file that RWF_NOWAIT refuses go to the worker).
            var frames = 2 * written / (mtu == 1500 ? 2 : 17);
            Assert.All(threads, t => Assert.True((long)t!["received"]! >= frames && (long)t["answered"]! + (long)t["queued"]! >= frames, t.ToJsonString()));
            var text = aoe(["status"]);
            Assert.Matches(@"IFACE\s+THREAD\s+RECEIVED\s+ANSWERED\s+QUEUED\s+IGNORED\s+DROPS", text.Out);
            Assert.Matches($@"{net.ServerIf}\s+1\s+\d+\s+\d+", text.Out);
        }
        finally
        {
            StopDaemon(net, aoe);
        }
    }

    [RootFact]
    public void Concurrent_writers_to_disjoint_ranges_land_where_they_aimed()
    {
        using var net = new NetnsPair(1500);
        var (_, aoe) = Daemon(net, 2);
        try
        {
            var start = aoe(["start"]);
            Assert.True(start.Code == 0, start.Out + start.Err);
            net.WaitFor("0.1");
            net.WaitFor("0.2");
            // Four clients at once: two ranges of each export (0 and 16384 sectors in), both exports on other threads.
            const double Mb = 4;
            var jobs = (from target in new[] { "0.1", "0.2" }
                        from lba in new[] { 0, 16384 }
                        select Task.Run(() => net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, target,
                            "--write", $"{Mb}", "--start", $"{lba}", "--json"))).ToList();
            foreach (var j in jobs)
            {
                var r = j.Result;
                Assert.True(r.Code == 0, r.Out + r.Err);
                Assert.Equal(0, (long)JsonNode.Parse(r.Out)!["runs"]![0]!["errors"]!);
            }
            var written = Sectors(Mb, 1500);
            foreach (var alias in new[] { "one", "two" })
            {
                var data = File.ReadAllBytes(net.Image.File($"{alias}.img"));
                Assert.Equal(0, CheckPattern.CountBad(data, 0, written));
                Assert.Equal(0, CheckPattern.CountBad(data.AsSpan(16384 * 512), 16384, written));
                Assert.All(data[(written * 512)..(16384 * 512)], b => Assert.Equal(0, b));   // the gap between stays untouched
            }
            // And the other way round through the server: both exports verify through their threads.
            foreach (var lba in new[] { 0, 16384 })
            {
                var v = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.1,0.2", "--verify", $"{Mb}", "--start", $"{lba}", "--json");
                Assert.True(v.Code == 0, v.Out + v.Err);
                Assert.Equal(0, (long)JsonNode.Parse(v.Out)!["runs"]![0]!["bad_sectors"]!);
            }
            Thread.Sleep(1500);
            Assert.All(Threads(aoe), t => Assert.True((long)t!["received"]! >= 2 * Sectors(Mb, 1500) / 2, t!.ToJsonString()));
        }
        finally
        {
            StopDaemon(net, aoe);
        }
    }

    [RootFact]
    public void One_thread_has_no_fanout_and_one_status_row()
    {
        using var net = new NetnsPair(1500);
        var (_, aoe) = Daemon(net, 1);
        try
        {
            Assert.Equal(0, aoe(["start"]).Code);
            net.WaitFor("0.2");
            var v = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.1,0.2", "--read", "2", "--json");
            Assert.True(v.Code == 0, v.Out + v.Err);
            Thread.Sleep(1500);
            var t = Assert.Single(Threads(aoe));
            Assert.Equal(0, (int)t!["thread"]!);
            Assert.True((long)t["received"]! >= 2 * Sectors(2, 1500) / 2, t.ToJsonString());
        }
        finally
        {
            StopDaemon(net, aoe);
        }
    }

    // "aoe serve --threads 2" beats the config's threads = 1: two receive threads, each with its own status row.
    [RootFact]
    public void Serve_threads_flag_overrides_the_config()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("one-thread.toml");
        File.WriteAllText(toml, "[aoe]\nthreads = 1\n");
        var img = net.Image.File("disk.img");
        File.WriteAllBytes(img, new byte[8 << 20]);
        var status = net.Image.File("status.json");
        net.StartServer(NetnsPair.Opskit, "--config", toml, "aoe", "serve", "-i", net.ServerIf, "--shelf", "0", "--slot", "3",
            "--threads", "2", "--state-dir", net.Image.File("state"), "--status-file", status, img);
        net.WaitFor("0.3");
        var w = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.3", "--write", "2", "--verify", "2", "--json");
        Assert.True(w.Code == 0, w.Out + w.Err);
        Assert.Equal(0, (long)JsonNode.Parse(w.Out)!["runs"]![1]!["bad_sectors"]!);
        // The status file is rewritten now and then: wait (at most 10 s) until it has counted every frame of the run.
        var frames = 2 * Sectors(2, 1500) / 2;
        JsonArray? threads = null;
        for (var i = 0; i < 40 && !(threads is { Count: 2 } && threads.Sum(t => (long)t!["received"]!) >= frames); i++)
        {
            Thread.Sleep(250);
            try { threads = JsonNode.Parse(File.ReadAllText(status))?["receive_threads"]?.AsArray(); }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { }   // not written yet
        }
        Assert.NotNull(threads);
        Assert.Equal([0, 1], threads!.Select(t => (int)t!["thread"]!).Order());
        // Slot 3 on shelf 0: the fanout program sends every frame of it to thread 3 mod 2 = 1.
        var one = threads!.Single(t => (int)t!["thread"]! == 1)!;
        Assert.True((long)one["received"]! >= frames, one.ToJsonString());
    }
}
