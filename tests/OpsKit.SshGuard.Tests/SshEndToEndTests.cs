// End to end over a real sshd: rsync backups work through the hook, no refused
// command runs (a snapshot of the tree stays the same), every decision is logged.
using System.Text;
using OpsKit.SshGuard.Hook;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

[Collection(SshdFixture.Collection)]
public sealed class SshEndToEndTests(SshdFixture sshd) : IClassFixture<SshdFixture>
{
    private string Rsh => string.Join(' ', sshd.SshArgs);

    private static string Tree(string dir) => string.Join('\n', Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(p => $"{Path.GetRelativePath(dir, p)} {(File.Exists(p) ? File.ReadAllText(p) : "<dir>")} {File.GetLastWriteTimeUtc(p):O}"));

    private string MakeSource(string name)
    {
        var src = sshd.Path(name);
        Directory.CreateDirectory(Path.Combine(src, "etc", "cron.d"));
        File.WriteAllText(Path.Combine(src, "etc", "hosts"), "127.0.0.1 localhost\n");
        File.WriteAllText(Path.Combine(src, "etc", "cron.d", "backup"), "0 3 * * * root /usr/local/bin/backup\n");
        File.WriteAllText(Path.Combine(src, "my file.txt"), "a name with a space\n");
        File.CreateSymbolicLink(Path.Combine(src, "hosts.link"), "etc/hosts");
        return src;
    }

    /// <summary>
    /// What the forced command wrote on stderr. sshd runs it through root's shell, and bash started by sshd
    /// reads ~/.bashrc first; what that prints (on this VM pyenv's "cannot rehash" when logins run in parallel)
    /// comes before our output and is not ours. Everything from the first "opskit" line on is ours.
    /// </summary>
    private static string[] OurStderr(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(lines, l => l.StartsWith("opskit", StringComparison.Ordinal));
        return first < 0 ? lines : lines[first..];
    }

    [RootFact]
    public void RsyncPushAndPull_ThroughTheHook_CopyTheTree_AndHardLinkSnapshots()
    {
        var src = MakeSource("src-push");
        var day1 = Path.Combine(sshd.Root, "web01", "2026-01-01");
        var day2 = Path.Combine(sshd.Root, "web01", "2026-01-02");

        var push = SshdFixture.Run("/usr/bin/rsync", "-aH", "--numeric-ids", "--mkpath", "-e", Rsh, src + "/", $"root@127.0.0.1:{day1}/");
        Assert.True(push.ExitCode == 0, push.StandardError);
        var snap = SshdFixture.Run("/usr/bin/rsync", "-a", "--delete", "--link-dest", day1, "-e", Rsh, src + "/", $"root@127.0.0.1:{day2}/");
        Assert.True(snap.ExitCode == 0, snap.StandardError);
        var restore = sshd.Path("restore");
        var pull = SshdFixture.Run("/usr/bin/rsync", "-a", "-e", Rsh, $"root@127.0.0.1:{day2}/", restore + "/");
        Assert.True(pull.ExitCode == 0, pull.StandardError);

        Assert.Equal("a name with a space\n", File.ReadAllText(Path.Combine(day1, "my file.txt")));
        // Stored munged (the hook adds --munge-links): no later transfer can follow it; a pull gives it back as sent.
        Assert.Equal("/rsyncd-munged/etc/hosts", new FileInfo(Path.Combine(day1, "hosts.link")).LinkTarget);
        Assert.Equal(Inode(Path.Combine(day1, "etc", "hosts")), Inode(Path.Combine(day2, "etc", "hosts")));
        Assert.Equal(File.ReadAllText(Path.Combine(src, "etc", "cron.d", "backup")), File.ReadAllText(Path.Combine(restore, "etc", "cron.d", "backup")));
        Assert.Equal("etc/hosts", new FileInfo(Path.Combine(restore, "hosts.link")).LinkTarget);
        var log = File.ReadAllText(sshd.Log);
        Assert.Contains($"ssh command accepted from 127.0.0.1: rsync --server -logDtpre.iLsfxCIvu --delete --link-dest {day1} . {day2}/ [key e2e]", log);
        Assert.Contains($"ssh command accepted from 127.0.0.1: rsync --server --sender -logDtpre.iLsfxCIvu . {day2}/ [key e2e]", log);
    }

    [RootFact]
    public void EveryRefusedCorpusCommand_OverSsh_RunsNothing_AndIsLogged()
    {
        var marker = Path.Combine(sshd.Root, "web01", "marker");
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        File.WriteAllText(marker, "untouched\n");
        var before = Tree(sshd.Root);
        var failures = new List<string>();
        var refused = AttackCorpus.Cases.Where(c => !c.Accept).ToList();
        Parallel.ForEach(refused, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c =>
        {
            // Point the attacks at the test's root, so the root is never the reason for the refusal.
            var text = c.Command is null ? null : Encoding.Latin1.GetString(c.Command).Replace("/data/backup", sshd.Root, StringComparison.Ordinal);
            var bytes = text is null ? null : Encoding.Latin1.GetBytes(text);
            var expected = Guard.Decide(PolicyLoaderFor(sshd.PolicyFile), bytes, new Client("127.0.0.1", "e2e"));
            var r = sshd.Ssh(text is null || text.Length == 0 ? null : text, "-T");
            string? problem = null;
            if (expected.Accepted) problem = "accepted by the pure function after moving the root";
            else if (r.ExitCode != 1) problem = $"ssh exit {r.ExitCode}: {r.StandardError}";
            else if (OurStderr(r.StandardError) is not [var line] || !line.StartsWith("opskit: ", StringComparison.Ordinal))
                problem = $"stderr is not one refusal line: {r.StandardError}";
            else if (r.StandardOutput.Length > 0) problem = $"stdout: {r.StandardOutput}";
            if (problem is not null) lock (failures) failures.Add($"line {c.Line} ({c.Why}): {problem}");
        });
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, Tree(sshd.Root));
        var log = File.ReadAllText(sshd.Log);
        foreach (var c in refused)
        {
            if (c.Command is null || c.Command.Length == 0)
            {
                Assert.Contains("interactive shell rejected from 127.0.0.1 [key e2e]", log);
                continue;
            }
            var text = Encoding.Latin1.GetString(c.Command).Replace("/data/backup", sshd.Root, StringComparison.Ordinal);
            Assert.Contains($"ssh command rejected from 127.0.0.1: {DecisionLog.Printable(Encoding.Latin1.GetBytes(text))}", log);
        }
    }

    [RootFact]
    public void DaemonOverSsh_WithAnUploadedConfig_IsRefused_AndItsPreXferExecNeverRuns()
    {
        var proof = sshd.Path("daemon-ran");
        var upload = sshd.Path("upload");
        Directory.CreateDirectory(upload);
        File.WriteAllText(Path.Combine(upload, "rsyncd.conf"), $"[m]\npath = {sshd.Root}\npre-xfer exec = /usr/bin/touch {proof}\n");
        var dest = Path.Combine(sshd.Root, "evil");
        var push = SshdFixture.Run("/usr/bin/rsync", "-a", "--mkpath", "-e", Rsh, upload + "/", $"root@127.0.0.1:{dest}/");
        Assert.True(push.ExitCode == 0, push.StandardError);

        var daemon = sshd.Ssh($"rsync --server --daemon --config={dest}/rsyncd.conf .", "-T");
        var dparam = sshd.Ssh($"rsync --server --daemon --dparam=pre-xfer\\ exec=/usr/bin/touch\\ {proof} .", "-T");
        var viaClient = SshdFixture.Run("/usr/bin/rsync", "-a", "-e", Rsh, "--rsync-path", $"rsync --daemon --config={dest}/rsyncd.conf", "root@127.0.0.1::m/", sshd.Path("got") + "/");

        Assert.Equal(1, daemon.ExitCode);
        Assert.Contains("option --daemon is not allowed", daemon.StandardError);
        Assert.Equal(1, dparam.ExitCode);
        Assert.NotEqual(0, viaClient.ExitCode);
        Assert.False(File.Exists(proof), "pre-xfer exec ran");
    }

    [RootFact]
    public void OptionAfterTheDot_IsRefused_AndTheLogFileIsNotWritten()
    {
        var target = sshd.Path("popt-log-file");
        var r = sshd.Ssh($"rsync --server -vlogDtpre.iLsfxCIvu . {sshd.Root}/web01/ --log-file={target}", "-T");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("opskit: command refused: option-like word after '.' (rsync would still parse it)\n", r.StandardError);
        Assert.False(File.Exists(target));
    }

    [RootFact]
    public void InteractiveLogin_AndSftp_AreRefused_InOneLine()
    {
        var shell = sshd.Ssh(null, "-T");
        var sftp = SshdFixture.Run("/usr/bin/sftp", ["-b", "/dev/null", .. sshd.SshArgs[1..].Where(a => a != "-p"), "-P", sshd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "root@127.0.0.1"]);

        Assert.Equal(1, shell.ExitCode);
        Assert.Equal(["opskit: interactive login refused: this key may only run the commands its policy allows"], OurStderr(shell.StandardError));
        Assert.NotEqual(0, sftp.ExitCode);
        Assert.Contains("ssh command rejected from 127.0.0.1: /usr/lib/openssh/sftp-server (program '/usr/lib/openssh/sftp-server' is not allowed) [key e2e]", File.ReadAllText(sshd.Log));
    }

    [RootFact]
    public void AuthorizedKeysLine_RestrictsTheKey_ToTheHookFromLoopback()
    {
        Assert.Matches("^restrict,from=\"127.0.0.1/32\",command=\"/\\S+/opskit ssh validate --config /\\S+/opskit.toml --policy /\\S+/backup-e2e.toml --label e2e\" ssh-ed25519 AAAA\\S+ backup@client$",
            sshd.AuthorizedKeysLine);
    }

    private static Policy.SshPolicy PolicyLoaderFor(string file) => Policy.PolicyReader.ReadFile(file);

    private static ulong Inode(string path)
    {
        var r = SshdFixture.Run("/usr/bin/stat", "-c", "%i", path);
        return ulong.Parse(r.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
