// Detection against fixture trees under a temp root: evidence from /proc/scsi/scsi,
// PCI drivers and /proc/mdstat; nothing found is the no-RAID state, never OK by default.
using OpsKit.Core;
using OpsKit.Raid.Detection;
using OpsKit.Testing;

namespace OpsKit.Raid.Tests;

public class DetectionTests
{
    private static SystemContext Host(TempDir root, string path) =>
        new(rootPath: root.Path, environment: new Dictionary<string, string> { ["PATH"] = path });

    [Fact]
    public async Task Host_with_nothing_is_unknown_by_default_and_follows_noraid_state()
    {
        using var root = new TempDir("raid-root");
        using var empty = new TempDir("raid-path");
        var ctx = Host(root, empty.Path);
        var detection = RaidDetector.Detect(ctx, new RaidSettings());
        Assert.Empty(detection.Selected);
        Assert.Empty(detection.Problems);
        var report = await new RaidChecker(ctx, new RaidSettings()).CheckAsync();
        Assert.Equal(CheckStatus.Unknown, report.Status);
        Assert.Contains("no RAID controller, RAID tool or md array found", report.Notes.Single().Message);
        var relaxed = await new RaidChecker(ctx, new RaidSettings { Policy = RaidPolicy.Default with { NoRaidState = CheckStatus.Ok } }).CheckAsync();
        Assert.Equal(CheckStatus.Ok, relaxed.Status);
    }

    [Fact]
    public void Controller_without_its_tool_is_a_problem_with_an_install_hint()
    {
        using var root = new TempDir("raid-root");
        using var empty = new TempDir("raid-path");
        root.Write("proc/scsi/scsi", "Attached devices:\nHost: scsi0 Channel: 02 Id: 00 Lun: 00\n  Vendor: DELL     Model: PERC H710        Rev: 3.13\n  Type:   Direct-Access                    ANSI  SCSI revision: 05\n");
        Directory.CreateDirectory(root.File("sys/bus/pci/drivers/megaraid_sas/0000:03:00.0"));
        var detection = RaidDetector.Detect(Host(root, empty.Path), new RaidSettings());
        Assert.Contains(detection.Findings, f => f.Source == "/sys/bus/pci/drivers" && f.Detail.Contains("megaraid_sas bound to 0000:03:00.0", StringComparison.Ordinal));
        Assert.Contains(detection.Findings, f => f.Source == "/proc/scsi/scsi" && f.Detail.Contains("PERC H710", StringComparison.Ordinal));
        var problem = Assert.Single(detection.Problems);
        Assert.Equal(CheckStatus.Unknown, problem.Status);
        Assert.Contains("install one of storcli64", problem.Message);
    }

    [Fact]
    public async Task Md_arrays_and_tools_on_the_path_select_their_backends()
    {
        using var root = new TempDir("raid-root");
        root.Write("proc/mdstat", File.ReadAllText(Path.Combine(FixtureCases.Root, "mdstat/one-array-recovering/mdstat.txt")));
        root.Write("proc/scsi/scsi", "  Vendor: AMCC     Model: 9650SE-2LP DISK  Rev: 4.10\n");
        using var tools = new TempDir("raid-path");
        var tw = tools.Write("tw_cli", "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(tw, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var ctx = Host(root, tools.Path);
        var detection = RaidDetector.Detect(ctx, new RaidSettings());
        Assert.Equal(["mdstat", "3ware"], detection.Selected.Select(s => s.Backend.Name));
        Assert.Equal(tw, detection.Selected[1].Program);
        var report = await new RaidChecker(ctx, new RaidSettings()).CheckAsync();
        Assert.Equal("mdstat", report.Backends[0].Backend);
        Assert.Equal(CheckStatus.Warning, report.Backends[0].Status);
        Assert.Equal(CheckStatus.Unknown, report.Backends[1].Status); // the fake tw_cli prints nothing
    }

    [Fact]
    public void Sysfs_scsi_vendor_is_used_when_proc_scsi_scsi_is_missing()
    {
        using var root = new TempDir("raid-root");
        using var empty = new TempDir("raid-path");
        root.Write("sys/class/scsi_device/0:0:0:0/device/vendor", "Areca   \n");
        root.Write("sys/class/scsi_device/0:0:0:0/device/model", "ARC-1880-VOL#000\n");
        var detection = RaidDetector.Detect(Host(root, empty.Path), new RaidSettings());
        Assert.Contains(detection.Findings, f => f.Source == "/sys/class/scsi_device" && f.Family == "areca");
        Assert.Contains("install one of cli64", Assert.Single(detection.Problems).Message);
    }

    [Fact]
    public void Configured_tool_path_is_found_before_path()
    {
        using var root = new TempDir("raid-root");
        using var tools = new TempDir("raid-tools");
        var cli = tools.Write("opt/areca/cli64", "#!/bin/sh\n");
        File.SetUnixFileMode(cli, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var settings = new RaidSettings { ToolPaths = [cli] };
        var detection = RaidDetector.Detect(Host(root, "/nonexistent"), settings);
        Assert.Equal(cli, Assert.Single(detection.Selected).Program);
    }
}
