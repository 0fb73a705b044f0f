// Examples and exit statuses of opskit-raid(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Raid;

/// <summary>The raid page's EXAMPLES and EXIT STATUS.</summary>
public static class RaidExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit raid detect", "List controllers, md arrays, vendor tools found and the backends a check would run."),
        new("opskit raid check", "Check every controller, array, disk and battery and print a table."),
        new("opskit raid check --cron", "The nightly run (also as the raid_check symlink in /etc/cron.daily): silent when all is well, a mail per [mail] when not."),
        new("opskit raid check --format nagios", "One status line with perfdata for Nagios or Icinga; exit 0-3."),
        new("opskit raid check --format prometheus -o /var/lib/node_exporter/textfile/opskit_raid.prom", "Metrics for node_exporter's textfile collector, written atomically."),
        new("opskit raid dump /tmp/raid-bundle", "Save every tool's output as a bundle; 'opskit raid check --replay /tmp/raid-bundle' reads it elsewhere."),
        new("opskit raid sudoers --user nagios", "Print sudoers rules for exactly the command lines the backends run."),
    ],
    [
        .. AreaDocs.CheckCodes("check"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "dump: a needed tool is missing"),
    ]);
}
