// The short per-backend summary shared by the text header, the Nagios status line and the
// mail subject: problems by item when there are any, otherwise what was checked.
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Builds one-line summaries.</summary>
public static class ReportSummary
{
    private const int MaxProblemsPerBackend = 6;

    /// <summary>"megacli:[0 disk 32:4: disk Failed; ...]; mdstat:[3 arrays, 6 disks OK]" plus report notes.</summary>
    public static string Line(RaidReport report)
    {
        var parts = report.Notes.Where(n => n.Status != CheckStatus.Ok || report.Backends.Count == 0).Select(n => n.Message).ToList();
        parts.AddRange(report.Backends.Select(b => $"{b.Backend}:[{Backend(b)}]"));
        return string.Join("; ", parts);
    }

    /// <summary>Problems of one backend, or what it checked.</summary>
    public static string Backend(BackendReport b)
    {
        var problems = Problems(b).ToList();
        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxProblemsPerBackend).ToList();
            var more = problems.Count - shown.Count;
            return string.Join("; ", shown) + (more > 0 ? $"; and {more} more" : "");
        }
        if (b.NothingFound) return b.Notes.FirstOrDefault()?.Message ?? "nothing found";
        var items = b.AllItems().Select(x => x.Item).ToList();
        var counts = new List<string>();
        var arrays = items.Count(i => i.Kind == RaidItemKind.Array);
        var disks = items.Count(i => i.Kind == RaidItemKind.Disk);
        var bbus = items.Count(i => i.Kind == RaidItemKind.Battery);
        counts.Add($"{b.Controllers.Count} controller{S(b.Controllers.Count)}");
        if (arrays > 0) counts.Add($"{arrays} arra{(arrays == 1 ? "y" : "ys")}");
        if (disks > 0) counts.Add($"{disks} disk{S(disks)}");
        if (bbus > 0) counts.Add($"{bbus} BBU{S(bbus)}");
        var activities = items.Where(i => i.Activity is not null).Select(i => $"{i.Id} {i.Reason ?? i.Activity}").ToList();
        return string.Join(", ", counts) + " OK" + (activities.Count > 0 ? $" ({string.Join(", ", activities)})" : "");
    }

    /// <summary>Every non-OK item and note of a backend, described in a few words.</summary>
    public static IEnumerable<string> Problems(BackendReport b)
    {
        foreach (var n in b.Notes.Where(n => n.Status != CheckStatus.Ok)) yield return n.Message;
        foreach (var c in b.Controllers)
        {
            var prefix = b.Controllers.Count > 1 || c.Id != "md" ? $"c{c.Id.TrimStart('c')} " : "";
            foreach (var n in c.Notes.Where(n => n.Status != CheckStatus.Ok)) yield return $"{prefix}{n.Message}".Trim();
            foreach (var i in c.Items.Where(i => i.Status != CheckStatus.Ok))
                yield return $"{prefix}{Name(i)}: {i.Reason ?? i.State}";
        }
    }

    /// <summary>"disk 32:4", "array md0", "controller", "bbu".</summary>
    public static string Name(RaidItem i) =>
        i.Kind == RaidItemKind.Controller || i.Id == Kind(i.Kind) ? Kind(i.Kind) : $"{Kind(i.Kind)} {i.Id}";

    /// <summary>Lower-case item kind as printed.</summary>
    public static string Kind(RaidItemKind kind) => kind switch
    {
        RaidItemKind.Array => "array",
        RaidItemKind.Disk => "disk",
        RaidItemKind.Battery => "bbu",
        RaidItemKind.Enclosure => "enclosure",
        _ => "controller",
    };

    private static string S(int n) => n == 1 ? "" : "s";
}
