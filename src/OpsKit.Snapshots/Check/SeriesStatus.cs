// The small state file "snapshot create" and "snapshot rotate" leave in a series
// (ROOT/<series>/.opskit-status.json): how their last run ended, for "snapshot check".
// Written atomically (temp file + rename); a missing or unreadable file means "not known".
using System.Text.Json;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Check;

/// <summary>How the last "snapshot create" of a series ended.</summary>
/// <param name="Time">When it started (UTC).</param>
/// <param name="Result">"ok" or "failed".</param>
/// <param name="Snapshot">The snapshot it made (ok), else null.</param>
/// <param name="DurationSeconds">How long it ran.</param>
/// <param name="Bytes">Apparent size of the snapshot's files (ok), else null.</param>
/// <param name="Message">Why it failed, else null.</param>
public sealed record LastCreate(DateTimeOffset Time, string Result, string? Snapshot, double DurationSeconds, long? Bytes, string? Message);

/// <summary>How the last real "snapshot rotate" of a series ended.</summary>
/// <param name="Time">When it ran (UTC).</param>
/// <param name="Result">"ok", "suspended" (a guard held deletions back) or "failed" (a deletion failed).</param>
/// <param name="Deleted">Snapshots removed.</param>
/// <param name="HeldBack">Deletions the plan wanted but a guard suspended.</param>
/// <param name="Message">The guard's reason or the first problem, else null.</param>
public sealed record LastRotate(DateTimeOffset Time, string Result, int Deleted, int HeldBack, string? Message);

/// <summary>The state file's content.</summary>
/// <param name="SchemaVersion">1.</param>
/// <param name="LastCreate">Last create, if any was recorded.</param>
/// <param name="LastRotate">Last rotate, if any was recorded.</param>
public sealed record SeriesStatus(int SchemaVersion, LastCreate? LastCreate, LastRotate? LastRotate)
{
    /// <summary>File name in the series directory.</summary>
    public const string FileName = ".opskit-status.json";

    /// <summary>Reads the state file of a series directory; (null, null) when there is none, an error text when unreadable.</summary>
    public static (SeriesStatus? Status, string? Error) Read(string seriesDir)
    {
        var path = Path.Combine(seriesDir, FileName);
        if (Native.Stat(path) is not { IsSymlink: false, IsDirectory: false }) return (null, null);
        try
        {
            return (JsonSerializer.Deserialize(File.ReadAllText(path), SnapshotJsonContext.Reports.SeriesStatus), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return (null, $"{path}: {e.Message}");
        }
    }

    /// <summary>Records a create outcome, keeping the rotate part.</summary>
    public static void Record(string seriesDir, LastCreate create) =>
        Write(seriesDir, (Read(seriesDir).Status ?? Empty) with { LastCreate = create });

    /// <summary>Records a rotate outcome, keeping the create part.</summary>
    public static void Record(string seriesDir, LastRotate rotate) =>
        Write(seriesDir, (Read(seriesDir).Status ?? Empty) with { LastRotate = rotate });

    private static SeriesStatus Empty => new(1, null, null);

    private static void Write(string seriesDir, SeriesStatus status)
    {
        // Never fail a create or rotate over its bookkeeping: check then says "not known".
        var temp = Path.Combine(seriesDir, $"{FileName}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(status, SnapshotJsonContext.Reports.SeriesStatus) + "\n");
            File.Move(temp, Path.Combine(seriesDir, FileName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Apparent size of a snapshot tree (hard links inside it counted once, other file systems skipped).</summary>
    public static long TreeBytes(string tree, ulong device) => Listing.SnapshotLister.Measure(tree, device, null).Bytes;
}
