// The safety invariants of Rotator, one test each, on real folders.
using OpsKit.Core;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Rotation;
using OpsKit.Snapshots.Store;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

public class RotateInvariantTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RotateResult Rotate(SnapshotSandbox box, RetentionPolicy policy, string now, bool dryRun = false) =>
        new Rotator(SnapshotSandbox.Context(new FixedClock(T(now)))).Rotate(new RotateRequest(box.Root, null, policy, dryRun), CancellationToken.None);

    private static readonly RetentionPolicy s_all = new() { AllowStale = true, AllowMassDelete = true, StaleAfter = TimeSpan.FromHours(48) };

    [Fact]
    public void Inv1_TheNewestCompleteSnapshotSurvivesEvenAPolicyThatKeepsNothing()
    {
        using var box = new SnapshotSandbox();
        var names = box.AdoptDaily("2025-01-01T02:00:00Z", 5);
        var r = Rotate(box, s_all with { MaxAgeDays = 1 }, "2025-03-01T00:00:00Z");
        Assert.Equal([names[^1]], box.Names());
        Assert.Contains("floor (newest complete)", r.Series[0].Plan.Entries[0].Reasons);
    }

    [Fact]
    public void Inv2_ALockedSeriesIsNotRotatedAndItsRunningSnapshotIsKept()
    {
        using var box = new SnapshotSandbox();
        var names = box.AdoptDaily("2025-01-01T02:00:00Z", 6);
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "2025-01-07T020000Z.inprogress"));
        using (SeriesLock.TryAcquire(box.SeriesDir(), "create 2025-01-07T020000Z.inprogress"))
        {
            var r = Rotate(box, s_all with { KeepLast = 1 }, "2025-01-07T03:00:00Z");
            Assert.NotNull(r.Series[0].Busy);
            Assert.Equal(SnapshotState.Running, r.Series[0].Plan.Entries[0].Snapshot.State);
            Assert.Equal(7, box.Names().Count);
        }
        var after = Rotate(box, s_all with { KeepLast = 1 }, "2025-01-07T03:00:00Z");
        Assert.Null(after.Series[0].Busy);
        Assert.Equal(["2025-01-06T020000Z", "2025-01-07T020000Z.inprogress"], box.Names());
    }

    [Fact]
    public void Inv3_TheResumeBaseIsKeptAndOlderPartialsGo()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 4);
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "2025-01-02T120000Z.inprogress")); // old, superseded
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "2025-01-05T020000Z.inprogress")); // newer than newest complete
        Rotate(box, s_all with { KeepLast = 4 }, "2025-01-05T03:00:00Z");
        Assert.Contains("2025-01-05T020000Z.inprogress", box.Names());
        Assert.DoesNotContain("2025-01-02T120000Z.inprogress", box.Names());
        Assert.Equal(5, box.Names().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void Inv4_EmptyOrSlashRootIsRefused(string root)
    {
        var e = Assert.Throws<OpsKitException>(() => new Rotator(SnapshotSandbox.Context()).Rotate(new RotateRequest(root, null, s_all with { KeepLast = 1 }, false), CancellationToken.None));
        Assert.Equal(ExitCodes.Usage, e.ExitCode);
    }

    [Fact]
    public void Inv4_ARootWithoutMarkerASymlinkedRootAndAForeignSeriesMarkerAreRefused()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        var link = Path.Combine(box.Top, "link-to-root");
        File.CreateSymbolicLink(link, box.Root);
        Assert.Contains("symbolic link", Assert.Throws<OpsKitException>(() => SnapshotRoot.Open(link)).Message, StringComparison.Ordinal);
        Assert.Contains("not a snapshot root", Assert.Throws<OpsKitException>(() => SnapshotRoot.Open(box.Source)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(box.SeriesDir(), Series.MarkerName), "opskit-series 1\nseries mail\n");
        Assert.Contains("series marker says 'mail'", Assert.Throws<OpsKitException>(() => SnapshotRoot.Open(box.Root).OpenSeries("web")).Message, StringComparison.Ordinal);
        Assert.Equal(3, box.Names().Count);
    }

    [Fact]
    public void Inv4_AMissingRequiredMountIsRefused()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        var e = Assert.Throws<OpsKitException>(() => SnapshotRoot.Open(box.Root, requireMount: box.Top));
        Assert.Contains("is not mounted", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
    }

    [Fact]
    public void Inv5And6_SymlinksAndForeignEntriesAreNeverFollowedOrRemoved()
    {
        using var box = new SnapshotSandbox();
        var names = box.AdoptDaily("2025-01-01T02:00:00Z", 4);
        var victim = box.Dir("victim");
        File.WriteAllText(Path.Combine(victim, "keep.txt"), "precious");
        // A snapshot-named symlink out of the root (pitfall 7), and a symlink inside an expiring snapshot.
        File.CreateSymbolicLink(Path.Combine(box.SeriesDir(), "2024-12-01T020000Z"), victim);
        Directory.CreateSymbolicLink(Path.Combine(box.SeriesDir(), names[0], "tree", "escape"), victim);
        File.WriteAllText(Path.Combine(box.SeriesDir(), "notes.txt"), "admin notes");
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "old-copy"));
        var r = Rotate(box, s_all with { KeepLast = 1 }, "2025-01-04T03:00:00Z");
        Assert.Equal("precious", File.ReadAllText(Path.Combine(victim, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(box.SeriesDir(), "notes.txt")));
        Assert.True(Directory.Exists(Path.Combine(box.SeriesDir(), "old-copy")));
        Assert.True(new FileInfo(Path.Combine(box.SeriesDir(), "2024-12-01T020000Z")).LinkTarget is not null);
        Assert.Equal(3, r.Series[0].Deleted.Count);
        var foreign = r.Series[0].Plan.Entries.Where(e => e.Snapshot.State == SnapshotState.Foreign).Select(e => e.Snapshot.Name).Order().ToList();
        Assert.Equal(["2024-12-01T020000Z", "notes.txt", "old-copy"], foreign);
    }

    [RootFact]
    public void Inv5_ABindMountInsideAnExpiringSnapshotIsNotDescended()
    {
        using var box = new SnapshotSandbox();
        var names = box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        var victim = box.Dir("victim-fs");
        File.WriteAllText(Path.Combine(victim, "keep.txt"), "precious");
        var mountPoint = Path.Combine(box.SeriesDir(), names[0], "tree", "mnt");
        Directory.CreateDirectory(mountPoint);
        // A tmpfs holds the victim data so the mount is really another file system.
        Run("mount", "-t", "tmpfs", "-o", "size=1m", "opskit-snapshot-test", mountPoint);
        try
        {
            File.WriteAllText(Path.Combine(mountPoint, "keep.txt"), "precious");
            var r = Rotate(box, s_all with { KeepLast = 1 }, "2025-01-03T03:00:00Z");
            var trashed = Path.Combine(box.SeriesDir(), Series.TrashName, names[0], "tree", "mnt", "keep.txt");
            Assert.Equal("precious", File.ReadAllText(trashed));
            Assert.Contains(r.Series[0].Problems, p => p.Contains("another file system", StringComparison.Ordinal));
            mountPoint = Path.GetDirectoryName(trashed)!;
        }
        finally
        {
            Run("umount", mountPoint);
        }
    }

    [Fact]
    public void Inv7_RetentionTimeComesFromTheManifestNotTheMtime()
    {
        using var box = new SnapshotSandbox();
        var names = box.AdoptDaily("2025-01-10T02:00:00Z", 3);
        foreach (var n in names) Directory.SetLastWriteTimeUtc(Path.Combine(box.SeriesDir(), n), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var r = Rotate(box, s_all with { MaxAgeDays = 14 }, "2025-01-12T03:00:00Z");
        Assert.Empty(r.Series[0].Deleted);
        Assert.Equal(3, box.Names().Count);
    }

    [Fact]
    public void Inv8_APartialRunIsNotCountedByAnyRule()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "2025-01-04T020000Z.inprogress"));
        var plan = Rotate(box, s_all with { KeepLast = 2 }, "2025-01-04T03:00:00Z", dryRun: true).Series[0].Plan;
        var kept = plan.Entries.Where(e => e.Reasons.Any(r => r.StartsWith("last", StringComparison.Ordinal))).Select(e => e.Snapshot.Name).ToList();
        Assert.Equal(["2025-01-03T020000Z", "2025-01-02T020000Z"], kept);
    }

    [Fact]
    public void Inv9_AStaleSeriesIsNotPrunedWithoutOverride()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-05-01T02:00:00Z", 10);
        var r = Rotate(box, new RetentionPolicy { KeepLast = 8, StaleAfter = TimeSpan.FromHours(48) }, "2025-05-20T00:00:00Z");
        Assert.StartsWith("stale series", r.Series[0].Plan.Suspended, StringComparison.Ordinal);
        Assert.Equal(10, box.Names().Count);
        Rotate(box, new RetentionPolicy { KeepLast = 8, StaleAfter = TimeSpan.FromHours(48), AllowStale = true }, "2025-05-20T00:00:00Z");
        Assert.Equal(8, box.Names().Count);
    }

    [Fact]
    public void Inv10_FutureDatedSnapshotsAreKeptAndAClockThatWentBackRefuses()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-05-01T02:00:00Z", 3);
        box.AdoptAt(T("2031-01-01T00:00:00Z"));
        var r = Rotate(box, s_all with { KeepLast = 1 }, "2025-05-03T03:00:00Z");
        Assert.Contains("2031-01-01T000000Z", box.Names());
        Assert.Contains(r.Series[0].Plan.Warnings, w => w.Contains("future", StringComparison.Ordinal));
        Assert.Equal(2, box.Names().Count);
        box.AdoptAt(T("2025-04-01T00:00:00Z"));
        var back = Rotate(box, s_all with { KeepLast = 1 }, "2025-04-02T00:00:00Z");
        Assert.StartsWith("clock went back", back.Series[0].Plan.Suspended, StringComparison.Ordinal);
        Assert.Equal(3, box.Names().Count);
    }

    [Fact]
    public void Inv11_AnEmptyPolicyIsRefused()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-05-01T02:00:00Z", 3);
        var e = Assert.Throws<OpsKitException>(() => Rotate(box, new RetentionPolicy(), "2025-05-03T03:00:00Z"));
        Assert.Contains("empty policy", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, box.Names().Count);
    }

    [Fact]
    public void Inv12_TheDryRunPlanIsExactlyWhatTheRealRunDeletes()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 40);
        var policy = new RetentionPolicy { KeepPeriods = new Dictionary<Period, int> { [Period.Daily] = 7, [Period.Weekly] = 4 }, AllowMassDelete = true, StaleAfter = TimeSpan.FromHours(48) };
        var dry = Rotate(box, policy, "2025-02-09T03:00:00Z", dryRun: true).Series[0];
        Assert.Equal(40, box.Names().Count);
        var real = Rotate(box, policy, "2025-02-09T03:00:00Z").Series[0];
        Assert.Equal(dry.Plan.Deletions.Select(d => d.Snapshot.Name), real.Deleted);
        Assert.Equal(dry.Plan.Entries.Where(e => e.Action == PlanAction.Keep).Select(e => e.Snapshot.Name).Order(), box.Names());
    }

    [Fact]
    public void Inv13_MassDeleteNeedsTheFlag()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 10);
        var r = Rotate(box, new RetentionPolicy { KeepLast = 3, StaleAfter = TimeSpan.FromHours(48) }, "2025-01-10T03:00:00Z");
        Assert.Equal("mass delete: 7 of 10 complete snapshots", r.Series[0].Plan.Suspended);
        Assert.Equal(10, box.Names().Count);
    }

    [Fact]
    public void Inv14_LeftoversInTrashAreFinishedOnTheNextRun()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        var leftover = Path.Combine(box.SeriesDir(), Series.TrashName, "2024-12-01T020000Z", "tree", "deep");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "half-removed.txt"), "x");
        Rotate(box, s_all with { KeepLast = 3 }, "2025-01-03T03:00:00Z");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(box.SeriesDir(), Series.TrashName)));
    }

    [Fact]
    public void CancellationBetweenDirectoriesLeavesNoHalfRenamedSnapshot()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 5);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new Rotator(SnapshotSandbox.Context(new FixedClock(T("2025-01-05T03:00:00Z"))))
            .Rotate(new RotateRequest(box.Root, null, s_all with { KeepLast = 1 }, false), cts.Token));
        Assert.Equal(5, box.Names().Count);
    }

    private static void Run(string program, params string[] args)
    {
        var r = new OpsKit.Core.Processes.ProcessRunner().RunAsync(new(program, args)).GetAwaiter().GetResult();
        Assert.True(r.ExitCode == 0, $"{program} failed: {r.StandardError}");
    }
}
