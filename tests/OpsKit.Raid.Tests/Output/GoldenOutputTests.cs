// Golden files of every output format for one healthy and one degraded fixture.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Output;
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Output;

public class GoldenOutputTests
{
    public static TheoryData<string, string, OutputFormat, string> Cases()
    {
        var data = new TheoryData<string, string, OutputFormat, string>();
        foreach (var (name, fixture) in new[] { ("healthy", "storcli/json-raid6-cachevault"), ("degraded", "megacli/bbu-replacement-required") })
        {
            data.Add(name, fixture, OutputFormat.Text, "txt");
            data.Add(name, fixture, OutputFormat.Nagios, "nagios");
            data.Add(name, fixture, OutputFormat.Prometheus, "prom");
            data.Add(name, fixture, OutputFormat.Json, "json");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Report_matches_golden_file(string name, string fixture, OutputFormat format, string extension)
    {
        var checker = new RaidChecker(new SystemContext(clock: FixedClock.Default), new RaidSettings());
        var report = await checker.ReplayAsync(Path.Combine(FixtureCases.Root, fixture), []);
        Golden.Assert($"raid-check/{name}.{extension}", ReportRenderer.Render(report, format));
    }

    [Fact]
    public async Task Nagios_first_line_names_the_state_and_carries_perfdata()
    {
        var checker = new RaidChecker(new SystemContext(clock: FixedClock.Default), new RaidSettings());
        var report = await checker.ReplayAsync(Path.Combine(FixtureCases.Root, "storcli/text-single-degraded"), []);
        var first = NagiosReport.Render(report).Split('\n')[0];
        Assert.StartsWith("RAID CRITICAL - storcli:[", first);
        Assert.Contains("drive Offln", first);
        Assert.Contains(" | arrays=2;;;0 arrays_not_ok=1;;;0 disks=16;;;0 disks_not_ok=1;;;0", first);
    }

    [Fact]
    public void Prometheus_label_values_are_escaped()
    {
        Assert.Equal("a\\\"b\\\\c\\nd", PrometheusWriter.EscapeLabel("a\"b\\c\nd"));
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temp_file()
    {
        using var dir = new TempDir("raid-prom");
        var path = dir.Write("opskit_raid.prom", "old\n");
        ReportRenderer.WriteAtomically(path, "new\n");
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
