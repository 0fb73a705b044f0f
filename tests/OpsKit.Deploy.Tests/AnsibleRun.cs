// The role run the way an admin runs it: ansible-playbook (Debian's ansible-core) with deploy/ansible/site.yml
// over a real ssh connection to our own sshd on 127.0.0.1, into a scratch root (opskit_root), twice.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Deploy.Tests;

/// <summary>sshd, the variables, and the two playbook runs (as root only; otherwise empty and the tests skip).</summary>
public sealed partial class AnsibleRun : IDisposable
{
    private readonly TempDir _dir = new("opskit-ansible");
    private readonly Process? _sshd;

    /// <summary>Sets up and runs the playbook twice.</summary>
    public AnsibleRun()
    {
        if (!Host.IsRoot) return;
        try
        {
            Root = _dir.File("root");
            Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", _dir.File("host_key"));
            Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ansible@controller", "-f", _dir.File("ansible_key"));
            Run("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "web01@client", "-f", _dir.File("web01"));
            File.Copy(_dir.File("ansible_key.pub"), _dir.File("authorized_keys"));
            var port = SshdProcess.FreePort();
            File.WriteAllText(_dir.File("sshd_config"), $"""
                Port {port}
                ListenAddress 127.0.0.1
                HostKey {_dir.File("host_key")}
                PidFile none
                UsePAM no
                StrictModes no
                PermitRootLogin prohibit-password
                AuthorizedKeysFile {_dir.File("authorized_keys")}
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                Subsystem sftp /usr/lib/openssh/sftp-server
                """);
            _sshd = SshdProcess.Start(_dir.File("sshd_config"), port, SshdOutput);

            File.WriteAllText(_dir.File("inventory.ini"), $"""
                [opskit]
                127.0.0.1 ansible_port={port} ansible_user=root ansible_ssh_private_key_file={_dir.File("ansible_key")} ansible_python_interpreter=/usr/bin/python3 ansible_become=false
                """);
            Directory.CreateDirectory(_dir.File("snapshots"));
            Directory.CreateDirectory(_dir.File("source"));
            // A drop-in the variables do not name: opskit_config_exclusive removes it.
            Directory.CreateDirectory(Path.Combine(Root, "etc", "opskit", "opskit.d"));
            File.WriteAllText(Path.Combine(Root, "etc", "opskit", "opskit.d", "99-old.toml"), "[log]\nsyslog = true\n");
            BackupKey = File.ReadAllText(_dir.File("web01.pub")).Trim();
            Config = new JsonObject
            {
                ["10-mail"] = new JsonObject { ["mail"] = new JsonObject { ["to"] = new JsonArray("storage-admins@example.org", "\"quoted\" ünïcode@example.org"), ["via"] = "sendmail" } },
                ["20-snapshot"] = new JsonObject
                {
                    ["snapshot"] = new JsonObject
                    {
                        ["tz"] = "Europe/Berlin",
                        ["allow_vanished"] = false,
                        ["stale_after_hours"] = 36.5,
                        ["policy"] = new JsonObject { ["gfs"] = new JsonObject { ["keep_daily"] = 14, ["keep_weekly"] = 8 } },
                        ["job"] = new JsonArray(
                            new JsonObject { ["root"] = _dir.File("snapshots"), ["series"] = "web1", ["source"] = _dir.File("source"), ["policy"] = "gfs" },
                            new JsonObject { ["root"] = _dir.File("snapshots"), ["series"] = "db", ["policy"] = "gfs" }),
                    },
                },
            };
            var vars = new JsonObject
            {
                ["opskit_root"] = Root,
                ["opskit_install"] = "binary",
                ["opskit_binary_src"] = BinarySource,
                ["opskit_config"] = Config.DeepClone(),
                ["opskit_config_exclusive"] = true,
                ["opskit_timers"] = new JsonArray("opskit-raid-check.timer", "opskit-snapshot@web1.timer"),
                ["opskit_ssh_policies"] = new JsonObject { ["backup-v2"] = File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v2.toml")) },
                ["opskit_backup_keys"] = new JsonArray(new JsonObject
                {
                    ["user"] = "root", ["key"] = BackupKey, ["label"] = "web01", ["policy"] = "backup-v2", ["from"] = new JsonArray("192.168.3.0/24"),
                }),
            };
            File.WriteAllText(_dir.File("vars.json"), vars.ToJsonString());
            File.WriteAllText(_dir.File("ansible.cfg"), "");

            var clock = Stopwatch.StartNew();
            First = Playbook();
            FirstSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            Second = Playbook();
            SecondSeconds = clock.Elapsed.TotalSeconds;
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw: stop sshd and remove the files here.
            Dispose();
            throw;
        }
    }

    /// <summary>The scratch root (opskit_root).</summary>
    public string Root { get; } = "";

    /// <summary>The public key the role authorizes (label web01).</summary>
    public string BackupKey { get; } = "";

    /// <summary>opskit_config as given to the role.</summary>
    public JsonObject Config { get; } = [];

    /// <summary>The first and the second run.</summary>
    public CommandResult? First { get; }

    /// <inheritdoc cref="First"/>
    public CommandResult? Second { get; }

    /// <summary>How long each run took.</summary>
    public double FirstSeconds { get; }

    /// <inheritdoc cref="FirstSeconds"/>
    public double SecondSeconds { get; }

    /// <summary>What sshd printed.</summary>
    public List<string> SshdOutput { get; } = [];

    /// <summary>What the role copies: the native binary, or the publish folder of a ReadyToRun build.</summary>
    public static string BinarySource
    {
        get
        {
            var folder = Path.GetDirectoryName(RepoPaths.OpskitBinary)!;
            return File.Exists(Path.Combine(folder, "opskit.dll")) ? folder : RepoPaths.OpskitBinary;
        }
    }

    /// <summary>The PLAY RECAP counters of a run for our one host (ok, changed, failed, ...).</summary>
    public static IReadOnlyDictionary<string, int> Recap(CommandResult run)
    {
        var line = run.StandardOutput.Split('\n').LastOrDefault(l => l.StartsWith("127.0.0.1 ", StringComparison.Ordinal) && l.Contains(" changed=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no PLAY RECAP line:\n" + run.StandardOutput + run.StandardError);
        return RecapPair().Matches(line).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A scratch-root path ("etc/opskit/opskit.toml").</summary>
    public string InRoot(string relative) => Path.Combine(Root, relative);

    private CommandResult Playbook() =>
        Programs.Run("ansible-playbook", ["-i", _dir.File("inventory.ini"), Path.Combine(RepoPaths.Root, "deploy", "ansible", "site.yml"), "-e", "@" + _dir.File("vars.json")],
            new Dictionary<string, string?>
            {
                ["ANSIBLE_CONFIG"] = _dir.File("ansible.cfg"), ["ANSIBLE_HOME"] = _dir.File("ansible"),
                ["ANSIBLE_LOCAL_TEMP"] = _dir.File("ansible", "local"), ["ANSIBLE_REMOTE_TEMP"] = _dir.File("ansible", "remote"),
                ["ANSIBLE_SSH_CONTROL_PATH_DIR"] = _dir.File("ansible", "cp"),
                ["ANSIBLE_SSH_ARGS"] = "-o ControlMaster=auto -o ControlPersist=120s -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR",
                ["ANSIBLE_HOST_KEY_CHECKING"] = "False", ["ANSIBLE_PIPELINING"] = "True", ["ANSIBLE_NOCOLOR"] = "1",
                ["ANSIBLE_RETRY_FILES_ENABLED"] = "False", ["ANSIBLE_STDOUT_CALLBACK"] = "default",
                ["OPSKIT_CONFIG"] = null, ["SSH_ORIGINAL_COMMAND"] = null, ["SSH_CONNECTION"] = null, ["SSH_CLIENT"] = null,
            },
            workingDirectory: _dir.Path, timeout: TimeSpan.FromMinutes(10));

    private static void Run(string program, params string[] args)
    {
        var r = Programs.Run(program, args);
        if (r.ExitCode != 0) throw new InvalidOperationException($"{program}: {r.StandardError}");
    }

    [GeneratedRegex(@"(\w+)=(\d+)")]
    private static partial Regex RecapPair();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_sshd is not null)
        {
            // The ControlPersist masters ansible left: ask each to exit (they are ssh processes we started).
            foreach (var socket in Directory.Exists(_dir.File("ansible", "cp")) ? Directory.GetFileSystemEntries(_dir.File("ansible", "cp")) : [])
                Programs.Run("/usr/bin/ssh", ["-o", $"ControlPath={socket}", "-O", "exit", "127.0.0.1"], timeout: TimeSpan.FromSeconds(10));
            if (!_sshd.HasExited) _sshd.Kill();
            _sshd.WaitForExit(5000);
            _sshd.Dispose();
        }
        _dir.Dispose();
    }
}
