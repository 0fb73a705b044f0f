// Two network namespaces joined by a veth pair, created for one test and removed after it; processes started here are ended by pid.
using System.Diagnostics;
using OpsKit.Testing;

namespace OpsKit.Aoe.Tests.Live;

/// <summary>Server namespace + client namespace, interfaces <see cref="ServerIf"/> and <see cref="ClientIf"/>.</summary>
internal sealed class NetnsPair : IDisposable
{
    private readonly List<Process> _started = [];
    private readonly string _id = Convert.ToHexString(Guid.NewGuid().ToByteArray())[..6].ToLowerInvariant();

    public NetnsPair(int mtu = 1500)
    {
        ServerNs = $"okaoe{_id}s";
        ClientNs = $"okaoe{_id}c";
        ServerIf = $"okaoe{_id}s";
        ClientIf = $"okaoe{_id}c";
        Image = new TempDir("okaoe");
        Must("ip", "netns", "add", ServerNs);
        Must("ip", "netns", "add", ClientNs);
        Must("ip", "link", "add", ServerIf, "mtu", $"{mtu}", "type", "veth", "peer", "name", ClientIf, "mtu", $"{mtu}");
        Must("ip", "link", "set", ServerIf, "netns", ServerNs);
        Must("ip", "link", "set", ClientIf, "netns", ClientNs);
        Must("ip", "-n", ServerNs, "link", "set", ServerIf, "up");
        Must("ip", "-n", ClientNs, "link", "set", ClientIf, "up");
    }

    public string ServerNs { get; }
    public string ClientNs { get; }
    public string ServerIf { get; }
    public string ClientIf { get; }
    /// <summary>A temp dir for images and state (on /tmp).</summary>
    public TempDir Image { get; }

    public static (int Code, string Out, string Err) Run(string program, params string[] args) => RunIn(null, TimeSpan.FromSeconds(60), program, args);

    /// <summary>Runs a program in a namespace (null: here) and waits.</summary>
    public static (int Code, string Out, string Err) RunIn(string? ns, TimeSpan timeout, string program, params string[] args)
    {
        using var p = Process.Start(Info(ns, program, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(true); throw new TimeoutException($"{program} {string.Join(' ', args)}: timed out"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public (int Code, string Out, string Err) Client(string program, params string[] args) => RunIn(ClientNs, TimeSpan.FromSeconds(90), program, args);

    /// <summary>Starts a long-running program in the server namespace (ended by pid in Dispose).</summary>
    public Process StartServer(string program, params string[] args)
    {
        var info = Info(ServerNs, program, args);
        info.RedirectStandardOutput = false;
        info.RedirectStandardError = false;
        var p = Process.Start(info)!;
        _started.Add(p);
        return p;
    }

    /// <summary>Waits until shelf.slot answers aoecfg in the client namespace.</summary>
    public void WaitFor(string address)
    {
        for (var i = 0; i < 40; i++)
        {
            var r = RunIn(ClientNs, TimeSpan.FromSeconds(10), "aoecfg", "-t", "1", ClientIf);
            if (r.Out.Split('\n').Any(l => l.StartsWith(address + "\t", StringComparison.Ordinal))) return;
            Thread.Sleep(250);
        }
        throw new TimeoutException($"e{address} never answered on {ClientIf}");
    }

    /// <summary>Path of the built opskit binary.</summary>
    public static string Opskit => RepoPaths.OpskitBinary;

    private static ProcessStartInfo Info(string? ns, string program, string[] args)
    {
        var info = new ProcessStartInfo(ns is null ? program : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ns is not null) { info.ArgumentList.Add("netns"); info.ArgumentList.Add("exec"); info.ArgumentList.Add(ns); info.ArgumentList.Add(program); }
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    private static void Must(params string[] cmd)
    {
        var r = Run(cmd[0], cmd[1..]);
        if (r.Code != 0) throw new InvalidOperationException($"{string.Join(' ', cmd)}: {r.Err}");
    }

    public void Dispose()
    {
        foreach (var p in _started)
        {
            try
            {
                if (!p.HasExited) { p.Kill(); p.WaitForExit(10_000); }
            }
            catch (InvalidOperationException) { }
            p.Dispose();
        }
        Run("ip", "netns", "del", ServerNs);
        Run("ip", "netns", "del", ClientNs);
        Image.Dispose();
    }
}
