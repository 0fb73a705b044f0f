// "ssh test" and "ssh authorize" through the built binary, as an admin uses them.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-cli");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SshTest_ExplainsEachWord_AndShowsWhatWouldRun()
    {
        var r = OpskitProcess.Run("--no-config", "ssh", "test", "--policy", AttackCorpus.PolicyFile, "--",
            "rsync --server --sender -logDtpRe.LsfxCIvu --files-from=- --from0 . /data/backup/my\\ host/");

        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\n-logDtpRe\.LsfxCIvu +short options l o g D t p R, capabilities e\.LsfxCIvu\n", r.StandardOutput);
        Assert.Matches(@"\n--files-from=- +--files-from = - \(one of -\)\n", r.StandardOutput);
        Assert.Contains("verdict: accept (rsync pull)", r.StandardOutput);
        Assert.Contains("exec:    /usr/bin/rsync --server --sender -logDtpRe.LsfxCIvu --files-from=- --from0 --confine-root=/data/backup --munge-links -- . '/data/backup/my host/'", r.StandardOutput);
    }

    [Fact]
    public void SshTest_MarksTheRefusedWord_AndExitsOne()
    {
        var r = OpskitProcess.Run("--no-config", "ssh", "test", "--policy", AttackCorpus.PolicyFile, "--json", "--",
            "rsync", "--server", "-vlogDtpre.iLsfxCIvu", "--rsh=/bin/sh", ".", "/data/backup/web01/");

        Assert.Equal(1, r.ExitCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(r.StandardOutput)!;
        Assert.False((bool)json["accepted"]!);
        Assert.Equal("option --rsh is not allowed", (string?)json["reason"]);
        var last = json["words"]!.AsArray()[^1]!;
        Assert.Equal("--rsh=/bin/sh", (string?)last["word"]);
        Assert.True((bool)last["refused"]!);
    }

    [Fact]
    public void SshTest_ReadsExactBytesFromAFile()
    {
        var file = _dir.File("cmd");
        File.WriteAllBytes(file, "rsync --server -logDtpr . /data/backup/x\0y"u8.ToArray());
        var r = OpskitProcess.Run("--no-config", "ssh", "test", "--policy", AttackCorpus.PolicyFile, "--file", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("command: rsync --server -logDtpr . /data/backup/x\\x00y", r.StandardOutput);
        Assert.Contains("verdict: reject (NUL (0x00) at byte 40: only printable ASCII is accepted)", r.StandardOutput);
    }

    [Fact]
    public void SshAuthorize_PrintsARestrictedLine()
    {
        var key = _dir.Write("id.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOVKpkbXo0VA1ps7zdljPvZWsW09Dzl8Y5lLqPaA2Ws0 backup@web01\n");
        var r = OpskitProcess.Run("--no-config", "ssh", "authorize", "--policy", "backup-v1", "--key", key, "--label", "web01",
            "--from", "192.168.3.0/24", "--from", "2001:db8::/32", "--program", "/usr/local/bin/opskit");

        // A policy named (not a file) must exist: --no-config has none, so the name is refused.
        Assert.Equal(78, r.ExitCode);
        r = OpskitProcess.Run("--no-config", "ssh", "authorize", "--policy", AttackCorpus.PolicyFile, "--key", key, "--label", "web01",
            "--from", "192.168.3.0/24", "--from", "2001:db8::/32", "--program", "/usr/local/bin/opskit");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"restrict,from=\"192.168.3.0/24,2001:db8::/32\",command=\"/usr/local/bin/opskit ssh validate --policy {AttackCorpus.PolicyFile} --label web01\" " +
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOVKpkbXo0VA1ps7zdljPvZWsW09Dzl8Y5lLqPaA2Ws0 backup@web01\n", r.StandardOutput);
    }

    [Theory]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "expected one public key line, found 3")]
    [InlineData("ssh-ed25519 AAAA a\nssh-ed25519 BBBB b\n", "expected one public key line, found 2")]
    [InlineData("command=\"x\" ssh-ed25519 AAAA a\n", "not a public key line")]
    public void SshAuthorize_RefusesWhatIsNotOnePublicKey(string content, string message)
    {
        var key = _dir.Write("bad.pub", content);
        var r = OpskitProcess.Run("--no-config", "ssh", "authorize", "--policy", AttackCorpus.PolicyFile, "--key", key);

        Assert.Equal(65, r.ExitCode);
        Assert.Contains($"opskit: {key}: {message}", r.StandardError);
    }
}
