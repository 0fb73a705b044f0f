// The human report (also the cron mail body): the verdict with a summary, then one table
// per source with what it counted (non-zero counts, and the controller and device totals),
// the first evidence line of each problem, then notes.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Renders the text report.</summary>
public static class TextReport
{
    /// <summary>The whole report.</summary>
    public static string Render(HwErrReport report)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("HWERR ").Append(report.Status.Label()).Append(": ").Append(ReportSummary.Line(report)).Append('\n');
        foreach (var n in report.Notes) sb.Append("  ").Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
        foreach (var p in report.Pending)
        {
            sb.Append("  CRITICAL: unacknowledged ").Append(p.What).Append(": ").Append(p.Count).Append(" at ").Append(p.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            if (p.Evidence is not null) sb.Append("    ").Append(p.Evidence).Append('\n');
        }
        foreach (var s in report.Sources)
        {
            sb.Append('\n').Append(s.Source).Append(' ').Append(s.Origin).Append(": ").Append(s.Status.Label()).Append('\n');
            foreach (var n in s.Notes) sb.Append("  ").Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
            var rows = s.Observations.Where(o => o.Value > 0 || IsTotal(o)).OrderBy(o => o.InTotal ? 0 : 1).ToList();
            if (rows.Count == 0)
            {
                sb.Append("  nothing counted\n");
                continue;
            }
            var table = new TextTable("STATUS", "COUNT", "WHAT").AlignRight(1);
            foreach (var o in rows) table.Add(SourceReport.Judged(o).Label(), ReportSummary.Count(o), o.What);
            foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.Append("  ").Append(line).Append('\n');
            // Log and tool lines are worth showing; a sysfs counter's evidence is only its path.
            var evidence = s.Source is "edac" or "aer" ? [] : rows.Where(o => SourceReport.Judged(o) != CheckStatus.Ok).SelectMany(o => o.Evidence.Take(1)).ToList();
            if (evidence.Count > 0)
            {
                sb.Append("  first lines:\n");
                foreach (var e in evidence) sb.Append("    ").Append(e).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static bool IsTotal(Observation o) =>
        (o.Key.StartsWith("edac/", StringComparison.Ordinal) && o.Key.Count(c => c == '/') == 2)
        || (o.Key.StartsWith("aer/", StringComparison.Ordinal) && o.Key.Contains("/TOTAL_ERR_", StringComparison.Ordinal));
}
