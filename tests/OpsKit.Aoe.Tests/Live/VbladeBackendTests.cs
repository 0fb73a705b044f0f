// backend = "vblade": one vblade per alias from the same table, pid files, stop one without the other, stale pid.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class VbladeBackendTests
{
    [RootFact]
    public void Start_stop_status_per_alias_with_vblade_processes()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        var run = net.Image.File("run");
        var text = $"[aoe]\nbackend = \"vblade\"\ninterface = \"{net.ServerIf}\"\nrun_dir = \"{run}\"\n";
        var slot = 1;
        foreach (var alias in new[] { "apollo", "hermes" })
        {
            File.WriteAllBytes(net.Image.File($"{alias}.img"), new byte[8 << 20]);
            text += $"[[aoe.export]]\nalias = \"{alias}\"\nslot = {slot++}\nfile = \"{net.Image.File($"{alias}.img")}\"\n";
        }
        File.WriteAllText(toml, text + "read_only = true\n");
        (int Code, string Out, string Err) Aoe(params string[] a) =>
            NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), NetnsPair.Opskit, ["--config", toml, "aoe", .. a]);
        Dictionary<string, (string State, int? Pid)> Status() =>
            JsonNode.Parse(Aoe("status", "--json").Out)!["exports"]!.AsArray()
                .ToDictionary(e => (string)e!["alias"]!, e => ((string)e!["state"]!, (int?)e["pid"]));
        try
        {
            var start = Aoe("start");
            Assert.True(start.Code == 0, start.Err);
            Assert.Matches(@"started vbladed for hermes \(pid:\d+ file:.*hermes\.img iface:okaoe\w+ mac:any\)", start.Out);
            var s = Status();
            Assert.Equal("running", s["apollo"].State);
            Assert.NotEqual(s["apollo"].Pid, s["hermes"].Pid);
            Assert.Contains("-r", File.ReadAllText($"/proc/{s["hermes"].Pid}/cmdline").Split('\0'));
            var d = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "discover", "-i", net.ClientIf, "--json");
            Assert.Contains("\"e0.2\"", d.Out);

            Assert.Equal(0, Aoe("stop", "apollo").Code);
            var after = Status();
            Assert.Equal(("stopped", "running"), (after["apollo"].State, after["hermes"].State));
            Assert.Equal(s["hermes"].Pid, after["hermes"].Pid);

            Assert.Equal(0, NetnsPair.Run("kill", "-KILL", $"{after["hermes"].Pid}").Code);
            Thread.Sleep(300);
            Assert.Equal("dead", Status()["hermes"].State);
            var again = Aoe("start", "hermes");
            Assert.True(again.Code == 0, again.Err);
            Assert.Contains("stale pid file", again.Err + again.Out);
            Assert.Equal("running", Status()["hermes"].State);
            Assert.Equal(0, Aoe("stop").Code);
            Assert.All(Status().Values, v => Assert.Equal("stopped", v.State));
        }
        finally
        {
            foreach (var f in Directory.Exists(run) ? Directory.GetFiles(run, "*.pid") : [])
                if (int.TryParse(File.ReadAllText(f).Trim(), out var p)) NetnsPair.Run("kill", $"{p}");
        }
    }
}
