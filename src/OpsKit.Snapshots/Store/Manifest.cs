// A snapshot's manifest (research §4.1): written last, atomically (temp file,
// fsync, rename, fsync of the directory). Its presence with status "ok" is what
// makes a snapshot complete; its time is the retention time (never the mtime).
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsKit.Snapshots.Store;

/// <summary>What a complete snapshot records about itself.</summary>
/// <param name="Series">Series id.</param>
/// <param name="Name">Directory name (must match <paramref name="Time"/>).</param>
/// <param name="Time">Start time of the run, UTC: the retention time.</param>
/// <param name="Finished">When the manifest was written.</param>
/// <param name="Status">"ok" for a complete snapshot.</param>
/// <param name="Source">What was copied (SRC, or the adopted folder).</param>
public sealed record Manifest(string Series, string Name, DateTimeOffset Time, DateTimeOffset Finished, string Status, string Source)
{
    /// <summary>The file name inside a snapshot directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>rsync's exit status (0, or 24 when vanished files are allowed); null for adopted snapshots.</summary>
    public int? RsyncExit { get; init; }

    /// <summary>The snapshot hard links were taken from, if any.</summary>
    public string? LinkDest { get; init; }

    /// <summary>The partial run this one resumed, if any.</summary>
    public string? ResumedFrom { get; init; }

    /// <summary>How it came in: "rsync", "adopt", "irsync", "rsnapshot".</summary>
    public string Method { get; init; } = "rsync";

    /// <summary>Pinned snapshots are never deleted by rotation.</summary>
    public bool Pinned { get; init; }

    /// <summary>Serialises the manifest.</summary>
    public string ToJson() => new JsonObject
    {
        ["format"] = 1,
        ["series"] = Series,
        ["name"] = Name,
        ["time"] = SnapshotName.Iso(Time),
        ["finished"] = SnapshotName.Iso(Finished),
        ["status"] = Status,
        ["method"] = Method,
        ["source"] = Source,
        ["rsync_exit"] = RsyncExit,
        ["link_dest"] = LinkDest,
        ["resumed_from"] = ResumedFrom,
        ["pinned"] = Pinned,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>Writes the manifest into a snapshot directory: temp file, fsync, rename, fsync dir.</summary>
    public void WriteTo(string snapshotDir)
    {
        var temp = Path.Combine(snapshotDir, FileName + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(ToJson()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(snapshotDir, FileName), overwrite: true);
        Native.SyncPath(snapshotDir, directory: true);
    }

    /// <summary>Reads a snapshot's manifest; null when there is none; an error text when it is unreadable.</summary>
    public static (Manifest? Manifest, string? Error) TryRead(string snapshotDir)
    {
        var path = Path.Combine(snapshotDir, FileName);
        if (!File.Exists(path)) return (null, null);
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            string S(string k) => o[k]?.GetValue<string>() ?? throw new FormatException($"missing \"{k}\"");
            var m = new Manifest(S("series"), S("name"), SnapshotName.ParseStamp(S("time")), SnapshotName.ParseStamp(S("finished")), S("status"), S("source"))
            {
                RsyncExit = o["rsync_exit"]?.GetValue<int>(),
                LinkDest = o["link_dest"]?.GetValue<string>(),
                ResumedFrom = o["resumed_from"]?.GetValue<string>(),
                Method = o["method"]?.GetValue<string>() ?? "rsync",
                Pinned = o["pinned"]?.GetValue<bool>() ?? false,
            };
            return (m, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or IOException or OpsKit.Core.OpsKitException)
        {
            return (null, $"unreadable manifest: {e.Message}");
        }
    }
}
