// The real captures in tests/data/iowait and the summaries their README says they must give.
using OpsKit.IoWait.Summary;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Summary;

public class RealCaptureTests
{
    internal static SummaryReport Summarise(string file, SummaryFilter? filter = null) =>
        LogScanner.Scan([RepoPaths.TestData("iowait", file)], filter ?? SummaryFilter.None, 2009, () => Stream.Null).ToReport();

    private static ProcessRow Proc(SummaryReport r, string comm, int? pid) => Assert.Single(r.Processes, p => p.Comm == comm && p.Pid == pid);

    [Fact]
    public void Dmesg_with_noise_counts_88_of_124_lines_and_dd_tops_the_report()
    {
        var r = Summarise("blockdump-2.6.27-dmesg-with-noise.txt");
        Assert.Equal(124, r.Lines);
        Assert.Equal(88, r.Events);
        var top = r.Processes[0];
        Assert.Equal(("dd", (int?)4787, 35L, 35L), (top.Comm, top.Pid, top.Counts.Events, top.Counts.Reads));
        Assert.Equal(new Counts(17, 0, 0, 0, 17), Proc(r, "klogd", 4790).Counts);
        Assert.Equal(new Counts(16, 0, 0, 0, 16), Proc(r, "gnome-do", 12104).Counts);
        Assert.Equal(new Counts(7, 0, 9, 0, 7), Proc(r, "syslogd", 4733).Counts);
        Assert.Equal(new Counts(3, 0, 1, 0, 3), Proc(r, "gnome-do", 12103).Counts);
        Assert.Equal(5, r.Processes.Count);
    }

    [Fact]
    public void Gnome_do_stays_one_name_with_two_pids()
    {
        var r = Summarise("blockdump-2.6.27-dmesg-with-noise.txt");
        var gnome = Assert.Single(r.Commands, c => c.Comm == "gnome-do");
        Assert.Equal([12103, 12104], gnome.Pids);
        Assert.Equal(20, gnome.Counts.Events);
        Assert.DoesNotContain(r.Commands, c => c.Comm is "gnome" or "do");
        // sda5 and sda6 stay apart (the one-liner merged them into "sda").
        Assert.Equal(["sda5", "sda6"], r.Devices.Select(d => d.Device).Order());
    }

    [Fact]
    public void Kjournald_capture_has_20_writes_on_sda1_and_the_echo_dirtying_proc()
    {
        var r = Summarise("blockdump-2.6.19-dmesg-kjournald.txt");
        var k = Proc(r, "kjournald", 1813);
        Assert.Equal((20L, 0L, 0L), (k.Counts.Writes, k.Counts.Reads, k.Counts.Dirtied));
        Assert.Equal(["sda1"], k.Devices);
        var bash = Proc(r, "bash", 7073);
        Assert.Equal((1L, 1L), (bash.Counts.Events, bash.Counts.Dirtied));
        Assert.Equal(["proc"], bash.Devices);
        Assert.Equal(6691.516770, r.Span.FirstUptime!.Value, 6);
        Assert.Equal(6696.037396, r.Span.LastUptime!.Value, 6);
    }

    [Fact]
    public void Lkml_24_lines_without_pid_count_sectors_from_the_slash_field()
    {
        var r = Summarise("blockdump-2.4-laptop-mode-lkml-2003.txt");
        var k = Assert.Single(r.Processes);
        Assert.Equal(("kjournald", (int?)null, 7L, 7 * 8 * 512L), (k.Comm, k.Pid, k.Counts.Writes, k.Counts.Bytes));
        Assert.Equal(["03:05"], k.Devices);
    }

    [Fact]
    public void Syslog_capture_reads_every_line_behind_the_syslog_prefix()
    {
        var r = Summarise("blockdump-2.6.27-syslog-mythbox.txt");
        Assert.Equal(149, r.Lines);
        Assert.Equal(149, r.Events);
        Assert.Equal(("firefox", (int?)7140, 98L), (r.Processes[0].Comm, r.Processes[0].Pid, r.Processes[0].Counts.Reads));
        Assert.Equal(("kjournald", 44L), (r.Processes[1].Comm, r.Processes[1].Counts.Writes));
        var myth = Proc(r, "mythbackend", 5687);
        Assert.Equal((2L, 5L), (myth.Counts.Writes, myth.Counts.Dirtied));
        Assert.Equal(new DateTime(2009, 1, 29, 12, 16, 47), r.Span.FirstWall);
        Assert.Contains(SummaryNotes.For(r), n => n.StartsWith("kjournald", StringComparison.Ordinal));
    }

    [Fact]
    public void Wiki_capture_sums_sector_counts_into_bytes()
    {
        var r = Summarise("blockdump-3.x-dmesg-sectors-wiki.txt");
        var flush = Proc(r, "flush-252:0", 1890);
        Assert.Equal((9L, 1L, 10 * 2 * 512L, 0L), (flush.Counts.Writes, flush.Counts.Reads, flush.Counts.Bytes, flush.Counts.SizeUnknown));
        Assert.Equal(new Counts(1, 0, 2, 1024, 0), Proc(r, "bash", 1785).Counts);
        Assert.Equal(new Counts(0, 2, 0, 2048, 0), Proc(r, "sync_supers", 17).Counts);
        var hoge = Assert.Single(r.Inodes);
        Assert.Equal(("sbd0", 12UL, "hoge.txt", 2L), (hoge.Device, hoge.Inode, hoge.Name, hoge.Dirtied));
    }

    [Fact]
    public void Misc_lines_parse_each_variant_and_skip_the_comment_lines()
    {
        var r = Summarise("blockdump-misc-lines.txt");
        Assert.Equal(8, r.Events);
        Assert.Equal(2, Proc(r, "nginx", 28798).Counts.Dirtied);
        Assert.Equal(4096, Proc(r, "ceph-osd", 21875).Counts.Bytes);
        Assert.Equal(1, Proc(r, "ceph-osd", 3090221).Counts.SizeUnknown);
        Assert.Equal(1, Proc(r, "reiserfs/0", 12).Counts.Dirtied);
        Assert.Equal(["vda1"], Proc(r, "jbd2/vda1-8", 297).Devices);
        Assert.Equal(["md1"], Proc(r, "bash", 6856).Devices);
    }

    [Fact]
    public void Since_and_until_keep_only_lines_inside_the_uptime_window()
    {
        var r = Summarise("blockdump-2.6.19-dmesg-kjournald.txt", SummaryFilter.Parse("6693", "6695", 2009));
        Assert.Equal(8, r.Events);
        Assert.Equal(13, r.OutsideWindow);
        Assert.Equal(8, Proc(r, "kjournald", 1813).Counts.Writes);
    }

    [Fact]
    public void Wall_clock_windows_apply_to_syslog_stamps()
    {
        var r = Summarise("blockdump-2.6.27-syslog-mythbox.txt", SummaryFilter.Parse("Jan 29 12:16:48", null, 2009));
        Assert.True(r.Events > 0);
        Assert.True(r.Events < 149);
        Assert.Equal(149, r.Events + r.OutsideWindow);
    }

    [Fact]
    public void Ftrace_output_of_modern_kernels_is_not_mistaken_for_block_dump()
    {
        var r = Summarise("ftrace-block-writeback-6.18.txt");
        Assert.Equal(0, r.Events);
        Assert.True(r.Lines > 100);
    }
}
