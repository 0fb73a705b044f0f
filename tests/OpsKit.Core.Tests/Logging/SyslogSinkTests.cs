// Syslog datagrams arrive at a socket the test binds, with PRI, ident and pid.
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using OpsKit.Core.Logging;
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Logging;

public class SyslogSinkTests
{
    [Fact]
    public void CronRun_SendsRfc3164DatagramWithIdentAndPid()
    {
        using var dir = new TempDir();
        var path = dir.File("log.sock");
        using var server = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        var settings = new LogSettings { SyslogSocket = path, Facility = SyslogFacility.Parse("local3") };
        using (var factory = LogSetup.Create(RunMode.Cron, settings, "sshval"))
        {
            factory.CreateLogger("t").LogWarning("ssh command rejected from {Ip}: {Command}", "192.168.3.33", "rm -rf /some/path");
        }
        var buffer = new byte[4096];
        server.ReceiveTimeout = 5000;
        var n = server.Receive(buffer);
        var text = Encoding.UTF8.GetString(buffer, 0, n);
        // local3 = 19, warning = 4: PRI 19*8+4 = 156.
        Assert.Matches(@"^<156>[A-Z][a-z]{2} [ 123]\d \d\d:\d\d:\d\d \S+ sshval\[" + Environment.ProcessId + @"\]: ssh command rejected from 192\.168\.3\.33: rm -rf /some/path$", text);
    }

    [Fact]
    public void MissingSocket_FallsBackToTheFile_AndSaysSoOnce()
    {
        using var dir = new TempDir();
        var file = dir.File("opskit.log");
        var stderr = new StringWriter();
        var settings = new LogSettings { SyslogSocket = dir.File("nobody-listens"), File = file };
        using (var factory = LogSetup.Create(RunMode.Cron, settings, "raidchk", stderr: stderr))
        {
            factory.CreateLogger("t").LogInformation("array {Array} is {State}", "md0", "clean");
        }
        var lines = File.ReadAllLines(file);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"raidchk\(\d+\): syslog socket .*nobody-listens unavailable \(it does not exist\); logging to the log file", lines[0]);
        Assert.Matches(@"^[A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \S+ raidchk\(" + Environment.ProcessId + @"\): array md0 is clean$", lines[1]);
        // Under cron stderr is a mail: the note is in the file, not there.
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Cron_WithoutSyslogOrFile_PrintsNothingForAQuietRun_ButStillShowsWarnings()
    {
        using var dir = new TempDir();
        var stderr = new StringWriter();
        var settings = new LogSettings { SyslogSocket = dir.File("no-dev-log") };
        using (var factory = LogSetup.Create(RunMode.Cron, settings, "raidchk", stderr: stderr))
        {
            factory.CreateLogger("t").LogInformation("array {Array} is {State}", "md0", "clean");
        }
        Assert.Equal("", stderr.ToString());
        using (var factory = LogSetup.Create(RunMode.Cron, settings, "raidchk", stderr: stderr))
        {
            factory.CreateLogger("t").LogWarning("array {Array} is {State}", "md0", "degraded");
        }
        Assert.Contains("array md0 is degraded", stderr.ToString());
        Assert.DoesNotContain("syslog", stderr.ToString());
    }

    [Fact]
    public void Daemon_WithoutSyslog_SaysWhyInWords()
    {
        using var dir = new TempDir();
        var stderr = new StringWriter();
        using (LogSetup.Create(RunMode.Daemon, new LogSettings { SyslogSocket = dir.File("no-dev-log") }, "vbladed", stderr: stderr))
        {
        }
        Assert.Contains("no-dev-log unavailable (it does not exist)", stderr.ToString());
    }

    [Fact]
    public void ForcedCommand_NeverWritesToStderr()
    {
        using var dir = new TempDir();
        var stderr = new StringWriter();
        var settings = new LogSettings { SyslogSocket = dir.File("none") };
        using (var factory = LogSetup.Create(RunMode.ForcedCommand, settings, "sshval", verbosity: 2, stderr: stderr))
        {
            factory.CreateLogger("t").LogError("something {What}", "bad");
        }
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Interactive_WarningsGoToStderr_InfoOnlyWithVerbose()
    {
        var quiet = new StringWriter();
        using (var f = LogSetup.Create(RunMode.Interactive, new LogSettings { Syslog = false }, "opskit", 0, quiet))
        {
            var log = f.CreateLogger("t");
            log.LogInformation("hidden");
            log.LogWarning("disk {Disk} is slow", "sda");
        }
        Assert.Equal("opskit: warning: disk sda is slow\n", quiet.ToString().Replace("\r", ""));
        var verbose = new StringWriter();
        using (var f = LogSetup.Create(RunMode.Interactive, new LogSettings { Syslog = false }, "opskit", 1, verbose))
        {
            f.CreateLogger("t").LogInformation("shown");
        }
        Assert.Equal("opskit: shown\n", verbose.ToString());
    }

    [Fact]
    public void ControlCharactersInMessages_AreEscaped()
    {
        var e = new LogEntry(DateTimeOffset.Now, LogLevel.Warning, "t", "rejected: rm\n-rf\x1b[2J", null);
        Assert.Equal("rejected: rm\\n-rf\\x1b[2J", LineFormat.OneLine(e));
    }

    [Fact]
    public void Scopes_PrefixTheBackendName()
    {
        var w = new StringWriter();
        using (var f = LogSetup.Create(RunMode.Interactive, new LogSettings { Syslog = false }, "opskit", 0, w))
        {
            var log = f.CreateLogger("t");
            using (log.BeginScope("megacli")) log.LogWarning("BBU {State}", "failed");
        }
        Assert.Equal("opskit: warning: megacli: BBU failed\n", w.ToString());
    }
}
