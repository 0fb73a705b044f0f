// What keeps a key inside its subtree: symlink-following options refused whatever the
// policy says, --munge-links on every rsync, no --delete at a root, {label} roots,
// path options with roots of their own, and the file-system check before exec.
using System.Text;
using OpsKit.SshGuard.Hook;
using OpsKit.SshGuard.Policy;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class ConfinementTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-confine");

    public void Dispose() => _dir.Dispose();

    /// <summary>examples/ssh/backup-v2.toml, the recommended policy.</summary>
    public static SshPolicy V2 { get; } = PolicyReader.ReadFile(Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v2.toml"));

    private static Verdict Decide(SshPolicy policy, string command, string? label = "web01") =>
        Guard.Decide(policy, Encoding.UTF8.GetBytes(command), new Client("10.1.1.1", label));

    /// <summary>A policy that lists every symlink-following letter and flag: the hook refuses them anyway.</summary>
    private static SshPolicy Careless() => PolicyReader.ReadText(Encoding.UTF8.GetBytes("""
        roots = ["/data/backup"]
        [rsync]
        short = "logDtprLkK"
        flags = ["--copy-links", "--copy-unsafe-links", "--copy-dirlinks", "--keep-dirlinks", "--no-munge-links"]
        push_flags = ["--delete"]
        """), "careless.toml", "careless");

    [Theory]
    [InlineData("rsync --server --sender -logDtprL . /data/backup/web01/", "short option -L follows symbolic links")]
    [InlineData("rsync --server -logDtprk . /data/backup/web01/", "short option -k follows symbolic links")]
    [InlineData("rsync --server -logDtprK . /data/backup/web01/", "short option -K follows symbolic links")]
    [InlineData("rsync --server --sender -r --copy-unsafe-links . /data/backup/web01/", "--copy-unsafe-links follows or keeps symbolic links")]
    [InlineData("rsync --server --sender -r --copy-links . /data/backup/web01/", "--copy-links follows or keeps symbolic links")]
    [InlineData("rsync --server -r --keep-dirlinks . /data/backup/web01/", "--keep-dirlinks follows or keeps symbolic links")]
    [InlineData("rsync --server -r --no-munge-links . /data/backup/web01/", "--no-munge-links follows or keeps symbolic links")]
    public void SymlinkFollowingOptions_AreRefused_EvenWhenThePolicyListsThem(string command, string reason)
    {
        var v = Decide(Careless(), command);
        Assert.False(v.Accepted);
        Assert.StartsWith(reason, v.Reason);
    }

    [Fact]
    public void EveryRsync_GetsMungeLinks_BeforeTheDashDash()
    {
        foreach (var command in new[] { "rsync --server -logDtpr . /data/backup/web01/x/", "rsync --server --sender -logDtpr . /data/backup/web01/x/" })
        {
            var v = Decide(V2, command);
            Assert.True(v.Accepted, v.Reason);
            Assert.Contains("--munge-links", v.Argv.TakeWhile(a => a != "--"));
        }
    }

    [Theory]
    [InlineData("rsync --server -r --delete . /data/backup/")]
    [InlineData("rsync --server -r --delete . /data/backup")]
    [InlineData("rsync --server -r --delete-after . /data/backup/")]
    public void DeleteAtTheRoot_IsRefused_WhenAllClientsShareIt(string command)
    {
        var v = Guard.Decide(AttackCorpus.Policy, Encoding.UTF8.GetBytes(command), Client.Unknown);
        Assert.False(v.Accepted);
        Assert.Contains("at the root /data/backup would remove everything below it", v.Reason);
        Assert.True(Guard.Decide(AttackCorpus.Policy, Encoding.UTF8.GetBytes("rsync --server -r --delete . /data/backup/web01/"), Client.Unknown).Accepted);
    }

    [Fact]
    public void LabelRoots_GiveEachKeyItsOwnSubtree()
    {
        Assert.True(Decide(V2, "rsync --server -logDtpr --delete . /data/backup/web01/current/").Accepted);
        Assert.Equal("'/data/backup/web02/current/' is outside /data/backup/web01", Decide(V2, "rsync --server -logDtpr . /data/backup/web02/current/").Reason);
        Assert.Equal("'/data/backup/' is outside /data/backup/web01", Decide(V2, "rsync --server -r --delete . /data/backup/").Reason);
        Assert.Contains("at the root /data/backup/web01 would remove", Decide(V2, "rsync --server -r --delete . /data/backup/web01/").Reason);
        Assert.Contains("--link-dest: '/data/backup/web02/old' is outside", Decide(V2, "rsync --server -logDtpr --link-dest /data/backup/web02/old . /data/backup/web01/new/").Reason);
        Assert.Equal("the policy's roots name {label} but the hook was given no --label", Decide(V2, "rsync --server -logDtpr . /data/backup/web01/", label: null).Reason);
        Assert.Equal("key label '..' cannot name a folder", Decide(V2, "rsync --server -logDtpr . /data/backup/x/", label: "..").Reason);
    }

    [Fact]
    public void Rotation_ReachesOnlyTheKeysSnapshotStore_AndNeverBelowThePolicysFloor()
    {
        var ok = Decide(V2, "opskit snapshot rotate --root /data/snapshots/web01 --keep 14");
        Assert.True(ok.Accepted, ok.Reason);
        Assert.Equal(["/usr/bin/opskit", "snapshot", "rotate", "--root", "/data/snapshots/web01", "--keep", "14"], ok.Argv);
        Assert.Equal("--root: '/data/backup/web01' is outside /data/snapshots/web01", Decide(V2, "opskit snapshot rotate --root /data/backup/web01 --keep 14").Reason);
        Assert.Equal("--root: '/data/snapshots/web02' is outside /data/snapshots/web01", Decide(V2, "opskit snapshot rotate --root /data/snapshots/web02 --keep 14").Reason);
        Assert.Equal("--keep=3 is out of range (7..9999)", Decide(V2, "opskit snapshot rotate --root /data/snapshots/web01 --keep 3").Reason);
        Assert.Equal("--keep is required", Decide(V2, "opskit snapshot rotate --root /data/snapshots/web01 --older-than 1d").Reason);
        Assert.Equal("option --allow-mass-delete is not allowed for 'snapshot-rotate'", Decide(V2, "opskit snapshot rotate --root /data/snapshots/web01 --keep 7 --allow-mass-delete").Reason);
        // Pushes cannot reach the snapshot store either.
        Assert.Equal("'/data/snapshots/web01/x/' is outside /data/backup/web01", Decide(V2, "rsync --server -logDtpr . /data/snapshots/web01/x/").Reason);
    }

    [Fact]
    public void PathsOfAnAcceptedCommand_AreListedWithTheirRoots_ForTheFileSystemCheck()
    {
        var v = Decide(V2, "rsync --server -logDtpr --link-dest /data/backup/web01/a . /data/backup/web01/b/");
        Assert.Equal([new PathUse("/data/backup/web01/a", "/data/backup/web01", false), new PathUse("/data/backup/web01/b/", "/data/backup/web01", false)], v.Paths);
        var rotate = Decide(V2, "opskit snapshot rotate --root /data/snapshots/web01/s --keep 7");
        Assert.Equal([new PathUse("/data/snapshots/web01/s", "/data/snapshots/web01", false)], rotate.Paths);
    }

    [Fact]
    public void Beneath_RefusesAnyPathThroughASymlink_AndAcceptsRealOrMissingFolders()
    {
        var root = _dir.File("root");
        var outside = _dir.File("outside");
        Directory.CreateDirectory(Path.Combine(root, "web01", "real"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret\n");
        File.CreateSymbolicLink(Path.Combine(root, "web01", "evil"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "web01", "real", "file.link"), "../real");

        Assert.Null(Beneath.Problem(new PathUse(root + "/web01/real/", root, false)));
        Assert.Null(Beneath.Problem(new PathUse(root + "/web01/new/deeper/", root, false)));
        Assert.Null(Beneath.Problem(new PathUse(root, root, false)));
        Assert.Contains($"passes through a symbolic link ({root}/web01/evil)", Beneath.Problem(new PathUse(root + "/web01/evil/", root, false)));
        Assert.Contains("passes through a symbolic link", Beneath.Problem(new PathUse(root + "/web01/evil/secret.txt", root, false)));
        Assert.Contains("passes through a symbolic link", Beneath.Problem(new PathUse(root + "/web01/evil/new/dir", root, false)));
        Assert.Contains("passes through a symbolic link", Beneath.Problem(new PathUse(root + "/web01/real/file.link", root, false)));
        // Globs a pull's sender would expand: any match that is a symlink refuses.
        Assert.Contains($"can match the symbolic link {root}/web01/evil", Beneath.Problem(new PathUse(root + "/web01/*/secret.txt", root, true)));
        Assert.Contains("can match the symbolic link", Beneath.Problem(new PathUse(root + "/web01/e[v]il", root, true)));
        Assert.Null(Beneath.Problem(new PathUse(root + "/web01/re*/", root, true)));
    }

    [Fact]
    public void Beneath_TurnsAnAcceptedVerdictIntoARefusal()
    {
        var root = _dir.File("r2");
        Directory.CreateDirectory(Path.Combine(root, "web01"));
        File.CreateSymbolicLink(Path.Combine(root, "web01", "evil"), "/etc");
        var policy = PolicyReader.ReadText(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v2.toml"))
            .Replace("/data/backup/{label}", root + "/{label}", StringComparison.Ordinal)), "v2.toml", "v2");
        var text = Decide(policy, $"rsync --server -logDtpr . {root}/web01/evil/");
        Assert.True(text.Accepted, text.Reason);
        var checkedVerdict = Beneath.Check(text);
        Assert.False(checkedVerdict.Accepted);
        Assert.Empty(checkedVerdict.Argv);
        Assert.Contains("passes through a symbolic link", checkedVerdict.Reason);
    }

    [Theory]
    [InlineData("C", true)]
    [InlineData("POSIX", true)]
    [InlineData("C.UTF-8", true)]
    [InlineData("en_US.UTF-8", true)]
    [InlineData("de_DE@euro", true)]
    [InlineData("ast_ES.utf8", true)]
    [InlineData("en_US.UTF-8;id", false)]
    [InlineData("../../tmp/x", false)]
    [InlineData("en_US.UTF-8\nX=1", false)]
    [InlineData("", false)]
    public void Lang_IsPassedOnlyWhenItIsALocaleName(string value, bool passed)
    {
        Assert.Equal(passed, Exec.IsLocaleName(value));
        Assert.Equal(passed, Exec.CleanEnvironment(n => n == "LANG" ? value : null).Contains($"LANG={value}"));
    }

    [Fact]
    public void ClientEnvironment_DropsOpskitAndRuntimeSettings_KeepsTheRest()
    {
        var block = Encoding.Latin1.GetBytes("PATH=/bin\0OPSKIT_CONFIG=/tmp/evil.toml\0SSH_ORIGINAL_COMMAND=rsync \xff\0DOTNET_gcServer=1\0COMPlus_x=1\0OPSKIT_LOG_FILE=/dev/null\0HOME=/h\0");
        var kept = ClientEnvironment.WithoutSettings(block);
        Assert.NotNull(kept);
        Assert.Equal(["PATH=/bin", "SSH_ORIGINAL_COMMAND=rsync \xff", "HOME=/h"], kept!.Select(Encoding.Latin1.GetString));
        Assert.Null(ClientEnvironment.WithoutSettings(Encoding.ASCII.GetBytes("PATH=/bin\0HOME=/h\0")));
    }
}
