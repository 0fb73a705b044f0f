// opskit snapshot list ROOT: series, snapshots, state; --sizes adds bytes and new bytes.
using System.CommandLine;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Listing;
using OpsKit.Snapshots.Rotation;

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
        var json = GlobalOptions.Json();
        var command = new Command("list", "List the series and snapshots of a root with their state (complete, partial, running, foreign).")
        {
            root, series, sizes, json,
        };
        command.SetAction((parse, ct) =>
        {
            using var host = CommandHost.From(parse, "snapshot");
            var (list, foreign) = SnapshotLister.List(parse.GetValue(root)!, parse.GetValue(series), parse.GetValue(sizes), ct);
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var s in list)
                    array.Add((JsonNode)new JsonObject
                    {
                        ["series"] = s.Series,
                        ["name"] = s.Snapshot.Name,
                        ["time"] = s.Snapshot.Time is { } t ? SnapshotName.Iso(t) : null,
                        ["state"] = RotateReport.State(s.Snapshot.State),
                        ["note"] = s.Snapshot.Note,
                        ["bytes"] = s.Bytes,
                        ["new_bytes"] = s.NewBytes,
                    });
                JsonOutput.Write(CommandHost.Out, new JsonObject { ["snapshots"] = array, ["foreign"] = new JsonArray(foreign.Select(f => (JsonNode?)f).ToArray()) });
                return Task.FromResult(ExitCodes.Ok);
            }
            var table = new TextTable("SERIES", "SNAPSHOT", "TIME", "STATE", "BYTES", "NEW", "NOTE").AlignRight(4, 5);
            foreach (var s in list)
                table.Add(s.Series, s.Snapshot.Name, s.Snapshot.Time is { } t ? SnapshotName.Iso(t) : "-", RotateReport.State(s.Snapshot.State),
                    s.Bytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", s.NewBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    s.Snapshot.State is SnapshotState.Complete ? "" : s.Snapshot.Note);
            CommandHost.Out.Write(table.ToString());
            foreach (var f in foreign) CommandHost.Out.WriteLine($"foreign entry in the root, not touched: {f}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
