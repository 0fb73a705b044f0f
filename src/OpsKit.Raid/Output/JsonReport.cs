// The report as JSON for other automation: backends -> controllers -> items, each with
// status and reason, plus notes; the same model the other outputs render.
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Builds the JSON document.</summary>
public static class JsonReport
{
    /// <summary>The document.</summary>
    public static JsonObject Build(RaidReport report) => new()
    {
        ["status"] = report.Status.Label(),
        ["summary"] = ReportSummary.Line(report),
        ["started"] = report.Started.ToString("O"),
        ["duration_seconds"] = Math.Round(report.Duration.TotalSeconds, 3),
        ["notes"] = Notes(report.Notes),
        ["backends"] = new JsonArray(report.Backends.Select(b => (JsonNode)new JsonObject
        {
            ["backend"] = b.Backend,
            ["status"] = b.Status.Label(),
            ["nothing_found"] = b.NothingFound,
            ["notes"] = Notes(b.Notes),
            ["controllers"] = new JsonArray(b.Controllers.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["model"] = c.Model,
                ["status"] = c.Status.Label(),
                ["notes"] = Notes(c.Notes),
                ["items"] = new JsonArray(c.Items.Select(Item).ToArray()),
            }).ToArray()),
        }).ToArray()),
    };

    private static JsonNode Item(RaidItem i)
    {
        var o = new JsonObject
        {
            ["kind"] = Output.ReportSummary.Kind(i.Kind),
            ["id"] = i.Id,
            ["state"] = i.State,
            ["status"] = i.Status.Label(),
        };
        if (i.Reason is not null) o["reason"] = i.Reason;
        if (i.Level is not null) o["level"] = i.Level;
        if (i.Array is not null) o["array"] = i.Array;
        if (i.Activity is not null) o["activity"] = i.Activity;
        if (i.Progress is { } p) o["progress_percent"] = p;
        if (i.PredictiveFailures is { } pf) o["predictive_failures"] = pf;
        if (i.MediaErrors is { } me) o["media_errors"] = me;
        if (i.TemperatureCelsius is { } t) o["temperature_celsius"] = t;
        return o;
    }

    private static JsonArray Notes(IEnumerable<RaidNote> notes) =>
        new(notes.Select(n => (JsonNode)new JsonObject { ["status"] = n.Status.Label(), ["message"] = n.Message }).ToArray());
}
