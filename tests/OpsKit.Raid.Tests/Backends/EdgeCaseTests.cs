// Parser and rule edge cases on small synthetic inputs (or real captures edited in memory,
// marked as such): unparsable, truncated and empty output is UNKNOWN; known tool quirks
// (CacheCade, empty "Battery state:", Free Areca disks) are handled.
using OpsKit.Core;
using OpsKit.Raid.Model;
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Backends;

public class EdgeCaseTests
{
    private static async Task<RaidReport> ReplayFiles(string backend, params (string File, string Text)[] files)
    {
        using var dir = new TempDir("raid-case");
        foreach (var (f, t) in files) dir.Write(f, t);
        return await new RaidChecker(new SystemContext(), new RaidSettings()).ReplayAsync(dir.Path, [backend]);
    }

    private static string Fixture(string path) => File.ReadAllText(Path.Combine(FixtureCases.Root, path));

    [Fact]
    public async Task Storcli_json_with_a_degraded_vd_is_critical_and_a_rebuilding_drive_is_the_resync_state()
    {
        // Synthetic: a real OK capture (storcli/json-raid6-bbu) edited in memory.
        var json = Fixture("storcli/json-raid6-bbu/cALL_show_all_J.json");
        var degraded = json.Replace("\"State\": \"Optl\"", "\"State\": \"Dgrd\"", StringComparison.Ordinal);
        Assert.NotEqual(json, degraded);
        var rebuilding = ReplaceLast(degraded, "\"State\": \"Onln\"", "\"State\": \"Rbld\"");
        var r = await ReplayFiles("storcli", ("cALL_show_all_J.json", rebuilding));
        Assert.Equal(CheckStatus.Critical, r.Status);
        var items = r.Backends[0].AllItems().Select(x => x.Item).ToList();
        Assert.Contains(items, i => i.Kind == RaidItemKind.Array && i.State == "Dgrd" && i.Status == CheckStatus.Critical);
        Assert.Contains(items, i => i.Kind == RaidItemKind.Disk && i.State == "Rbld" && i.Status == CheckStatus.Warning);
    }

    [Fact]
    public async Task Storcli_text_row_that_cannot_be_read_is_unknown()
    {
        // Synthetic: storcli-check's "pd-not-parsed" idea applied to the OK capture.
        var text = Fixture("storcli/text-single-ok/cALL_show_all.txt").Replace("\n24:0 ", "\nx24:0", StringComparison.Ordinal);
        var r = await ReplayFiles("storcli", ("cALL_show_all.txt", text));
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains("unparsable drive row starting 'x24:0'", FixtureReplayTests.Describe(r));
    }

    [Theory]
    [InlineData("\n24:8 ", "'Physical Drives = 16' but 8 listed")]
    [InlineData(" 1 3   0   24:8 ", "'Drive Groups = 2' but no VD LIST")]
    public async Task Storcli_text_cut_off_early_is_unknown_not_ok(string cutAt, string reason)
    {
        var full = Fixture("storcli/text-single-ok/cALL_show_all.txt");
        var cut = full[..full.IndexOf(cutAt, StringComparison.Ordinal)];
        var r = await ReplayFiles("storcli", ("cALL_show_all.txt", cut));
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains(reason, FixtureReplayTests.Describe(r));
    }

    [Fact]
    public async Task Storcli_json_that_does_not_parse_falls_back_to_text_and_without_text_is_unknown()
    {
        var r = await ReplayFiles("storcli", ("cALL_show_all_J.json", "{\"Controllers\":[{\"Command Status\""));
        Assert.Equal(CheckStatus.Unknown, r.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\n")]
    public async Task Mdstat_empty_or_unparsable_is_unknown(string text)
    {
        var r = await ReplayFiles("mdstat", ("mdstat.txt", text));
        Assert.Equal(CheckStatus.Unknown, r.Status);
    }

    [Fact]
    public async Task Mdstat_failed_member_with_a_full_map_is_a_warning()
    {
        // check_raid #164: a member marked (F) while the array map is complete.
        var r = await ReplayFiles("mdstat", ("mdstat.txt", "Personalities : [raid1]\nmd1 : active raid1 sdc1[0] sdh1[5](F) sdd1[1]\n      1953382400 blocks super 1.2 [2/2] [UU]\n\nunused devices: <none>\n"));
        Assert.Equal(CheckStatus.Warning, r.Status);
    }

    [Fact]
    public async Task Mdstat_inactive_array_that_is_not_a_container_is_critical()
    {
        var r = await ReplayFiles("mdstat", ("mdstat.txt", "Personalities : [raid1]\nmd3 : inactive sdb1[1] sda1[0]\n      1953382400 blocks super 1.2\n\nunused devices: <none>\n"));
        Assert.Equal(CheckStatus.Critical, r.Status);
    }

    [Fact]
    public async Task Megacli_exit_code_other_than_zero_is_unknown()
    {
        var pd = Fixture("megacli/three-vds/pdlist.txt").Replace("Exit Code: 0x00", "Exit Code: 0x01");
        var r = await ReplayFiles("megacli", ("pdlist.txt", pd), ("ldinfo.txt", Fixture("megacli/three-vds/ldinfo.txt")));
        Assert.Equal(CheckStatus.Unknown, r.Status);
        Assert.Contains("-PDList ended with Exit Code 0x01", FixtureReplayTests.Describe(r));
    }

    [Fact]
    public async Task Megacli_cachecade_drive_is_not_an_array_and_does_not_hide_the_real_one()
    {
        const string ld = "Adapter 0 -- Virtual Drive Information:\nVirtual Drive: 0 (Target Id: 0)\nName                :raid6\nState               : Degraded\n\nCacheCade Virtual Drive: 1 (Target Id: 1)\nVirtual Drive Type: CacheCade \nName:cachecade0\n\nExit Code: 0x00\n";
        var r = await ReplayFiles("megacli", ("ldinfo.txt", ld), ("pdlist.txt", Fixture("megacli/three-vds/pdlist.txt")));
        var arrays = r.Backends[0].AllItems().Where(x => x.Item.Kind == RaidItemKind.Array).Select(x => x.Item).ToList();
        Assert.Equal("0 (raid6)", Assert.Single(arrays).Id);
        Assert.Equal(CheckStatus.Critical, r.Status);
    }

    [Fact]
    public async Task Megacli_missing_bbu_is_not_an_error()
    {
        const string bbu = "Adapter 0: Get BBU Status Failed.\n\nFW error description: \n The required hardware component is not present.  \n\nExit Code: 0x22\n";
        var r = await ReplayFiles("megacli", ("pdlist.txt", Fixture("megacli/three-vds/pdlist.txt")), ("ldinfo.txt", Fixture("megacli/three-vds/ldinfo.txt")), ("bbu.txt", bbu));
        Assert.Equal(CheckStatus.Ok, r.Status);
    }

    [Fact]
    public async Task Areca_free_and_pass_through_disks_are_ok_and_a_gui_error_is_unknown()
    {
        const string rsf = " #  Name             Disks TotalCap  FreeCap DiskChannels       State\n===============================================================================\n 1  Raid Set # 00        2 4500.0GB    0.0GB 12                 Normal\n===============================================================================\nGuiErrMsg<0x00>: Success.\n";
        const string disks = "  # Ch# ModelName                       Capacity  Usage\n===============================================================================\n  1  1  WDC WD5000YS-01MPB1              500.1GB  Raid Set # 00\n  2  2  WDC WD5000YS-01MPB1              500.1GB  Raid Set # 00\n  3  3  WDC WD5000YS-01MPB1              500.1GB  Free\n  4  4  WDC WD5000YS-01MPB1              500.1GB  Pass Through\n===============================================================================\nGuiErrMsg<0x00>: Success.\n";
        Assert.Equal(CheckStatus.Ok, (await ReplayFiles("areca", ("rsf_info.txt", rsf), ("disk_info.txt", disks))).Status);
        var failed = await ReplayFiles("areca", ("rsf_info.txt", rsf.Replace("GuiErrMsg<0x00>: Success.", "GuiErrMsg<0x1D>: Password required.")), ("disk_info.txt", disks));
        Assert.Equal(CheckStatus.Unknown, failed.Status);
    }

    [Fact]
    public async Task Sas2ircu_list_without_its_trailer_is_unknown()
    {
        var list = Fixture("sas2ircu/raid1-optimal/list.txt").Replace("SAS2IRCU: Utility Completed Successfully.", "");
        var r = await ReplayFiles("sas2ircu", ("list.txt", list));
        Assert.Equal(CheckStatus.Unknown, r.Status);
    }

    [Fact]
    public async Task Three_ware_enclosure_alarm_is_a_warning()
    {
        const string show = "Ctl   Model        (V)Ports  Drives   Units   NotOpt  RRate   VRate  BBU\n------------------------------------------------------------------------\nc0    9750-4i      2        2       1       0       1       1      -\n\nEnclosure     Slots  Drives  Fans  TSUnits  PSUnits  Alarms\n--------------------------------------------------------------\n/c0/e1        24     12      5     1        2        1\n";
        const string units = "Unit  UnitType  Status         %RCmpl  %V/I/M  Stripe  Size(GB)  Cache  AVrfy\n------------------------------------------------------------------------------\nu0    RAID-1    OK             -       -       -       698.637   W      -\n";
        const string enc = "Encl        Status\n-----------------------------\n/c0/e1      ALARM-ACTIVATED\n\n                                    ---Speed---\nFan         Status          State   Step   RPM     Identify\n------------------------------------------------------------\nfan3        NOT-REPORTABLE  -       0      0       N/A\n\nAlarm     Status          State     Audibility\n------------------------------------------------\nalm0      ACTIVATED       ON        UNMUTE\n";
        var r = await ReplayFiles("3ware", ("show.txt", show), ("c0_unitstatus.txt", units), ("c0_e1_show_all.txt", enc));
        Assert.Equal(CheckStatus.Warning, r.Status);
        Assert.Contains("/c0/e1/alm0", FixtureReplayTests.Describe(r));
    }

    [Fact]
    public void Spare_count_parsing_accepts_lists_and_names_bad_parts()
    {
        Assert.Equal(new Dictionary<string, int> { ["md1"] = 2, ["md2"] = 0 }, RaidPolicy.ParseSpareCounts("md1:2, /dev/md2:0"));
        var e = Assert.Throws<FormatException>(() => RaidPolicy.ParseSpareCounts("md1:2,md3"));
        Assert.Contains("'md3'", e.Message);
    }

    /// <summary>The last match is in the PD LIST (the TOPOLOGY table comes first).</summary>
    private static string ReplaceLast(string s, string what, string with)
    {
        var i = s.LastIndexOf(what, StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + with + s[(i + what.Length)..];
    }
}
