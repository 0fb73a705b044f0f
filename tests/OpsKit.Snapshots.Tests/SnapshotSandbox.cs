// A throw-away snapshot root for tests: real files, real rsync, real renames;
// snapshots at chosen times are brought in through the product's own adopt path.
using System.Security.Cryptography;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Snapshots;
using OpsKit.Snapshots.Adopt;
using OpsKit.Snapshots.Create;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

/// <summary>A temp dir holding a source tree and a snapshot root.</summary>
public sealed class SnapshotSandbox : IDisposable
{
    private readonly TempDir _dir = new("opskit-snap");

    /// <summary>Creates the sandbox with a small source tree.</summary>
    public SnapshotSandbox()
    {
        Directory.CreateDirectory(Source);
        for (var d = 0; d < 3; d++)
            for (var f = 0; f < 10; f++) File.WriteAllText(Path.Combine(Dir("src", $"d{d}"), $"f{f}.txt"), $"content {d}/{f}\n");
    }

    /// <summary>The sandbox folder.</summary>
    public string Top => _dir.Path;

    /// <summary>The source tree.</summary>
    public string Source => Path.Combine(Top, "src");

    /// <summary>The snapshot root.</summary>
    public string Root => Path.Combine(Top, "snaps");

    /// <summary>A series folder.</summary>
    public string SeriesDir(string series = "web") => Path.Combine(Root, series);

    /// <summary>Creates (if needed) and returns a folder under the sandbox.</summary>
    public string Dir(params string[] parts)
    {
        var p = Path.Combine([Top, .. parts]);
        Directory.CreateDirectory(p);
        return p;
    }

    /// <summary>A context for library calls.</summary>
    public static SystemContext Context(TimeProvider? clock = null) => new(clock: clock);

    /// <summary>Runs a real create.</summary>
    public CreateResult Create(string series = "web", RsyncSettings? rsync = null, TimeProvider? clock = null) =>
        new SnapshotCreator(Context(clock)).CreateAsync(new CreateRequest(Source, Root, series, rsync ?? new RsyncSettings()), CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Adopts a fresh small folder as a complete snapshot at the given time.</summary>
    public string AdoptAt(DateTimeOffset time, string series = "web")
    {
        var folder = Dir("incoming", Guid.NewGuid().ToString("N"));
        File.WriteAllText(Path.Combine(folder, "data.txt"), $"taken {time:O}\n");
        return new SnapshotAdopter(Context()).Adopt(Root, series, [new AdoptItem(folder, time, "adopt")], false, CancellationToken.None)[0];
    }

    /// <summary>Adopts daily snapshots at 02:00Z from <paramref name="first"/> for <paramref name="days"/> days.</summary>
    public List<string> AdoptDaily(string first, int days, string series = "web")
    {
        var t0 = DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(0, days).Select(i => AdoptAt(t0.AddDays(i), series)).ToList();
    }

    /// <summary>Names of the snapshot-looking folders left in a series (complete or not).</summary>
    public List<string> Names(string series = "web") => Directory.EnumerateFileSystemEntries(SeriesDir(series))
        .Select(Path.GetFileName).OfType<string>().Where(n => char.IsDigit(n[0])).Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs the built opskit with no host config.</summary>
    public static CommandResult Opskit(params string[] args) => OpskitProcess.Run(["--no-config", .. args]);

    /// <summary>A digest over every path, mode, size, mtime and content under a tree (symlinks not followed).</summary>
    public static string TreeHash(string dir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(f);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetRelativePath(dir, f)}|{File.GetUnixFileMode(f)}|{info.LastWriteTimeUtc.Ticks}\n"));
            if (!info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null) sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
