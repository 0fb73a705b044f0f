// enable/disable/capture against fixture /proc trees: a 2.6.27 host that has
// vm.block_dump and a 6.18 host that has not.
using Microsoft.Extensions.Logging.Abstractions;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.IoWait.Summary;
using OpsKit.IoWait.Switch;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Switch;

public sealed class BlockDumpSwitchTests : IDisposable
{
    private readonly TempDir _dir = new("iowait-switch");

    private string CopyFixture(string name)
    {
        var from = Path.Combine(AppContext.BaseDirectory, "Fixtures", "switch", name);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_dir.Path, name, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return Path.Combine(_dir.Path, name);
    }

    private string Sysctl(string root) => File.ReadAllText(Path.Combine(root, "proc/sys/vm/block_dump")).Trim();

    [Fact]
    public void Enable_and_disable_write_the_sysctl_of_the_root()
    {
        var root = CopyFixture("kernel-2.6.27");
        var sw = new BlockDumpSwitch(new SystemContext(rootPath: root));
        sw.Set(true);
        Assert.Equal("1", Sysctl(root));
        Assert.Equal(1, sw.Read());
        sw.Set(false);
        Assert.Equal("0", Sysctl(root));
    }

    [Fact]
    public void Logging_daemons_are_named_for_the_feedback_warning()
    {
        var sw = new BlockDumpSwitch(new SystemContext(rootPath: CopyFixture("kernel-2.6.27")));
        Assert.Equal(["klogd (pid 4790)", "syslogd (pid 4733)"], sw.LoggingDaemons());
    }

    [Fact]
    public void A_kernel_without_block_dump_is_unavailable_and_points_to_top()
    {
        var sw = new BlockDumpSwitch(new SystemContext(rootPath: CopyFixture("kernel-6.18")));
        var e = Assert.Throws<OpsKitException>(() => sw.Set(true));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("removed in Linux 5.14 (this kernel: 6.18.44)", e.Message);
        Assert.Contains("opskit iowait top", e.Message);
    }

    private static ReplayRunner DmesgReplay() => new ReplayRunner().OnOutput("dmesg", [],
        File.ReadAllText(RepoPaths.TestData("iowait", "blockdump-2.6.27-dmesg-with-noise.txt")));

    [Fact]
    public async Task Capture_switches_on_then_off_and_summarises_lines_after_the_start()
    {
        var root = CopyFixture("kernel-2.6.27");
        File.WriteAllText(Path.Combine(root, "proc/uptime"), "42911.40 1.0\n");
        var runner = DmesgReplay();
        var w = new StringWriter();
        var code = await new CaptureRunner(new SystemContext(rootPath: root, runner: runner), NullLogger.Instance)
            .RunAsync(new CaptureOptions(TimeSpan.FromMilliseconds(20), SummaryBy.Process, null, Json: false), w, CancellationToken.None);
        Assert.Equal(0, code);
        Assert.Equal("0", Sysctl(root));
        Assert.Equal("dmesg", Assert.Single(runner.Calls).Program);
        // Lines stamped before 42911.40 (dd's first 30 reads among them) are left out.
        Assert.Contains("block_dump lines outside --since/--until", w.ToString());
        Assert.Matches(@"\nklogd\(4790\)\s+17\s", w.ToString());
        Assert.DoesNotMatch(@"\ndd\(4787\)\s+35\s", w.ToString());
    }

    [Fact]
    public async Task An_interrupted_capture_still_switches_off_and_reports()
    {
        var root = CopyFixture("kernel-2.6.27");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var w = new StringWriter();
        var code = await new CaptureRunner(new SystemContext(rootPath: root, runner: DmesgReplay()), NullLogger.Instance)
            .RunAsync(new CaptureOptions(TimeSpan.FromMinutes(5), SummaryBy.Process, null, Json: false), w, cts.Token);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("0", Sysctl(root));
        Assert.Contains("dd(4787)", w.ToString());
    }

    [Fact]
    public void The_commands_exit_69_on_this_kernel_family_and_write_the_fixture_otherwise()
    {
        var modern = CopyFixture("kernel-6.18");
        var r = OpskitProcess.Run("--no-config", "iowait", "enable", "--root", modern);
        Assert.Equal(69, r.ExitCode);
        Assert.Contains("opskit iowait top", r.StandardError);
        var old = CopyFixture("kernel-2.6.27");
        r = OpskitProcess.Run("--no-config", "iowait", "enable", "--root", old);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("1", Sysctl(old));
        Assert.Contains("syslogd (pid 4733)", r.StandardError);
        r = OpskitProcess.Run("--no-config", "iowait", "disable", "--root", old);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0", Sysctl(old));
    }

    public void Dispose() => _dir.Dispose();
}
