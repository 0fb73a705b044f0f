// opskit raid check: run (or replay) the backends, print the report in the chosen format,
// exit with the status. --cron: silent when OK, else print and mail the report per [mail].
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Mail;
using OpsKit.Core.Output;
using OpsKit.Raid;
using OpsKit.Raid.Model;
using OpsKit.Raid.Output;

namespace OpsKit.Commands.Raid;

/// <summary>"raid check".</summary>
public static class RaidCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.WithFormat("Output: text, json, nagios (status line, perfdata, exit 0-3) or prometheus (textfile metrics).");
        var cron = GlobalOptions.Cron();
        var replay = new Option<string?>("--replay") { Description = "Check the saved outputs in DIR (from 'raid dump' or a fixture folder) instead of running tools.", HelpName = "DIR" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE atomically (e.g. a node_exporter textfile directory) instead of stdout.", HelpName = "FILE" };
        var backend = RaidOptions.Backend();
        var check = RaidOptions.State("check-state", "a consistency check, verify or scrub runs", "OK");
        var resync = RaidOptions.State("resync-state", "a resync, rebuild or recovery runs", "WARNING");
        var learn = RaidOptions.State("bbu-learn-state", "a BBU learn cycle runs", "WARNING");
        var cache = RaidOptions.State("cache-fail-state", "the write cache fell back to write-through", "WARNING");
        var noraid = RaidOptions.State("noraid-state", "nothing to check is found", "UNKNOWN");
        var spares = RaidOptions.SpareCount();
        var timeout = RaidOptions.Timeout();
        var command = new Command("check", "Check every controller, array, disk and battery; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
        {
            cron, replay, output, backend, check, resync, learn, cache, noraid, spares, timeout,
        };
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "raidchk");
            var settings = RaidOptions.Settings(host, new RaidOverrides
            {
                CheckState = parse.GetValue(check), ResyncState = parse.GetValue(resync), BbuLearnState = parse.GetValue(learn),
                CacheFailState = parse.GetValue(cache), NoRaidState = parse.GetValue(noraid), SpareCount = parse.GetValue(spares),
                Backends = parse.GetValue(backend) ?? [], TimeoutSeconds = parse.GetValue(timeout),
            });
            var checker = new RaidChecker(host.Context, settings);
            var dir = parse.GetValue(replay);
            var report = dir is null
                ? await checker.CheckAsync(ct).ConfigureAwait(false)
                : await checker.ReplayAsync(dir, settings.Backends, ct).ConfigureAwait(false);
            if (parse.GetValue(cron)) return await Cron(host, report, ct).ConfigureAwait(false);
            var text = ReportRenderer.Render(report, format.Get(parse));
            if (parse.GetValue(output) is { } file) ReportRenderer.WriteAtomically(file, text);
            else parse.Out.Write(text);
            return (int)report.Status;
        });
        return command;
    }

    private static Task<int> Cron(CommandHost host, RaidReport report, CancellationToken ct) =>
        CheckCron.ReportAsync(host, "raid", "RAID", report.Status, TextReport.Render(report), mail: true, ct);
}
