// packaging/systemd/opskit-textfile (what opskit-textfile.service runs) against the built binary: every area
// either writes its metrics (promtool-clean) or is reported as not set up; a real failure of one area fails the
// run after the others ran; a broken config or a missing directory fails it.
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Deploy.Tests;

public sealed class TextfileScriptTests
{
    private static readonly string[] Areas = ["raid", "snapshot", "aoe", "ssh"];

    private static string Script => Path.Combine(Programs.UnitSource, "opskit-textfile");

    private static CommandResult RunScript(string config, params string[] args) =>
        Programs.Run(Script, args, new Dictionary<string, string?>
        {
            ["OPSKIT"] = RepoPaths.OpskitBinary, ["OPSKIT_CONFIG"] = config,
            ["SSH_ORIGINAL_COMMAND"] = null, ["SSH_CONNECTION"] = null, ["SSH_CLIENT"] = null,
        });

    private static string Config(TempDir tmp) => tmp.Write("opskit.toml", $"[log]\nsyslog = false\nfile = \"{tmp.File("opskit.log")}\"\n");

    [Fact]
    public void Every_area_writes_clean_metrics_or_is_reported_as_not_set_up()
    {
        using var tmp = new TempDir("opskit-textfile");
        var dir = tmp.File("textfile");
        Directory.CreateDirectory(dir);
        var r = RunScript(Config(tmp), dir);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");
        Assert.Equal("", r.StandardOutput);
        // raid check writes metrics on any host (UNKNOWN without controllers is still a report).
        Assert.True(File.Exists(Path.Combine(dir, "opskit_raid.prom")), r.StandardError);
        foreach (var area in Areas)
        {
            var file = Path.Combine(dir, $"opskit_{area}.prom");
            if (File.Exists(file))
            {
                var text = File.ReadAllText(file);
                Assert.Matches($"(?m)^opskit_{area}_[a-z_]+ ", text);
                var check = Programs.Run("promtool", ["check", "metrics"], stdin: text);
                Assert.True(check.ExitCode == 0 && check.StandardError.Length == 0, $"{file}: promtool: {check.StandardOutput}{check.StandardError}");
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
            }
            else
            {
                Assert.Matches($"(?m)^opskit-textfile: {area}: not set up on this host \\(exit (64|69|78)\\), skipped$", r.StandardError);
            }
        }
        Assert.DoesNotContain("not written", r.StandardError);
        Assert.DoesNotContain(Directory.GetFiles(dir), f => !f.EndsWith(".prom", StringComparison.Ordinal));
    }

    [Fact]
    public void One_failing_area_fails_the_run_after_the_others_ran()
    {
        using var tmp = new TempDir("opskit-textfile");
        var dir = tmp.File("textfile");
        // A directory where raid's file goes: its rename over it fails, a real write error.
        Directory.CreateDirectory(Path.Combine(dir, "opskit_raid.prom"));
        var r = RunScript(Config(tmp), dir, "raid", "snapshot", "aoe", "ssh");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"(?m)^opskit-textfile: raid: .*/opskit_raid\.prom not written \(exit \d+\)$", r.StandardError);
        Assert.DoesNotMatch(@"(?m)^opskit-textfile: raid: .*\(exit (64|69|78)\)", r.StandardError);
        foreach (var area in Areas[1..])
            Assert.True(File.Exists(Path.Combine(dir, $"opskit_{area}.prom")) || r.StandardError.Contains($"opskit-textfile: {area}: ", StringComparison.Ordinal),
                $"{area} did not run after raid failed:\n{r.StandardError}");
    }

    [Fact]
    public void A_broken_config_writes_nothing_and_fails()
    {
        using var tmp = new TempDir("opskit-textfile");
        var dir = tmp.File("textfile");
        Directory.CreateDirectory(dir);
        var bad = tmp.Write("bad.toml", "[log]\nsyslog = \"maybe\"\n");
        var r = RunScript(bad, dir);
        Assert.Equal(1, r.ExitCode);
        // raid reads the config first; a command this build lacks stops at the parser (64) before any config.
        Assert.Contains("opskit-textfile: raid: not set up on this host (exit 78), skipped\n", r.StandardError);
        foreach (var area in Areas)
            Assert.Matches($"(?m)^opskit-textfile: {area}: not set up on this host \\(exit (64|78)\\), skipped$", r.StandardError);
        Assert.Contains("bad.toml", r.StandardError);
        Assert.EndsWith("opskit-textfile: no area wrote metrics\n", r.StandardError);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void A_missing_directory_and_an_unknown_area_are_refused()
    {
        using var tmp = new TempDir("opskit-textfile");
        var missing = RunScript(Config(tmp), tmp.File("nope"));
        Assert.Equal((74, $"opskit-textfile: {tmp.File("nope")}: no such directory (is prometheus-node-exporter installed?)\n"), (missing.ExitCode, missing.StandardError));
        var unknown = RunScript(Config(tmp), tmp.Path, "raid", "rpm");
        Assert.Equal((64, "opskit-textfile: unknown area 'rpm' (raid, snapshot, aoe, ssh)\n"), (unknown.ExitCode, unknown.StandardError));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(tmp.Path), f => f.EndsWith(".prom", StringComparison.Ordinal));
    }
}
