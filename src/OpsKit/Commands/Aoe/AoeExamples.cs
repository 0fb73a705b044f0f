// Examples and exit statuses of opskit-aoe(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Aoe;

/// <summary>The aoe page's EXAMPLES and EXIT STATUS.</summary>
public static class AoeExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit aoe serve -i eth1 --shelf 0 --slot 1 /srv/apollo.img", "Serve one image file as e0.1 on eth1 in the foreground until Ctrl-C."),
        new("opskit aoe import /etc/vbladed.conf -o /etc/opskit/opskit.d/50-aoe.toml", "Convert the classic vbladed.conf table into a drop-in; typos are reported with their line."),
        new("opskit aoe list", "Show the [[aoe.export]] table after checking that files and interfaces exist."),
        new("opskit aoe start apollo", "Start the export with alias apollo; running exports are not disturbed."),
        new("opskit aoe status --json", "Per alias: running, pid, clients, frames and errors as JSON (exit 2 when an enabled export is not served)."),
        new("opskit aoe discover -i eth1", "List the AoE targets answering on eth1."),
        new("opskit aoe bench -i eth1 0.1 --read 256", "Read 256 MiB from target e0.1 and report MB/s, frames/s and retransmits."),
    ],
    [
        (ExitCodes.Ok, "success; for status: every enabled export is served"),
        (ExitCodes.Failed, "the action failed"),
        (ExitCodes.Critical, "status: an enabled export is not served"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "vblade, the interface or raw sockets are unavailable"),
    ]);
}
