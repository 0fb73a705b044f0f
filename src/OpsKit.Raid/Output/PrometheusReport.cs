// node_exporter textfile-collector metrics (through the shared PrometheusWriter): overall status,
// opskit_raid_last_run_timestamp_seconds and opskit_raid_success, timing, and one series
// per controller, array, disk and battery with states as labels (value 1), so alert
// rules can match states; numeric statuses use 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Renders the Prometheus text exposition format.</summary>
public static class PrometheusReport
{
    /// <summary>The metrics text.</summary>
    public static string Render(RaidReport report)
    {
        var w = new PrometheusWriter();
        Family F(string name, string help) => new(w.Declare(name, help), name);
        F("opskit_raid_check_status", "Overall RAID status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.").Add((int)report.Status);
        w.Run("raid", report.Started, NoUnknown(report));
        F("opskit_raid_check_duration_seconds", "How long the check took.").Add(report.Duration.TotalSeconds);
        foreach (var b in report.Backends)
        {
            F("opskit_raid_backend_status", "Status per backend (0-3).").Add((int)b.Status, ("backend", b.Backend));
            foreach (var c in b.Controllers)
            {
                F("opskit_raid_controller_info", "Controllers found.").Add(1, ("backend", b.Backend), ("controller", c.Id), ("model", c.Model ?? ""));
                foreach (var i in c.Items) Item(F, b.Backend, c.Id, i);
            }
        }
        return w.Render();
    }

    private readonly record struct Family(PrometheusWriter Writer, string Name)
    {
        public void Add(double value, params (string Key, string? Value)[] labels) => Writer.Add(Name, value, labels);
    }

    private static void Item(Func<string, string, Family> F, string backend, string controller, RaidItem i)
    {
        (string, string?) B = ("backend", backend), C = ("controller", controller);
        switch (i.Kind)
        {
            case RaidItemKind.Array:
                F("opskit_raid_array_state", "Array state as the tool prints it (label), value 1.").Add(1, B, C, ("array", i.Id), ("level", i.Level ?? ""), ("state", i.State));
                F("opskit_raid_array_status", "Array verdict (0-3).").Add((int)i.Status, B, C, ("array", i.Id));
                if (i.Progress is { } p)
                    F("opskit_raid_array_sync_progress_ratio", "Progress of a running resync, rebuild or check (0-1).").Add(p / 100, B, C, ("array", i.Id), ("action", i.Activity ?? ""));
                break;
            case RaidItemKind.Disk:
                F("opskit_raid_disk_state", "Disk state as the tool prints it (label), value 1.").Add(1, B, C, ("disk", i.Id), ("state", i.State));
                F("opskit_raid_disk_status", "Disk verdict (0-3).").Add((int)i.Status, B, C, ("disk", i.Id));
                if (i.PredictiveFailures is { } pf) F("opskit_raid_disk_predictive_failures", "Predictive failure count.").Add(pf, B, C, ("disk", i.Id));
                if (i.MediaErrors is { } me) F("opskit_raid_disk_media_errors", "Media error count.").Add(me, B, C, ("disk", i.Id));
                if (i.TemperatureCelsius is { } t) F("opskit_raid_disk_temperature_celsius", "Disk temperature.").Add(t, B, C, ("disk", i.Id));
                break;
            case RaidItemKind.Battery:
                F("opskit_raid_bbu_healthy", "1 when the BBU/CacheVault is OK.").Add(i.Status == CheckStatus.Ok ? 1 : 0, B, C, ("bbu", i.Id), ("state", i.State));
                if (i.TemperatureCelsius is { } bt) F("opskit_raid_bbu_temperature_celsius", "BBU temperature.").Add(bt, B, C, ("bbu", i.Id));
                break;
            case RaidItemKind.Enclosure:
                F("opskit_raid_enclosure_status", "Enclosure part verdict (0-3).").Add((int)i.Status, B, C, ("part", i.Id), ("state", i.State));
                break;
            default:
                F("opskit_raid_controller_status", "Controller summary verdict (0-3).").Add((int)i.Status, B, C, ("state", i.State));
                break;
        }
    }

    private static bool NoUnknown(RaidReport r) =>
        r.Notes.All(n => n.Status != CheckStatus.Unknown)
        && r.Backends.All(b => b.Notes.All(n => n.Status != CheckStatus.Unknown)
            && b.Controllers.All(c => c.Notes.All(n => n.Status != CheckStatus.Unknown) && c.Items.All(i => i.Status != CheckStatus.Unknown)));

}
