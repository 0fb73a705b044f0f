// deploy/ansible/roles/opskit through site.yml over ssh into a scratch root (AnsibleRun): the first run
// changes, the second changes nothing; what it wrote is what opskit itself reads and writes; ansible-lint.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpsKit.Testing;
using Xunit.Abstractions;

namespace OpsKit.Deploy.Tests;

public sealed class AnsibleRoleTests(AnsibleRun run, ITestOutputHelper output) : IClassFixture<AnsibleRun>
{
    private const string Prefix = "usr/local";

    [RootFact]
    public void First_run_changes_the_second_reports_changed_0()
    {
        var first = run.First!;
        var second = run.Second!;
        output.WriteLine($"first run {run.FirstSeconds:F1} s, second run {run.SecondSeconds:F1} s, binary {AnsibleRun.BinarySource}");
        Assert.True(first.ExitCode == 0, $"first run: exit {first.ExitCode}\n{first.StandardOutput}{first.StandardError}\nsshd: {string.Join('\n', run.SshdOutput)}");
        var one = AnsibleRun.Recap(first);
        Assert.True(one["changed"] > 0 && one["failed"] == 0 && one["unreachable"] == 0, first.StandardOutput);
        Assert.True(second.ExitCode == 0, $"second run: exit {second.ExitCode}\n{second.StandardOutput}{second.StandardError}");
        var two = AnsibleRun.Recap(second);
        Assert.True(two["changed"] == 0 && two["failed"] == 0 && two["unreachable"] == 0, "second run:\n" + second.StandardOutput);
    }

    [RootFact]
    public void Binary_and_multicall_links_are_laid_out_like_make_install()
    {
        Ran();
        var bin = run.InRoot($"{Prefix}/bin/opskit");
        Assert.Equal("../lib/opskit/opskit", new FileInfo(bin).LinkTarget);
        var version = Programs.Run(bin, ["--version"]);
        Assert.True(version.ExitCode == 0, version.StandardError);
        Assert.StartsWith("opskit ", version.StandardOutput);
        foreach (var name in MultiCallNames())
            Assert.Equal("opskit", new FileInfo(run.InRoot($"{Prefix}/bin/{name}")).LinkTarget);
        var script = run.InRoot($"{Prefix}/lib/opskit/opskit-textfile");
        Assert.Equal(File.ReadAllText(Path.Combine(Programs.UnitSource, "opskit-textfile")), File.ReadAllText(script));
        Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0);
    }

    [RootFact]
    public void Units_are_installed_and_the_chosen_timers_enabled()
    {
        Ran();
        foreach (var unit in Programs.UnitNames)
            Assert.Equal(File.ReadAllText(Path.Combine(Programs.UnitSource, unit)), File.ReadAllText(run.InRoot($"{Prefix}/lib/systemd/system/{unit}")));
        var wants = run.InRoot("etc/systemd/system/timers.target.wants");
        Assert.Equal(["opskit-raid-check.timer", "opskit-snapshot@web1.timer"], Directory.GetFileSystemEntries(wants).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("/usr/local/lib/systemd/system/opskit-raid-check.timer", new FileInfo(Path.Combine(wants, "opskit-raid-check.timer")).LinkTarget);
        Assert.Equal("/usr/local/lib/systemd/system/opskit-snapshot@.timer", new FileInfo(Path.Combine(wants, "opskit-snapshot@web1.timer")).LinkTarget);
    }

    [RootFact]
    public void Drop_ins_hold_the_variables_and_pass_config_check()
    {
        Ran();
        var dir = run.InRoot("etc/opskit/opskit.d");
        // 99-old.toml was there before the first run; opskit_config_exclusive removed it.
        Assert.Equal(["10-mail.toml", "20-snapshot.toml"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (name, tables) in run.Config)
        {
            var file = Path.Combine(dir, name + ".toml");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
            var check = OpskitProcess.Run("--config", file, "config", "check");
            Assert.Equal((0, $"{file}: OK\n"), (check.ExitCode, check.StandardOutput));
            var decoded = OpskitProcess.Run(["config", "toml-decode"], stdin: File.ReadAllText(file));
            Assert.True(decoded.ExitCode == 0, decoded.StandardError);
            Assert.Equal(Canon(tables!), Canon(Untag(JsonNode.Parse(decoded.StandardOutput)!)));
        }
        var main = OpskitProcess.Run("--config", run.InRoot("etc/opskit/opskit.toml"), "config", "check");
        Assert.True(main.ExitCode == 0, main.StandardOutput + main.StandardError);
    }

    [RootFact]
    public void Authorized_keys_holds_the_line_ssh_authorize_writes()
    {
        Ran();
        var policy = run.InRoot("etc/opskit/ssh/backup-v2.toml");
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v2.toml")), File.ReadAllText(policy));
        var key = run.InRoot("etc/opskit/ssh/keys/web01.pub");
        Assert.Equal(run.BackupKey + "\n", File.ReadAllText(key));
        var expected = OpskitProcess.Run("--config", run.InRoot("etc/opskit/opskit.toml"), "ssh", "authorize", "--policy", policy, "--key", key,
            "--label", "web01", "--program", "/usr/local/bin/opskit", "--from", "192.168.3.0/24");
        Assert.True(expected.ExitCode == 0, expected.StandardError);
        var file = run.InRoot("root/.ssh/authorized_keys");
        Assert.Equal(expected.StandardOutput, File.ReadAllText(file));
        Assert.StartsWith("restrict,from=\"192.168.3.0/24\",command=\"/usr/local/bin/opskit ssh validate ", expected.StandardOutput);
        Assert.EndsWith(" " + run.BackupKey + "\n", expected.StandardOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(run.InRoot("root/.ssh")));
    }

    [Fact]
    public void Role_links_every_multicall_name_of_the_binary()
    {
        var vars = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "ansible", "roles", "opskit", "vars", "main.yml"));
        var line = vars.Split('\n').Single(l => l.StartsWith("opskit_multicall_names: [", StringComparison.Ordinal));
        var role = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.LastIndexOf(']')].Split(',').Select(n => n.Trim()).Order(StringComparer.Ordinal);
        Assert.Equal(MultiCallNames().Order(StringComparer.Ordinal), role);
    }

    [Fact]
    public void Ansible_lint_passes_with_the_production_profile()
    {
        var lint = Programs.Run("ansible-lint", ["--nocolor"], workingDirectory: Path.Combine(RepoPaths.Root, "deploy", "ansible"), timeout: TimeSpan.FromMinutes(5));
        Assert.True(lint.ExitCode == 0, $"ansible-lint: exit {lint.ExitCode}\n{lint.StandardOutput}{lint.StandardError}");
        Assert.Contains("Passed with production profile", lint.StandardOutput + lint.StandardError);
    }

    private void Ran() => Assert.True(run.First?.ExitCode == 0, "the first playbook run failed; see First_run_changes_the_second_reports_changed_0");

    // The names Invocation.MultiCallNames maps (read like the Makefile reads them).
    private static IEnumerable<string> MultiCallNames() =>
        Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "OpsKit", "Invocation.cs")), @"(?m)^ *\[""([a-z_-]+)""\] = \[").Select(m => m.Groups[1].Value);

    // toml-test's tagged JSON ({"type": "integer", "value": "14"}) back to plain JSON values.
    private static JsonNode Untag(JsonNode node) => node switch
    {
        JsonObject o when o.Count == 2 && o["type"] is JsonValue t && o["value"] is JsonValue v => t.GetValue<string>() switch
        {
            "integer" => JsonValue.Create(long.Parse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
            "float" => JsonValue.Create(double.Parse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)),
            "bool" => JsonValue.Create(v.GetValue<string>() == "true"),
            _ => JsonValue.Create(v.GetValue<string>()),
        },
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Untag(p.Value!)))),
        JsonArray a => new JsonArray([.. a.Select(x => (JsonNode?)Untag(x!))]),
        _ => node.DeepClone(),
    };

    // Keys sorted, so the comparison does not depend on the order the template writes tables in.
    private static string Canon(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonValue.Create(p.Key).ToJsonString() + ":" + Canon(p.Value!))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(x => Canon(x!))) + "]",
        _ => node.ToJsonString(),
    };
}
