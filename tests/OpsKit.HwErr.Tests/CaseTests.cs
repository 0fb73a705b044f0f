// Every case gives its expected status, and the counts its expected.json lists (the keys the
// data README defines) are the counts the report gives, read from its JSON document.
using System.Text.Json.Nodes;
using OpsKit.Core;
using OpsKit.HwErr.Model;
using OpsKit.HwErr.Output;

namespace OpsKit.HwErr.Tests;

public class CaseTests
{
    [Theory]
    [MemberData(nameof(DataCases.All), MemberType = typeof(DataCases))]
    public void Case_gives_its_expected_status(string name)
    {
        var expected = (string)DataCases.Expected(name)["status"]!;
        var report = DataCases.Run(name);
        Assert.True(expected == report.Status.Label(), $"{name}: {report.Status.Label()}, expected {expected}\n{TextReport.Render(report)}");
    }

    [Theory]
    [MemberData(nameof(DataCases.All), MemberType = typeof(DataCases))]
    public void Case_counts_match_expected_json(string name)
    {
        var counts = DataCases.Expected(name)["counts"]!.AsObject();
        var report = DataCases.Run(name);
        var json = JsonNode.Parse(ReportRenderer.Render(report, OpsKit.Core.Output.OutputFormat.Json))!.AsObject();
        var failures = new List<string>();
        foreach (var (path, value) in CountPaths.Leaves(counts))
        {
            var actual = CountPaths.Resolve(name, json, path, value);
            var shown = path.Replace('\u0001', '.');
            if (actual is null) failures.Add($"{shown}: expected {value?.ToJsonString()}, not in the report");
            else if (!JsonNode.DeepEquals(actual, value)) failures.Add($"{shown}: expected {value?.ToJsonString()}, got {actual.ToJsonString()}");
        }
        foreach (var path in CountPaths.ExactKeySets(name))
        {
            var expectedKeys = CountPaths.At(counts, path)?.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList() ?? [];
            var actualKeys = CountPaths.At(CountPaths.Details(json, name), path)?.AsObject().Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList() ?? [];
            if (!expectedKeys.SequenceEqual(actualKeys)) failures.Add($"{path}: keys {string.Join(",", actualKeys)}, expected {string.Join(",", expectedKeys)}");
        }
        Assert.True(failures.Count == 0, $"{name}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void Worst_dimm_of_the_7836_case_is_named_with_its_label()
    {
        var report = DataCases.Run("sysfs/edac-csrow-4mc-ce7836");
        var edac = report.Sources.Single(s => s.Source == "edac");
        Assert.Equal("CPU_SrcID#0_MC#2_Chan#0_DIMM#0", (string?)edac.Details["worst_dimm"]!["label"]);
        Assert.Equal(7836, (long)edac.Details["worst_dimm"]!["ce"]!);
        Assert.Equal("HWERR WARNING: mc2 csrow0 ch0 CPU_SrcID#0_MC#2_Chan#0_DIMM#0 corrected: 7836", TextReport.Render(report).Split('\n')[0]);
        // absent_files: the controller counters the source did not show are absent, not 0.
        Assert.Null(edac.Details["mc"]!["mc2"]!["ce_count"]);
        Assert.Equal(7836, (long)edac.Details["mc"]!["mc2"]!["ce_total"]!);
    }

    [Fact]
    public void Synthetic_aer_fixture_reads_the_mislabelled_total_as_the_nonfatal_total()
    {
        var report = DataCases.Run("sysfs/aer-synthetic-all-nonzero");
        var aer = report.Sources.Single(s => s.Source == "aer");
        Assert.Contains(aer.Notes, n => n.Message.Contains("aer_dev_nonfatal: total line labelled TOTAL_ERR_FATAL, read as TOTAL_ERR_NONFATAL", StringComparison.Ordinal));
        Assert.Equal(CheckStatus.Critical, report.Status);
        Assert.Equal(9, report.CorrectedTotal);
        Assert.Equal(28 + 48, report.UncorrectedTotal);
    }

    [Fact]
    public void Ghes_and_ghes_edac_printing_one_error_count_it_once()
    {
        var report = DataCases.Run("logs/ghes-corrected-edac-ce-syslog");
        Assert.Equal(1, report.CorrectedTotal);
        Assert.Equal(CheckStatus.Warning, report.Status);
    }

    [Fact]
    public void Events_logged_lines_alone_do_not_escalate()
    {
        var report = DataCases.Run("logs/thermal-throttle-with-mce-logged");
        var log = report.Sources.Single();
        var logged = log.Observations.Single(o => o.Key == "log/mce/events_logged");
        Assert.Equal((6, Severity.None, CheckStatus.Ok), (logged.Value, logged.Severity, SourceReport.Judged(logged)));
        // The WARNING comes from the throttling, not from those lines.
        Assert.Equal(CheckStatus.Warning, SourceReport.Judged(log.Observations.Single(o => o.Key == "log/thermal/core")));
    }

    [Fact]
    public void Aer_flood_collapses_into_one_group_per_device_with_its_first_lines()
    {
        var report = DataCases.Run("logs/aer-corrected-legacy-id-format");
        var group = report.Sources.Single().Observations.Single(o => o.Key == "log/aer/0000:00:1d.0/corrected");
        Assert.Equal(4, group.Value);
        Assert.Equal("0000:00:1d.0", group.Device);
        Assert.Equal(4, group.Evidence.Count);
        Assert.EndsWith("aer-corrected-legacy-id-format.txt:1: [    3.499123] pcieport 0000:00:1d.0: PCIe Bus Error: severity=Corrected, type=Physical Layer, id=00e8(Receiver ID)", group.Evidence[0]);
        Assert.Equal("... and 1 more lines", group.Evidence[^1]);
    }
}
