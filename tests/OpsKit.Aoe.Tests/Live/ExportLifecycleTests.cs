// start/stop/restart/status per alias on the builtin daemon, inside a namespace: others undisturbed, SIGKILL + stale pid.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class ExportLifecycleTests
{
    [RootFact]
    public void Start_stop_status_per_alias_sigkill_and_stale_pid()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        var text = $"[aoe]\ninterface = \"{net.ServerIf}\"\nstate_dir = \"{net.Image.File("state")}\"\nrun_dir = \"{net.Image.File("run")}\"\n";
        var slot = 1;
        foreach (var alias in new[] { "apollo", "hermes", "zeus" })
        {
            File.WriteAllBytes(net.Image.File($"{alias}.img"), new byte[64 << 20]);
            text += $"[[aoe.export]]\nalias = \"{alias}\"\nslot = {slot++}\nfile = \"{net.Image.File($"{alias}.img")}\"\n";
        }
        File.WriteAllText(toml, text);
        (int Code, string Out, string Err) Aoe(params string[] a) =>
            NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), NetnsPair.Opskit, ["--config", toml, "aoe", .. a]);
        JsonObject Status()
        {
            var r = Aoe("status", "--json");
            var states = new JsonObject { ["exit"] = r.Code };
            foreach (var e in JsonNode.Parse(r.Out)!["exports"]!.AsArray())
                states[(string)e!["alias"]!] = new JsonObject { ["state"] = (string)e["state"]!, ["pid"] = (int?)e["pid"] };
            return states;
        }
        try
        {
            var start = Aoe("start", "apollo", "hermes");
            Assert.True(start.Code == 0, start.Err);
            Assert.Matches($@"started vbladed for apollo \(pid:\d+ file:{net.Image.File("apollo.img")} iface:{net.ServerIf} mac:any\)", start.Out);
            var s = Status();
            Assert.Equal(("running", "running", "stopped", 0), ((string)s["apollo"]!["state"]!, (string)s["hermes"]!["state"]!, (string)s["zeus"]!["state"]!, (int)s["exit"]!));
            var pid = (int)s["apollo"]!["pid"]!;
            net.WaitFor("0.2");

            var reader = Task.Run(() => net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.2", "--read", "100", "--json"));
            Assert.Equal(0, Aoe("stop", "apollo").Code);
            Assert.Equal(0, Aoe("start", "zeus").Code);
            var read = reader.Result;
            Assert.True(read.Code == 0, read.Out + read.Err);
            Assert.Contains("\"errors\": 0", read.Out);
            s = Status();
            Assert.Equal(("stopped", "running", "running"), ((string)s["apollo"]!["state"]!, (string)s["hermes"]!["state"]!, (string)s["zeus"]!["state"]!));
            Assert.Equal(pid, (int)s["zeus"]!["pid"]!);                    // one daemon, not restarted

            Assert.Equal(0, NetnsPair.Run("kill", "-KILL", $"{pid}").Code);
            Thread.Sleep(300);
            s = Status();
            Assert.Equal(("dead", "dead", 2), ((string)s["hermes"]!["state"]!, (string)s["zeus"]!["state"]!, (int)s["exit"]!));
            var again = Aoe("start");
            Assert.True(again.Code == 0, again.Err);
            Assert.Contains("stale pid file", again.Err + again.Out);
            s = Status();
            Assert.Equal(("running", "running", "running", 0), ((string)s["apollo"]!["state"]!, (string)s["hermes"]!["state"]!, (string)s["zeus"]!["state"]!, (int)s["exit"]!));
            Assert.NotEqual(pid, (int)s["apollo"]!["pid"]!);
            var newPid = (int)s["apollo"]!["pid"]!;

            Assert.Equal(0, Aoe("restart", "hermes").Code);
            Assert.Equal(newPid, (int)Status()["hermes"]!["pid"]!);

            var link = net.Image.File("vbladectl");
            File.CreateSymbolicLink(link, NetnsPair.Opskit);
            var viaLink = NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), link, "--config", toml, "stop");
            Assert.True(viaLink.Code == 0, viaLink.Err);
            Assert.True(OpsKit.Aoe.Exports.DaemonControl.WaitExit(newPid, TimeSpan.FromSeconds(10)));
            s = Status();
            Assert.Equal(("stopped", "stopped", "stopped", 0), ((string)s["apollo"]!["state"]!, (string)s["hermes"]!["state"]!, (string)s["zeus"]!["state"]!, (int)s["exit"]!));
        }
        finally
        {
            var pidFile = net.Image.File("run", "vbladed.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var p)) NetnsPair.Run("kill", $"{p}");
        }
    }

    [RootFact]
    public void The_systemd_unit_serves_every_alias_at_boot_and_obeys_stop_and_start_per_alias()
    {
        using var net = new NetnsPair(1500);
        var run = net.Image.File("run");
        var toml = net.Image.File("opskit.toml");
        var text = $"[aoe]\ninterface = \"{net.ServerIf}\"\nstate_dir = \"{net.Image.File("state")}\"\nrun_dir = \"{run}\"\n";
        var slot = 1;
        foreach (var alias in new[] { "apollo", "hermes" })
        {
            File.WriteAllBytes(net.Image.File($"{alias}.img"), new byte[16 << 20]);
            text += $"[[aoe.export]]\nalias = \"{alias}\"\nslot = {slot++}\nfile = \"{net.Image.File($"{alias}.img")}\"\n";
        }
        File.WriteAllText(toml, text);
        // The unit's own ExecStart line, with our binary and our run directory for /run/opskit/aoe.
        var exec = File.ReadAllLines(Path.Combine(RepoPaths.Root, "packaging", "opskit-aoe.service"))
            .Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..]
            .Replace("/run/opskit/aoe", run, StringComparison.Ordinal).Split(' ');
        Assert.Equal("/usr/local/bin/opskit", exec[0]);
        Directory.CreateDirectory(run);
        var daemon = net.StartServer(NetnsPair.Opskit, ["--config", toml, .. exec[1..]]);
        (int Code, string Out, string Err) Aoe(params string[] a) =>
            NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), NetnsPair.Opskit, ["--config", toml, "aoe", .. a]);
        string State(string alias) =>
            (string)JsonNode.Parse(Aoe("status", "--json").Out)!["exports"]!.AsArray().Single(e => (string)e!["alias"]! == alias)!["state"]!;
        try
        {
            net.WaitFor("0.2");
            net.WaitFor("0.1");
            Assert.Equal(["apollo", "hermes"], File.ReadAllLines(Path.Combine(run, "enabled")));
            Assert.Equal(("running", "running"), (State("apollo"), State("hermes")));

            var stop = Aoe("stop", "apollo");
            Assert.True(stop.Code == 0, stop.Err);
            Assert.Equal(("stopped", "running"), (State("apollo"), State("hermes")));
            Assert.False(daemon.HasExited);                                   // the unit's process serves on
            Assert.Equal(0, Aoe("start", "apollo").Code);
            Assert.Equal(("running", "running"), (State("apollo"), State("hermes")));
        }
        finally
        {
            if (!daemon.HasExited) daemon.Kill();
        }
    }
}
