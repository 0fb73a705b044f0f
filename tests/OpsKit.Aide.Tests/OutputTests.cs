// Renderings of a real report (check-changes.txt) in every format, against golden files;
// the verdict rules: OK without changes, WARNING, CRITICAL under a critical path.
using OpsKit.Aide.Output;
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Testing;

namespace OpsKit.Aide.Tests;

public class OutputTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static AideCheckResult Result(string fixture, params string[] critical)
    {
        var r = new AideCheckResult
        {
            Report = AideReportParser.Parse(ParserTests.Fixture(fixture)),
            ReportPath = "/var/log/aide/aide.log",
            AideExit = 7,
            Started = new DateTimeOffset(2026, 12, 6, 7, 25, 21, TimeSpan.Zero),
            Duration = TimeSpan.FromSeconds(1.5),
            Database = new DatabaseCheck("/var/lib/aide/aide.db", true, Sha, 4096, new AideState(Sha, 4096, "/var/lib/aide/aide.db", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), null),
        };
        r.Decide(critical);
        return r;
    }

    [Theory]
    [InlineData(OutputFormat.Text, "changes.txt")]
    [InlineData(OutputFormat.Json, "changes.json")]
    [InlineData(OutputFormat.Nagios, "changes.nagios")]
    [InlineData(OutputFormat.Prometheus, "changes.prom")]
    public void Changes_under_a_critical_path_render_in_every_format(OutputFormat format, string golden)
    {
        var r = Result("check-changes.txt", "/tmp/aide-capture/tree/etc/ssh");
        Assert.Equal(CheckStatus.Critical, r.Status);
        Golden.Assert("aide-check/" + golden, AideOutput.Render(r, format));
    }

    [Fact]
    public void Cron_mail_lists_counts_paths_and_where_the_report_is()
    {
        var r = Result("check-changes.txt");
        Golden.Assert("aide-check/changes.mail", AideOutput.Mail(r, 5, "host.example"));
    }

    [Fact]
    public void Changes_elsewhere_are_a_warning_and_no_changes_are_ok()
    {
        Assert.Equal(CheckStatus.Warning, Result("check-changes.txt", "/usr/bin").Status);
        Assert.Equal(CheckStatus.Ok, Result("check-clean.txt", "/").Status);
        Assert.Equal("AIDE OK: no changes (13 entries) | added=0;;;0 removed=0;;;0 changed=0;;;0 entries=13;;;0\n", AideOutput.Nagios(Result("check-clean.txt")));
    }

    [Theory]
    [InlineData("/etc/ssh/sshd_config", "/etc/ssh", true)]
    [InlineData("/etc/ssh", "/etc/ssh", true)]
    [InlineData("/etc/sshd", "/etc/ssh", false)]
    [InlineData("/bin/ls", "/", true)]
    public void Critical_paths_match_the_path_or_below_it(string path, string root, bool under) =>
        Assert.Equal(under, AideCheckResult.Under(path, root));
}
