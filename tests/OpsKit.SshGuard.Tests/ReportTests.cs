// "ssh report": the hook's own log lines (made by running the built hook) counted per key label
// and client address; syslog, journalctl -o json and -o export shapes; bad lines counted, not fatal.
using System.Text;
using System.Text.Json.Nodes;
using OpsKit.Core.Output;
using OpsKit.SshGuard.Report;
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-report");

    public void Dispose() => _dir.Dispose();

    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static SshReport Report(string text, TimeSpan? since = null) =>
        SshReporter.Build([("log", () => new StringReader(text))], since ?? TimeSpan.FromHours(24), Now, TimeZoneInfo.Utc);

    [Fact]
    public void The_hooks_real_log_lines_are_counted_per_key_and_client()
    {
        var log = _dir.File("sshval.log");
        var config = _dir.Write("opskit.toml", $"[log]\nfile = \"{log}\"\nsyslog = false\n");
        var accepted = "rsync --server --sender -logDtpre.iLsfxCIvu . /data/backup/web01/";
        string[] refused = ["rm -rf /", "cat '/etc/shadow' >/tmp/a+b", "rm -rf /"];
        Assert.Equal(0, HookRun.Validate(Encoding.ASCII.GetBytes(accepted), _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "web01", "--dry-run").ExitCode);
        Assert.Equal(0, HookRun.Validate(Encoding.ASCII.GetBytes(accepted), _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "web01", "--dry-run").ExitCode);
        foreach (var c in refused)
            Assert.NotEqual(0, HookRun.Validate(Encoding.ASCII.GetBytes(c), _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "intruder", "--dry-run").ExitCode);
        Assert.NotEqual(0, HookRun.Validate([], _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--dry-run").ExitCode);
        Assert.Equal(6, File.ReadAllLines(log).Length);

        var r = OpskitProcess.Run("--no-config", "ssh", "report", "--json", log);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        var json = JsonNode.Parse(r.StandardOutput)!.AsObject();
        Assert.Equal("schema_version", json.First().Key);
        Assert.Equal((2, 4, 1, 0), (json["accepted"]!.GetValue<int>(), json["refused"]!.GetValue<int>(), json["interactive_refused"]!.GetValue<int>(), json["bad_lines"]!.GetValue<int>()));
        var keys = json["keys"]!.AsArray().Select(k => (k!["label"]!.GetValue<string>(), k["client"]!.GetValue<string>(), k["accepted"]!.GetValue<int>(), k["refused"]!.GetValue<int>())).ToList();
        Assert.Equal([("intruder", "10.6.6.6", 0, 3), ("-", "10.6.6.6", 0, 1), ("web01", "10.6.6.6", 2, 0)], keys);
        var top = json["top_refused"]!.AsArray();
        Assert.Equal("rm -rf /", top[0]!["command"]!.GetValue<string>());
        Assert.Equal(2, top[0]!["count"]!.GetValue<int>());
        Assert.Equal("cat '/etc/shadow' >/tmp/a+b", top[1]!["command"]!.GetValue<string>());
        // Written as it reads (OpsKit's JSON options), not as \u0027 and \u002B escapes.
        Assert.Contains("\"cat '/etc/shadow' >/tmp/a+b\"", r.StandardOutput);
        Assert.False(string.IsNullOrEmpty(top[0]!["reason"]!.GetValue<string>()));

        var text = OpskitProcess.Run("--no-config", "ssh", "report", log);
        Assert.StartsWith("ssh hook decisions from ", text.StandardOutput);
        Assert.Contains(": 2 accepted, 4 refused (1 interactive shells)\n", text.StandardOutput);
        Assert.Matches(@"(?m)^intruder +10\.6\.6\.6 +0 +3 ", text.StandardOutput);
        // No FILE: the [log] file of the config.
        var fromConfig = OpskitProcess.Run("--config", config, "ssh", "report", "--format", "prometheus");
        Assert.Contains("opskit_ssh_commands{result=\"refused\"} 4\n", fromConfig.StandardOutput);
        Assert.Contains("opskit_ssh_key_commands{label=\"web01\",client=\"10.6.6.6\",result=\"accepted\"} 2\n", fromConfig.StandardOutput);
    }

    [Fact]
    public void The_hooks_syslog_datagrams_stored_as_a_syslog_file_are_read()
    {
        // The hook under a forced command logs to syslog: catch its datagrams on our own socket and store them
        // the way a syslog daemon writes its file (the <PRI> dropped), then report on that file.
        var sock = _dir.File("log.sock");
        using var server = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Unspecified);
        server.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(sock));
        var config = _dir.Write("syslog.toml", $"[log]\nsyslog = true\nsyslog_socket = \"{sock}\"\n");
        Assert.Equal(0, HookRun.Validate("rsync --server --sender -logDtpre.iLsfxCIvu . /data/backup/web01/"u8.ToArray(), _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "web01", "--dry-run").ExitCode);
        Assert.NotEqual(0, HookRun.Validate("rm -rf /"u8.ToArray(), _dir.Path, "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "web01", "--dry-run").ExitCode);
        server.ReceiveTimeout = 2000;
        var lines = new List<string>();
        var buffer = new byte[65536];
        try
        {
            while (true) lines.Add(Encoding.UTF8.GetString(buffer, 0, server.Receive(buffer)));
        }
        catch (System.Net.Sockets.SocketException)
        {
            // no more datagrams
        }
        Assert.Equal(2, lines.Count(l => l.Contains(" sshval[", StringComparison.Ordinal)));
        var file = _dir.Write("auth.log", string.Concat(lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, "^<[0-9]+>", "") + "\n")));
        var r = OpskitProcess.Run("--no-config", "ssh", "report", "--json", file);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        var json = JsonNode.Parse(r.StandardOutput)!;
        Assert.Equal((1, 1, 0), (json["accepted"]!.GetValue<int>(), json["refused"]!.GetValue<int>(), json["bad_lines"]!.GetValue<int>()));
        Assert.Equal("rm -rf /", json["top_refused"]![0]!["command"]!.GetValue<string>());
    }

    [Fact]
    public void Syslog_file_and_rfc3339_shapes_ipv6_and_reasons_with_parentheses()
    {
        var r = Report("""
            Dec  6 09:14:12 bk1 sshval[103]: ssh command rejected from 2001:db8::5: cat /etc/shadow (command not allowed: cat (not in the policy)) [key -]
            2026-12-06T09:15:12.123456+00:00 bk1 sshval[104]: ssh command accepted from 192.0.2.7: rsync --server . /x [key backup1]
            2026-12-06T09:16:12+0000 bk1 sshval[105]: ssh command rejected from 192.0.2.8: echo (hi) (reason (nested)) [key k2]
            Dec  6 09:17:12 bk1 sshd[999]: Accepted publickey for backup from 192.0.2.7 port 4000 ssh2
            """);
        Assert.Equal((1, 2, 0), (r.Accepted, r.Refused, r.BadLines));
        Assert.Equal([("-", "2001:db8::5"), ("k2", "192.0.2.8"), ("backup1", "192.0.2.7")], r.Keys.Select(k => (k.Label, k.Client)));
        var shadow = r.TopRefused.Single(c => c.Command == "cat /etc/shadow");
        Assert.Equal("command not allowed: cat (not in the policy)", shadow.Reason);
        var echo = r.TopRefused.Single(c => c.Command == "echo (hi)");
        Assert.Equal("reason (nested)", echo.Reason);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 9, 16, 12, TimeSpan.Zero), r.Keys.Single(k => k.Label == "k2").LastSeen);
    }

    [Fact]
    public void Bad_lines_are_counted_with_their_line_numbers_and_the_rest_is_read()
    {
        var r = Report("""
            Dec 06 09:11:12 bk1 sshval(100): ssh command accepted from 192.0.2.7: rsync --server . /x [key a]
            garbage line here

            Dec 06 09:17:12 bk1 sshval(105): ssh command accepted from 192.0.2.7: no label at the end
            Dec 06 09:18:12 bk1 sshval(106): ssh command rejected from 192.0.2.7: no reason [key a]
            Dec 06 09:19:12 bk1 sshval(107): ssh command rejected from 192.0.2.7: ls (ok) [key a]
            """);
        Assert.Equal((1, 1, 3), (r.Accepted, r.Refused, r.BadLines));
        Assert.Equal([(2, "no time stamp at the start"), (4, "no [key LABEL] at the end"), (5, "no (reason) after the refused command")],
            r.BadExamples.Select(b => (b.Line, b.Why)));
        Assert.All(r.BadExamples, b => Assert.Equal("log", b.Input));
    }

    [Fact]
    public void Since_leaves_out_older_decisions_and_a_year_is_inferred_for_syslog_stamps()
    {
        const string log = """
            Dec 31 23:00:00 bk1 sshval(1): ssh command rejected from 192.0.2.1: last year (refused) [key a]
            Dec 05 09:00:00 bk1 sshval(2): ssh command rejected from 192.0.2.1: yesterday (refused) [key a]
            Dec 06 09:00:00 bk1 sshval(3): ssh command rejected from 192.0.2.1: an hour ago (refused) [key a]
            """;
        Assert.Equal(1, Report(log).Refused);
        Assert.Equal(2, Report(log, TimeSpan.FromDays(2)).Refused);
        Assert.Equal(3, Report(log, TimeSpan.FromDays(400)).Refused);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero),
            Report(log, TimeSpan.FromDays(400)).TopRefused.Single(c => c.Command == "last year").LastSeen);
    }

    [Fact]
    public void Journalctl_json_and_export_input()
    {
        // Shapes of systemd's journal JSON and export formats (systemd.io/JOURNAL_EXPORT_FORMATS):
        // __REALTIME_TIMESTAMP in microseconds, MESSAGE as a string, or as a byte array when not UTF-8.
        var us = Now.AddHours(-1).ToUnixTimeMilliseconds() * 1000;
        var json = $$"""
            {"__CURSOR":"s=1;i=1","__REALTIME_TIMESTAMP":"{{us}}","SYSLOG_IDENTIFIER":"sshval","_PID":"10","MESSAGE":"ssh command accepted from 192.0.2.7: rsync --server . /x [key a]"}
            {"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"{{us + 1}}","SYSLOG_IDENTIFIER":"sshval","_PID":"11","MESSAGE":[115,115,104,32,99,111,109,109,97,110,100,32,114,101,106,101,99,116,101,100,32,102,114,111,109,32,49,46,50,46,51,46,52,58,32,120,32,40,110,111,41,32,91,107,101,121,32,98,93]}
            {"__CURSOR":"s=1;i=3","SYSLOG_IDENTIFIER":"sshval","MESSAGE":"no time"}
            not json
            """;
        var r = Report(json);
        Assert.Equal((1, 1, 2), (r.Accepted, r.Refused, r.BadLines));
        Assert.Equal(("b", "1.2.3.4"), (r.Keys[0].Label, r.Keys[0].Client));

        var export = $"""
            __CURSOR=s=1;i=1
            __REALTIME_TIMESTAMP={us}
            SYSLOG_IDENTIFIER=sshval
            MESSAGE=ssh command rejected from 192.0.2.9: rm -rf / (not allowed) [key c]

            __CURSOR=s=1;i=2
            __REALTIME_TIMESTAMP={us + 5}
            MESSAGE=interactive shell rejected from 192.0.2.9 [key c]

            __CURSOR=s=1;i=3
            SYSLOG_IDENTIFIER=sshval

            """;
        var e = Report(export);
        Assert.Equal((0, 2, 1, 1), (e.Accepted, e.Refused, e.InteractiveRefused, e.BadLines));
        Assert.Equal(10, e.BadExamples.Single().Line);
    }

    [Fact]
    public void A_missing_file_is_named_and_the_other_inputs_still_count()
    {
        var good = _dir.Write("a.log", $"{LineFor(DateTimeOffset.Now.AddMinutes(-5))} bk1 sshval(1): ssh command rejected from 192.0.2.1: x (no) [key a]\n");
        var missing = _dir.File("nosuch.log");
        var r = OpskitProcess.Run("--no-config", "ssh", "report", good, missing);
        Assert.Equal(74, r.ExitCode);
        Assert.Contains("1 refused", r.StandardOutput);
        Assert.Contains($"{missing}: not read: ", r.StandardOutput);
        var prom = OpskitProcess.Run("--no-config", "ssh", "report", "--format", "prometheus", good, missing);
        Assert.Contains("opskit_ssh_success 0\n", prom.StandardOutput);
        var usage = OpskitProcess.Run("--no-config", "ssh", "report", "--format", "nagios", good);
        Assert.Equal(64, usage.ExitCode);
        var none = OpskitProcess.Run("--no-config", "ssh", "report");
        Assert.Equal((64, "opskit: no log to read: name FILE (or - for stdin), or set [log] file\n"), (none.ExitCode, none.StandardError));
        var stdin = OpskitProcess.Run(["--no-config", "ssh", "report", "--json", "-"], stdin: File.ReadAllText(good));
        Assert.Equal(1, JsonNode.Parse(stdin.StandardOutput)!["refused"]!.GetValue<int>());
    }

    [Fact]
    public void Prometheus_output_has_the_run_gauges_and_escaped_command_labels()
    {
        var r = Report("Dec 06 09:11:12 bk1 sshval(1): ssh command rejected from 192.0.2.1: echo \"a\\b\" (no) [key a]\n");
        var text = SshReporter.Render(r, OutputFormat.Prometheus);
        Assert.Contains("opskit_ssh_top_refused_commands{command=\"echo \\\"a\\\\b\\\"\"} 1\n", text);
        Assert.Contains($"opskit_ssh_last_run_timestamp_seconds {Now.ToUnixTimeSeconds()}\n", text);
        Assert.Contains("opskit_ssh_success 1\n", text);
        Assert.Contains("opskit_ssh_report_window_seconds 86400\n", text);
    }

    private static string LineFor(DateTimeOffset t) => t.ToString("MMM dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
