// The built binary as a user runs it: exit codes, error lines, symlink dispatch, syslog.
using System.Net.Sockets;
using System.Text;
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Tests;

public class EndToEndTests
{
    [Fact]
    public async Task Version_PrintsVersionCommitDateThenTheLicence()
    {
        var r = OpskitProcess.Run("--version");
        Assert.Equal(0, r.ExitCode);
        var m = System.Text.RegularExpressions.Regex.Match(r.StandardOutput,
            @"\Aopskit (?<v>[0-9]+\.[0-9]+\.[0-9]+) \((?<c>[0-9a-f]{7,40}), (?<d>[0-9]{4}-[0-9]{2}-[0-9]{2})\)\n(?<l>[^\n]+)\n\z");
        Assert.True(m.Success, r.StandardOutput);
        Assert.Equal(BuildInfo.Version, m.Groups["v"].Value);
        Assert.Equal("MIT License, Copyright (c) 2026 The OpsKit authors", m.Groups["l"].Value);
        Assert.True(DateOnly.TryParseExact(m.Groups["d"].Value, "yyyy-MM-dd", out _), m.Groups["d"].Value);
        // In a checkout the commit is one of this repository's (the build read it from git, not a constant).
        if (Directory.Exists(Path.Combine(RepoPaths.Root, ".git")) || File.Exists(Path.Combine(RepoPaths.Root, ".git")))
        {
            var git = await new OpsKit.Core.Processes.ProcessRunner().RunAsync(new("git", "-C", RepoPaths.Root, "cat-file", "-t", m.Groups["c"].Value));
            Assert.Equal("commit", git.StandardOutput.Trim());
        }
    }

    [Fact]
    public void BadConfig_NamesFileLineColumn_AndExits78()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.toml", "# opskit\n[mail]\nto = [\"root\"]\n  vai = \"smtp\"\n");
        var r = OpskitProcess.Run("--config", bad, "config", "check");
        Assert.Equal(ExitCodes.Config, r.ExitCode);
        Assert.Equal($"opskit: {bad}:4:3: unknown key 'vai' in [mail] (did you mean 'via'?)\n", r.StandardError);
        Assert.Equal("", r.StandardOutput);
    }

    [Fact]
    public void GoodConfig_ChecksOk()
    {
        using var dir = new TempDir();
        var good = dir.Write("good.toml", "[mail]\nto = [\"root\"]\nvia = \"smtp\"\n");
        var r = OpskitProcess.Run("--config", good, "config", "check");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"{good}: OK\n", r.StandardOutput);
    }

    [Fact]
    public void OpskitConfigEnvironment_NamesTheFile()
    {
        using var dir = new TempDir();
        var file = dir.Write("env.toml", "[log]\nlevel = \"debug\"\n");
        var r = OpskitProcess.Run(["config", "show"], new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = file, ["OPSKIT_MAIL_TO"] = "a@example.org" });
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"log\.level\s+""debug""\s+file .*env\.toml:2:1", r.StandardOutput);
        Assert.Matches(@"mail\.to\s+\[""a@example\.org""\]\s+env OPSKIT_MAIL_TO", r.StandardOutput);
    }

    [Fact]
    public void UnknownCommand_IsAUsageError()
    {
        var r = OpskitProcess.Run("frobnicate");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("opskit: unknown command 'frobnicate' for 'opskit'", r.StandardError);
    }

    [Theory]
    [InlineData(new[] { "raid", "chek" }, "opskit: unknown command 'chek' for 'opskit raid' (did you mean 'check'?)")]
    [InlineData(new[] { "snapshot", "rotat" }, "opskit: unknown command 'rotat' for 'opskit snapshot' (did you mean 'rotate'?)")]
    [InlineData(new[] { "raid", "check", "--fromat", "json" }, "opskit: unknown option '--fromat' for 'opskit raid check' (did you mean '--format'?)")]
    [InlineData(new[] { "raid", "check", "--format", "xml" }, "opskit: --format: 'xml' is not one of json, nagios, prometheus, text")]
    [InlineData(new[] { "aoe", "serve", "--shelf", "x", "--interface", "lo", "/tmp/none" }, "opskit: --shelf: 'x' is not a whole number from -2147483648 to 2147483647")]
    [InlineData(new[] { "raid" }, "opskit: 'opskit raid' needs a command: check, detect, dump, sudoers")]
    public void ParseErrors_SayWhatWasMeant_InWords(string[] args, string firstLine)
    {
        var r = OpskitProcess.Run(["--no-config", .. args]);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        var lines = r.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(firstLine, lines[0]);
        Assert.DoesNotContain("System.", r.StandardError);
        Assert.DoesNotContain("OpsKit.Core", r.StandardError);
    }

    [Fact]
    public void Symlink_DispatchesByName()
    {
        using var dir = new TempDir();
        var link = dir.File("raid_check");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var r = OpskitProcess.Run(["--help"], program: link);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("opskit raid check", r.StandardOutput);
    }

    [Fact]
    public void MailTest_WithoutMailConfigured_PrintsTheAlert()
    {
        var r = OpskitProcess.Run("--no-config", "mail", "test");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("[opskit] test alert from ", r.StandardOutput);
    }

    [Fact]
    public void MailTest_ReachesTheSmtpSink_AndFailsWhenItIsDown()
    {
        using var sink = new SmtpSink();
        using var dir = new TempDir();
        var config = dir.Write("mail.toml", $"[mail]\nto = [\"ops@example.org\"]\nvia = \"smtp\"\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {sink.Port}\ntimeout = 5\n");
        var ok = OpskitProcess.Run("--config", config, "mail", "test");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal($"test alert sent to ops@example.org via smtp 127.0.0.1:{sink.Port}\n", ok.StandardOutput);
        Assert.Contains("Subject: [opskit] test alert from", Assert.Single(sink.WaitFor(1)));

        sink.Stop();
        var down = OpskitProcess.Run("--config", config, "mail", "test");
        Assert.Equal(ExitCodes.Unavailable, down.ExitCode);
        // One line naming the server and why; the alert itself goes to stdout so nothing is lost.
        Assert.Matches($@"^opskit: SMTP 127\.0\.0\.1:{sink.Port}: cannot connect: .*refused.*\n$", down.StandardError);
        Assert.StartsWith("[opskit] test alert from ", down.StandardOutput);
        Assert.Contains("If you can read it, OpsKit alerts reach you.", down.StandardOutput);
    }

    [Fact]
    public void Syslog_LineWithIdentAndPid_ArrivesAtTheConfiguredSocket()
    {
        using var dir = new TempDir();
        var path = dir.File("dev-log");
        using var server = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.ReceiveTimeout = 10000;
        var config = dir.Write("log.toml", $"[log]\nsyslog_socket = \"{path}\"\nsyslog_interactive = true\nfacility = \"daemon\"\n");
        var r = OpskitProcess.Run("--config", config, "mail", "test");
        Assert.Equal(0, r.ExitCode);
        var buffer = new byte[4096];
        var text = Encoding.UTF8.GetString(buffer, 0, server.Receive(buffer));
        // daemon (3) * 8 + warning (4) = 28; the pid is the child's, so any number.
        Assert.Matches(@"^<28>[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d \S+ opskit\[\d+\]: Alert from mail: test alert from .* \(no \[mail\] to configured; printed instead\)$", text);
    }
}
