// Examples and exit statuses of opskit-hwerr(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.HwErr;

/// <summary>The hwerr page's EXAMPLES and EXIT STATUS.</summary>
public static class HwErrExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit hwerr check --format nagios", "One status line: corrected errors WARNING, uncorrected CRITICAL; exit 0-3."),
        new("opskit hwerr check --format prometheus -o /var/lib/node_exporter/textfile/opskit_hwerr.prom", "Metrics for node_exporter's textfile collector, written atomically."),
        new("opskit hwerr check --log /var/log/kern.log", "Read a saved kernel log instead of the live sources."),
        new("opskit hwerr ack", "After the DIMM swap: the uncorrected errors seen so far stop making live checks CRITICAL."),
        new("opskit hwerr dump /tmp/hwerr-bundle", "Save counters, kernel log evidence and tool outputs; 'opskit hwerr check --replay /tmp/hwerr-bundle' reads them."),
    ],
    [
        .. AreaDocs.CheckCodes("check"),
        .. AreaDocs.ActionCodes,
    ]);
}
