// "aoe status --format prometheus": per export up, frames in/out, errors, clients and size, from the
// status records (counters are the daemon's since it started, so they are counters with _total).
using OpsKit.Core.Output;

namespace OpsKit.Aoe.Exports;

/// <summary>Renders export status as textfile-collector metrics.</summary>
public static class ExportMetrics
{
    /// <summary>The metrics text.</summary>
    public static string Render(IReadOnlyList<ExportStatus> rows, DateTimeOffset now)
    {
        var w = new PrometheusWriter();
        w.Run("aoe", now, rows.All(r => r.State != "dead"));
        w.Declare("opskit_aoe_export_up", "1 when the export is served, 0 when stopped or dead (state label: running, stopped, dead).")
         .Declare("opskit_aoe_export_enabled", "1 when the export should be served (running or dead).")
         .Declare("opskit_aoe_export_size_bytes", "Size of the exported image.")
         .Declare("opskit_aoe_export_clients", "Distinct client MAC addresses seen since the daemon started.")
         .Declare("opskit_aoe_export_frames_received_total", "Request frames received (answered plus dropped) since the daemon started.", MetricType.Counter)
         .Declare("opskit_aoe_export_frames_sent_total", "Answer frames sent since the daemon started.", MetricType.Counter)
         .Declare("opskit_aoe_export_errors_total", "Answers carrying an AoE error since the daemon started.", MetricType.Counter)
         .Declare("opskit_aoe_export_dropped_frames_total", "Requests dropped (mask, allow list, full queue) since the daemon started.", MetricType.Counter);
        foreach (var r in rows)
        {
            (string, string?)[] l = [("export", r.Spec.Alias), ("target", $"e{r.Spec.Address}"), ("interface", r.Spec.Interface)];
            w.Add("opskit_aoe_export_up", r.State == "running" ? 1 : 0, [.. l, ("state", r.State)]);
            w.Add("opskit_aoe_export_enabled", r.State is "running" or "dead" ? 1 : 0, l);
            if (r.Counters is not { } c) continue;
            w.Add("opskit_aoe_export_size_bytes", c.Sectors * 512.0, l);
            w.Add("opskit_aoe_export_clients", c.Clients, l);
            w.Add("opskit_aoe_export_frames_received_total", c.Frames + c.Dropped, l);
            w.Add("opskit_aoe_export_frames_sent_total", c.Frames, l);
            w.Add("opskit_aoe_export_errors_total", c.Errors, l);
            w.Add("opskit_aoe_export_dropped_frames_total", c.Dropped, l);
        }
        return w.Render();
    }
}
