// opskit snapshot check [SERIES...]: is each series' newest complete snapshot fresh, and how did
// the last create and rotate end? Exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN in every format.
using System.CommandLine;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Mail;
using OpsKit.Core.Output;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Check;

namespace OpsKit.Commands.Snapshot;

/// <summary>"snapshot check".</summary>
public static class SnapshotCheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var series = new Argument<string[]>("SERIES") { Description = "Series to check. [default: every series of --root, else every [[snapshot.job]]]", Arity = ArgumentArity.ZeroOrMore };
        var root = new Option<string?>("--root") { Description = "Snapshot root. [default: the roots of the [[snapshot.job]] tables]", HelpName = "ROOT" };
        var warn = new Option<string?>("--warn-age") { Description = "WARNING when the newest complete snapshot is older. [default: [snapshot] warn_age, else 26h]", HelpName = "AGE" };
        var crit = new Option<string?>("--crit-age") { Description = "CRITICAL when the newest complete snapshot is older. [default: [snapshot] crit_age, else 50h]", HelpName = "AGE" };
        var at = new Option<string?>("--at") { Description = "Measure ages as of this time (ISO 8601 UTC) instead of now.", HelpName = "STAMP" };
        var format = new Option<OutputFormat?>("--format", "-f") { Description = "Output: text, json, nagios (status line, perfdata, exit 0-3) or prometheus (textfile metrics).", HelpName = "FORMAT" };
        var json = GlobalOptions.Json();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE atomically (e.g. a node_exporter textfile directory) instead of stdout.", HelpName = "FILE" };
        var cron = GlobalOptions.Cron();
        var command = new Command("check", "Check that each series has a fresh complete snapshot; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
        {
            series, root, warn, crit, at, format, json, output, cron,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snapchk");
            var chosen = parse.GetValue(format);
            if (parse.GetValue(json) && chosen is { } f && f != OutputFormat.Json)
                throw OpsKitException.Usage($"--json conflicts with --format {f.ToString().ToLowerInvariant()}");
            var fmt = parse.GetValue(json) ? OutputFormat.Json : chosen ?? OutputFormat.Text;
            var settings = SnapshotSettings.Bind(host.Config.Section("snapshot"));
            var limits = new CheckThresholds(
                parse.GetValue(warn) is { } w ? DurationText.Parse(w, "--warn-age") : settings.WarnAge,
                parse.GetValue(crit) is { } c ? DurationText.Parse(c, "--crit-age") : settings.CritAge);
            var when = parse.GetValue(at) is { } text ? ParseAt(text) : host.Context.Clock.GetUtcNow();
            var report = SnapshotChecker.Check(Targets(parse.GetValue(root), parse.GetValue(series) ?? [], settings), limits, when);
            var status = (int)report.Value;
            if (parse.GetValue(cron) && fmt == OutputFormat.Text) return await Cron(host, report, ct).ConfigureAwait(false);
            var rendered = CheckRenderer.Render(report, fmt);
            if (parse.GetValue(output) is { } file) AtomicFile.Write(file, rendered);
            else parse.Out.Write(rendered);
            return status;
        });
        return command;
    }

    private static Task<int> Cron(CommandHost host, SnapshotCheckReport report, CancellationToken ct) =>
        CheckCron.ReportAsync(host, "snapshot", "Snapshots", report.Value, CheckRenderer.Text(report), mail: true, ct);

    private static DateTimeOffset ParseAt(string text)
    {
        try
        {
            return SnapshotName.ParseStamp(text);
        }
        catch (Exception e) when (e is FormatException or OpsKitException)
        {
            throw OpsKitException.Usage($"--at: '{text}' is not a time (e.g. 2026-12-06T10:00:00Z)");
        }
    }

    /// <summary>What to check: named series under --root, every series of --root, or the configured jobs.</summary>
    private static List<CheckTarget> Targets(string? root, string[] series, SnapshotSettings settings)
    {
        if (root is not null) return series.Length == 0 ? [new CheckTarget(root, null)] : [.. series.Select(s => new CheckTarget(root, s))];
        if (settings.Jobs.Count == 0)
            throw OpsKitException.Usage("nothing to check: name --root ROOT, or configure [[snapshot.job]] tables");
        if (series.Length == 0) return [.. settings.Jobs.Select(j => new CheckTarget(j.Root, j.Series))];
        var targets = new List<CheckTarget>();
        foreach (var s in series)
        {
            var job = settings.Jobs.FirstOrDefault(j => j.Series == s)
                ?? throw OpsKitException.Usage($"no [[snapshot.job]] with series = \"{s}\" in the config (or name --root ROOT)");
            targets.Add(new CheckTarget(job.Root, job.Series));
        }
        return targets;
    }
}
