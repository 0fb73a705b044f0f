// Pipes the message to "sendmail -t -oi", as cron does.
using OpsKit.Core.Processes;

namespace OpsKit.Core.Mail;

/// <summary>Delivery through sendmail(8).</summary>
public sealed class SendmailTransport(MailSettings settings, ICommandRunner runner, TimeProvider clock) : IMailTransport
{
    /// <summary>The exact command line run.</summary>
    public CommandSpec Command(byte[] message) =>
        new(settings.Sendmail, ["-t", "-oi"]) { StandardInput = message, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };

    /// <inheritdoc />
    public async Task SendAsync(string from, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
    {
        // The local MTA takes 8-bit text (sendmail, exim and postfix all do) and re-encodes for peers that need it.
        var message = MailMessage.Build(from, to, subject, body, clock.GetLocalNow(), eightBit: true);
        var bytes = MailMessage.ToBytes(message, MimeKit.NewLineFormat.Unix);
        var result = await runner.RunAsync(Command(bytes), cancellationToken).ConfigureAwait(false);
        if (result.StartError is not null) throw new MailException($"cannot run {settings.Sendmail}: {result.StartError}");
        if (result.TimedOut) throw new MailException($"{settings.Sendmail} did not finish within {settings.TimeoutSeconds}s");
        if (result.ExitCode != 0)
        {
            var why = string.Join(' ', result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            throw new MailException($"{settings.Sendmail} exited with status {result.ExitCode}{(why.Length > 0 ? ": " + why : "")}");
        }
    }
}
