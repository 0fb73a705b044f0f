// The formats of "snapshot check": an aligned table, JSON (source-generated), one Nagios
// status line with perfdata (age, size, count per series) and textfile-collector metrics.
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Snapshots.Check;

/// <summary>Renders a check report.</summary>
public static class CheckRenderer
{
    /// <summary>The report in <paramref name="format"/>.</summary>
    public static string Render(SnapshotCheckReport report, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonSerializer.Serialize(report, SnapshotJsonContext.Reports.SnapshotCheckReport) + "\n",
        OutputFormat.Nagios => Nagios(report),
        OutputFormat.Prometheus => Prometheus(report),
        _ => Text(report),
    };

    /// <summary>A table of the series, then one line per reason.</summary>
    public static string Text(SnapshotCheckReport r)
    {
        var table = new TextTable("SERIES", "STATUS", "NEWEST", "AGE", "SIZE", "TOOK", "COMPLETE", "INCOMPLETE", "SUSPENDED", "CREATE", "ROTATE", "ROOT").AlignRight(3, 4, 5, 6, 7, 8);
        foreach (var s in r.Series)
            table.Add(s.Series ?? "-", s.Status, s.Newest?.Name ?? "-",
                s.Newest is { } n ? DurationText.Format(TimeSpan.FromSeconds(n.AgeSeconds)) : "-",
                s.Newest?.Bytes is { } b ? Size(b) : "-",
                s.Newest is { } d ? DurationText.Format(TimeSpan.FromSeconds(d.DurationSeconds)) : "-",
                Count(s.Complete), Count(s.Incomplete), Count(s.Suspended),
                s.LastCreate?.Result ?? "-", s.LastRotate?.Result ?? "-", s.Root);
        var sb = new StringBuilder(table.ToString());
        foreach (var s in r.Series)
            foreach (var why in s.Reasons) sb.Append(s.Series ?? s.Root).Append(": ").Append(s.Status).Append(": ").Append(why).Append('\n');
        return sb.ToString();
    }

    /// <summary>"SNAPSHOT WARNING - home: newest ... | home_age=...s;warn;crit;0 home_size=...B;;;0 home_count=N;;;0".</summary>
    public static string Nagios(SnapshotCheckReport r)
    {
        var problems = r.Series.Where(s => s.Value != CheckStatus.Ok).Select(s => $"{s.Series ?? s.Root}: {string.Join("; ", s.Reasons)}").ToList();
        var summary = problems.Count > 0 ? string.Join(", ", problems)
            : string.Join(", ", r.Series.Select(s => $"{s.Series} {DurationText.Format(TimeSpan.FromSeconds(s.Newest?.AgeSeconds ?? 0))} old"));
        if (r.Series.Count == 0) summary = "no series";
        var perf = new List<string>();
        foreach (var s in r.Series.Where(s => s.Series is not null))
        {
            var label = PerfLabel(s.Series!);
            perf.Add(Invariant($"'{label}_age'={(s.Newest is { } n ? Invariant($"{n.AgeSeconds:0}") : "U")}s;{r.WarnAgeSeconds:0};{r.CritAgeSeconds:0};0"));
            perf.Add($"'{label}_size'={(s.Newest?.Bytes is { } b ? b.ToString(CultureInfo.InvariantCulture) : "U")}B;;;0");
            perf.Add($"'{label}_count'={(s.Complete is { } c ? c.ToString(CultureInfo.InvariantCulture) : "U")};;;0");
        }
        return $"SNAPSHOT {r.Value.Label()} - {summary}{(perf.Count > 0 ? " | " + string.Join(' ', perf) : "")}\n";
    }

    /// <summary>The textfile-collector metrics.</summary>
    public static string Prometheus(SnapshotCheckReport r)
    {
        var w = new PrometheusWriter();
        w.Run("snapshot", r.CheckedAt, r.Series.All(s => s.Value != CheckStatus.Unknown));
        w.Declare("opskit_snapshot_status", "Verdict per series: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.")
         .Declare("opskit_snapshot_newest_age_seconds", "Age of the newest complete snapshot (absent when there is none).")
         .Declare("opskit_snapshot_newest_timestamp_seconds", "Time of the newest complete snapshot (Unix time).")
         .Declare("opskit_snapshot_newest_size_bytes", "Apparent size of the newest complete snapshot's files (when its create recorded it).")
         .Declare("opskit_snapshot_newest_duration_seconds", "How long the run of the newest complete snapshot took.")
         .Declare("opskit_snapshot_age_threshold_seconds", "The age above which the check warns (level warning) or is critical (level critical).")
         .Declare("opskit_snapshot_snapshots", "Snapshots by state: complete, incomplete (partial or running), suspended (deletions held back by the last rotation).")
         .Declare("opskit_snapshot_never_completed", "1 when the series has no complete snapshot at all.")
         .Declare("opskit_snapshot_last_create_success", "1 when the last create ended with a complete snapshot.")
         .Declare("opskit_snapshot_last_create_timestamp_seconds", "Start of the last create (Unix time).")
         .Declare("opskit_snapshot_rotate_suspended", "1 when the last rotation was suspended by a guard (stale series, mass delete, clock).")
         .Declare("opskit_snapshot_last_rotate_success", "1 when the last rotation ran without suspension or failure.")
         .Declare("opskit_snapshot_last_rotate_timestamp_seconds", "Time of the last rotation (Unix time).");
        foreach (var s in r.Series)
        {
            (string, string?)[] l = [("root", s.Root), ("series", s.Series)];
            w.Add("opskit_snapshot_status", (int)s.Value, l);
            if (s.Series is null) continue;
            w.Add("opskit_snapshot_age_threshold_seconds", r.WarnAgeSeconds, [.. l, ("level", "warning")]);
            w.Add("opskit_snapshot_age_threshold_seconds", r.CritAgeSeconds, [.. l, ("level", "critical")]);
            if (s.Newest is { } n)
            {
                w.Add("opskit_snapshot_newest_age_seconds", n.AgeSeconds, l);
                w.Add("opskit_snapshot_newest_timestamp_seconds", n.Time.ToUnixTimeSeconds(), l);
                w.Add("opskit_snapshot_newest_duration_seconds", n.DurationSeconds, l);
                if (n.Bytes is { } b) w.Add("opskit_snapshot_newest_size_bytes", b, l);
            }
            if (s.Complete is { } c)
            {
                w.Add("opskit_snapshot_never_completed", c == 0 ? 1 : 0, l);
                w.Add("opskit_snapshot_snapshots", c, [.. l, ("state", "complete")]);
                w.Add("opskit_snapshot_snapshots", s.Incomplete ?? 0, [.. l, ("state", "incomplete")]);
                w.Add("opskit_snapshot_snapshots", s.Suspended ?? 0, [.. l, ("state", "suspended")]);
            }
            if (s.LastCreate is { } lc)
            {
                w.Add("opskit_snapshot_last_create_success", lc.Result == "ok" ? 1 : 0, l);
                w.Add("opskit_snapshot_last_create_timestamp_seconds", lc.Time.ToUnixTimeSeconds(), l);
            }
            if (s.LastRotate is { } lr)
            {
                w.Add("opskit_snapshot_rotate_suspended", lr.Result == "suspended" ? 1 : 0, l);
                w.Add("opskit_snapshot_last_rotate_success", lr.Result == "ok" ? 1 : 0, l);
                w.Add("opskit_snapshot_last_rotate_timestamp_seconds", lr.Time.ToUnixTimeSeconds(), l);
            }
        }
        return w.Render();
    }

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string PerfLabel(string series) => series.Replace('\'', '_').Replace('=', '_');

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Size(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double v = bytes;
        var u = 0;
        while (v >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{v:0.0} {units[u]}");
    }
}
