// The report as JSON for other automation: the verdict, every source with its counts (the
// shape of the data README: per MC/csrow/DIMM, per PCI device and error type, per log
// event kind) and its observations with their evidence lines.
using System.Globalization;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Builds the JSON document.</summary>
public static class JsonReport
{
    /// <summary>The document.</summary>
    public static JsonObject Build(HwErrReport report) => new()
    {
        ["status"] = report.Status.Label(),
        ["summary"] = ReportSummary.Line(report),
        ["mode"] = report.Live ? "live" : "replay",
        ["started"] = report.Started.ToString("O", CultureInfo.InvariantCulture),
        ["duration_seconds"] = Math.Round(report.Duration.TotalSeconds, 3),
        ["totals"] = new JsonObject { ["ce"] = report.CorrectedTotal, ["ue"] = report.UncorrectedTotal },
        ["notes"] = Notes(report.Notes),
        ["unacknowledged"] = new JsonArray(report.Pending.Select(p => (JsonNode)new JsonObject
        {
            ["time"] = p.Time.ToString("O", CultureInfo.InvariantCulture),
            ["key"] = p.Key,
            ["count"] = p.Count,
            ["what"] = p.What,
            ["evidence"] = p.Evidence,
        }).ToArray()),
        ["sources"] = new JsonArray(report.Sources.Select(s => (JsonNode)new JsonObject
        {
            ["source"] = s.Source,
            ["input"] = s.Origin,
            ["status"] = s.Status.Label(),
            ["notes"] = Notes(s.Notes),
            ["counts"] = s.Details.DeepClone(),
            ["observations"] = new JsonArray(s.Observations.Select(Observation).ToArray()),
        }).ToArray()),
    };

    private static JsonNode Observation(Observation o)
    {
        var j = new JsonObject
        {
            ["key"] = o.Key,
            ["severity"] = o.Severity.Label(),
            ["value"] = o.Value,
            ["status"] = SourceReport.Judged(o).Label(),
            ["what"] = o.What,
        };
        if (o.Mc is not null) j["mc"] = o.Mc;
        if (o.Dimm is not null) j["dimm"] = o.Dimm;
        if (o.Device is not null) j["device"] = o.Device;
        if (o.Increase is { } i) j["increase"] = i;
        if (o.Last24Hours is { } d) j["last_24h"] = d;
        j["evidence"] = new JsonArray(o.Evidence.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
        return j;
    }

    private static JsonArray Notes(IEnumerable<HwErrNote> notes) =>
        new(notes.Select(n => (JsonNode)new JsonObject { ["status"] = n.Status.Label(), ["message"] = n.Message }).ToArray());
}
