// The decision beyond the corpus: tokenizer details, encodings, labels and client networks.
using System.Text;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard.Tests;

public sealed class GuardTests
{
    private static Verdict Decide(string command, Client? client = null, SshPolicy? policy = null) =>
        Guard.Decide(policy ?? AttackCorpus.Policy, Encoding.UTF8.GetBytes(command), client ?? Client.Unknown);

    private static Verdict Decide(byte[] command) => Guard.Decide(AttackCorpus.Policy, command, Client.Unknown);

    [Theory]
    [InlineData("a b  c ", new[] { "a", "b", "c" })]
    [InlineData("  a\\ b\\\\c", new[] { "a b\\c" })]
    [InlineData("x\\;y \\\"", new[] { "x;y", "\"" })]
    [InlineData("'a b'", new[] { "'a", "b'" })]
    public void Tokenizer_SplitsAtSpaces_WithBackslashEscapes_AndNoQuotes(string raw, string[] words)
    {
        Assert.Equal(words, CommandTokenizer.Split(Encoding.ASCII.GetBytes(raw), 100, out _));
    }

    [Fact]
    public void Tokenizer_RefusesATrailingLoneBackslash()
    {
        Assert.Null(CommandTokenizer.Split("rsync a\\"u8, 100, out var why));
        Assert.Equal("lone backslash at the end of the command", why);
    }

    [Theory]
    [InlineData(new byte[] { 0x72, 0x00, 0x78 }, "NUL (0x00) at byte 1")]
    [InlineData(new byte[] { 0x72, 0x09, 0x78 }, "TAB (0x09) at byte 1")]
    [InlineData(new byte[] { 0x72, 0x7f }, "DEL (0x7f) at byte 1")]
    [InlineData(new byte[] { 0x2f, 0xe2, 0x80, 0xa5 }, "non-ASCII byte 0xe2 at byte 1")]
    public void ControlAndNonAsciiBytes_AreRefusedBeforeSplitting(byte[] raw, string reason)
    {
        Assert.StartsWith(reason, Decide(raw).Reason);
    }

    [Fact]
    public void Unset_And_Empty_AreInteractive()
    {
        Assert.True(Guard.Decide(AttackCorpus.Policy, null, Client.Unknown).Interactive);
        Assert.True(Decide([]).Interactive);
        Assert.False(Decide("   ").Accepted);
    }

    [Fact]
    public void EscapedDots_DecodeToDotDot_AndAreRefused()
    {
        var v = Decide("rsync --server --sender -logDtpr . /data/backup/.\\./etc");
        Assert.Equal("'/data/backup/../etc' has a '..' component", v.Reason);
    }

    [Fact]
    public void AcceptedRsync_ExecsRsyncByAbsolutePath_WithDashDashBeforeTheDot()
    {
        var v = Decide("rsync --server -logDtpre.iLsfxCIvu --link-dest /data/backup/a . /data/backup/b/");
        Assert.Equal(["/usr/bin/rsync", "--server", "-logDtpre.iLsfxCIvu", "--link-dest", "/data/backup/a",
            "--confine-root=/data/backup", "--munge-links", "--drop-D", "--", ".", "/data/backup/b/"], v.Argv);
        var pull = Decide("rsync --server --sender -logDtpr . /data/backup/b/ /data/backup/c/");
        Assert.Equal(["/usr/bin/rsync", "--server", "--sender", "-logDtpr", "--confine-root=/data/backup", "--munge-links", "--", ".", "/data/backup/b/", "/data/backup/c/"], pull.Argv);
    }

    [Fact]
    public void AcceptedRotate_ExecsTheConfiguredOpskit()
    {
        var v = Decide("opskit snapshot rotate --root=/data/backup/web01 --older-than 30d --dry-run");
        Assert.Equal(["/usr/local/bin/opskit", "snapshot", "rotate", "--root=/data/backup/web01", "--older-than", "30d", "--dry-run"], v.Argv);
    }

    [Theory]
    [InlineData("rsync --server -logDtpr --timeout=86401 . /data/backup/x", "--timeout=86401 is out of range (0..86400)")]
    [InlineData("rsync --server -logDtpr --checksum-choice=md5,md4,sha1 . /data/backup/x", "--checksum-choice takes at most 2 items")]
    [InlineData("rsync --server --sender -logDtpr --from0 . /data/backup/x", "--from0 is only allowed together with --files-from")]
    [InlineData("rsync --server -logDtpr --files-from=- . /data/backup/x", "--files-from is allowed in a pull only")]
    [InlineData("rsync --server -logDtpr --del . /data/backup/x", "option --del is not allowed")]
    [InlineData("rsync --server -logDtpr -- . /data/backup/x", "'--' is not accepted from the client (the hook places it before '.')")]
    [InlineData("rsync --server - . /data/backup/x", "'-' alone is not an option")]
    [InlineData("rsync --server -logDtpre . /data/backup/x", "'e' in -logDtpre is not a capability block (e[digits].[letters]); -e takes a command")]
    [InlineData("rsync --server -logDtpr --sender . /data/backup/x", "--sender is only accepted as the first option")]
    [InlineData("rsync --server -logDtpr . /data/backup/x/*", "glob character '*' is not allowed here")]
    public void RsyncOptionRules_SayWhy(string command, string reason)
    {
        Assert.Equal(reason, Decide(command).Reason);
    }

    private static SshPolicy WithKeys() => PolicyReader.ReadText(Encoding.UTF8.GetBytes("""
        roots = ["/data/backup"]
        from = ["10.0.0.0/8", "2001:db8::/32"]
        [rsync]
        short = "logDtpr"
        [key.web01]
        direction = "push"
        [key.restore]
        from = ["10.9.0.0/16"]
        direction = "pull"
        """), "keys.toml", "keys");

    [Fact]
    public void Keys_AndNetworks_NarrowWhatALabelMayDo()
    {
        var p = WithKeys();
        const string inside = "10.1.2.3";
        const string push = "rsync --server -logDtpr . /data/backup/x";
        const string pull = "rsync --server --sender -logDtpr . /data/backup/x";

        Assert.True(Decide(push, new Client(inside, "web01"), p).Accepted);
        Assert.Equal("pull is not allowed by this key", Decide(pull, new Client(inside, "web01"), p).Reason);
        Assert.Equal("key label 'db02' is not in the policy", Decide(push, new Client(inside, "db02"), p).Reason);
        Assert.Equal("the policy names keys but the hook was given no --label", Decide(push, new Client(inside, null), p).Reason);
        Assert.Contains("client 192.0.2.1 is not in the policy's networks", Decide(push, new Client("192.0.2.1", "web01"), p).Reason);
        Assert.Contains("is not in the key restore's networks", Decide(pull, new Client(inside, "restore"), p).Reason);
        Assert.True(Decide(pull, new Client("::ffff:10.9.1.1", "restore"), p).Accepted);
        Assert.True(Decide(push, new Client("2001:db8::5", "web01"), p).Accepted);
        Assert.Contains("client address unknown", Decide(push, new Client(null, "web01"), p).Reason);
    }
}
