// The check result in every output format: text (a summary table and the entries), JSON,
// a Nagios plugin line with perfdata, Prometheus textfile metrics, and the one-screen mail.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Aide.Output;

/// <summary>Renders check results.</summary>
public static class AideOutput
{
    /// <summary>The result in <paramref name="format"/>.</summary>
    public static string Render(AideCheckResult r, OutputFormat format) => format switch
    {
        OutputFormat.Json => Json(r).ToJsonString(JsonOutput.Options) + "\n",
        OutputFormat.Nagios => Nagios(r),
        OutputFormat.Prometheus => Prometheus(r),
        _ => Text(r),
    };

    /// <summary>One line: "AIDE WARNING: 2 added, 1 removed, 3 changed" or the problem.</summary>
    public static string Line(AideCheckResult r)
    {
        var sb = new StringBuilder("AIDE ").Append(r.Status.Label()).Append(": ");
        if (r.Report is { } rep)
        {
            sb.Append(rep.Differences == false || !r.HasChanges ? "no changes" : $"{rep.Added} added, {rep.Removed} removed, {rep.Changed} changed");
            if (rep.Total is { } t) sb.Append(CultureInfo.InvariantCulture, $" ({t} entries)");
            if (r.Critical.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"; {r.Critical.Count} under critical paths");
        }
        else
        {
            sb.Append(r.Problem ?? "no report");
        }
        return sb.ToString();
    }

    /// <summary>Text: the line, a count table, then every entry with its changed attributes.</summary>
    public static string Text(AideCheckResult r)
    {
        var sb = new StringBuilder(Line(r)).Append('\n');
        if (r.Report is not { } rep) return sb.ToString();
        sb.Append('\n');
        var counts = new TextTable("ADDED", "REMOVED", "CHANGED", "ENTRIES").AlignRight(0, 1, 2, 3);
        counts.Add(rep.Added, rep.Removed, rep.Changed, rep.Total?.ToString(CultureInfo.InvariantCulture) ?? "-");
        sb.Append(counts);
        if (rep.Entries.Count > 0)
        {
            sb.Append('\n');
            var t = new TextTable("CHANGE", "TYPE", "PATH", "ATTRIBUTES");
            foreach (var e in rep.Entries) t.Add(Word(e.Change) + (r.Critical.Contains(e) ? "!" : ""), e.TypeName, e.Path, string.Join(',', e.Attributes));
            sb.Append(t);
            if (r.Critical.Count > 0) sb.Append("(! = under a critical path)\n");
        }
        sb.Append('\n').Append("report: ").Append(r.ReportPath).Append('\n');
        return sb.ToString();
    }

    /// <summary>The JSON object.</summary>
    public static JsonObject Json(AideCheckResult r)
    {
        var o = new JsonObject
        {
            ["status"] = r.Status.Label(),
            ["problem"] = r.Problem,
            ["aide_exit"] = r.AideExit,
            ["report_path"] = r.ReportPath,
            ["started"] = r.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["duration_seconds"] = Math.Round(r.Duration.TotalSeconds, 3),
        };
        if (r.Database is { } db)
        {
            o["database"] = new JsonObject
            {
                ["path"] = db.Path,
                ["sha256"] = db.Sha256,
                ["size"] = db.Exists ? db.Size : null,
                ["trusted"] = db.Trusted,
            };
        }
        if (r.Report is { } rep)
        {
            o["summary"] = new JsonObject { ["total"] = rep.Total, ["added"] = rep.Added, ["removed"] = rep.Removed, ["changed"] = rep.Changed };
            o["aide_version"] = rep.Version;
            o["added"] = Entries(rep.Of(AideChange.Added), r, false);
            o["removed"] = Entries(rep.Of(AideChange.Removed), r, false);
            o["changed"] = Entries(rep.Of(AideChange.Changed), r, true);
        }
        return o;
    }

    private static JsonArray Entries(IEnumerable<AideEntry> entries, AideCheckResult r, bool attributes) =>
        new(entries.Select(e =>
        {
            var o = new JsonObject { ["path"] = e.Path, ["type"] = e.TypeName, ["critical"] = r.Critical.Contains(e) };
            if (attributes) o["attributes"] = new JsonArray(e.Attributes.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
            return (JsonNode)o;
        }).ToArray());

    /// <summary>Nagios: status line with perfdata, then the critical paths as long output.</summary>
    public static string Nagios(AideCheckResult r)
    {
        var sb = new StringBuilder(Line(r).Replace('|', '/'));
        if (r.Report is { } rep)
        {
            sb.Append(CultureInfo.InvariantCulture, $" | added={rep.Added};;;0 removed={rep.Removed};;;0 changed={rep.Changed};;;0");
            if (rep.Total is { } t) sb.Append(CultureInfo.InvariantCulture, $" entries={t};;;0");
        }
        sb.Append('\n');
        foreach (var e in r.Critical) sb.Append(CultureInfo.InvariantCulture, $"CRITICAL: {Word(e.Change)} {e.Path.Replace('|', '/')}\n");
        if (r.ReportPath is not null && r.HasChanges) sb.Append("report: ").Append(r.ReportPath).Append('\n');
        return sb.ToString();
    }

    /// <summary>node_exporter textfile metrics.</summary>
    public static string Prometheus(AideCheckResult r)
    {
        var sb = new StringBuilder();
        void Metric(string name, string help, double value, string labels = "")
        {
            sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            sb.Append("# TYPE ").Append(name).Append(" gauge\n");
            sb.Append(name).Append(labels).Append(' ').Append(value.ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        }
        Metric("opskit_aide_check_status", "AIDE check status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.", (int)r.Status);
        Metric("opskit_aide_check_success", "1 when aide ran and its report was read.", r.Report is null ? 0 : 1);
        Metric("opskit_aide_database_trusted", "1 when the database matched its recorded SHA-256.", r.Database?.Trusted == true ? 1 : 0);
        Metric("opskit_aide_check_last_run_timestamp_seconds", "When the check ran (Unix time).", r.Started.ToUnixTimeMilliseconds() / 1000.0);
        Metric("opskit_aide_check_duration_seconds", "How long the check took.", r.Duration.TotalSeconds);
        if (r.Report is { } rep)
        {
            sb.Append("# HELP opskit_aide_entries Entries AIDE reported, by change.\n# TYPE opskit_aide_entries gauge\n");
            sb.Append(CultureInfo.InvariantCulture, $"opskit_aide_entries{{change=\"added\"}} {rep.Added}\n");
            sb.Append(CultureInfo.InvariantCulture, $"opskit_aide_entries{{change=\"removed\"}} {rep.Removed}\n");
            sb.Append(CultureInfo.InvariantCulture, $"opskit_aide_entries{{change=\"changed\"}} {rep.Changed}\n");
            if (rep.Total is { } t) Metric("opskit_aide_entries_total", "Entries in the checked set.", t);
            Metric("opskit_aide_critical_entries", "Added, removed or changed entries under the critical paths.", r.Critical.Count);
        }
        return sb.ToString();
    }

    /// <summary>The one-screen mail: the line, counts, the first <paramref name="maxPaths"/> paths, the report, the digest.</summary>
    public static string Mail(AideCheckResult r, int maxPaths, string host)
    {
        var sb = new StringBuilder(Line(r)).Append(CultureInfo.InvariantCulture, $" on {host}\n\n");
        if (r.Report is { } rep)
        {
            sb.Append(CultureInfo.InvariantCulture, $"added {rep.Added}, removed {rep.Removed}, changed {rep.Changed}");
            if (rep.Total is { } total) sb.Append(CultureInfo.InvariantCulture, $", {total} entries checked");
            sb.Append("\n\n");
            var t = new TextTable("CHANGE", "PATH", "ATTRIBUTES");
            foreach (var e in rep.Entries.Take(maxPaths)) t.Add(Word(e.Change) + (r.Critical.Contains(e) ? "!" : ""), e.Path, string.Join(',', e.Attributes));
            sb.Append(t);
            if (rep.Entries.Count > maxPaths) sb.Append(CultureInfo.InvariantCulture, $"... and {rep.Entries.Count - maxPaths} more in the full report\n");
            if (r.Critical.Count > 0) sb.Append("(! = under a critical path)\n");
            sb.Append('\n').Append("full report: ").Append(r.ReportPath).Append('\n');
            sb.Append("after reviewing (e.g. a package update): opskit aide accept\n");
        }
        if (r.Database is { Sha256: { } sha } db)
            sb.Append(CultureInfo.InvariantCulture, $"database {db.Path} sha256 {sha} ({db.Size} bytes); keep this digest off-host to compare\n");
        return sb.ToString();
    }

    private static string Word(AideChange c) => c switch
    {
        AideChange.Added => "added",
        AideChange.Removed => "removed",
        _ => "changed",
    };
}
