// A snapshot's manifest: written last and fsynced, then made visible
// atomically by a rename (of the file, or of the whole in-progress folder). Its presence
// with status "ok" makes a snapshot complete; its time is the retention time (never the mtime).
using System.Text.Json;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;

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

    /// <summary>Serialises the manifest (one flat object, format 1).</summary>
    public string ToJson() => JsonOutput.Serialize(new ManifestFile(1, Series, Name, SnapshotName.Iso(Time), SnapshotName.Iso(Finished), Status, Method,
        Source, RsyncExit, LinkDest, ResumedFrom, Pinned), ManifestJsonContext.Files.ManifestFile);

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
        ManifestFile f;
        try
        {
            f = JsonSerializer.Deserialize(json, ManifestJsonContext.Files.ManifestFile) ?? throw new FormatException("not an object");
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Path is { Length: > 1 } path ? $"{path[2..]}: {Why(e)}" : Why(e), e);
        }
        static string S(string? value, string key) => value ?? throw new FormatException($"missing \"{key}\"");
        return new Manifest(S(f.Series, "series"), S(f.Name, "name"), SnapshotName.ParseStamp(S(f.Time, "time")), SnapshotName.ParseStamp(S(f.Finished, "finished")),
            S(f.Status, "status"), S(f.Source, "source"))
        {
            RsyncExit = f.RsyncExit,
            LinkDest = f.LinkDest,
            ResumedFrom = f.ResumedFrom,
            Method = f.Method ?? "rsync",
            Pinned = f.Pinned ?? false,
        };
    }

    // The reader's message without its own path and position suffix (the path is given first).
    private static string Why(JsonException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? m[..cut].TrimEnd('.') : m.TrimEnd('.');
    }
}

/// <summary>The manifest as stored: every member optional here, required ones checked by <see cref="Manifest.Parse"/>.</summary>
internal sealed record ManifestFile(int Format, string? Series, string? Name, string? Time, string? Finished, string? Status, string? Method,
    string? Source, int? RsyncExit, string? LinkDest, string? ResumedFrom, bool? Pinned);

/// <summary>Source-generated serializer of the manifest (no reflection; trim-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ManifestFile))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext
{
    /// <summary>The instance with OpsKit's options.</summary>
    public static ManifestJsonContext Files { get; } = new(JsonOutput.NewOptions());
}
