// opskit snapshot rotate: plan and apply a retention policy with the
// safety invariants of Rotator; every reason printed; exit 3 when a guard suspends deletions.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Rotation;

namespace OpsKit.Commands.Snapshot;

/// <summary>"snapshot rotate".</summary>
public static class SnapshotRotateCommand
{
    /// <summary>Exit status when a guard (stale series, mass delete, clock) suspended deletions.</summary>
    public const int Suspended = 3;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = "Snapshot root. [default: every [[snapshot.job]] in the config]", HelpName = "ROOT" };
        var series = new Option<string?>("--series") { Description = "Only this series. [default: every series in the root]", HelpName = "NAME" };
        var policy = new Option<string?>("--policy") { Description = "Use [snapshot.policy.NAME] from the config.", HelpName = "NAME" };
        var keepLast = IntOption("--keep-last", "Keep the N newest complete snapshots.");
        var keepWithin = new Option<string?>("--keep-within") { Description = "Keep all within this duration of the newest snapshot ([Ny][Nm][Nw][Nd][Nh]).", HelpName = "DUR" };
        var hourly = IntOption("--keep-hourly", "Newest snapshot of each of the N most recent hours (-1 = unlimited).");
        var daily = IntOption("--keep-daily", "Newest snapshot of each of the N most recent days (-1 = unlimited).");
        var weekly = IntOption("--keep-weekly", "Newest snapshot of each of the N most recent ISO weeks (-1 = unlimited).");
        var monthly = IntOption("--keep-monthly", "Newest snapshot of each of the N most recent months (-1 = unlimited).");
        var yearly = IntOption("--keep-yearly", "Newest snapshot of each of the N most recent years (-1 = unlimited).");
        var maxAge = new Option<double?>("--max-age-days") { Description = "Alone: keep what is younger than D days. With keep rules: a hard cap.", HelpName = "D" };
        var keep = IntOption("--keep", "Never keep fewer than N snapshots (alone: keep the N newest).");
        var olderThan = new Option<string?>("--older-than") { Description = "Delete snapshots older than D: days, or with a unit h, d, w or m (30 days), e.g. 30d (same as --max-age-days).", HelpName = "D" };
        var minKeep = IntOption("--min-keep", "Always keep this many newest complete snapshots. [default: 1]");
        var tz = new Option<string?>("--tz") { Description = "Time zone of the period buckets. [default: [snapshot] tz, else the host's]", HelpName = "ZONE" };
        var stale = new Option<double?>("--stale-after-hours") { Description = "A series is stale when its newest complete snapshot is older. [default: 48 h or 3x the usual gap]", HelpName = "H" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Print the plan; change nothing." };
        var allowStale = new Option<bool>("--allow-stale") { Description = "Prune even when the newest complete snapshot is stale." };
        var allowMass = new Option<bool>("--allow-mass-delete") { Description = "Allow deleting more than half of the complete snapshots." };
        var now = new Option<string?>("--now") { Description = "With --dry-run: plan as of this time (ISO 8601 UTC).", HelpName = "STAMP" };
        var requireMount = new Option<string?>("--require-mount") { Description = "Refuse unless the root lies on the file system mounted here.", HelpName = "DIR" };
        var json = GlobalOptions.Json();
        var cron = GlobalOptions.Cron();
        var command = new Command("rotate", "Delete old snapshots by a retention policy; keeps the newest complete one, refuses stale series and mass deletes.")
        {
            root, series, policy, keepLast, keepWithin, hourly, daily, weekly, monthly, yearly, maxAge, keep, olderThan, minKeep,
            tz, stale, dryRun, allowStale, allowMass, now, requireMount, json, cron,
        };
        command.SetAction((parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snaprot");
            var settings = SnapshotSettings.Bind(host.Config.Section("snapshot"));
            var flags = new PolicyOptions
            {
                KeepLast = parse.GetValue(keepLast), KeepWithin = parse.GetValue(keepWithin),
                KeepHourly = parse.GetValue(hourly), KeepDaily = parse.GetValue(daily), KeepWeekly = parse.GetValue(weekly),
                KeepMonthly = parse.GetValue(monthly), KeepYearly = parse.GetValue(yearly), MaxAgeDays = parse.GetValue(maxAge),
                Keep = parse.GetValue(keep), OlderThan = parse.GetValue(olderThan), MinKeep = parse.GetValue(minKeep),
                TimeZone = parse.GetValue(tz), StaleAfterHours = parse.GetValue(stale),
                AllowStale = parse.GetValue(allowStale), AllowMassDelete = parse.GetValue(allowMass),
            };
            var at = parse.GetValue(now) is { } text ? SnapshotName.ParseStamp(text) : (DateTimeOffset?)null;
            var requests = RotationTargets.Resolve(parse.GetValue(root), parse.GetValue(series), parse.GetValue(policy), flags,
                settings, parse.GetValue(dryRun), at, parse.GetValue(requireMount));
            var rotator = new Rotator(host.Context);
            var results = requests.Select(r => rotator.Rotate(r, ct)).ToList();
            if (parse.GetValue(json)) parse.Out.Write(RotateReport.Json(results));
            else parse.Out.Write(RotateReport.Text(results, problemsOnly: parse.GetValue(cron)));
            if (results.Any(r => r.Failed)) return Task.FromResult(ExitCodes.Failed);
            return Task.FromResult(results.Any(r => r.Suspended is not null) ? Suspended : ExitCodes.Ok);
        });
        return command;
    }

    private static Option<int?> IntOption(string name, string description) => new(name) { Description = description, HelpName = "N" };
}
