// Every report's --json output, from the built binary on real inputs (tests/data captures, real aide/rsync/rpmbuild
// runs, this host's /proc), validated against its schema in docs/schemas with JsonSchema.Net; and the bookkeeping:
// every schema is used here, every command with --json has a schema and a section in docs/json.md.
using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json;
using Json.Schema;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Tests;

public sealed class JsonSchemaTests
{
    private static readonly ConcurrentDictionary<string, JsonSchema> s_schemas = new();

    // Commands whose JSON shares another report's schema.
    private static readonly Dictionary<string, string> s_sharedSchema = new(StringComparer.Ordinal)
    {
        ["iowait capture"] = "iowait-summary",
        ["aide init"] = "aide-promotion",
        ["aide accept"] = "aide-promotion",
    };

    private static string SchemaDir => Path.Combine(RepoPaths.Root, "docs", "schemas");

    private static JsonSchema Schema(string name) => s_schemas.GetOrAdd(name, n =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDir, n + ".schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Asserts the exit code, then that stdout is one JSON document valid against the schema; returns it.</summary>
    private static JsonElement Validate(string schema, CommandResult r, params int[] exits)
    {
        var wanted = exits.Length == 0 ? [0] : exits;
        Assert.True(wanted.Contains(r.ExitCode), $"exit {r.ExitCode} (wanted {string.Join(" or ", wanted)})\nstdout: {r.StandardOutput}\nstderr: {r.StandardError}");
        using var doc = JsonDocument.Parse(r.StandardOutput);
        var result = Schema(schema).Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            Assert.Fail($"{schema}: output does not match the schema:\n{string.Join('\n', errors)}\n{r.StandardOutput}");
        }
        Assert.Equal(1, doc.RootElement.GetProperty("schema_version").GetInt32());
        Assert.Equal("schema_version", doc.RootElement.EnumerateObject().First().Name);
        return doc.RootElement.Clone();
    }

    private static CommandResult Run(params string[] args) => OpskitProcess.Run(args, timeout: TimeSpan.FromMinutes(3));

    [Theory]
    [InlineData("mdstat/raid5-failed-member", 2)]
    [InlineData("mdstat/check-running", 0)]
    [InlineData("megacli/predictive-failure-bbu-replace", 1, 2)]
    public void Raid_check(string fixture, params int[] exits)
    {
        var json = Validate("raid-check", Run("--no-config", "raid", "check", "--replay", RepoPaths.TestData("raid", fixture), "--json"), exits);
        Assert.NotEmpty(json.GetProperty("backends").EnumerateArray());
    }

    [Fact]
    public void Raid_detect_on_this_host() =>
        Validate("raid-detect", Run("--no-config", "raid", "detect", "--json"), 0, 3);

    [Theory]
    [InlineData("--log", "logs/edac-ce-amd64-mc4-decode.txt")]
    [InlineData("--log", "logs/aer-fatal-dmesg-H.txt")]
    [InlineData("--root", "sysfs/edac-csrow-4mc-ce7836")]
    [InlineData("--root", "sysfs/aer-synthetic-all-nonzero")]
    public void Hwerr_check(string option, string input)
    {
        var json = Validate("hwerr-check", Run("--no-config", "hwerr", "check", option, RepoPaths.TestData("hwerr", input), "--json"), 0, 1, 2, 3);
        Assert.Equal("replay", json.GetProperty("mode").GetString());
    }

    [Fact]
    public void Aide_init_check_status_accept_rotate()
    {
        using var d = new TempDir("aide-json");
        var tree = d.File("tree");
        d.Write("tree/etc/a", "a\n");
        d.Write("tree/etc/ssh/sshd_config", "PermitRootLogin no\n");
        var conf = d.Write("aide.conf", $"F = p+u+g+s+sha256\nD = p+u+g\n{tree} f F\n{tree} d D\n");
        var toml = d.Write("opskit.toml", $"""
            [aide]
            config = "{conf}"
            database_dir = "{d.File("db")}"
            log_dir = "{d.File("log")}"
            state_file = "{d.File("state", "aide.state")}"
            critical_paths = ["{Path.Combine(tree, "etc/ssh")}"]
            """ + "\n");
        Validate("aide-promotion", Run("--config", toml, "aide", "init", "--json"));
        d.Write("tree/etc/new", "1\n");
        File.AppendAllText(Path.Combine(tree, "etc/a"), "x\n");
        var check = Validate("aide-check", Run("--config", toml, "aide", "check", "--json"), 1);
        Assert.Equal(1, check.GetProperty("summary").GetProperty("added").GetInt32());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("added")[0].GetProperty("attributes").ValueKind);
        Validate("aide-status", Run("--config", toml, "aide", "status", "--json"));
        Validate("aide-promotion", Run("--config", toml, "aide", "accept", "--json"));
        Validate("aide-rotate", Run("--config", toml, "aide", "rotate", "--dry-run", "--json"));
    }

    [Fact]
    public void Aide_check_without_a_database_is_unknown_with_nulls()
    {
        using var d = new TempDir("aide-json-none");
        var conf = d.Write("aide.conf", $"F = p+u+g+s+sha256\n{d.File("tree")} f F\n");
        var toml = d.Write("opskit.toml", $"[aide]\nconfig = \"{conf}\"\ndatabase_dir = \"{d.File("db")}\"\nlog_dir = \"{d.File("log")}\"\nstate_file = \"{d.File("aide.state")}\"\n");
        var json = Validate("aide-check", Run("--config", toml, "aide", "check", "--json"), 2, 3);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("summary").ValueKind);
    }

    [Theory]
    [InlineData("blockdump-2.6.27-dmesg-with-noise.txt")]
    [InlineData("blockdump-2.4-laptop-mode-lkml-2003.txt")]
    [InlineData("ftrace-block-writeback-6.18.txt")]
    public void Iowait_summary(string log) =>
        Validate("iowait-summary", Run("--no-config", "iowait", "summary", "--json", RepoPaths.TestData("iowait", log)));

    [Fact]
    public void Iowait_summary_says_null_bytes_where_the_text_says_question_mark()
    {
        var log = RepoPaths.TestData("iowait", "blockdump-2.6.27-dmesg-with-noise.txt");
        var json = Validate("iowait-summary", Run("--no-config", "iowait", "summary", "--json", log));
        var dd = json.GetProperty("processes").EnumerateArray().First(p => p.GetProperty("comm").GetString() == "dd");
        Assert.Equal(JsonValueKind.Null, dd.GetProperty("bytes").ValueKind);
        Assert.True(dd.GetProperty("size_unknown").GetInt64() > 0);
        var text = Run("--no-config", "iowait", "summary", log).StandardOutput;
        Assert.Matches(@"(?m)^dd\(4787\)\s.*\?", text);
    }

    [Fact]
    public void Iowait_top_on_this_hosts_proc() =>
        Validate("iowait-top", Run("--no-config", "iowait", "top", "--json", "--interval", "0.2"));

    private static string AoeConfig(TempDir d, string iface)
    {
        var image = d.File("disk.img");
        using (var f = File.Create(image)) f.SetLength(8 << 20);
        return d.Write("opskit.toml", $"""
            [aoe]
            shelf = 7
            interface = "{iface}"
            state_dir = "{d.File("state")}"
            run_dir = "{d.File("run")}"

            [[aoe.export]]
            alias = "json"
            slot = 1
            file = "{image}"
            read_only = true
            """ + "\n");
    }

    [Fact]
    public void Aoe_list_and_status_agree_on_the_target()
    {
        using var d = new TempDir("aoe-json");
        var toml = AoeConfig(d, "lo");
        var list = Validate("aoe-list", Run("--config", toml, "aoe", "list", "--json"));
        Assert.Equal("e7.1", list.GetProperty("exports")[0].GetProperty("target").GetString());
        var status = Validate("aoe-status", Run("--config", toml, "aoe", "status", "--json"));
        var row = status.GetProperty("exports")[0];
        Assert.Equal("e7.1", row.GetProperty("target").GetString());
        Assert.Equal("stopped", row.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("frames").ValueKind);
        Assert.Contains("e7.1", Run("--config", toml, "aoe", "status").StandardOutput, StringComparison.Ordinal);
    }

    [RootFact]
    public void Aoe_discover_and_bench_against_the_builtin_target_on_a_veth_pair()
    {
        var tag = Environment.ProcessId % 100000;
        string a = $"jsa{tag}", b = $"jsb{tag}";
        Ip("link", "add", a, "type", "veth", "peer", "name", b);
        try
        {
            Ip("link", "set", a, "up");
            Ip("link", "set", b, "up");
            using var d = new TempDir("aoe-json-live");
            var toml = AoeConfig(d, a);
            var start = Run("--config", toml, "aoe", "start", "json");
            Assert.True(start.ExitCode == 0, start.StandardError);
            try
            {
                var status = Validate("aoe-status", Run("--config", toml, "aoe", "status", "--json"));
                Assert.Equal("running", status.GetProperty("exports")[0].GetProperty("state").GetString());
                CommandResult discover = default!;
                for (var i = 0; i < 50; i++)
                {
                    discover = Run("--no-config", "aoe", "discover", "-i", b, "--json");
                    if (discover.ExitCode == 0) break;
                    Thread.Sleep(100);
                }
                var found = Validate("aoe-discover", discover);
                Assert.Equal("e7.1", found.GetProperty("targets")[0].GetProperty("target").GetString());
                var bench = Validate("aoe-bench", Run("--no-config", "aoe", "bench", "-i", b, "7.1", "--read", "1", "--json"));
                // 1 MB asked, read in whole sectors.
                Assert.InRange(bench.GetProperty("runs")[0].GetProperty("bytes").GetInt64(), 999_000, 1_000_000);
            }
            finally
            {
                Run("--config", toml, "aoe", "stop");
            }
        }
        finally
        {
            Ip("link", "del", a);
        }
    }

    private static void Ip(params string[] args)
    {
        var r = new ProcessRunner().RunAsync(new CommandSpec("ip", args)).GetAwaiter().GetResult();
        Assert.True(r.ExitCode == 0, $"ip {string.Join(' ', args)}: {r.StandardError}");
    }

    [Fact]
    public void Snapshot_create_list_rotate()
    {
        using var d = new TempDir("snap-json");
        d.Write("src/a.txt", "a\n");
        d.Write("src/sub/b.txt", "b\n");
        var root = d.File("root");
        var created = Validate("snapshot-create", Run("--no-config", "snapshot", "create", "--source", d.File("src"), "--dest", root, "--series", "web", "--json"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("link_dest").ValueKind);
        Thread.Sleep(1100); // snapshot names carry seconds
        var second = Validate("snapshot-create", Run("--no-config", "snapshot", "create", "--source", d.File("src"), "--dest", root, "--series", "web", "--json"));
        Assert.Equal(created.GetProperty("name").GetString(), second.GetProperty("link_dest").GetString());
        var list = Validate("snapshot-list", Run("--no-config", "snapshot", "list", root, "--json"));
        Assert.Equal(2, list.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("snapshots")[0].GetProperty("bytes").ValueKind);
        Validate("snapshot-list", Run("--no-config", "snapshot", "list", root, "--sizes", "--json"));
        var rotate = Validate("snapshot-rotate", Run("--no-config", "snapshot", "rotate", "--root", root, "--keep-last", "1", "--dry-run", "--json"));
        Assert.Equal(["delete", "keep"], rotate.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).Order());
    }

    [Fact]
    public void Rpm_build_of_a_small_spec()
    {
        using var d = new TempDir("rpm-json");
        var spec = d.Write("jsontest.spec", """
            Name: jsontest
            Version: 1.0
            Release: 1
            Summary: Package built by the JSON schema test
            License: MIT
            BuildArch: noarch

            %description
            One data file, to exercise rpm build --json.

            %install
            mkdir -p %{buildroot}/usr/share/jsontest
            echo hello > %{buildroot}/usr/share/jsontest/hello

            %files
            /usr/share/jsontest/hello
            """ + "\n");
        var json = Validate("rpm-build", Run("--no-config", "rpm", "build", spec, "--topdir", d.File("top"), "--json"), 0, 1);
        // rpmlint's verdict on this bare spec (no URL, no changelog) decides ok; the package is built either way.
        Assert.Equal(JsonValueKind.Object, json.GetProperty("lint").ValueKind);
        Assert.Contains(json.GetProperty("written").EnumerateArray(), w => w.GetString()!.EndsWith(".noarch.rpm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "rsync", "--server", "--sender", "-logDtpre.iLsfxC", ".", "/data/backup/web01/")]
    [InlineData(1, "rsync", "--server", "-vlogDtpre.iLsfxCIvu", "--rsh=/bin/sh", ".", "/data/backup/web01/")]
    [InlineData(1, "sh", "-c", "id")]
    public void Ssh_test_with_the_example_policy(int exit, params string[] command) =>
        Validate("ssh-test", Run(["--no-config", "ssh", "test", "--policy", Path.Combine(RepoPaths.Root, "examples", "ssh", "backup-v1.toml"), "--json", "--", .. command]), exit);

    [Fact]
    public void Config_show_gives_typed_values()
    {
        using var d = new TempDir("config-json");
        var toml = d.Write("opskit.toml", "[raid]\ntimeout = 30\n\n[mail]\nto = [\"root@localhost\"]\n");
        var json = Validate("config-show", Run("--config", toml, "config", "show", "--json"));
        var values = json.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!);
        Assert.Equal(30, values["raid.timeout"].GetProperty("value").GetInt64());
        Assert.Equal("file", values["raid.timeout"].GetProperty("origin").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, values["mail.to"].GetProperty("value").ValueKind);
        Validate("config-show", Run("--no-config", "config", "show", "--json"));
        Validate("config-show", Run("--config", Path.Combine(RepoPaths.Root, "examples", "opskit.toml"), "config", "show", "--json"));
    }

    [Fact]
    public void Config_check_ok_and_with_errors()
    {
        using var d = new TempDir("config-check-json");
        var good = Validate("config-check", Run("--config", d.Write("good.toml", "[raid]\ntimeout = 30\n"), "config", "check", "--json"));
        Assert.True(good.GetProperty("ok").GetBoolean());
        var bad = Validate("config-check", Run("--config", d.Write("bad.toml", "[raid]\ntimeout = \"soon\"\nnonsense = 1\n"), "config", "check", "--json"), 78);
        Assert.False(bad.GetProperty("ok").GetBoolean());
        Assert.NotEmpty(bad.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("raid", "check", "--json", "--format", "nagios")]
    [InlineData("hwerr", "check", "--format", "prometheus", "--json")]
    [InlineData("aide", "check", "--json", "-f", "text")]
    public void Json_with_another_format_is_a_usage_error(params string[] args)
    {
        var r = Run(["--no-config", .. args]);
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("--json conflicts with --format", r.StandardError, StringComparison.Ordinal);
        Assert.Equal("", r.StandardOutput);
    }

    [Fact]
    public void Every_schema_is_checked_by_a_test_here()
    {
        // The fleet reports (snapshot check, ssh report) are validated beside their Prometheus tests.
        var here = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OpsKit.Tests", "JsonSchemaTests.cs"));
        var fleet = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OpsKit.Fleet.Tests", "SchemaTests.cs"));
        var files = Directory.GetFiles(SchemaDir, "*.schema.json").Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, name => Assert.True(here.Contains($"Validate(\"{name}\"", StringComparison.Ordinal)
            || fleet.Contains($"AssertValid(\"{name}\"", StringComparison.Ordinal), $"no test validates output against {name}.schema.json"));
    }

    [Fact]
    public void Every_command_with_json_has_a_schema_and_a_section_in_docs_json_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "json.md"));
        var commands = new List<string>();
        void Walk(Command c, string path)
        {
            if (c.Options.Any(o => o.Name == "--json")) commands.Add(path);
            foreach (var sub in c.Subcommands) Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
        Walk(Program.CreateRoot(), "");
        Assert.Contains("aoe list", commands);
        Assert.Contains("snapshot create", commands);
        Assert.Contains("config check", commands);
        Assert.All(commands, command =>
        {
            var name = s_sharedSchema.GetValueOrDefault(command) ?? command.Replace(' ', '-');
            Assert.True(File.Exists(Path.Combine(SchemaDir, name + ".schema.json")), $"'{command} --json' has no docs/schemas/{name}.schema.json");
            Assert.Contains($"`{name}.schema.json`", doc, StringComparison.Ordinal);
        });
    }
}
