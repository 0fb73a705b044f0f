// A real SMTP server on 127.0.0.1 for alert tests: Debian's python3-aiosmtpd,
// started on a free port, saving each message as a file. Stopped (by pid) on Dispose.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpsKit.Testing;

/// <summary>An aiosmtpd server that stores received messages in a directory.</summary>
public sealed class SmtpSink : IDisposable
{
    // The system interpreter: python3-aiosmtpd is a Debian package, and a PATH python3
    // (pyenv, venv) may not see it.
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, os, time, asyncio
        from aiosmtpd.controller import Controller
        out = sys.argv[2]
        class Save:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(out, "%d-%d.eml" % (time.time_ns(), os.getpid()))
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Envelope-From: %s\nX-Envelope-To: %s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos))).encode())
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + ".tmp", name)
                return "250 OK"
        c = Controller(Save(), hostname="127.0.0.1", port=int(sys.argv[1]))
        c.start()
        print("ready", flush=True)
        sys.stdin.read()
        c.stop()
        """;

    private readonly Process _process;
    private readonly TempDir _dir = new("opskit-smtp");

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public SmtpSink()
    {
        Port = FreePort();
        var script = _dir.Write("sink.py", Script);
        Directory.CreateDirectory(MailDir);
        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(MailDir);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Python);
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            var err = _process.HasExited ? _process.StandardError.ReadToEnd() : "no answer in 20 s";
            Dispose();
            throw new InvalidOperationException("SMTP sink did not start (is python3-aiosmtpd installed? make deps): " + err);
        }
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Where messages are saved (one .eml file each).</summary>
    public string MailDir => _dir.File("mail");

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<string> Messages =>
        Directory.EnumerateFiles(MailDir, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived or the timeout passes.</summary>
    public IReadOnlyList<string> WaitFor(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var m = Messages;
            if (m.Count >= count) return m;
            Thread.Sleep(50);
        }
        return Messages;
    }

    /// <summary>Stops the server (it is gone when this returns) and removes its files.</summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop();
        _process.Dispose();
        _dir.Dispose();
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
