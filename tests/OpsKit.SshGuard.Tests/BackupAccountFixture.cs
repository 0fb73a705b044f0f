// The deployment the threat model is about: a real sshd, an unprivileged backup
// account whose authorized_keys line (written by "opskit ssh authorize") locks its key
// to the hook under backup-v2 with --label web01, the account's own ~/.ssh as the prize,
// a second key's tree and snapshots beside it, and sshd accepting OPSKIT_*/DOTNET_* from clients.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

/// <summary>One account and one sshd for every class that needs them: they change the account's authorized_keys
/// and must not run beside each other.</summary>
[CollectionDefinition(BackupAccountFixture.Collection)]
public sealed class BackupAccountCollection : ICollectionFixture<BackupAccountFixture>
{
}

/// <summary>sshd with an unprivileged backup account (root only; else empty and the [RootFact] tests skip).</summary>
public sealed class BackupAccountFixture : IDisposable
{
    /// <summary>The xunit collection of the tests that use the account.</summary>
    public const string Collection = "backup account";

    private readonly TempDir _dir = new("opskit-ssh-account");
    private Process? _sshd;

    /// <summary>Creates the account, the tree and sshd.</summary>
    public BackupAccountFixture()
    {
        if (!Host.IsRoot) return;
        // The account must reach its home, the binary and the log below our temp folder.
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        User = $"okbk{Environment.ProcessId % 100000}";
        Home = _dir.File("home");
        // "*": no password, yet not locked ("!"), which sshd without PAM would refuse even for a key.
        Run("/usr/sbin/useradd", "-M", "-d", Home, "-s", "/bin/sh", "-p", "*", User);
        try
        {
            Setup(out var uid, out var binary);
            Uid = uid;
            Binary = binary;
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw: leave no account behind.
            Dispose();
            throw;
        }
    }

    private void Setup(out string uid, out string binary)
    {
        uid = Run("/usr/bin/id", "-u", User).StandardOutput.Trim();
        Directory.CreateDirectory(Path.Combine(Home, ".ssh"));

        // The binary, copied where the account can run it (the repository may sit in a private folder).
        var bin = _dir.File("bin");
        CopyDir(Path.GetDirectoryName(RepoPaths.OpskitBinary)!, bin);
        binary = Path.Combine(bin, Path.GetFileName(RepoPaths.OpskitBinary));
        var binaryPath = binary;

        Backup = _dir.File("data", "backup");
        Snapshots = _dir.File("data", "snapshots");
        Outside = _dir.File("outside");
        foreach (var d in new[] { Path.Combine(Backup, "web01"), Path.Combine(Backup, "web02"), Path.Combine(Snapshots, "web01"), Path.Combine(Snapshots, "web02"), Outside, _dir.File("log") })
            Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(Backup, "web02", "canary.txt"), "web02's backup\n");
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "outside the root\n");

        var etc = _dir.File("etc");
        Directory.CreateDirectory(etc);
        Log = _dir.File("log", "sshval.log");
        Config = _dir.Write("etc/opskit.toml", $"[log]\nfile = \"{Log}\"\nsyslog = false\n");
        PolicyFile = _dir.Write("etc/backup-v2.toml", File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v2.toml"))
            .Replace("/data/backup/{label}", Backup + "/{label}", StringComparison.Ordinal)
            .Replace("/data/snapshots/{label}", Snapshots + "/{label}", StringComparison.Ordinal)
            .Replace("exec = \"/usr/bin/opskit\"", $"exec = \"{binaryPath}\"", StringComparison.Ordinal));

        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", _dir.File("host_key"));
        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "web01@client", "-f", _dir.File("client_key"));
        var line = OpskitProcess.Run(["ssh", "authorize", "--config", Config, "--policy", PolicyFile, "--key", _dir.File("client_key.pub"),
            "--label", "web01", "--program", binaryPath]);
        if (line.ExitCode != 0) throw new InvalidOperationException(line.StandardError);
        AuthorizedKeys = Path.Combine(Home, ".ssh", "authorized_keys");
        AuthorizedKeysText = line.StandardOutput.Trim() + "\n";
        File.WriteAllText(AuthorizedKeys, AuthorizedKeysText);
        // What the account owns: its home and its trees; root keeps the config, the policy and the binary.
        foreach (var owned in new[] { Home, Backup, Snapshots, Outside, _dir.File("log") })
            Run("/bin/chown", "-R", $"{User}:{User}", owned);

        Port = SshdProcess.FreePort();
        File.WriteAllText(_dir.File("sshd_config"), $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {_dir.File("host_key")}
            PidFile none
            UsePAM no
            StrictModes no
            AllowUsers {User}
            AuthorizedKeysFile {AuthorizedKeys}
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AcceptEnv LANG OPSKIT_* DOTNET_*
            LogLevel VERBOSE
            """);
        _sshd = SshdProcess.Start(_dir.File("sshd_config"), Port, SshdOutput);
    }

    /// <summary>The account's name.</summary>
    public string User { get; private set; } = "";

    /// <summary>Its uid.</summary>
    public string Uid { get; private set; } = "";

    /// <summary>Its home (holds .ssh/authorized_keys, the prize of a symlink escape).</summary>
    public string Home { get; private set; } = "";

    /// <summary>The backup area: web01 is this key's, web02 another key's.</summary>
    public string Backup { get; private set; } = "";

    /// <summary>The snapshot store, out of the pushes' reach.</summary>
    public string Snapshots { get; private set; } = "";

    /// <summary>A folder outside every root, owned by the account (so only the hook stands in the way).</summary>
    public string Outside { get; private set; } = "";

    /// <summary>The hook's log.</summary>
    public string Log { get; private set; } = "";

    /// <summary>The hook's config (root's).</summary>
    public string Config { get; private set; } = "";

    /// <summary>backup-v2 with the fixture's paths (root's).</summary>
    public string PolicyFile { get; private set; } = "";

    /// <summary>The opskit the account runs.</summary>
    public string Binary { get; private set; } = "";

    /// <summary>~/.ssh/authorized_keys.</summary>
    public string AuthorizedKeys { get; private set; } = "";

    /// <summary>Its content as written.</summary>
    public string AuthorizedKeysText { get; private set; } = "";

    /// <summary>The client's private key.</summary>
    public string ClientKey => _dir.File("client_key");

    /// <summary>The client's public key line.</summary>
    public string ClientPublicKey => File.ReadAllText(_dir.File("client_key.pub"));

    /// <summary>sshd's port.</summary>
    public int Port { get; private set; }

    /// <summary>What sshd printed.</summary>
    public List<string> SshdOutput { get; } = [];

    /// <summary>A scratch path of the client side.</summary>
    public string ClientPath(params string[] parts) => _dir.File(["client", .. parts]);

    /// <summary>ssh options for rsync -e and for direct commands.</summary>
    public string[] SshArgs =>
    [
        "/usr/bin/ssh", "-i", _dir.File("client_key"), "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
    ];

    /// <summary>The account at the server.</summary>
    public string Target => $"{User}@127.0.0.1";

    /// <summary>Runs one command over ssh as the account; extra ssh options first.</summary>
    public CommandResult Ssh(string command, params string[] options) =>
        Run(SshArgs[0], [.. SshArgs[1..], .. options, Target, command]);

    /// <summary>Runs rsync with -e set to our ssh.</summary>
    public CommandResult Rsync(params string[] args) => Run("/usr/bin/rsync", ["-e", string.Join(' ', SshArgs), .. args]);

    /// <summary>Runs a local program (60 s at most).</summary>
    public static CommandResult Run(string program, params string[] args)
    {
        var r = new ProcessRunner().RunAsync(new CommandSpec(program, args) { Timeout = TimeSpan.FromSeconds(60), StandardInput = [] }).GetAwaiter().GetResult();
        if (r.ExitCode != 0 && (program.EndsWith("ssh-keygen", StringComparison.Ordinal) || program.EndsWith("useradd", StringComparison.Ordinal) || program.EndsWith("chown", StringComparison.Ordinal)))
            throw new InvalidOperationException($"{program}: {r.StandardError}");
        return r;
    }

    /// <summary>Makes a path the account's (lchown: a symlink itself, not its target).</summary>
    public void GiveToAccount(string path) => Run("/bin/chown", "-h", $"{User}:{User}", path);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_sshd is not null)
        {
            if (!_sshd.HasExited) _sshd.Kill();
            _sshd.WaitForExit(5000);
            _sshd.Dispose();
        }
        if (User.Length > 0) Run("/usr/sbin/userdel", User);
        _dir.Dispose();
    }

    private static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
