// Live sources that run programs: journalctl -k (export format, from the saved cursor) and
// the RAS tools listed in [hwerr] tools, answered by a replay runner; a failing tool is UNKNOWN.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.HwErr.Output;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests;

public sealed class LiveSourceTests : IDisposable
{
    private readonly TempDir _dir = new("hwerr-live");

    private Dictionary<string, string> Path(params string[] programs)
    {
        foreach (var p in programs)
        {
            var f = _dir.Write($"bin/{p}", "#!/bin/sh\nexit 99\n");
            File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        return new Dictionary<string, string> { ["PATH"] = _dir.File("bin") };
    }

    private static CommandResult Ok(string stdout) => new(0, stdout, "", TimeSpan.Zero);

    [Fact]
    public async Task Journal_and_edac_util_are_run_with_the_declared_arguments_and_judged()
    {
        var runner = new ReplayRunner()
            .When(c => System.IO.Path.GetFileName(c.Program) == "journalctl", _ => Ok(
                "__CURSOR=s=1\n_TRANSPORT=kernel\nMESSAGE=mce: [Hardware Error]: CPU 0: Machine Check: 0 Bank 5: be00000000800400\n\n"))
            .When(c => System.IO.Path.GetFileName(c.Program) == "edac-util", _ => Ok(File.ReadAllText(System.IO.Path.Combine(DataCases.Root, "tools", "edac-util-v-4mc-ce7836.txt"))));
        var context = new SystemContext(_dir.Path, runner, new ManualClock(DateTimeOffset.UnixEpoch), Path("journalctl", "edac-util"));
        var state = _dir.File("state.json");
        var report = await new HwErrChecker(context, new HwErrSettings { KernelLog = "journal", Tools = ["edac-util"] }).LiveAsync(state);
        Assert.Equal(
            [$"journalctl -k -o export --no-pager --cursor-file={state}.journal-cursor", "edac-util -v"],
            runner.Calls.Select(c => System.IO.Path.GetFileName(c.Program) + " " + string.Join(' ', c.Arguments)));
        Assert.True(report.Status == CheckStatus.Critical, TextReport.Render(report));
        Assert.Equal(["log/mce/bank5/uncorrected"], report.Pending.Select(p => p.Key));
        var dimm = report.Sources.Single(s => s.Source == "edac-util").Observations.Single(o => o.Value > 0);
        Assert.Equal(("CPU_SrcID#0_MC#2_Chan#0_DIMM#0", CheckStatus.Warning), (dimm.Dimm, Model.SourceReport.Judged(dimm)));
    }

    [Fact]
    public async Task Failing_or_missing_tool_is_unknown_with_its_message()
    {
        var runner = new ReplayRunner().When(c => System.IO.Path.GetFileName(c.Program) == "ras-mc-ctl", _ => new CommandResult(1, "", "DBI connect failed: unable to open database file", TimeSpan.Zero));
        var context = new SystemContext(_dir.Path, runner, new ManualClock(DateTimeOffset.UnixEpoch), Path("ras-mc-ctl"));
        var report = await new HwErrChecker(context, new HwErrSettings { KernelLog = "none", Tools = ["ras-mc-ctl"] }).LiveAsync(_dir.File("state.json"));
        Assert.Equal(CheckStatus.Unknown, report.Status);
        Assert.Equal($"{_dir.File("bin/ras-mc-ctl")} --summary: exit 1 DBI connect failed: unable to open database file", report.Sources.Single(s => s.Source == "ras-mc-ctl").Notes.Single().Message);
    }

    public void Dispose() => _dir.Dispose();
}
