// Delivery over SMTP with MailKit: STARTTLS or implicit TLS, AUTH with the password
// from a file, 8BITMIME only when offered. Every failure becomes one line naming the
// server, the step that failed and the server's own reply, which is what an admin needs.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace OpsKit.Core.Mail;

/// <summary>Delivery over SMTP.</summary>
public sealed class SmtpTransport(MailSettings settings, TimeProvider clock) : IMailTransport
{
    /// <inheritdoc />
    public async Task SendAsync(string from, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
    {
        var where = $"SMTP {settings.SmtpHost}:{settings.SmtpPort}";
        var password = settings.User.Length > 0 ? ReadPassword() : null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var ct = linked.Token;
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        // No CRL/OCSP fetch: a mail relay inside the network must not depend on reaching a CA to raise an alert.
        client.CheckCertificateRevocation = false;
        // Our own check: it keeps why a certificate was refused (the runtime's own text is a resource key in the shipped binary).
        string? refused = null;
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            if (!settings.TlsVerify || errors == SslPolicyErrors.None) return true;
            refused = CertificateProblem(certificate, chain, errors);
            return false;
        };
        var step = "connect";
        try
        {
            var tls = settings.Tls switch
            {
                "starttls" => SecureSocketOptions.StartTls,
                "tls" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, tls, ct).ConfigureAwait(false);
            if (password is not null)
            {
                step = $"AUTH as {settings.User}";
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                    throw new MailException($"{where}: server does not offer AUTH, but [mail] user is set");
                await client.AuthenticateAsync(settings.User, password, ct).ConfigureAwait(false);
            }
            step = "send";
            var eightBit = client.Capabilities.HasFlag(SmtpCapabilities.EightBitMime);
            var message = MailMessage.Build(from, to, subject, body, clock.GetLocalNow(), eightBit);
            await client.SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (MailException)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MailException($"{where}: no answer within {settings.TimeoutSeconds}s ({step})");
        }
        catch (SslHandshakeException) when (refused is not null)
        {
            throw new MailException($"{where}: TLS: {refused} (tls_verify = true)");
        }
        catch (Exception e) when (Describe(e, step) is { } why)
        {
            throw new MailException($"{where}: {why}", e);
        }
        // The server has accepted the message: a QUIT that fails is no failed delivery.
        try
        {
            await client.DisconnectAsync(true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ProtocolException or SocketException)
        {
        }
    }

    /// <summary>One line for a MailKit or socket failure; null for anything else (a bug, let it through).</summary>
    private string? Describe(Exception e, string step) => e switch
    {
        SocketException s => $"cannot connect: {Line(s.Message)}",
        NotSupportedException when step == "connect" && settings.Tls == "starttls" => "server does not offer STARTTLS",
        SslHandshakeException h => $"TLS handshake failed: {Line(h.InnerException?.Message ?? h.Message)}",
        AuthenticationException a => $"{step} refused: {Line(a.Message)}",
        SmtpCommandException c => $"{Refused(c)}: {(int)c.StatusCode} {Line(c.Message)}",
        SmtpProtocolException p => $"connection lost during {step}: {Line(p.Message)}",
        IOException io => $"connection lost during {step}: {Line(io.Message)}",
        TimeoutException => $"no answer within {settings.TimeoutSeconds}s ({step})",
        ServiceNotConnectedException => $"connection lost during {step}",
        _ => null,
    };

    private static string CertificateProblem(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var what = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) what.Add("the server sent no certificate");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) what.Add("its name does not match smtp_host");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain?.ChainStatus.Select(c => c.Status.ToString()).Distinct().ToList() ?? [];
            what.Add($"it is not trusted ({(status.Count > 0 ? string.Join(", ", status) : "chain error")})");
        }
        var subject = certificate is null ? "" : $" ({certificate.Subject}, issued by {certificate.Issuer})";
        return $"server certificate refused{subject}: {string.Join("; ", what)}";
    }

    private static string Refused(SmtpCommandException c) => c.ErrorCode switch
    {
        SmtpErrorCode.SenderNotAccepted => $"sender <{c.Mailbox?.Address}> refused",
        SmtpErrorCode.RecipientNotAccepted => $"recipient <{c.Mailbox?.Address}> refused",
        SmtpErrorCode.MessageNotAccepted => "message refused",
        _ => "server refused",
    };

    private static string Line(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

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
