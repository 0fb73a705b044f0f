// Maps the count keys of expected.json (data README) to where the report's JSON has them.
// Most are the same path under the source's "counts"; the few the README derives (sums,
// per-MC DIMM counts, labels) are derived here from what the report lists.
using System.Text.Json.Nodes;

namespace OpsKit.HwErr.Tests;

/// <summary>Resolves expected count paths against a report document.</summary>
public static class CountPaths
{
    /// <summary>Every leaf (scalar or array) of the expected counts as (dotted path, value); prose notes are left out.</summary>
    public static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonObject o, string prefix = "")
    {
        foreach (var (k, v) in o)
        {
            var path = prefix.Length == 0 ? k : $"{prefix}\u0001{k}";
            if (k is "note" or "absent_files") continue;
            if (v is JsonObject child) foreach (var x in Leaves(child, path)) yield return x;
            else yield return (path, v);
        }
    }

    /// <summary>Objects whose key sets must match exactly (no extra severities or devices).</summary>
    public static IEnumerable<string> ExactKeySets(string name) => name.StartsWith("logs/", StringComparison.Ordinal)
        ? ["aer\u0001bus_error_records", "aer\u0001received_lines", "aer\u0001records_by_device"]
        : [];

    /// <summary>The counts of the case's source in the report document.</summary>
    public static JsonNode Details(JsonObject report, string name)
    {
        var sources = report["sources"]!.AsArray();
        if (!name.StartsWith("sysfs/", StringComparison.Ordinal)) return sources.Single()!["counts"]!;
        // A sysfs case: EDAC and AER counts side by side, as the README lists them.
        var merged = new JsonObject();
        foreach (var s in sources)
        {
            foreach (var (k, v) in s!["counts"]!.AsObject()) merged[(string)s["source"]! + "." + k] = v!.DeepClone();
        }
        return merged;
    }

    /// <summary>The node at a dotted path.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('\u0001'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return node;
    }

    /// <summary>The report's value for an expected path; null when the report lacks it.</summary>
    public static JsonNode? Resolve(string name, JsonObject report, string path, JsonNode? expected)
    {
        var details = Details(report, name);
        var p = path.Split('\u0001');
        switch (name.Split('/')[0])
        {
            case "logs":
                return p switch
                {
                    ["edac", "location"] => At(details, "edac\u0001locations")?.AsArray().FirstOrDefault()?.DeepClone(),
                    ["edac_driver_lines"] => At(details, "edac\u0001driver_lines")?.DeepClone(),
                    ["ecc_disabled_lines"] => At(details, "edac\u0001ecc_disabled_lines")?.DeepClone(),
                    ["mce_decoder", "corrected"] => (int?)At(details, "mce_decoder\u0001corrected_lines") > 0,
                    ["mce_decoder", "status_flags"] => At(details, "mce_decoder\u0001status_flags")?.AsArray().FirstOrDefault()?.DeepClone(),
                    _ => At(details, path)?.DeepClone(),
                };
            case "tools":
                return p switch
                {
                    ["cpu" or "bank" or "status"] => At(details, "records")?.AsArray().FirstOrDefault()?[p[0]]?.DeepClone(),
                    _ => At(details, path)?.DeepClone(),
                };
        }
        // sysfs: EDAC under edac.mc.*, AER under aer.devices.*.
        var mc = At(details, "edac.mc");
        var devices = At(details, "aer.devices");
        switch (p)
        {
            case ["controllers"]: return At(details, "edac.controllers")?.DeepClone();
            case ["device_count"]: return At(details, "aer.device_count")?.DeepClone();
            case ["totals", "ce" or "ce_count"]: return At(details, "edac.totals")?["ce"]?.DeepClone();
            case ["totals", "ue" or "ue_count"]: return At(details, "edac.totals")?["ue"]?.DeepClone();
            case ["worst_dimm", var k]: return At(details, "edac.worst_dimm")?[k]?.DeepClone();
            case ["dimms_per_mc"]:
                var per = mc!.AsObject().Select(kv => kv.Value?["dimms"]?.AsObject().Count ?? 0).Distinct().ToList();
                return per.Count == 1 ? per[0] : null;
            case ["labels_with_ce", var where]:
                var w = where.Split('/');
                return At(mc, $"{w[0]}\u0001dimms\u0001{w[1]}\u0001dimm_label")?.DeepClone();
            case ["devices", var bdf, var k]:
                var dev = devices?[bdf];
                if (dev is null) return null;
                return k switch
                {
                    "nonfatal_total" => dev["TOTAL_ERR_NONFATAL"]?.DeepClone(),
                    "nonfatal_total_line" => Notes(report).Any(n => n.Contains($"{bdf}/aer_dev_nonfatal: total line labelled {((string)expected!).Split(' ')[0]}", StringComparison.Ordinal)) ? expected!.DeepClone() : null,
                    "correctable_sum_of_types" or "fatal_sum_of_types" or "nonfatal_sum_of_types" => dev[k[..k.IndexOf('_', StringComparison.Ordinal)]]?.AsObject().Sum(kv => (long)kv.Value!),
                    _ => dev[k]?.DeepClone(),
                };
            case ["devices", var bdf, "correctable_by_type", var type]:
                return devices?[bdf]?["correctable"]?[type]?.DeepClone();
            case [var m, "dimm_ce", var dimm]: return At(mc, $"{m}\u0001dimms\u0001{dimm}\u0001dimm_ce_count")?.DeepClone();
            case [var m, "csrow_ce", var row]: return At(mc, $"{m}\u0001csrows\u0001{row}\u0001ce_count")?.DeepClone();
            case [var m, "csrows"]: return At(mc, $"{m}\u0001csrows")?.AsObject().Count;
            case [var m, "dimms"]: return At(mc, $"{m}\u0001dimms")?.AsObject().Count;
            case [var m, "csrow_ce_total" or "csrow_ue_total"]:
                return At(mc, $"{m}\u0001csrows")?.AsObject().Sum(kv => (long?)kv.Value![p[1].StartsWith("csrow_ce", StringComparison.Ordinal) ? "ce_count" : "ue_count"] ?? 0);
            case [var m, "dimm_ce_total" or "dimm_ue_total"]:
                return At(mc, $"{m}\u0001dimms")?.AsObject().Sum(kv => (long?)kv.Value![p[1] == "dimm_ce_total" ? "dimm_ce_count" : "dimm_ue_count"] ?? 0);
            case [var m, var row, var k] when row.StartsWith("csrow", StringComparison.Ordinal):
                return At(mc, $"{m}\u0001csrows\u0001{row}\u0001{k}")?.DeepClone();
            case [var m, var k]:
                return At(mc, $"{m}\u0001{k}")?.DeepClone();
        }
        return null;
    }

    private static IEnumerable<string> Notes(JsonObject report) =>
        report["sources"]!.AsArray().SelectMany(s => s!["notes"]!.AsArray().Select(n => (string)n!["message"]!));
}
