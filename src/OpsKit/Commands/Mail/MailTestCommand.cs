// opskit mail test: send a test alert the way a real one would travel.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Mail;

namespace OpsKit.Commands.Mail;

/// <summary>"mail test".</summary>
public static class MailTestCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var to = new Option<string[]>("--to")
        {
            Description = "Send to this address instead of [mail] to (repeatable).",
            HelpName = "ADDR",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("test", "Send a test alert through [mail]; exit non-zero when delivery fails.") { to };
        command.SetAction(async (parse, ct) =>
        {
            foreach (var address in parse.GetValue(to) ?? [])
            {
                // A typo on the command line is a usage error, not an unavailable mail server.
                if (!MimeKit.MailboxAddress.TryParse(MailMessage.OneLine(address), out _))
                    throw OpsKitException.Usage($"--to: '{MailMessage.OneLine(address)}' is not a mail address");
            }
            using var host = CommandHost.From(parse, "opskit");
            var alert = new Alert("mail", $"test alert from {Environment.MachineName}",
                $"This is a test alert sent by 'opskit mail test' on {Environment.MachineName} at {host.Context.Clock.GetLocalNow():yyyy-MM-dd HH:mm:ss zzz}.\n" +
                "If you can read it, OpsKit alerts reach you.\n");
            var where = await host.Alerter().SendAsync(alert, parse.GetValue(to), ct).ConfigureAwait(false);
            if (where != "stdout") parse.Out.WriteLine($"test alert sent to {where}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
