// aoe status --format prometheus on a real builtin daemon in a namespace: up, frames in/out after a
// client read, size; after SIGKILL the enabled export is down (state dead); promtool accepts both.
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class StatusPrometheusTests
{
    [RootFact]
    public void Metrics_follow_a_served_export_and_its_daemons_death()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllBytes(net.Image.File("apollo.img"), new byte[16 << 20]);
        File.WriteAllText(toml, $"[log]\nsyslog = false\n[aoe]\ninterface = \"{net.ServerIf}\"\nstate_dir = \"{net.Image.File("state")}\"\nrun_dir = \"{net.Image.File("run")}\"\n" +
            $"[[aoe.export]]\nalias = \"apollo\"\nslot = 3\nfile = \"{net.Image.File("apollo.img")}\"\n");
        (int Code, string Out, string Err) Aoe(params string[] a) =>
            NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(60), NetnsPair.Opskit, ["--config", toml, "aoe", .. a]);
        string Metric(string text, string name) =>
            text.Split('\n').Single(l => l.StartsWith(name + "{", StringComparison.Ordinal)).Split(' ')[^1];
        try
        {
            var start = Aoe("start", "apollo");
            Assert.True(start.Code == 0, start.Err);
            net.WaitFor("0.3");
            var read = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.3", "--read", "50", "--json");
            Assert.True(read.Code == 0, read.Out + read.Err);
            Thread.Sleep(1500); // the daemon rewrites its status file every second
            var up = Aoe("status", "--format", "prometheus");
            Assert.True(up.Code == 0, up.Err);
            Assert.Contains($"opskit_aoe_export_up{{export=\"apollo\",target=\"e0.3\",interface=\"{net.ServerIf}\",state=\"running\"}} 1\n", up.Out);
            Assert.Equal($"{16 << 20}", Metric(up.Out, "opskit_aoe_export_size_bytes"));
            Assert.True(long.Parse(Metric(up.Out, "opskit_aoe_export_frames_sent_total")) >= 50, up.Out);
            Assert.True(long.Parse(Metric(up.Out, "opskit_aoe_export_frames_received_total")) >= long.Parse(Metric(up.Out, "opskit_aoe_export_frames_sent_total")));
            Assert.Equal("0", Metric(up.Out, "opskit_aoe_export_errors_total"));
            Assert.Contains("# TYPE opskit_aoe_export_frames_sent_total counter\n", up.Out);
            Assert.Contains("opskit_aoe_success 1\n", up.Out);
            Promtool(up.Out);

            var pid = int.Parse(File.ReadAllText(net.Image.File("run", "vbladed.pid")).Trim());
            Assert.Equal(0, NetnsPair.Run("kill", "-KILL", $"{pid}").Code);
            Thread.Sleep(300);
            var down = Aoe("status", "--format", "prometheus");
            Assert.Equal(2, down.Code);
            Assert.Contains($"opskit_aoe_export_up{{export=\"apollo\",target=\"e0.3\",interface=\"{net.ServerIf}\",state=\"dead\"}} 0\n", down.Out);
            Assert.Contains($"opskit_aoe_export_enabled{{export=\"apollo\",target=\"e0.3\",interface=\"{net.ServerIf}\"}} 1\n", down.Out);
            Assert.Contains("opskit_aoe_success 0\n", down.Out);
            Promtool(down.Out);
            var conflict = Aoe("status", "--json", "--format", "prometheus");
            Assert.Equal(64, conflict.Code);
        }
        finally
        {
            var pidFile = net.Image.File("run", "vbladed.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var p)) NetnsPair.Run("kill", $"{p}");
        }
    }

    private static void Promtool(string text)
    {
        var promtool = ExecutableLocator.Find("promtool") ?? throw new InvalidOperationException("promtool not installed (Debian package prometheus; make deps)");
        var check = new ProcessRunner().RunAsync(new CommandSpec(promtool, "check", "metrics") { StandardInput = System.Text.Encoding.UTF8.GetBytes(text), Timeout = TimeSpan.FromSeconds(30) }).GetAwaiter().GetResult();
        Assert.True(check.ExitCode == 0 && check.StandardOutput.Length == 0 && check.StandardError.Length == 0, check.StandardOutput + check.StandardError + text);
    }
}
