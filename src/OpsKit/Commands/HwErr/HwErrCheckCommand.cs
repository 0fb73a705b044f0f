// opskit hwerr check: read (or replay) the sources, print the report in the chosen format,
// exit with the status. --cron: silent when OK, else print and mail the report per [mail].
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Mail;
using OpsKit.Core.Output;
using OpsKit.HwErr;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Output;
using OpsKit.HwErr.Parsing;

namespace OpsKit.Commands.HwErr;

/// <summary>"hwerr check".</summary>
public static class HwErrCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var format = ReportFormat.WithFormat("Output: text, json, nagios (status line, perfdata, exit 0-3) or prometheus (textfile metrics).");
        var cron = GlobalOptions.Cron();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE atomically (e.g. a node_exporter textfile directory) instead of stdout.", HelpName = "FILE" };
        var root = new Option<string?>("--root") { Description = "Read DIR/sys/... instead of /sys (a saved or fixture sysfs tree); no live source is read.", HelpName = "DIR" };
        var log = new Option<string[]>("--log") { Description = "Read this kernel log (dmesg, dmesg -T/-H, syslog, journal export; '-' for stdin) instead of the live one (repeatable).", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string[]>("--from") { Description = $"Read a saved tool output, KIND one of {string.Join(", ", ToolKinds.All)} (repeatable).", HelpName = "KIND=FILE", AllowMultipleArgumentsPerToken = false };
        var replay = new Option<string?>("--replay") { Description = "Check a bundle written by 'hwerr dump' (its sys/, kernel.log and tool outputs).", HelpName = "DIR" };
        var state = HwErrOptions.State("; with --root/--log/--from the replay follows it like a live run");
        var journal = HwErrOptions.Journal();
        var requireEdac = new Option<bool>("--require-edac") { Description = "A host without EDAC memory controllers is UNKNOWN instead of OK ([hwerr] require_edac)." };
        var ceWarn = new Option<long?>("--ce-warn-per-day") { Description = "Corrected errors one counter or log source may add within 24 hours before a live check says WARNING. [default: [hwerr] ce_warn_per_day, 0]", HelpName = "N" };
        var command = new Command("check", "Check EDAC, AER, the kernel log and RAS tools for hardware errors; exit 0 OK, 1 WARNING (corrected), 2 CRITICAL (uncorrected), 3 UNKNOWN.")
        {
            cron, output, root, log, from, replay, state, journal, requireEdac, ceWarn,
        };
        format.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "hwerr");
            var settings = HwErrOptions.Settings(host);
            if (parse.GetValue(requireEdac)) settings = settings with { RequireEdac = true };
            if (parse.GetValue(ceWarn) is { } n)
            {
                if (n < 0) throw OpsKitException.Usage($"--ce-warn-per-day: {n} is below 0");
                settings = settings with { CeWarnPerDay = n };
            }
            if (parse.GetValue(journal)) settings = settings with { KernelLog = "journal" };
            var inputs = new ReplayInputs { Root = parse.GetValue(root), Logs = parse.GetValue(log) ?? [], Tools = (parse.GetValue(from) ?? []).Select(ParseFrom).ToList() };
            if (parse.GetValue(replay) is { } bundle)
            {
                var b = ReplayInputs.FromBundle(bundle);
                inputs = new ReplayInputs { Root = inputs.Root ?? b.Root, Logs = [.. b.Logs, .. inputs.Logs], Tools = [.. b.Tools, .. inputs.Tools] };
            }
            var checker = new HwErrChecker(host.Context, settings);
            var report = inputs.IsEmpty
                ? await checker.LiveAsync(parse.GetValue(state) ?? settings.StateFile, ct).ConfigureAwait(false)
                : await checker.ReplayAsync(inputs, parse.GetValue(state), null, ct).ConfigureAwait(false);
            if (parse.GetValue(cron)) return await Cron(host, report, ct).ConfigureAwait(false);
            var text = ReportRenderer.Render(report, format.Get(parse));
            if (parse.GetValue(output) is { } file) ReportRenderer.WriteAtomically(file, text);
            else parse.Out.Write(text);
            return (int)report.Status;
        });
        return command;
    }

    private static (string Kind, string File) ParseFrom(string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == value.Length - 1) throw OpsKitException.Usage($"--from: '{value}' is not KIND=FILE (KIND one of {string.Join(", ", ToolKinds.All)})");
        var kind = value[..eq];
        if (!ToolKinds.All.Contains(kind)) throw OpsKitException.Usage($"--from: unknown kind '{kind}' (known: {string.Join(", ", ToolKinds.All)})");
        return (kind, value[(eq + 1)..]);
    }

    private static Task<int> Cron(CommandHost host, HwErrReport report, CancellationToken ct) =>
        CheckCron.ReportAsync(host, "hwerr", "hardware errors", report.Status, TextReport.Render(report), mail: true, ct);
}
