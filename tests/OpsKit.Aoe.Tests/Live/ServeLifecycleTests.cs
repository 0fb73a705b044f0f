// serve with a config: SIGHUP adds/removes exports while a client reads another one; SIGTERM stops cleanly; allow lists.
using System.Diagnostics;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

[Collection("netns")]
public class ServeLifecycleTests
{
    private static string Table(NetnsPair net, params (string Alias, int Slot, string Allow)[] exports)
    {
        var text = $"[aoe]\ninterface = \"{net.ServerIf}\"\nstate_dir = \"{net.Image.File("state")}\"\n";
        foreach (var (alias, slot, allow) in exports)
        {
            var img = net.Image.File($"{alias}.img");
            if (!File.Exists(img)) File.WriteAllBytes(img, new byte[64 << 20]);
            text += $"[[aoe.export]]\nalias = \"{alias}\"\nslot = {slot}\nfile = \"{img}\"\nallow = [{allow}]\n";
        }
        return text;
    }

    [RootFact]
    public void Sighup_adds_and_removes_exports_while_another_is_read_and_sigterm_stops()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllText(toml, Table(net, ("keep", 1, ""), ("drop", 2, "")));
        var server = net.StartServer(NetnsPair.Opskit, "--config", toml, "aoe", "serve");
        net.WaitFor("0.1");
        net.WaitFor("0.2");
        var reader = Task.Run(() => net.Client(NetnsPair.Opskit, "--no-config", "aoe", "bench", "-i", net.ClientIf, "0.1", "--read", "150", "--json"));
        Thread.Sleep(300);
        File.WriteAllText(toml, Table(net, ("keep", 1, ""), ("added", 3, "")));
        Assert.Equal(0, NetnsPair.Run("kill", "-HUP", $"{server.Id}").Code);
        net.WaitFor("0.3");
        var cfg = net.Client("aoecfg", "-t", "1", net.ClientIf).Out;
        Assert.DoesNotContain("0.2\t", cfg);
        var r = reader.Result;
        Assert.True(r.Code == 0, r.Out + r.Err);
        Assert.Contains("\"errors\": 0", r.Out);
        Assert.Equal(0, NetnsPair.Run("kill", "-TERM", $"{server.Id}").Code);
        Assert.True(server.WaitForExit(10_000), "serve did not stop on SIGTERM");
        Assert.Equal(0, server.ExitCode);
    }

    [RootFact]
    public void Allow_list_hides_the_export_from_other_macs()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllText(toml, Table(net, ("open", 1, ""), ("closed", 2, "\"02:00:00:00:00:99\"")));
        net.StartServer(NetnsPair.Opskit, "--config", toml, "aoe", "serve");
        net.WaitFor("0.1");
        var d = net.Client(NetnsPair.Opskit, "--no-config", "aoe", "discover", "-i", net.ClientIf, "--json");
        Assert.Contains("\"e0.1\"", d.Out);
        Assert.DoesNotContain("\"e0.2\"", d.Out);
    }

    [RootFact]
    public void Bad_table_is_reported_with_file_and_line()
    {
        using var net = new NetnsPair(1500);
        var toml = net.Image.File("opskit.toml");
        File.WriteAllText(toml, Table(net, ("a", 1, ""), ("a", 2, "")));
        var r = NetnsPair.RunIn(net.ServerNs, TimeSpan.FromSeconds(30), NetnsPair.Opskit, "--config", toml, "aoe", "serve");
        Assert.Equal(78, r.Code);
        Assert.Matches(@"opskit\.toml:\d+:\d+: \[aoe\.export\[1\]\] alias: duplicate alias 'a'", r.Err);
    }
}
