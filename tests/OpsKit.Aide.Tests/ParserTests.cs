// The parser against real AIDE 0.18.3 reports (Fixtures/aide-0.18.3, see its README): the
// counts, every listed path, and the attributes named in the detailed section.
namespace OpsKit.Aide.Tests;

public class ParserTests
{
    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aide-0.18.3", name));

    private const string T = "/tmp/aide-capture/tree/";

    [Fact]
    public void Check_with_changes_gives_the_summary_counts_and_every_entry()
    {
        var r = AideReportParser.Parse(Fixture("check-changes.txt"));
        Assert.Equal("0.18.3", r.Version);
        Assert.True(r.Differences);
        Assert.Equal((15, 3, 1, 8), (r.Total, r.Added, r.Removed, r.Changed));
        Assert.Equal([T + "bin/new2", T + "etc/new", T + "etc/newdir"], r.Of(AideChange.Added).Select(e => e.Path));
        Assert.Equal([T + "etc/b"], r.Of(AideChange.Removed).Select(e => e.Path));
        Assert.Equal(8, r.Of(AideChange.Changed).Count());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 7, 25, 21, TimeSpan.Zero), r.Started);
        Assert.Equal('d', r.Of(AideChange.Added).Last().Type);
    }

    [Theory]
    [InlineData("bin/c", "perm")]
    [InlineData("bin/d", "uid")]
    [InlineData("var/log/syslog", "gid")]
    [InlineData("bin/link", "lname,mtime,inode")]
    [InlineData("etc/a", "size,mtime,sha256")]
    [InlineData("etc/ssh/sshd_config", "size,mtime,sha256")]
    [InlineData("etc", "mtime,linkcount")]
    public void Changed_entries_carry_the_attributes_of_the_detailed_section(string path, string attributes)
    {
        var r = AideReportParser.Parse(Fixture("check-changes.txt"));
        var e = Assert.Single(r.Of(AideChange.Changed), e => e.Path == T + path);
        Assert.Equal(attributes, string.Join(',', e.Attributes));
    }

    [Fact]
    public void Without_a_detailed_section_the_attributes_come_from_the_summary_string()
    {
        var r = AideReportParser.Parse(Fixture("check-list-entries.txt"));
        Assert.Equal((3, 1, 8), (r.Added, r.Removed, r.Changed));
        Assert.Equal("perm", string.Join(',', r.Entries.Single(e => e.Path == T + "bin/c").Attributes));
        Assert.Equal("uid", string.Join(',', r.Entries.Single(e => e.Path == T + "bin/d").Attributes));
        Assert.Equal("size,mtime,checksums", string.Join(',', r.Entries.Single(e => e.Path == T + "etc/a").Attributes));
    }

    [Fact]
    public void Summary_level_report_has_counts_but_no_entries()
    {
        var r = AideReportParser.Parse(Fixture("check-summary-level.txt"));
        Assert.Equal((15, 3, 1, 8), (r.Total, r.Added, r.Removed, r.Changed));
        Assert.Empty(r.Entries);
    }

    [Fact]
    public void Clean_check_says_no_differences_and_counts_the_entries()
    {
        var r = AideReportParser.Parse(Fixture("check-clean.txt"));
        Assert.False(r.Differences);
        Assert.Equal((13, 0, 0, 0), (r.Total, r.Added, r.Removed, r.Changed));
        Assert.Empty(r.Entries);
    }

    [Fact]
    public void Init_and_update_name_the_database_they_wrote()
    {
        Assert.Equal("/tmp/aide-capture/db/aide.db.new", AideReportParser.Parse(Fixture("init.txt")).NewDatabase);
        var u = AideReportParser.Parse(Fixture("update.txt"));
        Assert.Equal("/tmp/aide-capture/db/aide.db.new", u.NewDatabase);
        Assert.Equal((3, 1, 8), (u.Added, u.Removed, u.Changed));
    }

    [Fact]
    public void Text_that_is_not_a_report_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => AideReportParser.Parse("Segmentation fault\n"));
        Assert.Contains("not an AIDE report", e.Message);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(3, false)]
    [InlineData(0, false)]
    public void Exit_bits_must_agree_with_the_summary(int exit, bool agrees)
    {
        var r = AideReportParser.Parse(Fixture("check-changes.txt"));
        Assert.Equal(agrees, AideManager.Mismatch(r, exit) is null);
    }

    [Fact]
    public void Aide_error_lines_are_surfaced_with_file_and_line()
    {
        Assert.Equal("bad.conf:2: unknown config option: 'bogus_option' (line: 'bogus_option=1')", AideProgram.AideErrors(Fixture("config-error.stderr")));
        Assert.Equal("configuration error", AideProgram.ExitName(17));
        Assert.Contains("open (read-only) failed for file '/tmp/aide-capture/db/nodb'", AideProgram.AideErrors(Fixture("no-database.stderr")));
    }
}
