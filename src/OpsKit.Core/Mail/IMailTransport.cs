// One way of handing a message to the mail system.
namespace OpsKit.Core.Mail;

/// <summary>Delivers a rendered alert; throws <see cref="MailException"/> on failure.</summary>
public interface IMailTransport
{
    /// <summary>Sends the message.</summary>
    Task SendAsync(string from, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken);
}
