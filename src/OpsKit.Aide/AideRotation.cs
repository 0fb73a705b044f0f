// Rotation of the archives the weekly script kept: "aide.log.20110315-162841" and
// "aide.db.20110315-162841" (with -N when two fall in one second), gzip-compressed, deleted
// past max_age by the time in their name. The current aide.db and aide.log are never touched,
// and neither is the newest report, even when aide.log is gone.
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace OpsKit.Aide;

/// <summary>What rotate did (or would do) to one file.</summary>
/// <param name="Path">The archive.</param>
/// <param name="Action">compress, delete or keep.</param>
/// <param name="Why">Why.</param>
public sealed record AideRotationStep(string Path, string Action, string Why);

/// <summary>One rotation pass.</summary>
public sealed partial class AideRotation
{
    [GeneratedRegex(@"^aide\.(log|db)\.(\d{8}-\d{6})(-\d+)?(\.gz)?$")]
    private static partial Regex ArchiveName();

    /// <summary>The steps, in path order.</summary>
    public List<AideRotationStep> Steps { get; } = [];

    /// <summary>Rotates as of <paramref name="now"/>.</summary>
    public static AideRotation Run(AideSettings settings, DateTimeOffset now, bool dryRun)
    {
        var rotation = new AideRotation();
        var archives = new List<(string Path, string Kind, DateTimeOffset Time, bool Gz)>();
        foreach (var dir in new[] { settings.LogDirectory, settings.DatabaseDirectory }.Distinct())
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var m = ArchiveName().Match(Path.GetFileName(file));
                if (!m.Success) continue;
                var time = DateTime.ParseExact(m.Groups[2].Value, AideStore.StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                archives.Add((file, m.Groups[1].Value, new DateTimeOffset(time, TimeSpan.Zero), m.Groups[4].Success));
            }
        }
        // With no current report, the newest archived one is what there is to read: keep it.
        string? newestReport = File.Exists(settings.ReportPath) ? null
            : archives.Where(a => a.Kind == "log").OrderByDescending(a => a.Time).ThenByDescending(a => a.Path, StringComparer.Ordinal).Select(a => a.Path).FirstOrDefault();
        foreach (var a in archives.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var age = now - a.Time;
            if (a.Path == newestReport)
            {
                rotation.Steps.Add(new(a.Path, "keep", $"newest report (no {Path.GetFileName(settings.ReportPath)})"));
                continue;
            }
            if (age > settings.MaxAge)
            {
                rotation.Steps.Add(new(a.Path, "delete", $"{Days(age)} days old, max_age {Days(settings.MaxAge)}"));
                if (!dryRun) File.Delete(a.Path);
            }
            else if (!a.Gz)
            {
                rotation.Compress(a.Path, dryRun, $"{Days(age)} days old");
            }
        }
        return rotation;
    }

    private void Compress(string path, bool dryRun, string why)
    {
        Steps.Add(new(path, "compress", why));
        if (dryRun) return;
        var target = path + ".gz";
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        using (var input = File.OpenRead(path))
        using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            using (var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) input.CopyTo(gz);
            output.Flush(flushToDisk: true);
        }
        File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
        File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(path));
        File.Move(temp, target);
        File.Delete(path);
    }

    private static string Days(TimeSpan t) => t.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
}
