// A delivery that failed; never swallowed (DESIGN.md "Alerts").
namespace OpsKit.Core.Mail;

/// <summary>Mail could not be delivered.</summary>
public sealed class MailException(string message, Exception? inner = null)
    : OpsKitException(message, ExitCodes.Unavailable, inner);
