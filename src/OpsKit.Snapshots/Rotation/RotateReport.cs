// Prints rotation results: an aligned plan per series (every reason shown) or
// the JSON of issue 7 (SnapshotRotateJson).
using OpsKit.Core.Output;
using OpsKit.Snapshots.Retention;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Text and JSON renderings of rotation results.</summary>
public static class RotateReport
{
    /// <summary>The plan as text.</summary>
    public static string Text(IReadOnlyList<RotateResult> results, bool problemsOnly)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var r in results)
        {
            foreach (var s in r.Series)
            {
                var quiet = problemsOnly && s.Plan.Suspended is null && s.Problems.Count == 0 && s.Plan.Warnings.Count == 0;
                if (quiet) continue;
                sb.Append($"{r.Root}/{s.Series}{(r.DryRun ? " (dry run: nothing changed)" : "")}\n");
                var table = new TextTable("SNAPSHOT", "TIME", "STATE", "ACTION", "REASONS");
                foreach (var e in s.Plan.Entries)
                    table.Add(e.Snapshot.Name, e.Snapshot.Time is { } t ? SnapshotName.Iso(t) : "-", State(e.Snapshot.State),
                        Action(e, s), string.Join(", ", e.Reasons));
                sb.Append(table.ToString());
                foreach (var w in s.Plan.Warnings) sb.Append($"warning: {w}\n");
                if (s.Busy is not null) sb.Append($"busy: series locked ({s.Busy}); nothing deleted\n");
                if (s.Plan.Suspended is not null) sb.Append($"suspended: {s.Plan.Suspended}; nothing deleted{Override(s.Plan.Suspended)}\n");
                foreach (var p in s.Problems) sb.Append($"problem: {p}\n");
                if (!r.DryRun && s.Deleted.Count > 0) sb.Append($"deleted {s.Deleted.Count}: {string.Join(' ', s.Deleted)}\n");
                sb.Append('\n');
            }
            foreach (var f in r.ForeignEntries) sb.Append($"foreign entry in {r.Root}, not touched: {f}\n");
        }
        return sb.ToString();
    }

    /// <summary>The JSON report.</summary>
    public static string Json(IReadOnlyList<RotateResult> results) =>
        JsonOutput.Serialize(SnapshotRotateJson.From(results), SnapshotJsonContext.Reports.SnapshotRotateJson);

    /// <summary>Lower-case state name.</summary>
    public static string State(SnapshotState s) => s.ToString().ToLowerInvariant();

    private static string Action(PlanEntry e, SeriesRotation s) => e.Action == PlanAction.Keep ? "keep"
        : s.Plan.Suspended is not null || s.Busy is not null ? "delete (suspended)"
        : s.Deleted.Contains(e.Snapshot.Name) ? "deleted" : "delete";

    private static string Override(string why) =>
        why.StartsWith("stale", StringComparison.Ordinal) ? " (--allow-stale overrides)"
        : why.StartsWith("mass", StringComparison.Ordinal) ? " (--allow-mass-delete overrides)" : "";
}
