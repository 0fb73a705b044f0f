// The JSON shapes of the raid reports (docs/json.md, docs/schemas/raid-*.schema.json): records built from the
// model and serialized by the source-generated context, so the native build needs no reflection.
using System.Text.Json.Serialization;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Detection;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>"raid check --json".</summary>
public sealed record RaidCheckJson(int SchemaVersion, string Status, string Summary, DateTimeOffset Started, double DurationSeconds,
    IReadOnlyList<RaidNoteJson> Notes, IReadOnlyList<RaidBackendJson> Backends)
{
    /// <summary>The document for a report.</summary>
    public static RaidCheckJson From(RaidReport report) => new(JsonOutput.SchemaVersion, report.Status.Label(), ReportSummary.Line(report),
        report.Started, Math.Round(report.Duration.TotalSeconds, 3), NotesOf(report.Notes),
        [.. report.Backends.Select(b => new RaidBackendJson(b.Backend, b.Status.Label(), b.NothingFound, NotesOf(b.Notes),
            [.. b.Controllers.Select(c => new RaidControllerJson(c.Id, c.Model, c.Status.Label(), NotesOf(c.Notes), [.. c.Items.Select(Item)]))]))]);

    private static RaidItemJson Item(RaidItem i) => new(ReportSummary.Kind(i.Kind), i.Id, i.State, i.Status.Label(), i.Reason, i.Level, i.Array,
        i.Activity, i.Progress, i.PredictiveFailures, i.MediaErrors, i.TemperatureCelsius);

    internal static IReadOnlyList<RaidNoteJson> NotesOf(IEnumerable<RaidNote> notes) => [.. notes.Select(n => new RaidNoteJson(n.Status.Label(), n.Message))];
}

/// <summary>A status with its message.</summary>
public sealed record RaidNoteJson(string Status, string Message);

/// <summary>One backend's part of the check.</summary>
public sealed record RaidBackendJson(string Backend, string Status, bool NothingFound, IReadOnlyList<RaidNoteJson> Notes, IReadOnlyList<RaidControllerJson> Controllers);

/// <summary>One controller (or the md pseudo-controller).</summary>
public sealed record RaidControllerJson(string Id, string? Model, string Status, IReadOnlyList<RaidNoteJson> Notes, IReadOnlyList<RaidItemJson> Items);

/// <summary>An array, disk or battery; null where the tool did not say.</summary>
public sealed record RaidItemJson(string Kind, string Id, string State, string Status, string? Reason, string? Level, string? Array,
    string? Activity, double? ProgressPercent, long? PredictiveFailures, long? MediaErrors, double? TemperatureCelsius);

/// <summary>"raid detect --json".</summary>
public sealed record RaidDetectJson(int SchemaVersion, string Status, IReadOnlyList<RaidFindingJson> Findings,
    IReadOnlyList<RaidSelectedJson> Backends, IReadOnlyList<string> Problems)
{
    /// <summary>The document for a detection.</summary>
    public static RaidDetectJson From(DetectionResult result, CheckStatus status) => new(JsonOutput.SchemaVersion, status.Label(),
        [.. result.Findings.Select(f => new RaidFindingJson(f.Source, f.Detail, f.Family))],
        [.. result.Selected.Select(s => new RaidSelectedJson(s.Backend.Name, s.Program, s.Why))],
        [.. result.Problems.Select(p => p.Message)]);
}

/// <summary>Something detection saw.</summary>
public sealed record RaidFindingJson(string Source, string Detail, string? Family);

/// <summary>A backend a check would run.</summary>
public sealed record RaidSelectedJson(string Backend, string? Program, string Why);

/// <summary>Source-generated serializer for the raid reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RaidCheckJson))]
[JsonSerializable(typeof(RaidDetectJson))]
public sealed partial class RaidJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static RaidJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
