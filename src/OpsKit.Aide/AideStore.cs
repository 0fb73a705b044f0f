// The files opskit keeps around AIDE: the database and its recorded digest (the trust anchor),
// the current report, time-stamped archives of both, and the run lock. Every replacement is a
// rename of a finished file, so a killed run leaves the previous database and report in place.
using System.Globalization;
using System.Security.Cryptography;
using OpsKit.Core;

namespace OpsKit.Aide;

/// <summary>The digest and size init/accept recorded for the database.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the database file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Database">The database path it was recorded for.</param>
/// <param name="Recorded">When.</param>
public sealed record AideState(string Sha256, long Size, string Database, DateTimeOffset Recorded);

/// <summary>The database as found now, against the recorded state.</summary>
/// <param name="Path">Database path.</param>
/// <param name="Exists">Whether it exists.</param>
/// <param name="Sha256">Its SHA-256 now (null when missing).</param>
/// <param name="Size">Its size now.</param>
/// <param name="State">The recorded state, or null.</param>
/// <param name="StateError">Why the state file could not be read, or null.</param>
public sealed record DatabaseCheck(string Path, bool Exists, string? Sha256, long Size, AideState? State, string? StateError)
{
    /// <summary>True when the database exists and matches the recorded digest and size.</summary>
    public bool Trusted => Exists && State is not null && State.Sha256 == Sha256 && State.Size == Size;

    /// <summary>Why the database is not trusted (null when it is); names the files.</summary>
    public string? Problem(string stateFile) =>
        Trusted ? null
        : StateError is not null ? StateError
        : !Exists && State is null ? $"{Path}: no database; run 'opskit aide init'"
        : !Exists ? $"{Path}: database missing, but {stateFile} records one (sha256 {State!.Sha256}): it was removed outside opskit"
        : State is null ? $"{Path}: no digest recorded in {stateFile}; not trusting a database opskit did not write ('opskit aide init --force' makes a new one)"
        : $"{Path}: database does not match the digest recorded in {stateFile} (sha256 {Sha256}, {Size} bytes; recorded {State.Sha256}, {State.Size} bytes at {State.Recorded:yyyy-MM-dd HH:mm:ss}Z): it was changed outside opskit and is not trusted";
}

/// <summary>Database, state, reports and archives of one [aide] setup.</summary>
public sealed class AideStore(AideSettings settings, TimeProvider clock)
{
    /// <summary>Time stamp format of archive names (UTC), as the weekly script had it.</summary>
    public const string StampFormat = "yyyyMMdd-HHmmss";

    /// <summary>The settings.</summary>
    public AideSettings Settings => settings;

    /// <summary>Hashes the database and reads the state file.</summary>
    public DatabaseCheck CheckDatabase()
    {
        var path = settings.DatabasePath;
        AideState? state = null;
        string? stateError = null;
        try
        {
            state = ReadState();
        }
        catch (FormatException e)
        {
            stateError = e.Message;
        }
        if (!File.Exists(path)) return new DatabaseCheck(path, false, null, 0, state, stateError);
        var (sha, size) = Digest(path);
        return new DatabaseCheck(path, true, sha, size, state, stateError);
    }

    /// <summary>SHA-256 (hex) and size of a file.</summary>
    public static (string Sha256, long Size) Digest(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            return (Convert.ToHexStringLower(SHA256.HashData(f)), f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{path}: cannot read: {e.Message}", ExitCodes.IoError, e);
        }
    }

    /// <summary>The recorded state; null when the file does not exist; FormatException naming file and line when it is bad.</summary>
    public AideState? ReadState()
    {
        var file = settings.StateFile;
        if (!File.Exists(file)) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var line in File.ReadAllLines(file))
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var sp = line.IndexOf(' ', StringComparison.Ordinal);
            if (sp <= 0) throw new FormatException($"{file}:{n}: expected 'KEY VALUE', got '{line}'");
            values[line[..sp]] = line[(sp + 1)..];
        }
        string Need(string key) => values.TryGetValue(key, out var v) ? v : throw new FormatException($"{file}: no '{key}' line");
        var sha = Need("sha256");
        if (sha.Length != 64 || !sha.All(Uri.IsHexDigit)) throw new FormatException($"{file}: sha256 '{sha}' is not 64 hex digits");
        if (!long.TryParse(Need("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw new FormatException($"{file}: size '{values["size"]}' is not a byte count");
        if (!DateTimeOffset.TryParse(Need("recorded"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var recorded))
            throw new FormatException($"{file}: recorded '{values["recorded"]}' is not a time");
        return new AideState(sha.ToLowerInvariant(), size, Need("database"), recorded);
    }

    /// <summary>Records the digest of the current database (temp file, fsync, rename).</summary>
    public AideState RecordState()
    {
        var (sha, size) = Digest(settings.DatabasePath);
        var state = new AideState(sha, size, settings.DatabasePath, clock.GetUtcNow());
        var text = "# written by 'opskit aide init/accept': the database check trusts only this digest\n"
            + $"database {state.Database}\nsha256 {state.Sha256}\nsize {state.Size.ToString(CultureInfo.InvariantCulture)}\n"
            + $"recorded {state.Recorded.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\n";
        Directory.CreateDirectory(Path.GetDirectoryName(settings.StateFile)!);
        WriteAtomically(settings.StateFile, text);
        return state;
    }

    /// <summary>Makes <see cref="AideSettings.NewDatabasePath"/> the database; the old one (if any) is first archived
    /// time-stamped. Returns the archive path or null.</summary>
    public string? Promote()
    {
        var db = settings.DatabasePath;
        var fresh = settings.NewDatabasePath;
        if (!File.Exists(fresh)) throw new OpsKitException($"{fresh}: aide reported success but wrote no database", ExitCodes.IoError);
        string? archive = null;
        if (File.Exists(db))
        {
            // A copy, not a move: aide.db stays in place until the rename below replaces it.
            archive = ArchiveName(settings.DatabaseDirectory, "aide.db", clock.GetUtcNow());
            var temp = archive + ".tmp";
            File.Copy(db, temp, overwrite: true);
            File.Move(temp, archive);
        }
        Fsync(fresh);
        File.Move(fresh, db, overwrite: true);
        return archive;
    }

    /// <summary>Makes a finished report file the current aide.log; the previous one is archived under its start time.</summary>
    public string? SaveReport(string finishedReport)
    {
        string? archived = null;
        var current = settings.ReportPath;
        if (File.Exists(current))
        {
            archived = ArchiveName(settings.LogDirectory, "aide.log", ReportTime(current));
            File.Move(current, archived);
        }
        File.Move(finishedReport, current, overwrite: true);
        return archived;
    }

    /// <summary>A temp file name for a report being written (dot-named: rotate ignores it).</summary>
    public string TempReport() => Path.Combine(settings.LogDirectory, $".aide.log.{Environment.ProcessId}.tmp");

    /// <summary>When a report was made: its Start timestamp, else the file time.</summary>
    public static DateTimeOffset ReportTime(string report)
    {
        try
        {
            using var reader = new StreamReader(report);
            var first = reader.ReadLine();
            if (first is not null && first.StartsWith("Start timestamp:", StringComparison.Ordinal))
            {
                var parsed = AideReportParser.Parse(first);
                if (parsed.Started is { } t) return t;
            }
        }
        catch (FormatException)
        {
        }
        return File.GetLastWriteTimeUtc(report);
    }

    /// <summary>"BASE.yyyyMMdd-HHmmss" in DIR, with -1, -2... when taken.</summary>
    public static string ArchiveName(string dir, string baseName, DateTimeOffset when)
    {
        var stamp = when.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);
        var name = Path.Combine(dir, $"{baseName}.{stamp}");
        for (var i = 1; File.Exists(name) || File.Exists(name + ".gz"); i++) name = Path.Combine(dir, $"{baseName}.{stamp}-{i}");
        return name;
    }

    /// <summary>Takes the run lock (flock on a file in the database directory); null when another run holds it.</summary>
    public IDisposable? TryLock()
    {
        Directory.CreateDirectory(settings.DatabaseDirectory);
        try
        {
            // FileShare.None is an exclusive flock(2) on Linux, released when the process dies.
            return new FileStream(settings.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The lock or an error naming it.</summary>
    public IDisposable Lock() =>
        TryLock() ?? throw new OpsKitException($"{settings.LockPath}: another opskit aide run holds the lock; try again when it has finished", ExitCodes.Unavailable);

    /// <summary>Writes a result file atomically; exit 74 naming the file when that fails.</summary>
    public static void WriteFile(string path, string text)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full))) throw OpsKitException.BadData($"{path}: directory {Path.GetDirectoryName(full)} does not exist");
        try
        {
            WriteAtomically(full, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpsKitException($"{path}: {e.Message}", ExitCodes.IoError, e);
        }
    }

    internal static void WriteAtomically(string path, string text)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static void Fsync(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        f.Flush(flushToDisk: true);
    }
}
