// EDAC counters under /sys/devices/system/edac/mc: per controller ce/ue (and noinfo)
// counts, the old csrow layout (csrowN/chM_ce_count + chM_dimm_label) and the new
// dimmN/rankN layout (dimm_ce_count, dimm_label, dimm_location). Absent files stay absent.
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Sources;

/// <summary>Reads the EDAC sysfs tree.</summary>
public sealed class EdacSysfsSource : IHwErrSource
{
    /// <summary>The directory on a live host.</summary>
    public const string McDirectory = "/sys/devices/system/edac/mc";

    /// <inheritdoc />
    public string Name => "edac";

    /// <inheritdoc />
    public Task<SourceReport> ReadAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var dir = context.HostPath(McDirectory);
        var report = new SourceReport(Name, dir);
        var errors = new List<string>();
        var controllers = new JsonObject();
        long ceAll = 0, ueAll = 0;
        var count = 0;
        foreach (var (mc, mcPath) in SysfsFile.Numbered(dir, "mc"))
        {
            count++;
            var m = new JsonObject();
            long? N(string file) => SysfsFile.Number(Path.Combine(mcPath, file), errors);
            var ce = N("ce_count");
            var ue = N("ue_count");
            var ceNoinfo = N("ce_noinfo_count");
            var ueNoinfo = N("ue_noinfo_count");
            Put(m, "ce_count", ce);
            Put(m, "ue_count", ue);
            Put(m, "ce_noinfo_count", ceNoinfo);
            Put(m, "ue_noinfo_count", ueNoinfo);
            if (SysfsFile.Text(Path.Combine(mcPath, "mc_name"), errors) is { } name) m["mc_name"] = name;
            Put(m, "size_mb", N("size_mb"));
            Counter(report, $"edac/{mc}/ce_noinfo_count", Severity.Corrected, ceNoinfo, $"{mc} corrected, no DIMM info", mc, null, mcPath, inTotal: false);
            Counter(report, $"edac/{mc}/ue_noinfo_count", Severity.Uncorrected, ueNoinfo, $"{mc} uncorrected, no DIMM info", mc, null, mcPath, inTotal: false);

            long? ceParts = null, ueParts = null;
            var dimms = new JsonObject();
            foreach (var (dimm, dPath) in SysfsFile.Numbered(mcPath, "dimm").Concat(SysfsFile.Numbered(mcPath, "rank")))
            {
                var d = new JsonObject();
                var label = SysfsFile.Text(Path.Combine(dPath, "dimm_label"), errors);
                var location = SysfsFile.Text(Path.Combine(dPath, "dimm_location"), errors);
                var dce = SysfsFile.Number(Path.Combine(dPath, "dimm_ce_count"), errors);
                var due = SysfsFile.Number(Path.Combine(dPath, "dimm_ue_count"), errors);
                if (label is not null) d["dimm_label"] = label;
                if (location is not null) d["dimm_location"] = location;
                Put(d, "dimm_ce_count", dce);
                Put(d, "dimm_ue_count", due);
                Put(d, "size", SysfsFile.Number(Path.Combine(dPath, "size"), errors));
                dimms[dimm] = d;
                var who = Label(label, location) ?? $"{mc}/{dimm}";
                Counter(report, $"edac/{mc}/{dimm}/dimm_ce_count", Severity.Corrected, dce, $"{mc} {dimm} {who} corrected", mc, who, dPath, inTotal: false);
                Counter(report, $"edac/{mc}/{dimm}/dimm_ue_count", Severity.Uncorrected, due, $"{mc} {dimm} {who} uncorrected", mc, who, dPath, inTotal: false);
                if (dce is { } a) ceParts = (ceParts ?? 0) + a;
                if (due is { } b) ueParts = (ueParts ?? 0) + b;
            }
            long? ceRows = null, ueRows = null;
            var csrows = new JsonObject();
            foreach (var (row, rPath) in SysfsFile.Numbered(mcPath, "csrow"))
            {
                var r = new JsonObject();
                var rce = SysfsFile.Number(Path.Combine(rPath, "ce_count"), errors);
                var rue = SysfsFile.Number(Path.Combine(rPath, "ue_count"), errors);
                Put(r, "ce_count", rce);
                Put(r, "ue_count", rue);
                Put(r, "size_mb", SysfsFile.Number(Path.Combine(rPath, "size_mb"), errors));
                Counter(report, $"edac/{mc}/{row}/ce_count", Severity.Corrected, rce, $"{mc} {row} corrected", mc, null, rPath, inTotal: false);
                Counter(report, $"edac/{mc}/{row}/ue_count", Severity.Uncorrected, rue, $"{mc} {row} uncorrected", mc, null, rPath, inTotal: false);
                long? chCe = null, chUe = null;
                foreach (var ch in Channels(rPath))
                {
                    var label = SysfsFile.Text(Path.Combine(rPath, $"{ch}_dimm_label"), errors);
                    var cce = SysfsFile.Number(Path.Combine(rPath, $"{ch}_ce_count"), errors);
                    var cue = SysfsFile.Number(Path.Combine(rPath, $"{ch}_ue_count"), errors);
                    Put(r, $"{ch}_ce_count", cce);
                    Put(r, $"{ch}_ue_count", cue);
                    if (label is not null) r[$"{ch}_dimm_label"] = label;
                    var who = Label(label, null) ?? $"{mc}/{row}/{ch}";
                    Counter(report, $"edac/{mc}/{row}/{ch}_ce_count", Severity.Corrected, cce, $"{mc} {row} {ch} {who} corrected", mc, who, rPath, inTotal: false);
                    Counter(report, $"edac/{mc}/{row}/{ch}_ue_count", Severity.Uncorrected, cue, $"{mc} {row} {ch} {who} uncorrected", mc, who, rPath, inTotal: false);
                    if (cce is { } a) chCe = (chCe ?? 0) + a;
                    if (cue is { } b) chUe = (chUe ?? 0) + b;
                }
                csrows[row] = r;
                if ((rce ?? chCe) is { } rc) ceRows = (ceRows ?? 0) + rc;
                if ((rue ?? chUe) is { } ru) ueRows = (ueRows ?? 0) + ru;
            }
            // The controller's own count includes the noinfo errors; without it, add them to the parts.
            var ceTotal = ce ?? Sum(ceNoinfo, ceParts ?? ceRows);
            var ueTotal = ue ?? Sum(ueNoinfo, ueParts ?? ueRows);
            Put(m, "ce_total", ceTotal);
            Put(m, "ue_total", ueTotal);
            if (csrows.Count > 0) m["csrows"] = csrows;
            if (dimms.Count > 0) m["dimms"] = dimms;
            controllers[mc] = m;
            Counter(report, $"edac/{mc}/ce", Severity.Corrected, ceTotal, $"{mc} corrected", mc, null, mcPath, inTotal: true);
            Counter(report, $"edac/{mc}/ue", Severity.Uncorrected, ueTotal, $"{mc} uncorrected", mc, null, mcPath, inTotal: true);
            ceAll += ceTotal ?? 0;
            ueAll += ueTotal ?? 0;
        }
        foreach (var e in errors) report.Unknown(e);
        report.Details = new JsonObject
        {
            ["controllers"] = count,
            ["totals"] = new JsonObject { ["ce"] = ceAll, ["ue"] = ueAll },
            ["mc"] = controllers,
        };
        // The DIMM to replace first: the slot (dimm*/rank*, else csrow channel) with the most corrected errors.
        var worst = report.Observations
            .Where(o => o.Value > 0 && (o.Key.EndsWith("/dimm_ce_count", StringComparison.Ordinal) || (o.Key.Split('/') is [_, _, _, var f] && f.StartsWith("ch", StringComparison.Ordinal) && f.EndsWith("_ce_count", StringComparison.Ordinal))))
            .OrderByDescending(o => o.Value).FirstOrDefault();
        if (worst is not null)
        {
            var parts = worst.Key.Split('/');
            var path = parts[3].StartsWith("ch", StringComparison.Ordinal) ? $"{parts[1]}/{parts[2]}/{parts[3][..parts[3].IndexOf('_', StringComparison.Ordinal)]}" : $"{parts[1]}/{parts[2]}";
            report.Details["worst_dimm"] = new JsonObject { ["label"] = worst.Dimm, ["path"] = path, ["ce"] = worst.Value };
        }
        return Task.FromResult(report);
    }

    /// <summary>True when the host (or root) has at least one EDAC memory controller.</summary>
    public static bool Present(SystemContext context) => SysfsFile.Numbered(context.HostPath(McDirectory), "mc").Any();

    private static IEnumerable<string> Channels(string rowPath) =>
        Directory.EnumerateFiles(rowPath, "ch*_*")
            .Select(Path.GetFileName)
            .Select(n => n![..n!.IndexOf('_', StringComparison.Ordinal)])
            .Where(c => c.Length > 2 && c[2..].All(char.IsAsciiDigit))
            .Distinct()
            .OrderBy(c => int.Parse(c[2..], System.Globalization.CultureInfo.InvariantCulture));

    private static string? Label(string? label, string? location) =>
        !string.IsNullOrWhiteSpace(label) ? label.Trim() : !string.IsNullOrWhiteSpace(location) ? location.Trim() : null;

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static void Put(JsonObject o, string key, long? value)
    {
        if (value is { } v) o[key] = v;
    }

    private static void Counter(SourceReport report, string key, Severity severity, long? value, string what, string mc, string? dimm, string path, bool inTotal)
    {
        if (value is not { } v) return;
        report.Observations.Add(new Observation
        {
            Key = key, Severity = severity, Value = v, IsCounter = true, What = what, Mc = mc, Dimm = dimm,
            Evidence = [path], InTotal = inTotal,
        });
    }
}
