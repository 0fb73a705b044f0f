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
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext()).SendAsync(Degraded));
        Assert.Contains($"SMTP 127.0.0.1:{port}", e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
    }

    [Fact]
    public async Task Smtp_StartTlsRequiredButNotOffered_IsAClearError()
    {
        using var sink = new SmtpSink();
        var settings = new MailSettings { To = ["a@example.org"], Via = "smtp", SmtpHost = "127.0.0.1", SmtpPort = sink.Port, Tls = "starttls" };
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext()).SendAsync(Degraded));
        Assert.Contains("does not offer STARTTLS", e.Message);
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
        Assert.EndsWith("\nmegacli: LD0 Degraded\nPD 32:2 Failed\n\n", message);
    }

    [Fact]
    public async Task Sendmail_Failure_ThrowsWithItsStatusAndStderr()
    {
        using var dir = new TempDir();
        var settings = new MailSettings { To = ["root"], Sendmail = FakeSendmail(dir, exitCode: 75) };
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext()).SendAsync(Degraded));
        Assert.Contains("exited with status 75: queue is full", e.Message);
    }

    [Fact]
    public async Task Sendmail_Missing_SaysSo()
    {
        var settings = new MailSettings { To = ["root"], Sendmail = "/nonexistent/sendmail" };
        var e = await Assert.ThrowsAsync<MailException>(() => new Alerter(settings, new SystemContext()).SendAsync(Degraded));
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
    public void HeaderInjection_IsNeutralised() =>
        Assert.DoesNotContain("\n", MailMessage.EncodeHeader("subject\nBcc: victim@example.org"));

    private static string FakeSendmail(TempDir dir, int exitCode)
    {
        var path = dir.Write("sendmail", $"#!/bin/sh\necho \"$@\" > {dir.File("args")}\ncat > {dir.File("stdin")}\n[ {exitCode} -eq 0 ] || echo 'queue is full' >&2\nexit {exitCode}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
