// opskit snapshot adopt: bring an existing folder (--at STAMP) or a whole legacy
// irsync or rsnapshot tree into a series as complete snapshots, by rename.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Adopt;
using OpsKit.Snapshots.Retention;

namespace OpsKit.Commands.Snapshot;

/// <summary>"snapshot adopt".</summary>
public static class SnapshotAdoptCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Snapshot root.", HelpName = "ROOT", Required = true };
        var series = new Option<string?>("--series") { Description = "Series to adopt into. [default: for irsync, <host> of <host>.snaps]", HelpName = "NAME" };
        var dir = new Argument<string>("DIR") { Description = "The folder (with --at), an irsync <host>.snaps folder, or an rsnapshot snapshot_root." };
        var at = new Option<string?>("--at") { Description = "Time of the adopted folder (ISO 8601; no offset = UTC).", HelpName = "STAMP" };
        var irsync = new Option<bool>("--from-irsync") { Description = "DIR is an irsync <host>.snaps folder of YYYY-MM-DD.HHMMSS snapshots." };
        var rsnapshot = new Option<bool>("--from-rsnapshot") { Description = "DIR is an rsnapshot snapshot_root of <level>.N folders (times from their mtimes)." };
        var tz = new Option<string?>("--tz") { Description = "Zone of irsync's local-time stamps. [default: the host's]", HelpName = "ZONE" };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Print what would be adopted; move nothing." };
        var command = new Command("adopt", "Adopt existing folders (or an irsync/rsnapshot tree) as complete snapshots, keeping their hard links.")
        {
            root, series, dir, at, irsync, rsnapshot, tz, dryRun,
        };
        command.SetAction((parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snapshot");
            var folder = parse.GetValue(dir)!;
            var modes = new[] { parse.GetValue(at) is not null, parse.GetValue(irsync), parse.GetValue(rsnapshot) }.Count(x => x);
            if (modes != 1) throw OpsKitException.Usage("give exactly one of --at STAMP, --from-irsync, --from-rsnapshot");
            IReadOnlyList<AdoptItem> items;
            string? name = parse.GetValue(series);
            if (parse.GetValue(irsync))
            {
                items = SnapshotAdopter.FromIrsync(folder, ZoneMath.Find(parse.GetValue(tz) ?? ""));
                name ??= SnapshotAdopter.IrsyncSeries(folder);
            }
            else if (parse.GetValue(rsnapshot)) items = SnapshotAdopter.FromRsnapshot(folder);
            else items = [new AdoptItem(folder, SnapshotName.ParseStamp(parse.GetValue(at)!), "adopt")];
            if (name is null) throw OpsKitException.Usage("--series is required");
            var names = new SnapshotAdopter(host.Context).Adopt(parse.GetValue(root)!, name, items, parse.GetValue(dryRun), ct);
            foreach (var (item, n) in items.OrderBy(i => i.Time).Zip(names))
                parse.Out.WriteLine($"{(parse.GetValue(dryRun) ? "would adopt" : "adopted")} {item.Folder} as {name}/{n}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
