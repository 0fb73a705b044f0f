// "opskit iowait summary" end to end through the built binary.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.IoWait.Tests.Summary;

public class SummaryCommandTests
{
    private static readonly string s_noisy = RepoPaths.TestData("iowait", "blockdump-2.6.27-dmesg-with-noise.txt");

    [Fact]
    public void Json_lists_processes_sorted_by_events_with_the_required_fields()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "summary", "--json", s_noisy);
        Assert.Equal(0, r.ExitCode);
        var o = JsonNode.Parse(r.StandardOutput)!.AsObject();
        Assert.Equal(124, (int)o["lines"]!);
        Assert.Equal(88, (int)o["events"]!);
        var procs = o["processes"]!.AsArray();
        var first = procs[0]!.AsObject();
        // No dd event carried a size: bytes is unknown (null, "?" in text), not 0.
        Assert.Equal(("dd", 4787, 35, 0, 0, (long?)null, 35L), ((string)first["comm"]!, (int)first["pid"]!, (int)first["reads"]!, (int)first["writes"]!,
            (int)first["dirtied"]!, (long?)first["bytes"], (long)first["size_unknown"]!));
        var events = procs.Select(p => (long)p!["events"]!).ToList();
        Assert.Equal(events.OrderDescending(), events);
    }

    [Fact]
    public void Text_report_shows_dd_first_and_gnome_do_whole()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "summary", s_noisy);
        Assert.Equal(0, r.ExitCode);
        var rows = r.StandardOutput.Split('\n').Where(l => l.Contains('(') && l.Contains('%')).ToList();
        Assert.StartsWith("dd(4787)", rows[0]);
        Assert.Contains(rows, l => l.StartsWith("gnome-do(12104)", StringComparison.Ordinal));
        Assert.Contains(rows, l => l.StartsWith("gnome-do(12103)", StringComparison.Ordinal));
        Assert.StartsWith("124 lines, 88 block_dump events", r.StandardOutput);
    }

    [Fact]
    public void Reads_stdin_when_no_file_is_given()
    {
        var r = OpskitProcess.Run(["--no-config", "iowait", "summary", "--by", "command", "--top", "1"], stdin: File.ReadAllText(s_noisy));
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"\ndd\s+4787\s+35\s", r.StandardOutput);
        Assert.DoesNotContain("gnome-do", r.StandardOutput);
    }

    [Fact]
    public void Invoked_as_iowait_summary_it_acts_as_iowait_summary()
    {
        using var dir = new TempDir("iowait");
        var link = dir.File("iowait_summary");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var r = OpskitProcess.Run(["--no-config", s_noisy], program: link);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("dd(4787)", r.StandardOutput);
    }

    [Fact]
    public void A_missing_file_fails_with_its_name()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "summary", "/nonexistent/kern.log");
        Assert.Equal(66, r.ExitCode); // EX_NOINPUT: a missing input file
        Assert.Contains("opskit: /nonexistent/kern.log", r.StandardError);
    }

    [Fact]
    public void A_bad_since_value_is_a_usage_error()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "summary", "--since", "yesterday-ish", s_noisy);
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("--since 'yesterday-ish'", r.StandardError);
    }

    [Fact]
    public void An_unknown_by_value_is_rejected()
    {
        var r = OpskitProcess.Run("--no-config", "iowait", "summary", "--by", "user", s_noisy);
        Assert.Equal(64, r.ExitCode);
    }
}
