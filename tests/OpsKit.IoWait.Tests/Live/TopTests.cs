// "iowait top" on a fixture sequence (two /proc snapshots 2 s apart), its
// parsers, and a live run in which a real dd writer must top the list (or follow only processes that waited longer).
using System.Diagnostics;
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.IoWait.Live;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Live;

public class TopTests
{
    private static readonly string s_fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "top", "dd-writer");

    private static TopSample FixtureSample() =>
        TopDiff.Between(ProcSnapshot.Take(new SystemContext(rootPath: Path.Combine(s_fixture, "0"))),
            ProcSnapshot.Take(new SystemContext(rootPath: Path.Combine(s_fixture, "1"))));

    [Fact]
    public void Processes_rank_by_io_wait_then_bytes()
    {
        var s = FixtureSample();
        Assert.Equal(2.0, s.Seconds, 6);
        Assert.Equal(["dd", "postgres: wal", "kworker/u8:1", "(sd-pam) x"], s.Rows.Select(r => r.Comm));
        var dd = s.Rows[0];
        Assert.Equal(59.0, dd.IoWaitPercent, 6);
        Assert.Equal(1489000000 / 2.0, dd.WriteBytesPerSec);
        Assert.Equal(14336, dd.ReadBytesPerSec);
    }

    [Fact]
    public void Unreadable_io_is_hidden_but_io_wait_is_still_shown()
    {
        var s = FixtureSample();
        var pg = Assert.Single(s.Rows, r => r.Pid == 4242);
        Assert.Equal((20.0, (double?)null, 1000), (pg.IoWaitPercent, pg.WriteBytesPerSec, pg.Uid));
        Assert.Equal(1, s.Hidden);
        Assert.Contains(TopNotes.For(s), n => n.Contains("need root", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reused_pid_counts_as_a_new_process_from_zero()
    {
        var p = Assert.Single(FixtureSample().Rows, r => r.Pid == 777);
        Assert.Equal(("(sd-pam) x", 1.0, 4096.0, 2048.0), (p.Comm, p.IoWaitPercent, p.ReadBytesPerSec!.Value, p.CancelledBytesPerSec!.Value));
    }

    [Fact]
    public void Pressure_and_whole_disks_come_from_psi_and_diskstats()
    {
        var s = FixtureSample();
        Assert.Equal(30.0, s.PsiSomePercent!.Value, 6);
        Assert.Equal(20.0, s.PsiFullPercent!.Value, 6);
        var vda = Assert.Single(s.Disks);
        Assert.Equal(("vda", 28672.0, 745472000.0, 70.0), (vda.Name, vda.ReadBytesPerSec, vda.WriteBytesPerSec, vda.UtilPercent));
    }

    [Fact]
    public void Stat_comm_with_spaces_and_parentheses_is_read_to_the_last_paren()
    {
        var stat = "42 (a) b (c)) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5555 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 77 0 0";
        Assert.True(ProcParsers.TryParseStat(stat, out var comm, out var start, out var ticks));
        Assert.Equal(("a) b (c)", 5555L, 77L), (comm, start, ticks));
    }

    [Fact]
    public void The_text_report_of_the_fixture_sequence_matches_its_golden_file()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "top", "--root", s_fixture);
        Assert.Equal(0, r.ExitCode);
        Golden.Assert("top/dd-writer.txt", r.StandardOutput);
    }

    [Fact]
    public void Json_of_the_fixture_sequence_names_dd_first()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "top", "--json", "--root", s_fixture);
        Assert.Equal(0, r.ExitCode);
        var sample = JsonNode.Parse(r.StandardOutput)!["samples"]![0]!;
        Assert.Equal("dd", (string)sample["processes"]![0]!["comm"]!);
        Assert.Equal("postgres", (string)sample["processes"]![1]!["user"]!);
        Assert.Equal(1, (int)sample["task_delayacct"]!);
    }

    [Fact]
    public void A_root_without_proc_or_snapshots_is_a_usage_error()
    {
        using var dir = new TempDir("iowait-top");
        var r = OpskitProcess.Run("--no-config", "iowait", "top", "--root", dir.Path);
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("DIR/0/proc", r.StandardError);
    }

    [RootFact]
    public void As_nobody_it_runs_and_says_how_many_processes_it_cannot_see()
    {
        var r = OpskitProcess.Run(["-u", "nobody", "--", RepoPaths.OpskitBinary, "--no-config", "iowait", "top", "--interval", "0.2", "--count", "1", "--json"],
            program: "runuser");
        Assert.True(r.ExitCode == 0, r.StandardError);
        var sample = JsonNode.Parse(r.StandardOutput)!["samples"]![0]!;
        Assert.True((int)sample["hidden"]! > 0, r.StandardOutput);
        Assert.Contains(sample["notes"]!.AsArray(), n => ((string)n!).Contains("not readable", StringComparison.Ordinal));
    }

    [RootFact]
    public void A_real_direct_io_dd_writer_tops_the_live_list()
    {
        // With delay accounting on (as the tool's note tells the user to do), dd blocks on
        // its direct writes most of the time and must lead the IO-wait ranking.
        const string delayacct = "/proc/sys/kernel/task_delayacct";
        var saved = File.Exists(delayacct) ? File.ReadAllText(delayacct).Trim() : null;
        if (saved is not null) File.WriteAllText(delayacct, "1\n");
        using var dir = new TempDir("iowait-dd");
        using var dd = Process.Start(new ProcessStartInfo("dd", ["if=/dev/zero", $"of={dir.File("dd.out")}", "bs=256k", "count=8192", "oflag=direct,dsync", "status=none"])
        { RedirectStandardError = true })!;
        try
        {
            // Wait until dd has written something, so it exists in both snapshots.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && !dd.HasExited && ProcParsers.ParseIo(File.ReadAllText($"/proc/{dd.Id}/io")).WriteBytes == 0) Thread.Sleep(20);
            Assert.False(dd.HasExited, "dd finished before sampling; the disk is faster than this test assumes");
            var r = OpskitProcess.Run("--no-config", "iowait", "top", "--interval", "0.5", "--count", "1", "--json");
            Assert.Equal(0, r.ExitCode);
            var rows = JsonNode.Parse(r.StandardOutput)!["samples"]![0]!["processes"]!.AsArray();
            var at = rows.ToList().FindIndex(p => (int)p!["pid"]! == dd.Id);
            Assert.True(at >= 0 && (string)rows[at]!["comm"]! == "dd", $"dd (pid {dd.Id}) is not listed:\n{r.StandardOutput}");
            var row = rows[at]!;
            Assert.True((double)row["io_wait_percent"]! > 0 && (double)row["write_bytes_per_sec"]! > 1 << 20, row.ToJsonString());
            // dd tops the list unless another process of this (shared) machine waited on IO even longer in the same
            // interval (a build's rm -rf beside the test run); never below one that waited less.
            Assert.All(rows.Take(at), p => Assert.True((double)p!["io_wait_percent"]! >= (double)row["io_wait_percent"]!, $"{p.ToJsonString()} ranked above dd:\n{r.StandardOutput}"));
        }
        finally
        {
            if (!dd.HasExited) dd.Kill();
            dd.WaitForExit();
            if (saved is not null) File.WriteAllText(delayacct, saved + "\n");
        }
    }
}
