// A snapshot's manifest: written last and fsynced, then made visible
// atomically by a rename (of the file, or of the whole in-progress folder). Its presence
// with status "ok" makes a snapshot complete; its time is the retention time (never the mtime).

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

    /// <summary>Serialises the manifest (UTF-8 JSON, indented, one trailing newline).</summary>
    public byte[] ToUtf8() => System.Text.Encoding.UTF8.GetBytes(ToJson());

    /// <summary>Serialises the manifest.</summary>
    public string ToJson() => FlatJson.Write(
    [
        ("format", 1), ("series", Series), ("name", Name), ("time", SnapshotName.Iso(Time)), ("finished", SnapshotName.Iso(Finished)),
        ("status", Status), ("method", Method), ("source", Source), ("rsync_exit", RsyncExit), ("link_dest", LinkDest),
        ("resumed_from", ResumedFrom), ("pinned", Pinned),
    ]);

    /// <summary>Writes the manifest into a snapshot directory: temp file, fsync, rename, fsync dir.</summary>
    public void WriteTo(string snapshotDir)
    {
        var temp = Path.Combine(snapshotDir, FileName + ".tmp");
        WriteFile(temp);
        Native.Rename(temp, Path.Combine(snapshotDir, FileName));
        Native.SyncPath(snapshotDir, directory: true);
    }

    /// <summary>Writes the manifest as <see cref="FileName"/> into a directory that is not yet counted (an
    /// in-progress run) and fsyncs it; renaming that directory afterwards is the commit point.</summary>
    public void WriteInto(string uncountedDir) => WriteFile(Path.Combine(uncountedDir, FileName));

    private void WriteFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        stream.Write(ToUtf8());
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads a snapshot's manifest; null when there is none; an error text when it is unreadable.</summary>
    public static (Manifest? Manifest, string? Error) TryRead(string snapshotDir)
    {
        var path = Path.Combine(snapshotDir, FileName);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            return (null, null); // as before: only a file counts as a manifest
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable manifest: {e.Message}");
        }
        try
        {
            return (Parse(text), null);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OpsKit.Core.OpsKitException)
        {
            return (null, $"unreadable manifest: {e.Message}");
        }
    }

    /// <summary>Parses a manifest (one flat JSON object; unknown keys are ignored).</summary>
    public static Manifest Parse(string json)
    {
        var o = FlatJson.Parse(json);
        string? Str(string k) => o.TryGetValue(k, out var v) && v.Text is not null
            ? (v.Quoted ? v.Text : throw new FormatException($"\"{k}\" is not a string"))
            : null;
        string S(string k) => Str(k) ?? throw new FormatException($"missing \"{k}\"");
        int? exit = null;
        if (o.TryGetValue("rsync_exit", out var e) && e.Text is not null)
            exit = !e.Quoted && int.TryParse(e.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n : throw new FormatException("\"rsync_exit\" is not an integer");
        var pinned = o.TryGetValue("pinned", out var p) && p.Text is not null &&
            ((!p.Quoted && p.Text is "true" or "false") ? p.Text == "true" : throw new FormatException("\"pinned\" is not a boolean"));
        return new Manifest(S("series"), S("name"), SnapshotName.ParseStamp(S("time")), SnapshotName.ParseStamp(S("finished")), S("status"), S("source"))
        {
            RsyncExit = exit,
            LinkDest = Str("link_dest"),
            ResumedFrom = Str("resumed_from"),
            Method = Str("method") ?? "rsync",
            Pinned = pinned,
        };
    }
}
