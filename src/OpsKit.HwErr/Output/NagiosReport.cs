// Nagios/Icinga plugin output: "HWERR <STATE> - <summary> | ce=N ue=N ..." then one
// long-output line per problem with its first evidence line. The exit code is the status.
using System.Text;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Renders the plugin output.</summary>
public static class NagiosReport
{
    /// <summary>The status line, perfdata and long output.</summary>
    public static string Render(HwErrReport report)
    {
        var sb = new StringBuilder();
        sb.Append("HWERR ").Append(report.Status.Label()).Append(" - ").Append(ReportSummary.Line(report).Replace('|', '/'));
        var all = report.Sources.SelectMany(s => s.Observations.Select(o => (s.Source, o))).Where(x => x.o.InTotal).ToList();
        long Sum(string source, Severity sev) => all.Where(x => x.Source == source && x.o.Severity == sev).Sum(x => x.o.Value);
        var perf = new List<string>
        {
            $"ce={report.CorrectedTotal};;;0",
            $"ue={report.UncorrectedTotal};;;0",
            $"edac_ce={Sum("edac", Severity.Corrected)};;;0",
            $"edac_ue={Sum("edac", Severity.Uncorrected)};;;0",
            $"aer_cor={Sum("aer", Severity.Corrected)};;;0",
            $"aer_uncor={Sum("aer", Severity.Uncorrected)};;;0",
            $"log_ce={Sum("log", Severity.Corrected)};;;0",
            $"log_ue={Sum("log", Severity.Uncorrected)};;;0",
            $"thermal={report.Sources.SelectMany(s => s.Observations).Where(o => o.Severity == Severity.Thermal).Sum(o => o.Value)};;;0",
            $"unacknowledged={report.Pending.Sum(p => p.Count)};;;0",
        };
        sb.Append(" | ").Append(string.Join(' ', perf)).Append('\n');
        foreach (var p in ReportSummary.Problems(report))
        {
            sb.Append(p.Status.Label()).Append(": ").Append(p.Text.Replace('|', '/')).Append('\n');
            if (p.Evidence is not null) sb.Append("  ").Append(p.Evidence.Replace('|', '/')).Append('\n');
        }
        return sb.ToString();
    }
}
