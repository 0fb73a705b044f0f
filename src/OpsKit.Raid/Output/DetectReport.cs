// "raid detect" as text: the evidence table, the backends a check would run, and the problems.
using System.Text;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Detection;

namespace OpsKit.Raid.Output;

/// <summary>Renders a detection result.</summary>
public static class DetectReport
{
    /// <summary>The result as text or JSON.</summary>
    public static string Render(DetectionResult result, CheckStatus status, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(RaidDetectJson.From(result, status), RaidJsonContext.Reports.RaidDetectJson);
        var sb = new StringBuilder();
        var findings = new TextTable("SOURCE", "FOUND");
        foreach (var f in result.Findings) findings.Add(f.Source, f.Detail);
        sb.Append(findings.Count > 0 ? findings.ToString() : "nothing found in /proc/scsi/scsi, /sys/bus/pci/drivers, /proc/mdstat or on the tool paths\n");
        sb.Append('\n');
        foreach (var s in result.Selected) sb.Append($"backend {s.Backend.Name}: {s.Why}\n");
        foreach (var p in result.Problems) sb.Append($"UNKNOWN: {p.Message}\n");
        if (result.Selected.Count == 0 && result.Problems.Count == 0) sb.Append($"{status.Label()}: no RAID found; nothing to check\n");
        return sb.ToString();
    }
}
