// --cron with a degraded array: the report goes to stdout and a mail reaches a real SMTP
// sink (aiosmtpd on 127.0.0.1); a mail that cannot be delivered makes the exit non-zero.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Cli;

public class CronMailTests
{
    private static string Degraded => Path.Combine(FixtureCases.Root, "storcli/text-per-controller-offline");

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string Config(TempDir dir, int port) => dir.Write("opskit.toml", $"""
        [mail]
        to = ["storage-admins@example.test"]
        from = "raid@example.test"
        via = "smtp"
        smtp_host = "127.0.0.1"
        smtp_port = {port}
        timeout = 10
        """);

    [Fact]
    public void Degraded_cron_run_prints_the_report_and_mails_it_to_a_real_smtp_sink()
    {
        var port = FreePort();
        var received = new StringBuilder();
        using var sink = new Process
        {
            StartInfo = new ProcessStartInfo("/usr/bin/python3", ["-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        sink.OutputDataReceived += (_, e) => { lock (received) received.AppendLine(e.Data); };
        sink.Start();
        sink.BeginOutputReadLine();
        try
        {
            WaitForPort(port);
            using var dir = new TempDir("raid-mail");
            var r = OpskitProcess.Run("--config", Config(dir, port), "raid", "check", "--cron", "--replay", Degraded);
            Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.StandardError}");
            Assert.StartsWith("RAID CRITICAL: storcli:[", r.StandardOutput);
            Assert.Contains("c2 array 0/0: VD offline", r.StandardOutput);
            var mail = WaitFor(received, "VD offline");
            Assert.Contains("Subject: [opskit] RAID CRITICAL on", mail);
            Assert.Contains("storage-admins@example.test", mail);
        }
        finally
        {
            sink.Kill(entireProcessTree: true);
            sink.WaitForExit();
        }
    }

    [Fact]
    public void Undeliverable_alert_makes_the_exit_non_zero_and_says_so()
    {
        using var dir = new TempDir("raid-mail");
        var r = OpskitProcess.Run("--config", Config(dir, FreePort()), "raid", "check", "--cron", "--replay", Degraded);
        Assert.Equal(69, r.ExitCode);
        Assert.Contains("RAID CRITICAL", r.StandardOutput);
        Assert.Contains("opskit: raid alert not delivered", r.StandardError);
    }

    private static void WaitForPort(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"aiosmtpd did not listen on {port}");
    }

    private static string WaitFor(StringBuilder received, string text)
    {
        for (var i = 0; i < 100; i++)
        {
            lock (received)
            {
                if (received.ToString().Contains(text, StringComparison.Ordinal)) return received.ToString();
            }
            Thread.Sleep(100);
        }
        lock (received) return received.ToString();
    }
}
