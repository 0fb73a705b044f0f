// opskit aide rotate: compress archived reports and databases, delete those past max_age;
// never the current database, never the newest report.
using System.CommandLine;
using System.Globalization;
using OpsKit.Aide;
using OpsKit.Aide.Output;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aide;

/// <summary>"aide rotate".</summary>
public static class AideRotateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var now = new Option<string?>("--now") { Description = "Rotate as of this time (ISO 8601, UTC unless an offset is given) instead of the clock.", HelpName = "STAMP" };
        var maxAge = new Option<int?>("--max-age") { Description = "Days to keep archives. [default: [aide] max_age, 90]", HelpName = "DAYS" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Print what would be compressed and deleted; change nothing." };
        var json = GlobalOptions.Json();
        var cron = GlobalOptions.Cron();
        var command = new Command("rotate", "Compress archived AIDE reports and databases and delete those older than max_age.") { now, maxAge, dryRun, json, cron };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "aide");
            var settings = AideCommand.Settings(host);
            if (parse.GetValue(maxAge) is { } days)
            {
                if (days < 1) throw OpsKitException.Usage($"--max-age {days}: must be at least 1 day");
                settings = settings with { MaxAge = TimeSpan.FromDays(days) };
            }
            DateTimeOffset? at = null;
            if (parse.GetValue(now) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                    throw OpsKitException.Usage($"--now '{text}': not a time (e.g. 2026-03-15T16:28:41Z)");
                at = t;
            }
            var rotation = new AideManager(host.Context, settings).Rotate(at, parse.GetValue(dryRun));
            var format = parse.GetValue(json) ? OutputFormat.Json : OutputFormat.Text;
            if (format == OutputFormat.Json || !parse.GetValue(cron)) parse.Out.Write(AideOutput.Rotation(rotation, parse.GetValue(dryRun), format));
            return ExitCodes.Ok;
        });
        return command;
    }
}
