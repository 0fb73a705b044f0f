// opskit aoe status [ALIAS...] [--format text|json|prometheus] [-o FILE]: per alias running/stopped/dead, pid, file,
// size, interface, clients, frames, errors, and the serving daemon's receive threads.
using System.CommandLine;
using OpsKit.Aoe.Exports;
using OpsKit.Aoe.Output;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Commands.Aoe;

/// <summary>"aoe status".</summary>
public static class AoeStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var aliases = AoeCommon.Aliases();
        var format = ReportFormat.WithFormat("Output: text, json or prometheus (textfile metrics).");
        format.FormatOption!.AcceptOnlyFromAmong("text", "json", "prometheus");
        var output = new Option<string?>("--output", "-o") { Description = "With --format prometheus: write the metrics to FILE atomically (node_exporter textfile directory).", HelpName = "FILE" };
        var command = new Command("status", "Show each export: running/stopped/dead, pid, file, size, interface, clients, frames, errors (exit 2 when an enabled export is not served).")
        {
            aliases, output,
        };
        format.AddTo(command);
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed");
            var manager = AoeCommon.Manager(host);
            var rows = manager.Status(parse.GetValue(aliases) ?? []);
            var chosen = format.Get(parse);
            if (chosen == OutputFormat.Prometheus)
            {
                var metrics = ExportMetrics.Render(rows, host.Context.Clock.GetUtcNow());
                if (parse.GetValue(output) is { } file) AtomicFile.Write(file, metrics);
                else parse.Out.Write(metrics);
                return AoeReports.StatusExit(rows);
            }
            if (parse.GetValue(output) is not null) throw OpsKitException.Usage("--output goes with --format prometheus");
            parse.Out.Write(AoeReports.Status(rows, manager.ReceiveThreads(), chosen));
            return AoeReports.StatusExit(rows);
        });
        return command;
    }
}
