// Reads the plain report of AIDE 0.18 (report_format=plain, any report_level): the header,
// the summary block, the added/removed/changed lists ("f = p.. .   .     : /path") and the
// detailed section ("File: /path" then " Perm      : old | new"), whose names are the
// changed attributes. Lines it does not know are skipped: later AIDE versions add some.
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpsKit.Aide;

/// <summary>Parses AIDE 0.18 plain reports.</summary>
public static partial class AideReportParser
{
    // Positions in AIDE 0.18's summary string after the type letter (report.c: summarize_changes):
    // the fallback for entries without a detailed section (report_level below changed_attributes).
    private static readonly string[] s_flagNames =
        ["lname", "size", "bcount", "perm", "uid", "gid", "atime", "mtime", "ctime", "inode", "linkcount", "checksums", "acl", "xattrs", "selinux", "e2fsattrs", "caps"];

    [GeneratedRegex(@"^Start timestamp: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}) \(AIDE ([^)]+)\)")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^End timestamp: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})")]
    private static partial Regex EndLine();

    [GeneratedRegex(@"^\s*(Total number of entries|Number of entries|Added entries|Removed entries|Changed entries):\s*(\d+)\s*$")]
    private static partial Regex CountLine();

    [GeneratedRegex(@"^([a-zA-Z!?])(.{17}): (.+)$")]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"^(File|Directory|Link|Character device|Block device|FIFO|Socket|Door|Port|Unknown type): (.+)$")]
    private static partial Regex DetailHeader();

    [GeneratedRegex(@"^ (\S[^:]*?)\s*: ")]
    private static partial Regex DetailAttribute();

    [GeneratedRegex(@"^New AIDE database written to (.+)$")]
    private static partial Regex NewDatabaseLine();

    /// <summary>Parses a report; throws <see cref="FormatException"/> when it is not an AIDE report.</summary>
    public static AideReport Parse(string text)
    {
        var report = new AideReport();
        var section = "";
        var byPath = new Dictionary<string, AideEntry>(StringComparer.Ordinal);
        AideEntry? detail = null;
        var sawStart = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (StartLine().Match(line) is { Success: true } start)
            {
                sawStart = true;
                report.Started = Stamp(start.Groups[1].Value);
                report.Version = start.Groups[2].Value;
                continue;
            }
            if (EndLine().Match(line) is { Success: true } end)
            {
                report.Ended = Stamp(end.Groups[1].Value);
                continue;
            }
            if (line.StartsWith("AIDE found differences", StringComparison.Ordinal)) report.Differences = true;
            else if (line.StartsWith("AIDE found NO differences", StringComparison.Ordinal)) report.Differences = false;
            if (NewDatabaseLine().Match(line) is { Success: true } db) report.NewDatabase = db.Groups[1].Value.Trim();
            if (line.StartsWith("---", StringComparison.Ordinal)) continue;
            switch (line)
            {
                case "Added entries:": section = "added"; detail = null; continue;
                case "Removed entries:": section = "removed"; detail = null; continue;
                case "Changed entries:": section = "changed"; detail = null; continue;
                case "Detailed information about changes:": section = "detail"; detail = null; continue;
            }
            if (line.StartsWith("The attributes of the ", StringComparison.Ordinal))
            {
                section = "tail";
                continue;
            }
            if (section is "" or "tail" && CountLine().Match(line) is { Success: true } count)
            {
                var n = int.Parse(count.Groups[2].Value, CultureInfo.InvariantCulture);
                switch (count.Groups[1].Value)
                {
                    case "Added entries": report.Added = n; break;
                    case "Removed entries": report.Removed = n; break;
                    case "Changed entries": report.Changed = n; break;
                    default: report.Total = n; break;
                }
                continue;
            }
            if (section is "added" or "removed" or "changed" && EntryLine().Match(line) is { Success: true } entry)
            {
                var change = section == "added" ? AideChange.Added : section == "removed" ? AideChange.Removed : AideChange.Changed;
                var e = new AideEntry(change, entry.Groups[3].Value, entry.Groups[1].Value[0], entry.Groups[2].Value);
                report.Entries.Add(e);
                if (change == AideChange.Changed) byPath[e.Path] = e;
                continue;
            }
            if (section == "detail")
            {
                if (DetailHeader().Match(line) is { Success: true } header)
                {
                    byPath.TryGetValue(header.Groups[2].Value, out detail);
                    continue;
                }
                if (detail is not null && DetailAttribute().Match(line) is { Success: true } attr)
                {
                    var name = attr.Groups[1].Value.Trim().ToLowerInvariant();
                    if (!detail.Attributes.Contains(name)) detail.Attributes.Add(name);
                }
            }
        }
        if (!sawStart) throw new FormatException("not an AIDE report (no 'Start timestamp' line)");
        foreach (var e in report.Entries.Where(e => e.Change == AideChange.Changed && e.Attributes.Count == 0))
            e.Attributes.AddRange(FromFlags(e.Flags));
        return report;
    }

    /// <summary>Attribute names from a summary string (letters other than '.', ' ', '=' mark a change).</summary>
    internal static IEnumerable<string> FromFlags(string flags)
    {
        for (var i = 0; i < flags.Length && i < s_flagNames.Length; i++)
        {
            if (flags[i] is not ('.' or ' ' or '=')) yield return s_flagNames[i];
        }
    }

    // AIDE prints the offset as +0000; .NET's zzz wants +00:00.
    private static DateTimeOffset? Stamp(string s) =>
        DateTimeOffset.TryParseExact(s[..^2] + ":" + s[^2..], "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
