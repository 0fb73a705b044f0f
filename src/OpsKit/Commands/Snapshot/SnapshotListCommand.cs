// opskit snapshot list ROOT: series, snapshots, state; --sizes adds bytes and new bytes.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Listing;

namespace OpsKit.Commands.Snapshot;

/// <summary>"snapshot list".</summary>
public static class SnapshotListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var root = new Argument<string>("ROOT") { Description = "Snapshot root." };
        var series = new Option<string?>("--series") { Description = "Only this series.", HelpName = "NAME" };
        var sizes = new Option<bool>("--sizes") { Description = "Also walk the trees: bytes per snapshot and bytes new in it (not hard-linked to the previous one)." };
        var format = ReportFormat.JsonOnly();
        var command = new Command("list", "List the series and snapshots of a root with their state (complete, partial, running, foreign).")
        {
            root, series, sizes,
        };
        format.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snapshot");
            var (list, foreign) = SnapshotLister.List(parse.GetValue(root)!, parse.GetValue(series), parse.GetValue(sizes), ct);
            parse.Out.Write(SnapshotReports.List(parse.GetValue(root)!, list, foreign, format.Get(parse)));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
