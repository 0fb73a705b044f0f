// A delivery that failed; never swallowed: the caller logs it and exits non-zero.
namespace OpsKit.Core.Mail;

/// <summary>Mail could not be delivered.</summary>
public sealed class MailException(string message, Exception? inner = null)
    : OpsKitException(message, ExitCodes.Unavailable, inner);
