// The one-line summary shared by the text header, the Nagios status line and the mail
// subject: the problems when there are any, otherwise what was read.
using System.Globalization;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Builds summaries.</summary>
public static class ReportSummary
{
    private const int MaxProblems = 6;

    /// <summary>A problem: what, how many, and the status it gives.</summary>
    /// <param name="Status">Its status.</param>
    /// <param name="Text">"mc2 csrow0 ch0 CPU_SrcID#0_MC#2_Chan#0_DIMM#0 corrected: 7836".</param>
    /// <param name="Evidence">The first evidence line.</param>
    public sealed record Problem(CheckStatus Status, string Text, string? Evidence);

    /// <summary>Every problem of the report, worst first; summary counters (MC totals) left out when finer ones say the same.</summary>
    public static List<Problem> Problems(HwErrReport report)
    {
        var list = new List<Problem>();
        foreach (var n in report.Notes.Where(n => n.Status != CheckStatus.Ok)) list.Add(new Problem(n.Status, n.Message, null));
        foreach (var p in report.Pending)
            list.Add(new Problem(CheckStatus.Critical, $"{p.What}: {p.Count} (since {p.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, until 'hwerr ack')", p.Evidence));
        foreach (var s in report.Sources)
        {
            foreach (var n in s.Notes.Where(n => n.Status != CheckStatus.Ok)) list.Add(new Problem(n.Status, $"{s.Source}: {n.Message}", null));
            // Records before the lines that repeat them ("error received", "recovery failed", decoder lines).
            var bad = s.Observations.Where(o => SourceReport.Judged(o) != CheckStatus.Ok).OrderBy(o => o.InTotal ? 0 : 1).ToList();
            foreach (var o in s.Source == "edac" ? Finest(bad) : bad)
                list.Add(new Problem(SourceReport.Judged(o), $"{o.What}: {Count(o)}", o.Evidence.FirstOrDefault()));
        }
        return list.OrderByDescending(p => Rank(p.Status)).ToList();
    }

    /// <summary>EDAC problems at the finest level per controller and severity: DIMM (dimm*/rank*, else csrow
    /// channel) rows hide the csrow and controller totals that count the same errors; noinfo counts stay.</summary>
    internal static List<Observation> Finest(List<Observation> bad)
    {
        static string[] P(Observation o) => o.Key.Split('/');
        static bool Slot(string[] p) => p.Length == 4 && (p[2].StartsWith("dimm", StringComparison.Ordinal) || p[2].StartsWith("rank", StringComparison.Ordinal) || p[3].StartsWith("ch", StringComparison.Ordinal));
        static bool Row(string[] p) => p.Length == 4 && !Slot(p);
        static bool Total(string[] p) => p.Length == 3 && p[2] is "ce" or "ue";
        var dimmLayout = bad.Where(o => P(o) is var p && p.Length == 4 && (p[2].StartsWith("dimm", StringComparison.Ordinal) || p[2].StartsWith("rank", StringComparison.Ordinal))).Select(o => o.Mc).ToHashSet();
        var kept = bad.Where(o => !(dimmLayout.Contains(o.Mc) && P(o) is var p && p.Length == 4 && p[2].StartsWith("csrow", StringComparison.Ordinal))).ToList();
        return kept.Where(o =>
        {
            var p = P(o);
            var same = kept.Where(x => x.Mc == o.Mc && x.Severity == o.Severity).Select(P).ToList();
            if (Total(p)) return !same.Any(x => Slot(x) || Row(x));
            if (Row(p)) return !same.Any(Slot);
            return true;
        }).ToList();
    }

    /// <summary>The count as printed: the value, and in live runs what is new.</summary>
    public static string Count(Observation o) =>
        o.Last24Hours is { } d ? $"{d} in 24 h (total {o.Value})"
        : o.Increase is { } i && o.IsCounter ? $"+{i} (total {o.Value})"
        : o.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"mc2 ... corrected: 7836; ..." or "2 memory controllers, 1 PCI device, 31 log lines: no errors".</summary>
    public static string Line(HwErrReport report)
    {
        var problems = Problems(report);
        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxProblems).Select(p => p.Text).ToList();
            var more = problems.Count - shown.Count;
            return string.Join("; ", shown) + (more > 0 ? $"; and {more} more" : "");
        }
        var parts = new List<string>();
        foreach (var s in report.Sources)
        {
            var what = s.Source switch
            {
                "edac" => Plural((int?)s.Details["controllers"] ?? 0, "memory controller"),
                "aer" => Plural((int?)s.Details["device_count"] ?? 0, "PCI device") + " with AER",
                "log" => Plural((int?)s.Details["lines"] ?? 0, "kernel log line"),
                _ => s.Source,
            };
            parts.Add(what);
        }
        return (parts.Count > 0 ? string.Join(", ", parts) + ": " : "") + "no hardware errors";
    }

    private static string Plural(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    private static int Rank(CheckStatus s) => s switch { CheckStatus.Critical => 3, CheckStatus.Unknown => 2, CheckStatus.Warning => 1, _ => 0 };
}
