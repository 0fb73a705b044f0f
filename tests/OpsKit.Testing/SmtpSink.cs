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
        import sys, os, time, json, ssl
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP, AuthResult
        opt = json.loads(sys.argv[1])
        out = opt["dir"]
        class Save:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(out, "%d-%d.eml" % (time.time_ns(), os.getpid()))
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Envelope-From: %s\nX-Envelope-To: %s\nX-Mail-Options: %s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos), " ".join(envelope.mail_options))).encode())
                    f.write(envelope.original_content or envelope.content)
                os.rename(name + ".tmp", name)
                return "250 OK"
        class DropInData(SMTP):
            # Answers DATA with 354, reads one line of the message, then hangs up.
            async def smtp_DATA(self, arg):
                await self.push("354 End data with <CR><LF>.<CR><LF>")
                await self._reader.readuntil(b"\r\n")
                self.transport.close()
        class Sink(Controller):
            def factory(self):
                return (DropInData if opt["drop_in_data"] else SMTP)(self.handler, **self.SMTP_kwargs)
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == opt["user"] and auth_data.password.decode() == opt["password"]
            return AuthResult(success=ok, handled=False)
        kw = dict(hostname="127.0.0.1", port=opt["port"], decode_data=not opt["eight_bit_mime"])
        if opt["tls"] != "none":
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(opt["cert"], opt["key"])
            if opt["tls"] == "tls": kw["ssl_context"] = ctx
            else: kw.update(tls_context=ctx, require_starttls=True)
        if opt["user"]:
            # Over implicit TLS aiosmtpd does not know the session is encrypted (only STARTTLS sets that), so it must not demand it.
            kw.update(authenticator=authenticator, auth_required=True, auth_require_tls=opt["tls"] == "starttls")
        c = Sink(Save(), **kw)
        c.start()
        print("ready", flush=True)
        sys.stdin.read()
        c.stop()
        """;

    private readonly Process _process;
    private readonly TempDir _dir = new("opskit-smtp");

    /// <summary>Starts a plain server (no TLS, no AUTH, 8BITMIME offered) and waits until it accepts connections.</summary>
    public SmtpSink() : this(new SmtpSinkOptions()) { }

    /// <summary>Starts the server with the given options and waits until it accepts connections.</summary>
    public SmtpSink(SmtpSinkOptions options)
    {
        Port = FreePort();
        var script = _dir.Write("sink.py", Script);
        Directory.CreateDirectory(MailDir);
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["dir"] = MailDir, ["port"] = Port, ["tls"] = options.Tls, ["cert"] = options.CertificateFile, ["key"] = options.KeyFile,
            ["user"] = options.User, ["password"] = options.Password, ["eight_bit_mime"] = options.EightBitMime, ["drop_in_data"] = options.DropInData,
        });
        var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(json);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Python);
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            var err = _process.HasExited ? _process.StandardError.ReadToEnd() : "no answer in 20 s";
            Dispose();
            throw new InvalidOperationException("SMTP sink did not start (is python3-aiosmtpd installed? make deps): " + err);
        }
    }

    /// <summary>Makes a self-signed certificate for 127.0.0.1 with openssl; returns (certificate, key) paths in <paramref name="dir"/>.</summary>
    public static (string Certificate, string Key) MakeCertificate(TempDir dir)
    {
        var (cert, key) = (dir.File("smtp-cert.pem"), dir.File("smtp-key.pem"));
        var psi = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                     "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert])
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start openssl");
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("openssl req failed: " + err.Result);
        return (cert, key);
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

/// <summary>How an <see cref="SmtpSink"/> behaves.</summary>
public sealed record SmtpSinkOptions
{
    /// <summary>"none", "starttls" (required before MAIL) or "tls" (implicit).</summary>
    public string Tls { get; init; } = "none";

    /// <summary>PEM certificate for TLS (see <see cref="SmtpSink.MakeCertificate"/>).</summary>
    public string? CertificateFile { get; init; }

    /// <summary>PEM key for TLS.</summary>
    public string? KeyFile { get; init; }

    /// <summary>When set, AUTH is required and only this user with <see cref="Password"/> is accepted.</summary>
    public string? User { get; init; }

    /// <summary>The one accepted password.</summary>
    public string? Password { get; init; }

    /// <summary>Offer 8BITMIME in the EHLO reply.</summary>
    public bool EightBitMime { get; init; } = true;

    /// <summary>Hang up after the first line of the message, before the final dot.</summary>
    public bool DropInData { get; init; }
}
