// Sends alerts per [mail]: by mail when configured, else to stdout and the log.
// A failed delivery is logged and thrown, so the exit status turns non-zero.
using Microsoft.Extensions.Logging;
using OpsKit.Core.Processes;

namespace OpsKit.Core.Mail;

/// <summary>Delivers alerts.</summary>
public sealed class Alerter
{
    private readonly MailSettings _settings;
    private readonly IMailTransport _transport;
    private readonly ILogger _log;
    private readonly TextWriter _stdout;
    private readonly bool _interactive;

    /// <summary>Creates an alerter with the transport [mail] names.</summary>
    public Alerter(MailSettings settings, SystemContext context, TextWriter? stdout = null, IMailTransport? transport = null)
    {
        _settings = settings;
        _transport = transport ?? (settings.Via == "smtp"
            ? new SmtpTransport(settings, context.Clock)
            : new SendmailTransport(settings, context.Runner, context.Clock));
        _log = context.Loggers.CreateLogger("mail");
        _stdout = stdout ?? Console.Out;
        _interactive = context.Mode == RunMode.Interactive;
    }

    /// <summary>Sends the alert; throws <see cref="MailException"/> when delivery fails, after printing the alert to stdout.</summary>
    /// <returns>A short description of where it went.</returns>
    public async Task<string> SendAsync(Alert alert, IReadOnlyList<string>? toOverride = null, CancellationToken cancellationToken = default)
    {
        var to = toOverride is { Count: > 0 } ? toOverride : _settings.To;
        var subject = _settings.SubjectPrefix.Length > 0 ? $"{_settings.SubjectPrefix} {alert.Subject}" : alert.Subject;
        if (to.Count == 0)
        {
            Print(subject, alert.Body);
            _log.LogWarning("Alert from {Tool}: {Subject} (no [mail] to configured; printed instead)", alert.Tool, alert.Subject);
            return "stdout";
        }
        var from = _settings.From.Length > 0 ? _settings.From : MailMessage.DefaultFrom();
        try
        {
            await _transport.SendAsync(from, to, subject, alert.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (MailException e)
        {
            // From a shell the caller's "opskit: ..." line says it once; elsewhere syslog must get it as an error.
            _log.Log(_interactive ? LogLevel.Information : LogLevel.Error, "Alert from {Tool} not delivered to {To}: {Reason}", alert.Tool, string.Join(", ", to), e.Message);
            // Nothing is lost: the text goes to stdout, which cron mails and a terminal shows.
            if (!alert.Printed) Print(subject, alert.Body);
            throw;
        }
        var where = _settings.Via == "smtp" ? $"smtp {_settings.SmtpHost}:{_settings.SmtpPort}" : ShellQuote.Quote(_settings.Sendmail);
        _log.LogInformation("Alert from {Tool} mailed to {To} via {Via}: {Subject}", alert.Tool, string.Join(", ", to), where, alert.Subject);
        return $"{string.Join(", ", to)} via {where}";
    }

    private void Print(string subject, string body)
    {
        _stdout.WriteLine(subject);
        _stdout.WriteLine();
        _stdout.Write(body.EndsWith('\n') ? body : body + "\n");
        _stdout.Flush();
    }
}
