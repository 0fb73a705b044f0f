// Examples and exit statuses of opskit-aide(8) (see Docs/CommandExamples.cs).
using OpsKit.Core;
using OpsKit.Docs;

namespace OpsKit.Commands.Aide;

/// <summary>The aide page's EXAMPLES and EXIT STATUS.</summary>
public static class AideExamples
{
    /// <summary>The docs.</summary>
    public static AreaDocs Docs { get; } = new(
    [
        new("opskit aide config --check", "Print a starting aide.conf that passes aide --config-check (redirect it to /etc/aide/opskit.conf)."),
        new("opskit aide init", "Build the first database, promote it by rename and record its SHA-256."),
        new("opskit aide check --format nagios", "One status line with counts of added, removed and changed files; exit 0-3."),
        new("opskit aide accept", "After a reviewed change: aide --update, archive the old database, promote the new one."),
        new("opskit aide rotate --dry-run", "Show which archived reports and databases would be compressed or deleted."),
    ],
    [
        .. AreaDocs.CheckCodes("check"),
        (ExitCodes.Critical, "status: the database is not the one recorded"),
        .. AreaDocs.ActionCodes,
        (ExitCodes.Unavailable, "aide is missing"),
    ]);
}
