// opskit aide check: verify the database against its recorded digest, run aide --check,
// keep the full report as aide.log, print the parsed result, exit with the status.
// --cron: silent when nothing changed, else the one-screen report, mailed per [mail].
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Aide;
using OpsKit.Aide.Output;
using OpsKit.Core;
using OpsKit.Core.Mail;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide check".</summary>
public static class AideCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.WithFormat("Output: text, json, nagios (status line, perfdata, exit 0-3) or prometheus (textfile metrics).");
        var cron = GlobalOptions.Cron();
        var output = new Option<string?>("--output", "-o") { Description = "Write the result to FILE atomically (e.g. a node_exporter textfile directory) instead of stdout.", HelpName = "FILE" };
        var command = new Command("check", "Run aide --check on the verified database, keep the report, print what changed; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
        {
            cron, output,
        };
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "aide");
            var settings = AideCommand.Settings(host);
            var result = await new AideManager(host.Context, settings).CheckAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(cron)) return await Cron(host, settings, result, ct).ConfigureAwait(false);
            var text = AideOutput.Render(result, format.Get(parse));
            if (parse.GetValue(output) is { } file) AideStore.WriteFile(file, text);
            else parse.Out.Write(text);
            return (int)result.Status;
        });
        return command;
    }

    private static Task<int> Cron(CommandHost host, AideSettings settings, AideCheckResult result, CancellationToken ct) =>
        CheckCron.ReportAsync(host, "aide", "AIDE", result.Status, AideOutput.Mail(result, settings.MailPaths, Environment.MachineName), settings.Mail, ct);
}
