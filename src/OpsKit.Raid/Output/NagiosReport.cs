// Nagios/Icinga plugin output: "RAID <STATE> - <summary> | <perfdata>" then one long-output
// line per problem. The exit code (0-3) is the status, decided by the caller.
using System.Globalization;
using System.Text;
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Renders the plugin output.</summary>
public static class NagiosReport
{
    /// <summary>The status line, perfdata and long output.</summary>
    public static string Render(RaidReport report)
    {
        var sb = new StringBuilder();
        sb.Append("RAID ").Append(report.Status.Label()).Append(" - ").Append(ReportSummary.Line(report).Replace('|', '/'));
        var perf = Perfdata(report);
        if (perf.Count > 0) sb.Append(" | ").Append(string.Join(' ', perf));
        sb.Append('\n');
        foreach (var n in report.Notes.Where(n => n.Status != CheckStatus.Ok)) sb.Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
        foreach (var b in report.Backends)
        {
            foreach (var p in ReportSummary.Problems(b)) sb.Append(b.Backend).Append(": ").Append(p.Replace('|', '/')).Append('\n');
        }
        return sb.ToString();
    }

    private static List<string> Perfdata(RaidReport report)
    {
        var items = report.Backends.SelectMany(b => b.AllItems().Select(x => (b.Backend, x.Controller, x.Item))).ToList();
        var perf = new List<string>
        {
            $"arrays={items.Count(i => i.Item.Kind == RaidItemKind.Array)};;;0",
            $"arrays_not_ok={items.Count(i => i.Item.Kind == RaidItemKind.Array && i.Item.Status != CheckStatus.Ok)};;;0",
            $"disks={items.Count(i => i.Item.Kind == RaidItemKind.Disk)};;;0",
            $"disks_not_ok={items.Count(i => i.Item.Kind == RaidItemKind.Disk && i.Item.Status != CheckStatus.Ok)};;;0",
        };
        foreach (var (backend, c, i) in items)
        {
            var label = $"{backend}_c{c.Id}_{i.Id}".Replace(' ', '_').Replace('\'', '_');
            if (i.Kind == RaidItemKind.Array && i.Progress is { } p) perf.Add($"'{label}_{i.Activity}'={F(p)}%;;;0;100");
            if (i.Kind == RaidItemKind.Battery && i.TemperatureCelsius is { } t) perf.Add($"'{label}_temp'={F(t)};;;;");
        }
        return perf;
    }

    private static string F(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}
