// hwerr end to end with the built binary: every case through --root/--log/--from with the
// Nagios exit code, Prometheus output through the real promtool, cron silence and mail to a
// real SMTP sink, the hwerr_check name, state and ack through the command line, bundles.
using System.Text.Json.Nodes;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests.Cli;

public class EndToEndTests
{
    private static readonly Dictionary<string, int> s_exit = new() { ["OK"] = 0, ["WARNING"] = 1, ["CRITICAL"] = 2, ["UNKNOWN"] = 3 };

    private static CommandResult Hwerr(params string[] args) => OpskitProcess.Run(["--no-config", "hwerr", .. args]);

    [Theory]
    [MemberData(nameof(DataCases.All), MemberType = typeof(DataCases))]
    public void Nagios_exit_code_is_the_expected_status(string name)
    {
        var expected = (string)DataCases.Expected(name)["status"]!;
        var r = Hwerr(["check", .. DataCases.Args(name), "--format", "nagios"]);
        Assert.True(s_exit[expected] == r.ExitCode, $"{name}: exit {r.ExitCode}, expected {expected}\n{r.StandardOutput}{r.StandardError}");
        Assert.StartsWith($"HWERR {expected} - ", r.StandardOutput);
        Assert.Matches(@" \| ce=\d+;;;0 ue=\d+;;;0 ", r.StandardOutput.Split('\n')[0]);
    }

    [Theory]
    [MemberData(nameof(DataCases.All), MemberType = typeof(DataCases))]
    public async Task Prometheus_output_passes_promtool_check_metrics(string name)
    {
        var r = Hwerr(["check", .. DataCases.Args(name), "--format", "prometheus"]);
        Assert.Contains($"opskit_hwerr_check_status {r.ExitCode}\n", r.StandardOutput);
        var promtool = ExecutableLocator.Find("promtool") ?? throw new InvalidOperationException("promtool not installed (Debian package prometheus; make deps)");
        var check = await new ProcessRunner().RunAsync(new CommandSpec(promtool, "check", "metrics") { StandardInput = System.Text.Encoding.UTF8.GetBytes(r.StandardOutput), Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(check.ExitCode == 0 && check.StandardOutput.Trim().Length == 0 && check.StandardError.Trim().Length == 0,
            $"{name}: promtool exit {check.ExitCode}\n{check.StandardOutput}{check.StandardError}\n{r.StandardOutput}");
    }

    [Fact]
    public void Prometheus_series_name_the_dimm_and_the_device()
    {
        var edac = Hwerr(["check", .. DataCases.Args("sysfs/edac-csrow-4mc-ce7836"), "--format", "prometheus"]).StandardOutput;
        Assert.Contains("opskit_hwerr_edac_dimm_errors{mc=\"mc2\",slot=\"csrow0/ch0\",dimm=\"CPU_SrcID#0_MC#2_Chan#0_DIMM#0\",severity=\"corrected\"} 7836\n", edac);
        var aer = Hwerr(["check", .. DataCases.Args("sysfs/aer-correctable-long-names"), "--format", "prometheus"]).StandardOutput;
        Assert.Contains("opskit_hwerr_aer_errors{device=\"0000:00:1c.0\",severity=\"corrected\"} 2\n", aer);
    }

    [Fact]
    public void Json_report_has_the_verdict_totals_and_evidence_lines()
    {
        var r = Hwerr(["check", .. DataCases.Args("logs/edac-ue-ghes-recoverable-einj"), "--json"]);
        Assert.Equal(2, r.ExitCode);
        var doc = JsonNode.Parse(r.StandardOutput)!;
        Assert.Equal("CRITICAL", (string?)doc["status"]);
        Assert.Equal(2, (int)doc["sources"]![0]!["counts"]!["edac"]!["ue_total"]!);
        var ue = doc["sources"]![0]!["observations"]!.AsArray().Single(o => (string?)o!["key"] == "log/edac/mc3/CPU_SrcID#0_MC#3_Chan#0_DIMM#0/ue")!;
        Assert.Equal("CPU_SrcID#0_MC#3_Chan#0_DIMM#0", (string?)ue["dimm"]);
        Assert.Contains("EDAC MC3: 1 UE memory read error on CPU_SrcID#0_MC#3_Chan#0_DIMM#0", (string?)ue["evidence"]![0]);
    }

    [Fact]
    public void Cron_is_silent_when_ok_and_prints_the_report_otherwise()
    {
        var ok = Hwerr(["check", "--cron", .. DataCases.Args("sysfs/edac-dimm-1mc-zero")]);
        Assert.Equal((0, ""), (ok.ExitCode, ok.StandardOutput));
        var bad = Hwerr(["check", "--cron", .. DataCases.Args("logs/aer-fatal-dmesg-H")]);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("HWERR CRITICAL: PCIe 0000:00:03.0 fatal (Transaction Layer): 1; ", bad.StandardOutput);
        Assert.Contains("aer-fatal-dmesg-H.txt:5: [  +0.000004] pcieport 0000:00:03.0: PCIe Bus Error: severity=Uncorrected (Fatal), type=Transaction Layer, (Requester ID)\n", bad.StandardOutput);
    }

    [Fact]
    public void Cron_mails_the_report_to_a_real_smtp_sink()
    {
        using var sink = new SmtpSink();
        using var dir = new TempDir("hwerr-mail");
        var conf = dir.Write("opskit.toml", $"""
            [mail]
            to = ["storage-admins@example.test"]
            from = "hwerr@example.test"
            via = "smtp"
            smtp_host = "127.0.0.1"
            smtp_port = {sink.Port}
            timeout = 10
            """);
        var r = OpskitProcess.Run(["--config", conf, "hwerr", "check", "--cron", .. DataCases.Args("sysfs/edac-csrow-4mc-ce7836")]);
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}: {r.StandardError}");
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.Contains("Subject: [opskit] hardware errors WARNING on", mail);
        Assert.Contains("CPU_SrcID#0_MC#2_Chan#0_DIMM#0 corrected: 7836", mail);
    }

    [Fact]
    public void Hwerr_check_symlink_runs_check_cron()
    {
        using var dir = new TempDir("hwerr-link");
        var link = dir.File("hwerr_check");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var ok = OpskitProcess.Run(["--no-config", .. DataCases.Args("logs/edac-init-only-ecc-disabled")], program: link);
        Assert.Equal((0, ""), (ok.ExitCode, ok.StandardOutput));
        var bad = OpskitProcess.Run(["--no-config", .. DataCases.Args("tools/mcelog-uncorrected-context-corrupt")], program: link);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("HWERR CRITICAL: MCE uncorrected, processor context corrupt on CPU 9 bank 5: 1", bad.StandardOutput);
    }

    [Fact]
    public void Scratch_root_with_a_state_file_goes_ok_warning_critical_and_ok_after_ack()
    {
        using var root = new TempDir("hwerr-scratch");
        void Mc(string f, string v) => root.Write($"sys/devices/system/edac/mc/mc0/{f}", v + "\n");
        Mc("ce_count", "0");
        Mc("ue_count", "0");
        var state = root.File("state.json");
        int Check() => Hwerr("check", "--root", root.Path, "--state", state, "--format", "nagios").ExitCode;
        Assert.Equal(0, Check());
        Mc("ce_count", "1");
        Assert.Equal(1, Check());
        Mc("ue_count", "1");
        Assert.Equal(2, Check());
        Assert.Equal(2, Check());
        var ack = Hwerr("ack", "--state", state);
        Assert.Equal(0, ack.ExitCode);
        Assert.StartsWith("acknowledged mc0 uncorrected: 1 (seen ", ack.StandardOutput);
        // The corrected error of a moment ago still counts for 24 hours: WARNING, no longer CRITICAL.
        Assert.Equal(1, Check());
        Assert.Equal("nothing to acknowledge in " + state + "\n", Hwerr("ack", "--state", state).StandardOutput);
    }

    [Fact]
    public void Unreadable_counter_is_unknown_exit_3_naming_the_file_and_prometheus_goes_to_a_file()
    {
        using var root = new TempDir("hwerr-unknown");
        var bad = root.Write("sys/devices/system/edac/mc/mc0/ce_count", "n/a\n");
        root.Write("sys/devices/system/edac/mc/mc0/ue_count", "0\n");
        var r = Hwerr("check", "--root", root.Path, "--format", "nagios");
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith($"HWERR UNKNOWN - edac: {bad}: 'n/a' is not a count", r.StandardOutput);
        var prom = root.File("opskit_hwerr.prom");
        var p = Hwerr("check", "--root", root.Path, "--format", "prometheus", "--output", prom);
        Assert.Equal((3, ""), (p.ExitCode, p.StandardOutput));
        Assert.Contains("opskit_hwerr_success 0\n", File.ReadAllText(prom));
    }

    [Fact]
    public void Log_from_stdin()
    {
        var log = File.ReadAllText(Path.Combine(DataCases.Root, "logs", "mce-fatal-panic-context-corrupt.txt"));
        var r = OpskitProcess.Run(["--no-config", "hwerr", "check", "--log", "-", "--format", "nagios"], stdin: log);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("stdin:7: [385.313644] Kernel panic - not syncing: Fatal machine check", r.StandardOutput);
    }

    [Theory]
    [InlineData("--from", "ipmitool=x.txt", 64, "opskit: --from: unknown kind 'ipmitool' (known: ras-mc-ctl, mcelog, edac-util)")]
    [InlineData("--from", "mcelog", 64, "opskit: --from: 'mcelog' is not KIND=FILE (KIND one of ras-mc-ctl, mcelog, edac-util)")]
    [InlineData("--log", "/nonexistent/kern.log", 66, "opskit: /nonexistent/kern.log: no such kernel log file")]
    [InlineData("--root", "/nonexistent/root", 66, "opskit: /nonexistent/root: no such directory")]
    [InlineData("--replay", "/nonexistent/bundle", 66, "opskit: /nonexistent/bundle: no such directory")]
    public void Bad_input_is_one_line_naming_it(string option, string value, int exit, string message)
    {
        var r = Hwerr("check", option, value);
        Assert.Equal(exit, r.ExitCode);
        Assert.Equal(message + "\n", r.StandardError);
    }

    [Fact]
    public void Bad_hwerr_config_names_file_line_and_key()
    {
        using var dir = new TempDir("hwerr-conf");
        var conf = dir.Write("opskit.toml", "[hwerr]\n\ntools = [\"ipmitool\"]\n");
        var r = OpskitProcess.Run("--config", conf, "hwerr", "check", "--log", Path.Combine(DataCases.Root, "logs", "edac-init-only-ecc-disabled.txt"));
        Assert.Equal(78, r.ExitCode);
        Assert.Contains($"{conf}:3:", r.StandardError);
        Assert.Contains("[hwerr] tools: unknown tool 'ipmitool'", r.StandardError);
    }

    [Fact]
    public void Dump_of_a_root_replays_to_the_same_verdict_and_counts()
    {
        using var root = new TempDir("hwerr-dumproot");
        foreach (var f in Directory.EnumerateFiles(Path.Combine(DataCases.Root, "sysfs", "edac-ghes-2mc-dimm-csrow-ce", "sys"), "*", SearchOption.AllDirectories))
            root.Write(Path.GetRelativePath(Path.Combine(DataCases.Root, "sysfs", "edac-ghes-2mc-dimm-csrow-ce"), f), File.ReadAllText(f));
        root.Write("dev/kmsg", "6,1,10,-;Linux version 6.1.0\n4,2,20,-;EDAC MC1: 1 CE ghes_mc on N1 DIMM_L0 (card:3 module:0)\n SUBSYSTEM=edac\n");
        using var bundle = new TempDir("hwerr-bundle");
        var dump = Hwerr("dump", bundle.Path, "--root", root.Path);
        Assert.True(dump.ExitCode == 0, dump.StandardError);
        Assert.EndsWith($"report {bundle.File("report.txt")}: HWERR WARNING\n", dump.StandardOutput);
        Assert.Equal("EDAC MC1: 1 CE ghes_mc on N1 DIMM_L0 (card:3 module:0)\n", File.ReadAllText(bundle.File("kernel.log")));
        var direct = JsonNode.Parse(Hwerr("check", "--root", root.Path, "--json").StandardOutput)!;
        var replay = Hwerr("check", "--replay", bundle.Path, "--json");
        Assert.Equal(1, replay.ExitCode);
        var doc = JsonNode.Parse(replay.StandardOutput)!;
        Assert.Equal(direct["sources"]![0]!["counts"]!.ToJsonString(), doc["sources"]![0]!["counts"]!.ToJsonString());
        Assert.Equal(1, (int)doc["sources"]![2]!["counts"]!["edac"]!["ce_total"]!);
    }

    [RootFact]
    public void Live_dump_and_check_of_this_machine()
    {
        using var bundle = new TempDir("hwerr-live");
        var dump = Hwerr("dump", bundle.Path);
        Assert.True(dump.ExitCode == 0, dump.StandardError);
        Assert.True(File.Exists(bundle.File("kernel.log")));
        var live = Hwerr("check", "--state", bundle.File("state.json"), "--json");
        var doc = JsonNode.Parse(live.StandardOutput)!;
        Assert.Equal("live", (string?)doc["mode"]);
        Assert.Equal(live.ExitCode, new[] { "OK", "WARNING", "CRITICAL", "UNKNOWN" }.ToList().IndexOf((string)doc["status"]!));
        Assert.True(File.Exists(bundle.File("state.json")));
    }
}
