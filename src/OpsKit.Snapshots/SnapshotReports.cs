// The snapshot reports (create, list, rotate) as text and as JSON (docs/json.md, docs/schemas/snapshot-*.schema.json):
// records built from the results and serialized by the source-generated context. Times are UTC ISO 8601 as in the
// manifests; a size not measured (list without --sizes) is null, never 0.
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;
using OpsKit.Snapshots.Create;
using OpsKit.Snapshots.Listing;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Rotation;

namespace OpsKit.Snapshots;

/// <summary>"snapshot create --json".</summary>
public sealed record SnapshotCreateJson(int SchemaVersion, string Status, string Series, string Name, string Path, string Source,
    string? LinkDest, string? ResumedFrom, int RsyncExit, double DurationSeconds)
{
    /// <summary>The document for a finished run.</summary>
    public static SnapshotCreateJson From(CreateRequest request, CreateResult r) => new(JsonOutput.SchemaVersion, "complete", request.Series, r.Name,
        r.Path, request.Source, r.LinkDest, r.ResumedFrom, r.RsyncExit, Math.Round(r.Duration.TotalSeconds, 3));
}

/// <summary>"snapshot list --json".</summary>
public sealed record SnapshotListJson(int SchemaVersion, string Root, IReadOnlyList<SnapshotListEntryJson> Snapshots, IReadOnlyList<string> Foreign)
{
    /// <summary>The document for a listing.</summary>
    public static SnapshotListJson From(string root, IReadOnlyList<ListedSnapshot> list, IReadOnlyList<string> foreign) => new(JsonOutput.SchemaVersion, root,
        [.. list.Select(s => new SnapshotListEntryJson(s.Series, s.Snapshot.Name, Time(s.Snapshot.Time), RotateReport.State(s.Snapshot.State),
            s.Snapshot.Pinned, s.Snapshot.Note, s.Bytes, s.NewBytes))], foreign);

    internal static string? Time(DateTimeOffset? t) => t is { } x ? SnapshotName.Iso(x) : null;
}

/// <summary>One snapshot; time null when the name carries none; bytes null without --sizes.</summary>
public sealed record SnapshotListEntryJson(string Series, string Name, string? Time, string State, bool Pinned, string? Note, long? Bytes, long? NewBytes);

/// <summary>"snapshot rotate --json": every snapshot with its action, and per series why nothing was deleted.</summary>
public sealed record SnapshotRotateJson(int SchemaVersion, bool DryRun, string? Suspended, IReadOnlyList<SnapshotPlanEntryJson> Snapshots,
    IReadOnlyList<SnapshotSeriesJson> Series)
{
    /// <summary>The document for rotation results.</summary>
    public static SnapshotRotateJson From(IReadOnlyList<RotateResult> results) => new(JsonOutput.SchemaVersion,
        results.Count > 0 && results.All(r => r.DryRun), results.Select(r => r.Suspended).FirstOrDefault(x => x is not null),
        [.. results.SelectMany(r => r.Series.SelectMany(s => s.Plan.Entries.Select(e => new SnapshotPlanEntryJson(r.Root, s.Series, e.Snapshot.Name,
            SnapshotListJson.Time(e.Snapshot.Time), RotateReport.State(e.Snapshot.State), e.Action == PlanAction.Delete ? "delete" : "keep", e.Reasons,
            s.Deleted.Contains(e.Snapshot.Name)))))],
        [.. results.SelectMany(r => r.Series.Select(s => new SnapshotSeriesJson(r.Root, s.Series, s.Plan.Suspended, s.Busy, s.Plan.Warnings, s.Problems)))]);
}

/// <summary>One snapshot's verdict; deleted is true once it is gone (never in a dry run).</summary>
public sealed record SnapshotPlanEntryJson(string Root, string Series, string Name, string? Time, string State, string Action,
    IReadOnlyList<string> Reasons, bool Deleted);

/// <summary>One series: why nothing was deleted (suspended, busy) and what went wrong.</summary>
public sealed record SnapshotSeriesJson(string Root, string Series, string? Suspended, string? Busy, IReadOnlyList<string> Warnings, IReadOnlyList<string> Problems);

/// <summary>Renders the create and list reports (rotate: <see cref="RotateReport"/>).</summary>
public static class SnapshotReports
{
    /// <summary>"snapshot create" as text or JSON.</summary>
    public static string Create(CreateRequest request, CreateResult r, OutputFormat format) => format == OutputFormat.Json
        ? JsonOutput.Serialize(SnapshotCreateJson.From(request, r), SnapshotJsonContext.Reports.SnapshotCreateJson)
        : string.Create(CultureInfo.InvariantCulture, $"{r.Path}: complete (rsync exit {r.RsyncExit}, linked to {r.LinkDest ?? "nothing"}{(r.ResumedFrom is null ? "" : $", resumed {r.ResumedFrom}")}, {r.Duration.TotalSeconds:F1} s)\n");

    /// <summary>"snapshot list" as text or JSON.</summary>
    public static string List(string root, IReadOnlyList<ListedSnapshot> list, IReadOnlyList<string> foreign, OutputFormat format)
    {
        if (format == OutputFormat.Json) return JsonOutput.Serialize(SnapshotListJson.From(root, list, foreign), SnapshotJsonContext.Reports.SnapshotListJson);
        var table = new TextTable("SERIES", "SNAPSHOT", "TIME", "STATE", "BYTES", "NEW", "NOTE").AlignRight(4, 5);
        foreach (var s in list)
            table.Add(s.Series, s.Snapshot.Name, s.Snapshot.Time is { } t ? SnapshotName.Iso(t) : "-", RotateReport.State(s.Snapshot.State),
                s.Bytes?.ToString(CultureInfo.InvariantCulture) ?? "-", s.NewBytes?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.Snapshot.State is SnapshotState.Complete ? "" : s.Snapshot.Note);
        var sb = new StringBuilder(table.ToString());
        foreach (var f in foreign) sb.Append("foreign entry in the root, not touched: ").Append(f).Append('\n');
        return sb.ToString();
    }
}

/// <summary>Source-generated serializer for the snapshot reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SnapshotCreateJson))]
[JsonSerializable(typeof(SnapshotListJson))]
[JsonSerializable(typeof(SnapshotRotateJson))]
[JsonSerializable(typeof(OpsKit.Snapshots.Check.SnapshotCheckReport))]
[JsonSerializable(typeof(OpsKit.Snapshots.Check.SeriesStatus))]
public sealed partial class SnapshotJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options (relaxed escaping, nulls written).</summary>
    public static SnapshotJsonContext Reports { get; } = new(JsonOutput.NewOptions());
}
