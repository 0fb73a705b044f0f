// The built opskit binary end to end against the real aide on a scratch tree: the counts in
// --json, Nagios exit 1 then 0 after accept, the tampered database, AIDE missing, the config
// printed by 'aide config' through 'aide --config-check', --cron silence and the mail.
using System.Text.Json.Nodes;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Aide.Tests.Cli;

public class AideCliTests
{
    private static CommandResult Opskit(AideScratch s, params string[] args) => OpskitProcess.Run(["--config", s.Toml, .. args]);

    private static void Ok(CommandResult r, int exit = 0) =>
        Assert.True(r.ExitCode == exit, $"exit {r.ExitCode} (wanted {exit})\nstdout: {r.StandardOutput}\nstderr: {r.StandardError}");

    [Fact]
    public void Json_reports_exactly_the_known_changes_and_nagios_is_ok_after_accept()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        s.Write("etc/new", "1\n");
        s.Write("etc/new2", "2\n");
        s.Write("bin/new3", "3\n");
        File.Delete(s.P("etc/b"));
        File.Delete(s.P("bin/d"));
        File.AppendAllText(s.P("etc/a"), "x\n");
        File.SetUnixFileMode(s.P("bin/c"), UnixFileMode.UserRead);

        var json = Opskit(s, "aide", "check", "--json");
        Ok(json, 1);
        var o = JsonNode.Parse(json.StandardOutput)!;
        Assert.Equal("WARNING", (string?)o["status"]);
        Assert.Equal(3, (int)o["summary"]!["added"]!);
        Assert.Equal(2, (int)o["summary"]!["removed"]!);
        Assert.Equal(2, (int)o["summary"]!["changed"]!);
        var changed = o["changed"]!.AsArray().ToDictionary(e => (string)e!["path"]!, e => string.Join(',', e!["attributes"]!.AsArray().Select(a => (string)a!)));
        Assert.Equal("size,sha256", changed[s.P("etc/a")]);
        Assert.Equal("perm", changed[s.P("bin/c")]);
        Assert.Equal([s.P("bin/d"), s.P("etc/b")], o["removed"]!.AsArray().Select(e => (string)e!["path"]!).Order(StringComparer.Ordinal));

        var nagios = Opskit(s, "aide", "check", "--format", "nagios");
        Ok(nagios, 1);
        Assert.StartsWith("AIDE WARNING: 3 added, 2 removed, 2 changed", nagios.StandardOutput);
        Assert.Contains("| added=3;;;0 removed=2;;;0 changed=2;;;0", nagios.StandardOutput);

        var accept = Opskit(s, "aide", "accept");
        Ok(accept);
        Assert.Contains("previous database archived as " + s.Settings.DatabasePath + ".", accept.StandardOutput);
        var after = Opskit(s, "aide", "check", "--format", "nagios");
        Ok(after, 0);
        Assert.StartsWith("AIDE OK: no changes", after.StandardOutput);
    }

    [Fact]
    public void A_change_under_a_critical_path_is_critical()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        File.AppendAllText(s.P("etc/ssh/sshd_config"), "PermitRootLogin yes\n");
        var r = Opskit(s, "aide", "check", "--format", "nagios");
        Ok(r, 2);
        Assert.Contains("CRITICAL: changed " + s.P("etc/ssh/sshd_config"), r.StandardOutput);
    }

    [Fact]
    public void A_one_byte_change_to_the_database_is_critical_and_names_the_file()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        var bytes = File.ReadAllBytes(s.Settings.DatabasePath);
        bytes[^10] ^= 0x20;
        File.WriteAllBytes(s.Settings.DatabasePath, bytes);
        var r = Opskit(s, "aide", "check");
        Ok(r, 2);
        Assert.StartsWith($"AIDE CRITICAL: {s.Settings.DatabasePath}: database does not match the digest recorded in {s.Settings.StateFile}", r.StandardOutput);
        var status = Opskit(s, "aide", "status");
        Ok(status, 2);
        Assert.Contains("trusted      NO", status.StandardOutput);
        var nagios = Opskit(s, "aide", "check", "--format", "nagios");
        Ok(nagios, 2);
    }

    [Fact]
    public void Missing_aide_exits_69_with_one_clear_line()
    {
        using var s = new AideScratch($"aide = \"/nonexistent/aide\"\n");
        var r = Opskit(s, "aide", "check");
        Ok(r, 69);
        Assert.Equal("opskit: /nonexistent/aide: not found; install Debian's aide package or set [aide] aide to its path\n", r.StandardError);
        Assert.Equal("", r.StandardOutput);
    }

    [Fact]
    public void An_aide_config_error_is_surfaced_with_file_and_line()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        File.WriteAllText(s.AideConf, "F = p+u+g\n" + s.Tree + " F\nreport_bogus=yes\n");
        var r = Opskit(s, "aide", "check", "--format", "nagios");
        Ok(r, 3);
        Assert.Contains($"AIDE UNKNOWN: aide --check -c {s.AideConf} failed (exit 17, configuration error): {s.AideConf}:3: unknown config option: 'report_bogus'", r.StandardOutput);
        var init = Opskit(s, "aide", "init", "--force");
        Ok(init, 78);
        Assert.StartsWith($"opskit: aide --init -c {s.AideConf} failed (exit 17, configuration error): {s.AideConf}:3:", init.StandardError);
    }

    [Fact]
    public async Task The_printed_config_passes_aide_config_check_from_stdin()
    {
        var conf = OpskitProcess.Run("--no-config", "aide", "config");
        Ok(conf);
        var check = await new ProcessRunner().RunAsync(new CommandSpec("aide", "--config-check", "-c", "-") { StandardInput = System.Text.Encoding.UTF8.GetBytes(conf.StandardOutput) });
        Assert.True(check.Succeeded, $"aide --config-check: exit {check.ExitCode}: {check.StandardError}");
        Ok(OpskitProcess.Run("--no-config", "aide", "config", "--home", "--check"));
    }

    [Fact]
    public void Cron_is_silent_when_nothing_changed_and_mails_a_short_report_when_something_did()
    {
        using var sink = new SmtpSink();
        using var s = new AideScratch($"""

            [mail]
            to = ["security@example.test"]
            via = "smtp"
            smtp_host = "127.0.0.1"
            smtp_port = {sink.Port}
            timeout = 10
            """ + "\n");
        Ok(Opskit(s, "aide", "init"));
        var quiet = Opskit(s, "aide", "check", "--cron");
        Ok(quiet);
        Assert.Equal("", quiet.StandardOutput);
        // These VMs have no /dev/log: the logger's one warning about that is the host's, not ours.
        Assert.Equal("", string.Concat(quiet.StandardError.Split('\n').Where(l => !l.Contains("syslog socket /dev/log", StringComparison.Ordinal))));
        Assert.Empty(sink.Messages);

        s.Write("etc/new", "new\n");
        var loud = Opskit(s, "aide", "check", "--cron");
        Ok(loud, 1);
        Assert.StartsWith("AIDE WARNING: 1 added, 0 removed, 0 changed", loud.StandardOutput);
        var mail = Assert.Single(sink.WaitFor(1));
        Assert.Contains("Subject: [opskit] AIDE WARNING on", mail);
        Assert.Contains(s.P("etc/new"), mail);
        Assert.Contains("full report: " + s.Settings.ReportPath, mail);
        Assert.Contains("sha256 ", mail);
    }

    [Fact]
    public void The_aide_check_name_runs_the_cron_check()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        var link = s.Dir.File("aide_check");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var quiet = OpskitProcess.Run(["--config", s.Toml], program: link);
        Ok(quiet);
        Assert.Equal("", quiet.StandardOutput);
        File.Delete(s.P("etc/a"));
        var loud = OpskitProcess.Run(["--config", s.Toml], program: link);
        Ok(loud, 1);
        Assert.StartsWith("AIDE WARNING: 0 added, 1 removed, 0 changed", loud.StandardOutput);
    }

    [Fact]
    public void Rotate_with_now_expires_archives_but_keeps_the_current_database_and_report()
    {
        using var s = new AideScratch();
        Ok(Opskit(s, "aide", "init"));
        Ok(Opskit(s, "aide", "check"));
        s.Write("etc/new", "new\n");
        Ok(Opskit(s, "aide", "accept"));
        Assert.Single(Directory.EnumerateFiles(s.Settings.DatabaseDirectory, "aide.db.2*"));
        Assert.Equal(2, Directory.EnumerateFiles(s.Settings.LogDirectory, "aide.log.2*").Count());

        var soon = Opskit(s, "aide", "rotate", "--now", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Ok(soon);
        Assert.Equal(3, Directory.EnumerateFiles(s.Tree + "/..", "*.gz", SearchOption.AllDirectories).Count());

        var late = Opskit(s, "aide", "rotate", "--now", DateTime.UtcNow.AddDays(91).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "--json");
        Ok(late);
        Assert.Equal(3, JsonNode.Parse(late.StandardOutput)!["steps"]!.AsArray().Count(x => (string)x!["action"]! == "delete"));
        Assert.Empty(Directory.EnumerateFiles(s.Tree + "/..", "*.gz", SearchOption.AllDirectories));
        Assert.True(File.Exists(s.Settings.DatabasePath));
        Assert.True(File.Exists(s.Settings.ReportPath));
        Ok(Opskit(s, "aide", "check"));
    }

    [Fact]
    public void A_relative_path_in_the_aide_table_is_a_config_error_naming_file_and_line()
    {
        using var d = new TempDir("aide-conf");
        var toml = d.Write("opskit.toml", "[aide]\nmax_age = 30\nconfig = \"aide.conf\"\n");
        var r = OpskitProcess.Run("--config", toml, "aide", "status");
        Ok(r, 78);
        Assert.StartsWith($"opskit: {toml}:3:", r.StandardError);
        Assert.Contains("[aide] config: 'aide.conf' is not an absolute path", r.StandardError);
    }
}
