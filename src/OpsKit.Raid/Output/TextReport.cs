// The human report (also the cron mail body): the verdict with a summary, then one
// aligned table per backend listing every controller item, then notes.
using System.Globalization;
using System.Text;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Renders the text report.</summary>
public static class TextReport
{
    /// <summary>The whole report.</summary>
    public static string Render(RaidReport report)
    {
        var sb = new StringBuilder();
        sb.Append("RAID ").Append(report.Status.Label()).Append(": ").Append(ReportSummary.Line(report)).Append('\n');
        foreach (var n in report.Notes) sb.Append("  ").Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
        foreach (var b in report.Backends)
        {
            sb.Append('\n').Append(b.Backend).Append(": ").Append(b.NothingFound ? "nothing found" : b.Status.Label()).Append('\n');
            foreach (var n in b.Notes) sb.Append("  ").Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
            if (b.Controllers.Count == 0) continue;
            var table = new TextTable("CTRL", "ITEM", "ID", "LEVEL", "STATE", "STATUS", "NOTE");
            foreach (var c in b.Controllers)
            {
                foreach (var i in c.Items)
                {
                    var note = i.Reason ?? (i.Progress is { } p ? $"{i.Activity} {p.ToString("0.#", CultureInfo.InvariantCulture)}%" : "");
                    table.Add(c.Id, ReportSummary.Kind(i.Kind), i.Id, i.Level ?? "", i.State, i.Status.Label(), note);
                }
            }
            foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.Append("  ").Append(line).Append('\n');
            foreach (var c in b.Controllers)
            {
                if (c.Model is not null) sb.Append("  controller ").Append(c.Id).Append(": ").Append(c.Model).Append('\n');
                foreach (var n in c.Notes) sb.Append("  controller ").Append(c.Id).Append(' ').Append(n.Status.Label()).Append(": ").Append(n.Message).Append('\n');
            }
        }
        return sb.ToString();
    }
}
