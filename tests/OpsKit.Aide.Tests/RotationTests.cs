// Rotation by the time in the archive names, as of --now: archives within max_age are
// compressed, older ones deleted; aide.db, aide.log and the newest report are never touched.
using System.IO.Compression;
using OpsKit.Testing;

namespace OpsKit.Aide.Tests;

public class RotationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static AideSettings Settings(TempDir d) => new()
    {
        DatabaseDirectory = d.File("db"),
        LogDirectory = d.File("log"),
        MaxAge = TimeSpan.FromDays(90),
    };

    [Fact]
    public void Old_archives_are_deleted_recent_ones_compressed_and_the_current_files_kept()
    {
        using var d = new TempDir("aide-rotate");
        d.Write("db/aide.db", "current database");
        d.Write("db/aide.db.20260101-000000", "old db");          // 151 days: deleted
        d.Write("db/aide.db.20260501-000000", "recent db");       // 31 days: compressed
        d.Write("log/aide.log", "current report");
        d.Write("log/aide.log.20110315-162841", "ancient report"); // deleted
        d.Write("log/aide.log.20110315-162841-1.gz", "x");        // deleted (already compressed)
        d.Write("log/aide.log.20260520-000000", "recent report");  // compressed
        d.Write("log/notes.txt", "not ours");

        var r = AideRotation.Run(Settings(d), Now, dryRun: false);

        Assert.Equal("current database", File.ReadAllText(d.File("db/aide.db")));
        Assert.Equal("current report", File.ReadAllText(d.File("log/aide.log")));
        Assert.True(File.Exists(d.File("log/notes.txt")));
        Assert.False(File.Exists(d.File("db/aide.db.20260101-000000")));
        Assert.False(File.Exists(d.File("log/aide.log.20110315-162841")));
        Assert.False(File.Exists(d.File("log/aide.log.20110315-162841-1.gz")));
        Assert.False(File.Exists(d.File("db/aide.db.20260501-000000")));
        Assert.Equal("recent db", Gunzip(d.File("db/aide.db.20260501-000000.gz")));
        Assert.Equal("recent report", Gunzip(d.File("log/aide.log.20260520-000000.gz")));
        Assert.Equal(3, r.Steps.Count(s => s.Action == "delete"));
        Assert.Equal(2, r.Steps.Count(s => s.Action == "compress"));
    }

    [Fact]
    public void The_newest_report_is_kept_even_past_max_age_when_there_is_no_current_one()
    {
        using var d = new TempDir("aide-rotate");
        d.Write("log/aide.log.20200101-000000", "older");
        d.Write("log/aide.log.20200202-000000", "newest");
        var r = AideRotation.Run(Settings(d), Now, dryRun: false);
        Assert.False(File.Exists(d.File("log/aide.log.20200101-000000")));
        Assert.Equal("newest", File.ReadAllText(d.File("log/aide.log.20200202-000000")));
        Assert.Contains(r.Steps, s => s.Action == "keep" && s.Path.EndsWith("20200202-000000", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dry_run_changes_nothing()
    {
        using var d = new TempDir("aide-rotate");
        d.Write("log/aide.log", "current");
        d.Write("log/aide.log.20110315-162841", "ancient");
        d.Write("log/aide.log.20260520-000000", "recent");
        var r = AideRotation.Run(Settings(d), Now, dryRun: true);
        Assert.Equal(2, r.Steps.Count);
        Assert.Equal(3, Directory.EnumerateFiles(d.File("log")).Count());
    }

    [Fact]
    public void Max_age_is_measured_from_the_name_not_the_file_time()
    {
        using var d = new TempDir("aide-rotate");
        d.Write("log/aide.log", "current");
        var file = d.Write("log/aide.log.20260303-120000", "three months");
        File.SetLastWriteTimeUtc(file, Now.UtcDateTime);
        AideRotation.Run(Settings(d), Now.AddDays(-1), dryRun: false);
        Assert.True(File.Exists(file + ".gz"));
        AideRotation.Run(Settings(d), Now.AddDays(1), dryRun: false);
        Assert.False(File.Exists(file + ".gz"));
    }

    private static string Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd();
    }
}
