// opskit aoe status [ALIAS...] [--json]: per alias running/stopped/dead, pid, file, size, interface, clients, frames, errors.
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Aoe.Exports;
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
        var json = GlobalOptions.Json();
        var format = new Option<OutputFormat?>("--format", "-f") { Description = "Output: text, json or prometheus (textfile metrics).", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("text", "json", "prometheus");
        var output = new Option<string?>("--output", "-o") { Description = "With --format prometheus: write the metrics to FILE atomically (node_exporter textfile directory).", HelpName = "FILE" };
        var command = new Command("status", "Show each export: running/stopped/dead, pid, file, size, interface, clients, frames, errors (exit 2 when an enabled export is not served).")
        {
            aliases, json, format, output,
        };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "vbladed");
            var manager = AoeCommon.Manager(host);
            var rows = manager.Status(parse.GetValue(aliases) ?? []);
            var threads = manager.ReceiveThreads();
            var exit = rows.Any(r => r.State == "dead") ? ExitCodes.Critical : ExitCodes.Ok;
            var chosen = parse.GetValue(format);
            if (parse.GetValue(json) && chosen is { } f && f != OutputFormat.Json)
                throw OpsKitException.Usage($"--json conflicts with --format {f.ToString().ToLowerInvariant()}");
            if (chosen == OutputFormat.Prometheus)
            {
                var metrics = OpsKit.Aoe.Exports.ExportMetrics.Render(rows, host.Context.Clock.GetUtcNow());
                if (parse.GetValue(output) is { } file) AtomicFile.Write(file, metrics);
                else CommandHost.Out.Write(metrics);
                return exit;
            }
            if (parse.GetValue(output) is not null) throw OpsKitException.Usage("--output goes with --format prometheus");
            if (parse.GetValue(json) || chosen == OutputFormat.Json)
            {
                var array = new JsonArray();
                foreach (var r in rows)
                    array.Add((JsonNode)new JsonObject
                    {
                        ["alias"] = r.Spec.Alias, ["state"] = r.State, ["pid"] = r.Pid, ["target"] = r.Spec.Address, ["file"] = r.Spec.File,
                        ["size_bytes"] = r.Counters is { } c ? c.Sectors * 512 : null, ["interface"] = r.Spec.Interface,
                        ["clients"] = r.Counters?.Clients, ["frames"] = r.Counters?.Frames, ["errors"] = r.Counters?.Errors, ["dropped"] = r.Counters?.Dropped,
                    });
                var rx = new JsonArray();
                foreach (var t in threads)
                    rx.Add((JsonNode)new JsonObject
                    {
                        ["interface"] = t.Interface, ["thread"] = t.Thread, ["received"] = t.Received, ["answered"] = t.Answered,
                        ["queued"] = t.Queued, ["ignored"] = t.Ignored, ["kernel_drops"] = t.KernelDrops,
                    });
                JsonOutput.Write(CommandHost.Out, new JsonObject { ["exports"] = array, ["receive_threads"] = rx });
                return exit;
            }
            var table = new TextTable("ALIAS", "STATE", "PID", "TARGET", "FILE", "SIZE", "IFACE", "CLIENTS", "FRAMES", "ERRORS");
            foreach (var r in rows)
                table.Add(r.Spec.Alias, r.State, r.Pid?.ToString() ?? "-", $"e{r.Spec.Address}", r.Spec.File,
                    r.Counters is { } c ? AoeCommon.Size(c.Sectors * 512) : "-", r.Spec.Interface,
                    r.Counters?.Clients.ToString() ?? "-", r.Counters?.Frames.ToString() ?? "-", r.Counters?.Errors.ToString() ?? "-");
            CommandHost.Out.Write(table.ToString());
            if (threads.Count > 0)
            {
                CommandHost.Out.WriteLine();
                CommandHost.Out.Write(ReceiveThreadCounters.RenderText(threads));
            }
            return exit;
        });
        return command;
    }
}
