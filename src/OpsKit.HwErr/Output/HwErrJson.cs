// The JSON shape of "hwerr check" (docs/json.md, docs/schemas/hwerr-check.schema.json): records built from the
// model and serialized by the source-generated context. A source's "counts" keep the per-source shape of the
// data README (controllers, devices, per-kind log counts), so they stay an object whose keys vary by source.
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>"hwerr check --json".</summary>
public sealed record HwErrCheckJson(int SchemaVersion, string Status, string Summary, string Mode, DateTimeOffset Started, double DurationSeconds,
    HwErrTotalsJson Totals, IReadOnlyList<HwErrNoteJson> Notes, IReadOnlyList<HwErrPendingJson> Unacknowledged, IReadOnlyList<HwErrSourceJson> Sources)
{
    /// <summary>The document for a report.</summary>
    public static HwErrCheckJson From(HwErrReport report) => new(JsonOutput.SchemaVersion, report.Status.Label(), ReportSummary.Line(report),
        report.Live ? "live" : "replay", report.Started, Math.Round(report.Duration.TotalSeconds, 3),
        new HwErrTotalsJson(report.CorrectedTotal, report.UncorrectedTotal), NotesOf(report.Notes),
        [.. report.Pending.Select(p => new HwErrPendingJson(p.Time, p.Key, p.Count, p.What, p.Evidence))],
        [.. report.Sources.Select(s => new HwErrSourceJson(s.Source, s.Origin, s.Status.Label(), NotesOf(s.Notes), (JsonObject)s.Details.DeepClone(),
            [.. s.Observations.Select(o => new HwErrObservationJson(o.Key, o.Severity.Label(), o.Value, SourceReport.Judged(o).Label(), o.What,
                o.Mc, o.Dimm, o.Device, o.Increase, o.Last24Hours, o.Evidence))]))]);

    private static IReadOnlyList<HwErrNoteJson> NotesOf(IEnumerable<HwErrNote> notes) => [.. notes.Select(n => new HwErrNoteJson(n.Status.Label(), n.Message))];
}

/// <summary>Corrected and uncorrected errors counted in this run.</summary>
public sealed record HwErrTotalsJson(long Ce, long Ue);

/// <summary>A status with its message.</summary>
public sealed record HwErrNoteJson(string Status, string Message);

/// <summary>An error not yet acknowledged with "hwerr ack".</summary>
public sealed record HwErrPendingJson(DateTimeOffset Time, string Key, long Count, string What, string? Evidence);

/// <summary>One source (edac, aer, log, a tool).</summary>
public sealed record HwErrSourceJson(string Source, string Input, string Status, IReadOnlyList<HwErrNoteJson> Notes, JsonObject Counts,
    IReadOnlyList<HwErrObservationJson> Observations);

/// <summary>One counter or event group; increase and last_24h are null without a state file to compare with.</summary>
public sealed record HwErrObservationJson(string Key, string Severity, long Value, string Status, string What, string? Mc, string? Dimm,
    string? Device, long? Increase, [property: JsonPropertyName("last_24h")] long? Last24h, IReadOnlyList<string> Evidence);

/// <summary>Source-generated serializer for the hwerr report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(HwErrCheckJson))]
public sealed partial class HwErrJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static HwErrJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
