// One test per attack of the adversarial review, over real sshd and rsync, the hook
// running as an unprivileged account under backup-v2: each refused (or made harmless),
// logged, and nothing outside the key's root touched (checked by content and a canary).
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

[Collection(BackupAccountFixture.Collection)]
public sealed class BackupAccountAttackTests(BackupAccountFixture account)
{
    private string Web01 => Path.Combine(account.Backup, "web01");

    private string Source(string name, Action<string> fill)
    {
        var dir = account.ClientPath(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        fill(dir);
        return dir;
    }

    private void AssertNothingOutsideChanged()
    {
        Assert.Equal(account.AuthorizedKeysText, File.ReadAllText(account.AuthorizedKeys));
        Assert.Equal(["authorized_keys"], Directory.EnumerateFileSystemEntries(Path.Combine(account.Home, ".ssh")).Select(Path.GetFileName));
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(account.Outside).Select(Path.GetFileName));
        Assert.Equal("web02's backup\n", File.ReadAllText(Path.Combine(account.Backup, "web02", "canary.txt")));
    }

    private string LogTail(int lines) => string.Join('\n', File.ReadAllLines(account.Log).TakeLast(lines));

    [RootFact]
    public void APushedSymlink_IsStoredUnusable_AndAPushThroughItIsRefused()
    {
        var src = Source("plant", d => File.CreateSymbolicLink(Path.Combine(d, "evil"), Path.Combine(account.Home, ".ssh")));
        var plant = account.Rsync("-rl", src + "/", $"{account.Target}:{Web01}/a/");
        Assert.True(plant.ExitCode == 0, plant.StandardError);
        var stored = new FileInfo(Path.Combine(Web01, "a", "evil")).LinkTarget;
        Assert.StartsWith("/rsyncd-munged/", stored);

        var keys = Source("keys", d => File.WriteAllText(Path.Combine(d, "authorized_keys"), "ssh-ed25519 AAAA attacker\n"));
        var through = account.Rsync("-r", keys + "/", $"{account.Target}:{Web01}/a/evil/");
        Assert.NotEqual(0, through.ExitCode);
        Assert.Contains("passes through a symbolic link", through.StandardError);
        Assert.Contains($"/a/evil/ (", LogTail(1));

        // The same file sent as part of a tree whose evil/ is a folder: the link is replaced or the write fails, never followed.
        var tree = Source("tree", d =>
        {
            Directory.CreateDirectory(Path.Combine(d, "evil"));
            File.WriteAllText(Path.Combine(d, "evil", "authorized_keys"), "ssh-ed25519 AAAA attacker\n");
        });
        account.Rsync("-r", tree + "/", $"{account.Target}:{Web01}/a/");
        AssertNothingOutsideChanged();

        // A pull gives the client back the link it pushed, un-munged.
        var restore = account.ClientPath("restore-" + Guid.NewGuid().ToString("N")[..8]);
        var pull = account.Rsync("-rl", $"{account.Target}:{Web01}/a/", restore + "/");
        Assert.True(pull.ExitCode == 0, pull.StandardError);
    }

    [RootFact]
    public void ASymlinkMadeOnTheServer_LetsNoPushWriteAndNoPullReadOutside()
    {
        var planted = Path.Combine(Web01, "planted");
        if (!File.Exists(planted) && !Directory.Exists(planted))
        {
            File.CreateSymbolicLink(planted, account.Outside);
            account.GiveToAccount(planted);
        }
        var payload = Source("payload", d => File.WriteAllText(Path.Combine(d, "dropped.txt"), "written through a link\n"));

        var push = account.Rsync("-r", payload + "/", $"{account.Target}:{Web01}/planted/");
        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("passes through a symbolic link", push.StandardError);

        var restore = account.ClientPath("pull-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(restore);
        foreach (var source in new[] { $"{Web01}/planted/secret.txt", $"{Web01}/planted/", $"{Web01}/*/secret.txt", $"{Web01}/plant?d/" })
        {
            var pull = account.Rsync("-r", $"{account.Target}:{source}", restore + "/");
            Assert.True(pull.ExitCode != 0, $"{source}: {pull.StandardError}");
            Assert.Contains("symbolic link", pull.StandardError);
        }
        // A recursive pull of the key's tree copies the link as a link (-l) or skips it, never what it points at.
        var whole = account.Rsync("-rl", $"{account.Target}:{Web01}/", restore + "/");
        Assert.True(whole.ExitCode == 0, whole.StandardError);
        // Walk without following links: the restored link points at the same absolute path on this machine.
        Assert.Empty(Directory.EnumerateFiles(restore, "secret.txt", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }));
        Assert.Equal(account.Outside, new FileInfo(Path.Combine(restore, "planted")).LinkTarget);
        Assert.Contains("rejected", LogTail(2));
        AssertNothingOutsideChanged();
    }

    [RootFact]
    public void DeleteAtTheParent_IsRefused_AndOtherKeysSurvive()
    {
        var empty = Source("empty", _ => { });
        foreach (var target in new[] { account.Backup + "/", Web01 + "/", Web01 })
        {
            var r = account.Rsync("-r", "--delete", empty + "/", $"{account.Target}:{target}");
            Assert.True(r.ExitCode != 0, $"{target}: {r.StandardError}");
            Assert.Contains("opskit: command refused:", r.StandardError);
        }
        var other = account.Rsync("-r", "--delete", empty + "/", $"{account.Target}:{account.Backup}/web02/");
        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("is outside", other.StandardError);
        AssertNothingOutsideChanged();
        Assert.Contains("rejected", LogTail(1));
    }

    [RootFact]
    public void Rotation_ThroughASymlinkedComponent_OrBelowTheFloor_IsRefused()
    {
        var other = Path.Combine(account.Snapshots, "web02", "s");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "keep.txt"), "web02's snapshots\n");
        var link = Path.Combine(account.Snapshots, "web01", "x");
        if (!File.Exists(link) && !Directory.Exists(link))
        {
            File.CreateSymbolicLink(link, Path.Combine(account.Snapshots, "web02"));
            account.GiveToAccount(link);
        }

        var through = account.Ssh($"opskit snapshot rotate --root {link} --keep 7");
        Assert.NotEqual(0, through.ExitCode);
        Assert.Contains("passes through a symbolic link", through.StandardError);
        var floor = account.Ssh($"opskit snapshot rotate --root {account.Snapshots}/web01 --keep 3");
        Assert.Contains("--keep=3 is out of range (7..9999)", floor.StandardError);
        var noFloor = account.Ssh($"opskit snapshot rotate --root {account.Snapshots}/web01 --older-than 1d");
        Assert.Contains("--keep is required", noFloor.StandardError);
        var mass = account.Ssh($"opskit snapshot rotate --root {account.Snapshots}/web01 --keep 7 --allow-mass-delete");
        Assert.Contains("--allow-mass-delete is not allowed", mass.StandardError);
        Assert.Equal("web02's snapshots\n", File.ReadAllText(Path.Combine(other, "keep.txt")));
    }

    [RootFact]
    public void SettingsSentThroughAcceptEnv_ChangeNothing()
    {
        var evilLog = account.ClientPath("evil.log");
        var evilPolicy = account.ClientPath("evil.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(evilPolicy)!);
        File.WriteAllText(evilPolicy, "roots = [\"/\"]\n[command.id]\nprograms = [\"id\"]\nexec = \"/usr/bin/id\"\n");
        File.WriteAllText(account.ClientPath("evil-config.toml"), $"[log]\nfile = \"{evilLog}\"\n[ssh]\ndefault_policy = \"{evilPolicy}\"\n");
        foreach (var (name, value) in new[]
        {
            ("OPSKIT_CONFIG", account.ClientPath("evil-config.toml")),
            ("OPSKIT_SSH_DEFAULT_POLICY", evilPolicy),
            ("OPSKIT_SSH_POLICY_DIR", Path.GetDirectoryName(evilPolicy)!),
            ("OPSKIT_LOG_FILE", evilLog),
            ("OPSKIT_LOG_SYSLOG", "false"),
            ("DOTNET_gcServer", "1"),
        })
        {
            var before = File.Exists(account.Log) ? File.ReadAllLines(account.Log).Length : 0;
            var r = account.Ssh("id", "-o", $"SetEnv={name}={value}");
            Assert.True(r.ExitCode != 0, $"{name}: {r.StandardOutput}");
            Assert.DoesNotContain("uid=", r.StandardOutput);
            Assert.Contains("opskit: command refused: program 'id' is not allowed", r.StandardError);
            var after = File.ReadAllLines(account.Log);
            Assert.Equal(before + 1, after.Length);
            Assert.Contains("ssh command rejected from 127.0.0.1: id (program 'id' is not allowed) [key web01]", after[^1]);
        }
        Assert.False(File.Exists(evilLog));
    }

    [RootFact]
    public void APolicyOthersCanWrite_RefusesEverything_AndSaysSoInTheLog()
    {
        var mode = File.GetUnixFileMode(account.PolicyFile);
        try
        {
            File.SetUnixFileMode(account.PolicyFile, mode | UnixFileMode.OtherWrite);
            var r = account.Rsync("-r", Source("any", _ => { }) + "/", $"{account.Target}:{Web01}/ok/");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("opskit: command refused: server-side policy error", r.StandardError);
            Assert.Contains("policy file not trusted", LogTail(1));
        }
        finally
        {
            File.SetUnixFileMode(account.PolicyFile, mode);
        }
        var ok = account.Rsync("-r", Source("any", d => File.WriteAllText(Path.Combine(d, "f"), "x")) + "/", $"{account.Target}:{Web01}/ok/");
        Assert.True(ok.ExitCode == 0, ok.StandardError);
        Assert.Equal("x", File.ReadAllText(Path.Combine(Web01, "ok", "f")));
    }
}

[Collection(BackupAccountFixture.Collection)]
public sealed class SshProbeTests(BackupAccountFixture account)
{
    private OpsKit.Core.Processes.CommandResult Probe(params string[] extra) =>
        OpskitProcess.Run(["--no-config", "ssh", "probe", account.Target, "--key", account.ClientKey, "--port", account.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", "5", .. extra],
            timeout: TimeSpan.FromMinutes(3));

    [RootFact]
    public void TheLineSshAuthorizeWrites_PassesEveryProbe()
    {
        var r = Probe("--policy", account.PolicyFile, "--label", "web01");
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Contains("PASS shell request: no shell", r.StandardOutput);
        Assert.Contains("PASS pty request: denied", r.StandardOutput);
        Assert.Contains("PASS port forwarding", r.StandardOutput);
        Assert.Contains("PASS NUL byte: refused by sshd", r.StandardOutput);
        Assert.Contains("PASS invalid UTF-8: refused by the hook: opskit: command refused: non-ASCII byte 0xc0", r.StandardOutput);
        Assert.Contains("PASS 64 KiB command: refused by the hook: opskit: command refused: command is 65563 bytes, over the limit of 8192", r.StandardOutput);
        Assert.Contains("PASS allowed: rsync pull:", r.StandardOutput);
        Assert.Contains($"PASS allowed: snapshot-rotate: 'opskit snapshot rotate --root={account.Snapshots}/web01 --keep=7 --dry-run' ran", r.StandardOutput);
        Assert.DoesNotContain("FAIL", r.StandardOutput);
        Assert.EndsWith("checks held\n", r.StandardOutput);
    }

    [RootFact]
    public void ALineWithoutRestrictOrCommand_FailsTheProbe()
    {
        try
        {
            File.WriteAllText(account.AuthorizedKeys, account.ClientPublicKey);
            var r = Probe();
            Assert.True(r.ExitCode == 1, r.StandardOutput + r.StandardError);
            Assert.Contains("FAIL shell request: a shell ran commands", r.StandardOutput);
            Assert.Contains("FAIL pty request", r.StandardOutput);
            Assert.Contains("FAIL port forwarding", r.StandardOutput);
            Assert.Contains("FAIL program: id: not refused by the hook (exit 0): stdout 'uid=", r.StandardOutput);
            Assert.Matches(@"probe: \d+ of \d+ checks failed\n$", r.StandardOutput);

            // restrict without the forced command: no pty, no forwarding, but commands run.
            File.WriteAllText(account.AuthorizedKeys, "restrict " + account.ClientPublicKey);
            var half = Probe();
            Assert.True(half.ExitCode == 1, half.StandardOutput + half.StandardError);
            Assert.Contains("PASS pty request", half.StandardOutput);
            Assert.Contains("FAIL program: id", half.StandardOutput);
        }
        finally
        {
            File.WriteAllText(account.AuthorizedKeys, account.AuthorizedKeysText);
        }
    }

    [Fact]
    public void ABadTarget_IsAUsageError()
    {
        var r = OpskitProcess.Run("--no-config", "ssh", "probe", "nohost", "--key", "/nonexistent");
        Assert.Equal(64, r.ExitCode);
        Assert.Equal("opskit: 'nohost': give the account and the server as USER@HOST\n", r.StandardError);
    }
}
