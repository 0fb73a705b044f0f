// Guards that hold across runs and paths: the mass-delete guard remembers the last 24
// hours (a ratchet of --keep 3, 2, 1 is not a way around it), and a root reached through
// a symlink that root did not make is refused.
using OpsKit.Core;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Rotation;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

public sealed class RotateAcrossRunsTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RotateResult Rotate(SnapshotSandbox box, int keep, string now, string? root = null) =>
        new Rotator(SnapshotSandbox.Context(new FixedClock(T(now))))
            .Rotate(new RotateRequest(root ?? box.Root, null, new RetentionPolicy { KeepLast = keep, StaleAfter = TimeSpan.FromHours(48) }, DryRun: false), CancellationToken.None);

    [Fact]
    public void RatchetingKeep_WithinADay_IsStoppedAtHalfTheSeries()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 6);

        var first = Rotate(box, 3, "2025-01-06T03:00:00Z");
        Assert.Null(first.Series[0].Plan.Suspended);
        Assert.Equal(3, box.Names().Count);

        var second = Rotate(box, 2, "2025-01-06T03:10:00Z");
        Assert.Equal("mass delete: 1 more of 6 complete snapshots after 3 deleted in the last 24 h", second.Series[0].Plan.Suspended);
        var third = Rotate(box, 1, "2025-01-06T03:20:00Z");
        Assert.NotNull(third.Series[0].Plan.Suspended);
        Assert.Equal(3, box.Names().Count);

        // A day later the window has moved on and the same request goes through.
        var later = Rotate(box, 2, "2025-01-07T03:30:00Z");
        Assert.Null(later.Series[0].Plan.Suspended);
        Assert.Equal(2, box.Names().Count);
    }

    [Fact]
    public void MassDeleteOverride_StillWorksForTheAdmin()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 6);
        Rotate(box, 3, "2025-01-06T03:00:00Z");
        var forced = new Rotator(SnapshotSandbox.Context(new FixedClock(T("2025-01-06T03:10:00Z"))))
            .Rotate(new RotateRequest(box.Root, null, new RetentionPolicy { KeepLast = 1, AllowMassDelete = true, StaleAfter = TimeSpan.FromHours(48) }, false), CancellationToken.None);
        Assert.Null(forced.Series[0].Plan.Suspended);
        Assert.Single(box.Names());
    }

    [RootFact]
    public void ARootReachedThroughAnotherUsersSymlink_IsRefused()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        var link = Path.Combine(box.Top, "via");
        File.CreateSymbolicLink(link, box.Top);
        var viaLink = Path.Combine(link, "snaps");
        // root's own symlink is the admin's layout: allowed.
        Assert.Equal(3, Rotate(box, 3, "2025-01-03T03:00:00Z", viaLink).Series[0].Plan.Entries.Count);

        Assert.Equal(0, lchown(link, 65534, 65534));
        var e = Assert.Throws<OpsKitException>(() => Rotate(box, 1, "2025-01-03T03:00:00Z", viaLink));
        Assert.Equal($"snapshot root {viaLink}: {link} is a symbolic link owned by uid 65534; name the real directory", e.Message);
        Assert.Equal(3, box.Names().Count);
    }

    [System.Runtime.InteropServices.DllImport("libc.so.6", SetLastError = true)]
    private static extern int lchown([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int owner, int group);
}
