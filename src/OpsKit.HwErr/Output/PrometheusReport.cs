// node_exporter textfile-collector metrics (through the shared PrometheusWriter): overall status,
// opskit_hwerr_last_run_timestamp_seconds and opskit_hwerr_success, timing, status per source,
// and the counts with labels mc, dimm, device, severity (gauges: they are read, not counted
// by us). Numeric statuses use 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Renders the Prometheus text exposition format.</summary>
public static class PrometheusReport
{
    /// <summary>The metrics text.</summary>
    public static string Render(HwErrReport report)
    {
        var w = new PrometheusWriter();
        Family F(string name, string help) => new(w.Declare(name, help), name);
        F("opskit_hwerr_check_status", "Overall hardware-error status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.").Add((int)report.Status);
        w.Run("hwerr", report.Started, report.Sources.All(s => s.Notes.All(n => n.Status != CheckStatus.Unknown)) && report.Notes.All(n => n.Status != CheckStatus.Unknown));
        F("opskit_hwerr_check_duration_seconds", "How long the check took.").Add(report.Duration.TotalSeconds);
        F("opskit_hwerr_errors", "Errors over all sources by severity (corrected, uncorrected).").Add(report.CorrectedTotal, ("severity", "corrected"));
        F("opskit_hwerr_errors", "").Add(report.UncorrectedTotal, ("severity", "uncorrected"));
        F("opskit_hwerr_unacknowledged_errors", "Uncorrected errors kept until 'opskit hwerr ack' (live checks).").Add(report.Pending.Sum(p => p.Count));
        foreach (var s in report.Sources)
        {
            F("opskit_hwerr_source_status", "Status per source and input (0-3).").Add((int)s.Status, ("source", s.Source), ("input", s.Origin));
            foreach (var o in s.Observations) Observation(F, s, o);
        }
        return w.Render();
    }

    private readonly record struct Family(PrometheusWriter Writer, string Name)
    {
        public void Add(double value, params (string Key, string? Value)[] labels) => Writer.Add(Name, value, labels);
    }

    private static void Observation(Func<string, string, Family> F, SourceReport s, Observation o)
    {
        var parts = o.Key.Split('/');
        var sev = o.Severity.Label();
        switch (s.Source)
        {
            case "edac" when parts.Length == 3 && parts[2] is "ce" or "ue":
                F("opskit_hwerr_edac_mc_errors", "EDAC errors per memory controller (ce_count/ue_count, or the sum of its parts).").Add(o.Value, ("mc", o.Mc), ("severity", sev));
                break;
            case "edac" when parts.Length == 3:
                F("opskit_hwerr_edac_noinfo_errors", "EDAC errors without DIMM information per memory controller.").Add(o.Value, ("mc", o.Mc), ("severity", sev));
                break;
            case "edac" when parts.Length == 4 && (parts[2].StartsWith("dimm", StringComparison.Ordinal) || parts[2].StartsWith("rank", StringComparison.Ordinal) || parts[3].StartsWith("ch", StringComparison.Ordinal)):
                var slot = parts[3].StartsWith("ch", StringComparison.Ordinal) ? $"{parts[2]}/{parts[3][..parts[3].IndexOf('_', StringComparison.Ordinal)]}" : parts[2];
                F("opskit_hwerr_edac_dimm_errors", "EDAC errors per DIMM (dimm*/rank* counters, or csrow channel counters).").Add(o.Value, ("mc", o.Mc), ("slot", slot), ("dimm", o.Dimm), ("severity", sev));
                break;
            case "edac":
                break;
            case "aer" when o.Key.Contains("/TOTAL_ERR_", StringComparison.Ordinal):
                F("opskit_hwerr_aer_errors", "PCIe AER errors per device (TOTAL_ERR_* of aer_dev_correctable, _nonfatal, _fatal).").Add(o.Value, ("device", o.Device), ("severity", AerSeverity(parts[^1])));
                break;
            case "aer":
                F("opskit_hwerr_aer_rootport_errors", "PCIe AER errors reported to a root port (aer_rootport_total_err_*).").Add(o.Value, ("device", o.Device), ("severity", parts[^1]["aer_rootport_total_err_".Length..]));
                break;
            case "log":
                F("opskit_hwerr_log_events", "Kernel log events by kind (edac, mce, thermal, aer, ghes, memory_failure) and severity.")
                    .Add(o.Value, ("input", s.Origin), ("kind", parts[1]), ("severity", sev), ("mc", o.Mc), ("dimm", o.Dimm), ("device", o.Device));
                break;
            default:
                F("opskit_hwerr_tool_errors", "Errors reported by a RAS tool (ras-mc-ctl, mcelog, edac-util).")
                    .Add(o.Value, ("tool", s.Source), ("severity", sev), ("mc", o.Mc), ("dimm", o.Dimm), ("device", o.Device));
                break;
        }
    }

    private static string AerSeverity(string total) => total switch
    {
        "TOTAL_ERR_COR" => "corrected",
        "TOTAL_ERR_NONFATAL" => "nonfatal",
        _ => "fatal",
    };
}
