// Alerts through a real SMTP server (aiosmtpd on loopback) and a fake sendmail
// that records what it was given; failures must surface, never vanish.
using OpsKit.Core.Mail;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Mail;

public class AlerterTests
{
    private static readonly Alert Degraded = new("raid", "RAID CRITICAL on buserver3", "megacli: LD0 Degraded\nPD 32:2 Failed\n");

    [Fact]
    public async Task Smtp_AlertReachesTheRealServer()
    {
        using var sink = new SmtpSink();
        var settings = new MailSettings { To = ["admin@example.org", "ops@example.org"], From = "opskit@buserver3", Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port };
        var where = await new Alerter(settings, new SystemContext()).SendAsync(Degraded);
        Assert.Equal($"admin@example.org, ops@example.org via smtp 127.0.0.1:{sink.Port}", where);
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.Contains("X-Envelope-To: admin@example.org,ops@example.org", mail);
        Assert.Contains("Subject: [opskit] RAID CRITICAL on buserver3", mail);
        Assert.Contains("From: opskit@buserver3", mail);
        Assert.Contains("megacli: LD0 Degraded\r\nPD 32:2 Failed", mail.Replace("\r\n", "\n").Replace("\n", "\r\n"));
    }

    [Fact]
    public async Task Smtp_LinesStartingWithADotSurviveTransport()
    {
        using var sink = new SmtpSink();
        var settings = new MailSettings { To = ["a@example.org"], Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port };
        await new Alerter(settings, new SystemContext()).SendAsync(new Alert("t", "dots", ".\n..hidden\n"));
        var body = Assert.Single(sink.WaitFor(1)).Replace("\r\n", "\n");
        Assert.Contains("\n\n.\n..hidden\n", body);
    }

    [Fact]
    public async Task Smtp_ServerDown_ThrowsWithHostPortAndReason()
    {
        int port;
        using (var sink = new SmtpSink()) { port = sink.Port; }
        var settings = new MailSettings { To = ["a@example.org"], Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = port, TimeoutSeconds = 5 };
        var stdout = new StringWriter();
        var e = await Fails(settings, stdout);
        Assert.StartsWith($"SMTP 127.0.0.1:{port}: cannot connect: ", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PD 32:2 Failed", stdout.ToString());
    }

    [Fact]
    public async Task Smtp_StartTlsRequiredButNotOffered_IsAClearError()
    {
        using var sink = new SmtpSink();
        var settings = new MailSettings { To = ["a@example.org"], Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, Tls = "starttls" };
        var e = await Fails(settings);
        Assert.Equal($"SMTP 127.0.0.1:{sink.Port}: server does not offer STARTTLS", e.Message);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Sendmail_GetsTheMessageOnStdinWithDashTOi()
    {
        using var dir = new TempDir();
        var fake = FakeSendmail(dir, exitCode: 0);
        var settings = new MailSettings { To = ["root"], From = "opskit@host", Sendmail = fake };
        await new Alerter(settings, new SystemContext()).SendAsync(Degraded);
        Assert.Equal("-t -oi", File.ReadAllText(dir.File("args")).Trim());
        var message = File.ReadAllText(dir.File("stdin"));
        Assert.Contains("To: root\n", message);
        Assert.Contains("Subject: [opskit] RAID CRITICAL on buserver3\n", message);
        Assert.Contains("Auto-Submitted: auto-generated\n", message);
        Assert.EndsWith("\n\nmegacli: LD0 Degraded\nPD 32:2 Failed\n", message);
        Assert.DoesNotContain("\r", message);
    }

    [Fact]
    public async Task Sendmail_Failure_ThrowsWithItsStatusAndStderr()
    {
        using var dir = new TempDir();
        var settings = new MailSettings { To = ["root"], Sendmail = FakeSendmail(dir, exitCode: 75) };
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext(), new StringWriter()).SendAsync(Degraded));
        Assert.Contains("exited with status 75: queue is full", e.Message);
    }

    [Fact]
    public async Task Sendmail_Missing_SaysSo()
    {
        var settings = new MailSettings { To = ["root"], Sendmail = "/nonexistent/sendmail" };
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext(), new StringWriter()).SendAsync(Degraded));
        Assert.Contains("cannot run /nonexistent/sendmail", e.Message);
    }

    [Fact]
    public async Task NoRecipients_PrintsTheAlertInstead()
    {
        var stdout = new StringWriter();
        var where = await new Alerter(new MailSettings(), new SystemContext(), stdout).SendAsync(Degraded);
        Assert.Equal("stdout", where);
        Assert.Equal("[opskit] RAID CRITICAL on buserver3\n\nmegacli: LD0 Degraded\nPD 32:2 Failed\n", stdout.ToString());
    }

    [Fact]
    public void HeaderInjection_IsNeutralised()
    {
        var message = MailMessage.Build("a@example.org", ["b@example.org"], "subject\nBcc: victim@example.org", "x", DateTimeOffset.UnixEpoch, eightBit: true);
        var text = System.Text.Encoding.UTF8.GetString(MailMessage.ToBytes(message, MimeKit.NewLineFormat.Unix));
        Assert.DoesNotContain("\nBcc:", text);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public async Task Smtp_StartTls_WithATestCertificate_AndAuth_Delivers()
    {
        using var dir = new TempDir();
        var (cert, key) = SmtpSink.MakeCertificate(dir);
        using var sink = new SmtpSink(new SmtpSinkOptions { Tls = "starttls", CertificateFile = cert, KeyFile = key, User = "ops", Password = "s3cret" });
        var settings = Smtp(sink) with { Tls = "starttls", TlsVerify = false, User = "ops", PasswordFile = dir.Write("pw", "s3cret\n") };
        await new Alerter(settings, new SystemContext(), new StringWriter()).SendAsync(Degraded);
        Assert.Contains("PD 32:2 Failed", Assert.Single(sink.WaitFor(1)));
    }

    [Fact]
    public async Task Smtp_StartTls_UntrustedCertificate_IsRefusedInOneLine()
    {
        using var dir = new TempDir();
        var (cert, key) = SmtpSink.MakeCertificate(dir);
        using var sink = new SmtpSink(new SmtpSinkOptions { Tls = "starttls", CertificateFile = cert, KeyFile = key });
        var e = await Fails(Smtp(sink) with { Tls = "starttls" });
        Assert.Equal($"SMTP 127.0.0.1:{sink.Port}: TLS: server certificate refused (CN=127.0.0.1, issued by CN=127.0.0.1): it is not trusted (UntrustedRoot) (tls_verify = true)", e.Message);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Smtp_ImplicitTls_WithAuth_Delivers()
    {
        using var dir = new TempDir();
        var (cert, key) = SmtpSink.MakeCertificate(dir);
        using var sink = new SmtpSink(new SmtpSinkOptions { Tls = "tls", CertificateFile = cert, KeyFile = key, User = "ops", Password = "s3cret" });
        var settings = Smtp(sink) with { Tls = "tls", TlsVerify = false, User = "ops", PasswordFile = dir.Write("pw", "s3cret\n") };
        await new Alerter(settings, new SystemContext(), new StringWriter()).SendAsync(Degraded);
        Assert.Contains("Subject: [opskit] RAID CRITICAL on buserver3", Assert.Single(sink.WaitFor(1)));
    }

    [Fact]
    public async Task Smtp_RefusedAuth_GivesTheServerReply_AndPrintsTheAlert()
    {
        using var dir = new TempDir();
        var (cert, key) = SmtpSink.MakeCertificate(dir);
        using var sink = new SmtpSink(new SmtpSinkOptions { Tls = "starttls", CertificateFile = cert, KeyFile = key, User = "ops", Password = "right" });
        var stdout = new StringWriter();
        var settings = Smtp(sink) with { Tls = "starttls", TlsVerify = false, User = "ops", PasswordFile = dir.Write("pw", "wrong\n") };
        var e = await Fails(settings, stdout);
        // aiosmtpd's reply to a failed AUTH is "535 5.7.8 Authentication credentials invalid".
        Assert.Equal($"SMTP 127.0.0.1:{sink.Port}: AUTH as ops refused: 535: 5.7.8 Authentication credentials invalid", e.Message);
        Assert.Equal("[opskit] RAID CRITICAL on buserver3\n\nmegacli: LD0 Degraded\nPD 32:2 Failed\n", stdout.ToString());
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Smtp_ServerHangsUpInData_IsAConnectionLostError_AndPrintsTheAlert()
    {
        using var sink = new SmtpSink(new SmtpSinkOptions { DropInData = true });
        var stdout = new StringWriter();
        var e = await Fails(Smtp(sink), stdout);
        Assert.StartsWith($"SMTP 127.0.0.1:{sink.Port}: connection lost during send", e.Message);
        Assert.Contains("PD 32:2 Failed", stdout.ToString());
    }

    [Fact]
    public async Task Smtp_NonAsciiBody_Is8BitWhenOffered()
    {
        using var sink = new SmtpSink();
        await new Alerter(Smtp(sink), new SystemContext()).SendAsync(new Alert("t", "Prüfung", "Platte kaputt: Größe 4 TB\n"));
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.Matches(@"X-Mail-Options: .*\bBODY=8BITMIME\b", mail);
        Assert.Contains("Content-Transfer-Encoding: 8bit", mail);
        Assert.Contains("Platte kaputt: Größe 4 TB", mail);
        Assert.Equal("[opskit] Prüfung", Parse(mail).Subject);
    }

    [Fact]
    public async Task Smtp_NonAsciiBody_IsQuotedPrintableWhen8BitMimeIsNotOffered()
    {
        using var sink = new SmtpSink(new SmtpSinkOptions { EightBitMime = false });
        await new Alerter(Smtp(sink), new SystemContext()).SendAsync(new Alert("t", "Prüfung", "Platte kaputt: Größe 4 TB\n"));
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.DoesNotContain("BODY=8BITMIME", mail);
        Assert.Contains("Content-Transfer-Encoding: quoted-printable", mail);
        Assert.True(mail.All(char.IsAscii), "only ASCII on the wire");
        Assert.Equal("Platte kaputt: Größe 4 TB\n", Parse(mail).TextBody!.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Smtp_LongLines_AreWrappedWithin998Octets_AndDecodeToTheOriginal()
    {
        using var sink = new SmtpSink();
        var longLine = string.Concat(Enumerable.Repeat("sda1 sdb1 sdc1 ", 200));
        await new Alerter(Smtp(sink), new SystemContext()).SendAsync(new Alert("t", "long", longLine + "\n"));
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.All(mail.Split("\r\n"), l => Assert.True(System.Text.Encoding.UTF8.GetByteCount(l) <= MailMessage.MaxLineOctets, $"line of {l.Length}"));
        Assert.Equal(longLine + "\n", Parse(mail).TextBody!.Replace("\r\n", "\n"));
    }

    private static MailSettings Smtp(SmtpSink sink) =>
        new() { To = ["a@example.org"], From = "opskit@buserver3", Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, TimeoutSeconds = 10 };

    private static async Task<MailException> Fails(MailSettings settings, StringWriter? stdout = null)
    {
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext(), stdout ?? new StringWriter()).SendAsync(Degraded));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    private static MimeKit.MimeMessage Parse(string savedMail)
    {
        // The sink puts its X-Envelope lines (LF) before the message as received.
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(savedMail));
        return MimeKit.MimeMessage.Load(stream);
    }

    private static string FakeSendmail(TempDir dir, int exitCode)
    {
        var path = dir.Write("sendmail", $"#!/bin/sh\necho \"$@\" > {dir.File("args")}\ncat > {dir.File("stdin")}\n[ {exitCode} -eq 0 ] || echo 'queue is full' >&2\nexit {exitCode}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
