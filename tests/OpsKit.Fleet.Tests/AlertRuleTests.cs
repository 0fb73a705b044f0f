// The shipped alert rules: 'promtool check rules' is clean, 'promtool test rules' passes the unit
// tests in packaging/prometheus/tests (each rule fires and resolves there), and every opskit metric
// a rule reads is one that some opskit command writes.
using System.Text.RegularExpressions;
using OpsKit.Testing;

namespace OpsKit.Fleet.Tests;

public sealed partial class AlertRuleTests(FleetOutputs outputs) : IClassFixture<FleetOutputs>
{
    private static string Rules => Path.Combine(RepoPaths.Root, "packaging", "prometheus", "opskit.rules.yml");

    [Fact]
    public void Promtool_check_rules_is_clean()
    {
        var r = FleetOutputs.Promtool(null, "check", "rules", Rules);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Contains("SUCCESS: 6 rules found", r.StandardOutput);
    }

    [Fact]
    public void Promtool_unit_tests_pass_and_cover_every_rule()
    {
        var tests = Directory.GetFiles(Path.Combine(RepoPaths.Root, "packaging", "prometheus", "tests"), "*.yml");
        Assert.NotEmpty(tests);
        var r = FleetOutputs.Promtool(null, ["test", "rules", .. tests]);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Contains("SUCCESS", r.StandardOutput);
        var alerts = AlertName().Matches(File.ReadAllText(Rules)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(6, alerts.Count);
        var testText = string.Concat(tests.Select(File.ReadAllText));
        foreach (var alert in alerts)
        {
            // Fires (an exp_alerts entry) and resolves (an empty exp_alerts) for each alert.
            Assert.Matches($@"alertname: {alert}\n\s+exp_alerts:\n\s+- exp_labels", testText);
            Assert.Matches($@"alertname: {alert}\n\s+exp_alerts: \[\]", testText);
        }
    }

    [Fact]
    public void Every_metric_the_rules_read_is_written_by_opskit()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var args in outputs.PrometheusCommands.Values)
            written.UnionWith(Exposition.Families(FleetOutputs.Run(args).StandardOutput));
        var read = MetricName().Matches(File.ReadAllText(Rules)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(read);
        Assert.All(read, m => Assert.Contains(m, written));
    }

    [GeneratedRegex(@"- alert: (\w+)")]
    private static partial Regex AlertName();

    [GeneratedRegex(@"opskit_[a-z_]+[a-z]")]
    private static partial Regex MetricName();
}
