// A real OpenSSH server on a loopback port for the end-to-end tests: its own host
// key, config and authorized_keys in a temp dir, root allowed only with a forced command.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

/// <summary>One sshd for a test class, the client key locked to "opskit ssh validate" through "opskit ssh authorize".</summary>
public sealed class SshdFixture : IDisposable
{
    /// <summary>The classes that log in as root over their own sshd, one after the other: each makes a hundred
    /// logins, and beside each other they overload root's login shell.</summary>
    public const string Collection = "root sshd";

    private readonly TempDir _dir = new("opskit-ssh-e2e");
    private Process? _sshd;

    /// <summary>Starts sshd (as root only; otherwise the fixture stays empty and the [RootFact] tests are skipped).</summary>
    public SshdFixture()
    {
        if (!Host.IsRoot) return;
        Root = _dir.File("data", "backup");
        Directory.CreateDirectory(Root);
        Log = _dir.File("sshval.log");
        Config = _dir.Write("opskit.toml", $"[log]\nfile = \"{Log}\"\nsyslog = false\n");
        var policy = File.ReadAllText(AttackCorpus.PolicyFile).Replace("roots = [\"/data/backup\"]", $"roots = [\"{Root}\"]", StringComparison.Ordinal)
            // The snapshot-rotate rule execs the opskit under test, not an installed one.
            .Replace("exec = \"/usr/local/bin/opskit\"", $"exec = \"{RepoPaths.OpskitBinary}\"", StringComparison.Ordinal);
        PolicyFile = _dir.Write("backup-e2e.toml", policy);
        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", _dir.File("host_key"));
        Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "backup@client", "-f", _dir.File("client_key"));
        AuthorizedKeysLine = OpskitProcess.Run(["ssh", "authorize", "--config", Config, "--policy", PolicyFile,
            "--key", _dir.File("client_key.pub"), "--label", "e2e", "--from", "127.0.0.1/32"]).StandardOutput.Trim();
        File.WriteAllText(_dir.File("authorized_keys"), AuthorizedKeysLine + "\n");
        Port = SshdProcess.FreePort();
        File.WriteAllText(_dir.File("sshd_config"), $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {_dir.File("host_key")}
            PidFile none
            UsePAM no
            StrictModes no
            PermitRootLogin forced-commands-only
            AuthorizedKeysFile {_dir.File("authorized_keys")}
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            LogLevel VERBOSE
            Subsystem sftp /usr/lib/openssh/sftp-server
            """);
        _sshd = SshdProcess.Start(_dir.File("sshd_config"), Port, SshdOutput);
        // One master connection up front, so parallel clients all find it: with ControlMaster=auto
        // the first few would race to become master and the losers print "ControlSocket ... already
        // exists, disabling multiplexing" on stderr. -N runs no command, so the forced command is not run.
        var master = Run("/usr/bin/ssh", [.. SshArgs[1..], "-o", "ControlMaster=yes", "-N", "-f", "root@127.0.0.1"]);
        if (master.ExitCode != 0) throw new InvalidOperationException($"ssh master connection: {master.StandardError}");
    }

    /// <summary>The /data/backup-like root the policy confines to.</summary>
    public string Root { get; } = "";

    /// <summary>The hook's log file.</summary>
    public string Log { get; } = "";

    /// <summary>opskit.toml with [log] file.</summary>
    public string Config { get; } = "";

    /// <summary>backup-v1 with the root moved to <see cref="Root"/>.</summary>
    public string PolicyFile { get; } = "";

    /// <summary>The line "opskit ssh authorize" printed.</summary>
    public string AuthorizedKeysLine { get; } = "";

    /// <summary>The client's private key.</summary>
    public string ClientKey => _dir.File("client_key");

    /// <summary>sshd's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>What sshd wrote on stderr.</summary>
    public List<string> SshdOutput { get; } = [];

    /// <summary>A scratch path.</summary>
    public string Path(params string[] parts) => _dir.File(parts);

    /// <summary>The ssh client command with its options (shared connection through ControlMaster).</summary>
    public string[] SshArgs =>
    [
        "/usr/bin/ssh", "-i", _dir.File("client_key"), "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
        "-o", $"ControlPath={_dir.File("cm-%C")}", "-o", "ControlPersist=600",
    ];

    /// <summary>Runs "ssh root@127.0.0.1 COMMAND" (one argument, so SSH_ORIGINAL_COMMAND is exactly it); null: no command.</summary>
    public CommandResult Ssh(string? command, params string[] extraOptions)
    {
        List<string> args = [.. SshArgs[1..], .. extraOptions, "root@127.0.0.1"];
        if (command is not null) args.Add(command);
        return new ProcessRunner().RunAsync(new CommandSpec(SshArgs[0], args) { Timeout = TimeSpan.FromSeconds(30), StandardInput = [] })
            .GetAwaiter().GetResult();
    }

    /// <summary>Runs a local program.</summary>
    public static CommandResult Run(string program, params string[] args)
    {
        var r = new ProcessRunner().RunAsync(new CommandSpec(program, args) { Timeout = TimeSpan.FromSeconds(60) }).GetAwaiter().GetResult();
        if (r.ExitCode != 0 && program.EndsWith("ssh-keygen", StringComparison.Ordinal)) throw new InvalidOperationException(r.StandardError);
        return r;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_sshd is not null)
        {
            Run("/usr/bin/ssh", [.. SshArgs[1..], "-O", "exit", "root@127.0.0.1"]);
            if (!_sshd.HasExited) _sshd.Kill();
            _sshd.WaitForExit(5000);
            _sshd.Dispose();
        }
        _dir.Dispose();
    }
}
