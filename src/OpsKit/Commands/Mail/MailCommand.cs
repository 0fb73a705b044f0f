// opskit mail: test the alert path.
using System.CommandLine;

namespace OpsKit.Commands.Mail;

/// <summary>The "mail" area.</summary>
public static class MailCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("mail", "Alert delivery per [mail].")
    {
        MailTestCommand.Create(),
    };
}
