// Examples and exit statuses of opskit-mail(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Mail;

/// <summary>The mail page's EXAMPLES and EXIT STATUS.</summary>
public static class MailExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit mail test", "Send a test alert through [mail] the way a real alert travels."),
        new("opskit mail test --to you@example.org", "Send it to another address instead of [mail] to."),
    ],
    [
        (ExitCodes.Ok, "the alert was delivered (or printed, without [mail] to)"),
        (ExitCodes.Usage, "the command line is wrong"),
        (ExitCodes.Unavailable, "delivery failed: the server, sendmail or the network is unavailable"),
        (ExitCodes.Config, "the configuration is wrong"),
    ]);
}
