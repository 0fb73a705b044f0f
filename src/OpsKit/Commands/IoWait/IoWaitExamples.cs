// Examples and exit statuses of opskit-iowait(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.IoWait;

/// <summary>The iowait page's EXAMPLES and EXIT STATUS.</summary>
public static class IoWaitExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit iowait summary /var/log/kern.log.1.gz --by command --top 10", "The ten commands with the most block IO in a rotated kernel log."),
        new("opskit iowait summary --json", "Summarise block_dump lines read from stdin (e.g. piped from dmesg) as JSON."),
        new("opskit iowait capture --seconds 30", "Switch block_dump on for 30 seconds, off again (also on Ctrl-C), and summarise."),
        new("opskit iowait top --interval 2 --count 5", "Kernels 5.14 and later: five live rankings by IO wait and bytes, two seconds apart."),
    ],
    [
        (ExitCodes.Ok, "success"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "the kernel has no block_dump (use 'iowait top')"),
    ]);
}
