// Live checks through the state file, on a scratch root whose sysfs counters and /dev/kmsg
// records the tests change between runs: corrected errors follow their increase within
// 24 hours, uncorrected ones stay CRITICAL until "hwerr ack", a new boot starts counters afresh.
using OpsKit.Core;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Output;
using OpsKit.Testing;

namespace OpsKit.HwErr.Tests;

public sealed class StateTests : IDisposable
{
    private readonly TempDir _root = new("hwerr-root");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly List<string> _kmsg = [];
    private long _seq = 100;

    public StateTests()
    {
        Mc("mc0/ce_count", "0");
        Mc("mc0/ue_count", "0");
        Mc("mc0/dimm0/dimm_ce_count", "0");
        Mc("mc0/dimm0/dimm_ue_count", "0");
        Mc("mc0/dimm0/dimm_label", "CPU0_DIMM_A1");
        _root.Write("proc/sys/kernel/random/boot_id", "11111111-aaaa\n");
        Kmsg("6", "EDAC MC0: Giving out device to module skx_edac controller Skylake Socket#0 IMC#0: DEV 0000:3a:0a.0 (INTERRUPT)");
    }

    private string State => _root.File("state", "hwerr.json");

    private void Mc(string file, string value) => _root.Write($"sys/devices/system/edac/mc/{file}", value + "\n");

    private void Kmsg(string pri, string text)
    {
        _kmsg.Add($"{pri},{_seq++},{_seq * 1000},-;{text}");
        _root.Write("dev/kmsg", string.Join("\n", _kmsg) + "\n");
    }

    private HwErrReport Live(HwErrSettings? settings = null) =>
        new HwErrChecker(new SystemContext(_root.Path, clock: _clock), settings ?? new HwErrSettings()).LiveAsync(State).GetAwaiter().GetResult();

    private static string Why(HwErrReport r) => TextReport.Render(r);

    [Fact]
    public void Rising_ce_count_goes_ok_then_warning_then_ok_after_24_hours()
    {
        var first = Live();
        Assert.True(first.Status == CheckStatus.Ok, Why(first));
        Mc("mc0/ce_count", "1");
        Mc("mc0/dimm0/dimm_ce_count", "1");
        _clock.Now += TimeSpan.FromMinutes(5);
        var second = Live();
        Assert.True(second.Status == CheckStatus.Warning, Why(second));
        Assert.Contains("mc0 dimm0 CPU0_DIMM_A1 corrected: 1 in 24 h (total 1)", ReportSummary.Line(second));
        _clock.Now += TimeSpan.FromHours(12);
        Assert.Equal(CheckStatus.Warning, Live().Status);
        _clock.Now += TimeSpan.FromHours(13);
        var later = Live();
        Assert.True(later.Status == CheckStatus.Ok, Why(later));
    }

    [Fact]
    public void Ue_count_stays_critical_until_ack_and_a_new_one_raises_it_again()
    {
        Assert.Equal(CheckStatus.Ok, Live().Status);
        Mc("mc0/ue_count", "1");
        var hit = Live();
        Assert.True(hit.Status == CheckStatus.Critical, Why(hit));
        _clock.Now += TimeSpan.FromDays(3);
        var still = Live();
        Assert.True(still.Status == CheckStatus.Critical, Why(still));
        Assert.Contains("mc0 uncorrected: 1 (since 2026-12-01 03:00 UTC, until 'hwerr ack')", ReportSummary.Line(still));
        var acked = HwErrChecker.Acknowledge(State);
        Assert.Equal(["mc0 uncorrected"], acked.Select(a => a.What));
        var after = Live();
        Assert.True(after.Status == CheckStatus.Ok, Why(after));
        Mc("mc0/ue_count", "2");
        Assert.Equal(CheckStatus.Critical, Live().Status);
    }

    [Fact]
    public void Kernel_log_is_read_from_the_last_sequence_number_and_an_uncorrected_line_stays_until_ack()
    {
        Assert.Equal(CheckStatus.Ok, Live().Status);
        Kmsg("4", "EDAC MC0: 3 CE memory read error on CPU0_DIMM_A1 (channel:0 slot:0 page:0x1 offset:0x0 grain:32 syndrome:0x0)");
        var ce = Live();
        Assert.True(ce.Status == CheckStatus.Warning, Why(ce));
        var edacLine = ce.Sources.Single(s => s.Source == "log").Observations.Single(o => o.Key == "log/edac/mc0/CPU0_DIMM_A1/ce");
        Assert.Equal(3, edacLine.Value);
        // The same records are not read twice: the next run sees no new line.
        var again = Live();
        Assert.Empty(again.Sources.Single(s => s.Source == "log").Observations);
        Kmsg("0", "mce: [Hardware Error]: CPU 3: Machine Check Exception: 5 Bank 7: be00000000800400");
        // A user-space message (facility 1) that looks like one is not the kernel's.
        Kmsg("14", "EDAC MC0: 1 UE memory read error on CPU0_DIMM_A1");
        var uc = Live();
        Assert.True(uc.Status == CheckStatus.Critical, Why(uc));
        Assert.Equal(["log/mce/bank7/uncorrected"], uc.Pending.Select(p => p.Key));
        _clock.Now += TimeSpan.FromDays(2);
        Assert.Equal(CheckStatus.Critical, Live().Status);
        HwErrChecker.Acknowledge(State);
        Assert.Equal(CheckStatus.Ok, Live().Status);
    }

    [Fact]
    public void New_boot_starts_counters_afresh_but_keeps_unacknowledged_errors()
    {
        Mc("mc0/ue_count", "1");
        Assert.Equal(CheckStatus.Critical, Live().Status);
        _root.Write("proc/sys/kernel/random/boot_id", "22222222-bbbb\n");
        Mc("mc0/ue_count", "0");
        _kmsg.Clear();
        _seq = 1;
        Kmsg("6", "Linux version 6.1.0");
        var booted = Live();
        Assert.True(booted.Status == CheckStatus.Critical, Why(booted));
        Assert.Single(booted.Pending);
        // The kernel log of the new boot is read from its start (sequence 1), not from #101.
        Assert.Equal(1, booted.Sources.Single(s => s.Source == "log").Details["lines"]!.GetValue<int>());
    }

    [Fact]
    public void Ce_warn_per_day_allows_that_many_corrected_errors_in_24_hours()
    {
        var settings = new HwErrSettings { CeWarnPerDay = 5 };
        Assert.Equal(CheckStatus.Ok, Live(settings).Status);
        Mc("mc0/ce_count", "3");
        _clock.Now += TimeSpan.FromHours(1);
        Assert.Equal(CheckStatus.Ok, Live(settings).Status);
        Mc("mc0/ce_count", "6");
        _clock.Now += TimeSpan.FromHours(1);
        var r = Live(settings);
        Assert.True(r.Status == CheckStatus.Warning, Why(r));
    }

    [Fact]
    public void Host_without_edac_is_ok_with_a_note_or_unknown_when_required()
    {
        Directory.Delete(_root.File("sys", "devices", "system", "edac"), recursive: true);
        var vm = Live();
        Assert.Equal(CheckStatus.Ok, vm.Status);
        Assert.Contains(vm.Notes, n => n.Message.StartsWith("no EDAC memory controller under ", StringComparison.Ordinal));
        var required = Live(new HwErrSettings { RequireEdac = true });
        Assert.Equal(CheckStatus.Unknown, required.Status);
    }

    [Fact]
    public void Unreadable_counter_and_kernel_log_are_unknown_naming_the_file()
    {
        Mc("mc0/ce_count", "many");
        File.Delete(_root.File("dev", "kmsg"));
        var r = Live();
        Assert.Equal(CheckStatus.Unknown, r.Status);
        var notes = r.Sources.SelectMany(s => s.Notes).Select(n => n.Message).ToList();
        Assert.Contains($"{_root.File("sys/devices/system/edac/mc/mc0/ce_count")}: 'many' is not a count", notes);
        Assert.Contains($"kernel log not read: {_root.File("dev/kmsg")}: no such file", notes);
    }

    [Fact]
    public void Saved_log_followed_by_a_state_file_judges_only_the_lines_it_gained()
    {
        var log = _root.Write("var/log/kern.log", "Dec  1 03:00:00 host kernel: EDAC MC0: 1 UE memory read error on CPU0_DIMM_A1 (channel:0)\n");
        var checker = new HwErrChecker(new SystemContext(clock: _clock), new HwErrSettings());
        HwErrReport Run() => checker.ReplayAsync(new ReplayInputs { Logs = [log] }, State).GetAwaiter().GetResult();
        Assert.Equal(CheckStatus.Critical, Run().Status);
        HwErrChecker.Acknowledge(State);
        var same = Run();
        Assert.True(same.Status == CheckStatus.Ok, Why(same));
        File.AppendAllText(log, "Dec  1 04:00:00 host kernel: EDAC MC0: 2 CE memory read error on CPU0_DIMM_A1 (channel:0)\n");
        var grown = Run();
        Assert.True(grown.Status == CheckStatus.Warning, Why(grown));
        Assert.Empty(grown.Pending);
    }

    [Fact]
    public void Damaged_state_file_is_a_data_error_naming_it()
    {
        _root.Write("state/hwerr.json", "{ not json");
        var e = Assert.Throws<OpsKitException>(() => Live());
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.StartsWith($"{State}: damaged state file", e.Message);
    }

    public void Dispose() => _root.Dispose();
}
