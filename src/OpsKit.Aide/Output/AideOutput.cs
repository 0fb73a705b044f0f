// The check result in every output format: text (a summary table and the entries), JSON,
// a Nagios plugin line with perfdata, Prometheus textfile metrics, and the one-screen mail.
using System.Globalization;
using System.Text;
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.Aide.Output;

/// <summary>Renders check results.</summary>
public static class AideOutput
{
    /// <summary>The result in <paramref name="format"/>.</summary>
    public static string Render(AideCheckResult r, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonOutput.Serialize(AideCheckJson.From(r), AideJsonContext.Reports.AideCheckJson),
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

    /// <summary>"aide status" as text or JSON.</summary>
    public static string Status(AideStatus status, AideSettings settings, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AideStatusJson.From(status, settings), AideJsonContext.Reports.AideStatusJson);
        var t = new TextTable("ITEM", "VALUE");
        var db = status.Database;
        t.Add("database", db.Exists ? string.Create(CultureInfo.InvariantCulture, $"{db.Path} ({db.Size} bytes)") : $"{db.Path} (missing)");
        if (db.Sha256 is not null) t.Add("sha256", db.Sha256);
        t.Add("recorded", db.State is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s.Sha256} at {s.Recorded.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z") : $"nothing in {settings.StateFile}");
        t.Add("trusted", db.Trusted ? "yes" : "NO");
        t.Add("last report", status.LastReport is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{settings.ReportPath} ({r.Started?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z): {r.Added} added, {r.Removed} removed, {r.Changed} changed")
            : "none");
        t.Add("archives", string.Create(CultureInfo.InvariantCulture, $"{status.ArchivedReports} reports, {status.ArchivedDatabases} databases (max_age {settings.MaxAge.TotalDays} days)"));
        return t + $"AIDE {status.Status.Label()}: {status.Problem ?? "database matches its recorded digest"}\n";
    }

    /// <summary>"aide init" / "aide accept" as text or JSON; <paramref name="verb"/> is "initialised" or "accepted".</summary>
    public static string Promotion(AidePromotion p, string verb, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AidePromotionJson.From(p), AideJsonContext.Reports.AidePromotionJson);
        var r = p.Report;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{verb} {p.Database}: {r.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"} entries; {r.Added} added, {r.Removed} removed, {r.Changed} changed since the previous database\n");
        sb.Append(CultureInfo.InvariantCulture, $"sha256 {p.State.Sha256} ({p.State.Size} bytes), recorded for the next check\n");
        if (p.ArchivedDatabase is not null) sb.Append(CultureInfo.InvariantCulture, $"previous database archived as {p.ArchivedDatabase}\n");
        sb.Append(CultureInfo.InvariantCulture, $"report: {p.ReportPath}\n");
        return sb.ToString();
    }

    /// <summary>"aide rotate" as text or JSON.</summary>
    public static string Rotation(AideRotation rotation, bool dryRun, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(AideRotateJson.From(rotation, dryRun), AideJsonContext.Reports.AideRotateJson);
        var t = new TextTable("ACTION", "PATH", "WHY");
        foreach (var s in rotation.Steps) t.Add(dryRun ? "would " + s.Action : s.Action, s.Path, s.Why);
        return t.Count > 0 ? t.ToString() : "nothing to rotate\n";
    }
}
