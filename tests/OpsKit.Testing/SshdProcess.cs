// Starting a test sshd: a free loopback port, the daemon in the foreground with its
// log collected, and a wait until it accepts connections.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpsKit.Testing;

/// <summary>What the ssh fixtures and the Ansible tests share.</summary>
public static class SshdProcess
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>Runs "sshd -D -e -f CONFIG", adds what it prints to <paramref name="output"/>, and returns once
    /// <paramref name="port"/> accepts connections (throws when sshd exits or 20 s pass).</summary>
    public static Process Start(string config, int port, List<string> output)
    {
        Directory.CreateDirectory("/run/sshd");
        var sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        sshd.ErrorDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        sshd.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (sshd.HasExited) throw new InvalidOperationException("sshd exited: " + string.Join('\n', output));
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return sshd;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException("sshd did not listen on port " + port);
    }
}
