// A small SMTP client (RFC 5321): EHLO, STARTTLS or implicit TLS, AUTH PLAIN,
// MAIL/RCPT/DATA. Our own because System.Net.Mail cannot do implicit TLS and
// hides the server's replies, which are what an admin needs to see.
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace OpsKit.Core.Mail;

/// <summary>Delivery over SMTP.</summary>
public sealed class SmtpTransport(MailSettings settings, TimeProvider clock) : IMailTransport
{
    /// <inheritdoc />
    public async Task SendAsync(string from, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var where = $"{settings.SmtpHost}:{settings.SmtpPort}";
        try
        {
            await SendCoreAsync(from, to, subject, body, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MailException($"SMTP {where}: no answer within {settings.TimeoutSeconds}s");
        }
        catch (SocketException e)
        {
            throw new MailException($"SMTP {where}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new MailException($"SMTP {where}: connection lost: {e.Message}", e);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            throw new MailException($"SMTP {where}: TLS failed: {e.Message}", e);
        }
    }

    private async Task SendCoreAsync(string from, IReadOnlyList<string> to, string subject, string body, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, ct).ConfigureAwait(false);
        Stream stream = tcp.GetStream();
        if (settings.Tls == "tls") stream = await WrapTls(stream, ct).ConfigureAwait(false);
        var session = new SmtpSession(stream);
        await session.ExpectAsync(220, "greeting", ct).ConfigureAwait(false);
        var helo = System.Net.Dns.GetHostName();
        var features = await session.CommandAsync($"EHLO {helo}", 250, ct).ConfigureAwait(false);
        if (settings.Tls == "starttls")
        {
            if (!features.Any(f => f.StartsWith("STARTTLS", StringComparison.OrdinalIgnoreCase)))
                throw new MailException($"SMTP {settings.SmtpHost}:{settings.SmtpPort}: server does not offer STARTTLS");
            await session.CommandAsync("STARTTLS", 220, ct).ConfigureAwait(false);
            session = new SmtpSession(await WrapTls(stream, ct).ConfigureAwait(false));
            await session.CommandAsync($"EHLO {helo}", 250, ct).ConfigureAwait(false);
        }
        if (settings.User.Length > 0)
        {
            var password = ReadPassword();
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{settings.User}\0{password}"));
            await session.CommandAsync($"AUTH PLAIN {token}", 235, ct, display: "AUTH PLAIN ***").ConfigureAwait(false);
        }
        await session.CommandAsync($"MAIL FROM:<{from}>", 250, ct).ConfigureAwait(false);
        foreach (var rcpt in to) await session.CommandAsync($"RCPT TO:<{rcpt}>", 250, ct).ConfigureAwait(false);
        await session.CommandAsync("DATA", 354, ct).ConfigureAwait(false);
        var text = MailMessage.Render(from, to, subject, body, clock.GetLocalNow(), "\r\n");
        // Dot-stuffing (RFC 5321 4.5.2): a line starting with '.' gets another.
        var stuffed = text.Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
        if (stuffed.StartsWith('.')) stuffed = "." + stuffed;
        await session.WriteRawAsync(stuffed + ".\r\n", ct).ConfigureAwait(false);
        await session.ExpectAsync(250, "message", ct).ConfigureAwait(false);
        await session.CommandAsync("QUIT", 221, ct).ConfigureAwait(false);
    }

    private async Task<Stream> WrapTls(Stream inner, CancellationToken ct)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false,
            settings.TlsVerify ? null : (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = settings.SmtpHost }, ct).ConfigureAwait(false);
        return ssl;
    }

    private string ReadPassword()
    {
        if (settings.PasswordFile.Length == 0) throw new MailException("[mail] user is set but password_file is not");
        try
        {
            return File.ReadLines(settings.PasswordFile).FirstOrDefault()?.TrimEnd() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailException($"cannot read [mail] password_file {settings.PasswordFile}: {e.Message}", e);
        }
    }
}
