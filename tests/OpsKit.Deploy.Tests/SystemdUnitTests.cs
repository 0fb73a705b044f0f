// The timers and their services in packaging/systemd: clean under systemd-analyze verify (with the programs and
// man pages they name in place), the command lines agreed with the commands, the snapshot service's lines run
// against a configured series, and where make install puts them (installed, not enabled).
using OpsKit.Testing;

namespace OpsKit.Deploy.Tests;

public sealed class SystemdUnitTests
{
    [Fact]
    public void The_units_are_the_three_timers_and_their_services()
    {
        Assert.Equal(
            ["opskit-raid-check.service", "opskit-raid-check.timer", "opskit-snapshot@.service", "opskit-snapshot@.timer",
             "opskit-textfile.service", "opskit-textfile.timer"],
            Programs.UnitNames);
    }

    [Fact]
    public void Systemd_analyze_verify_is_clean()
    {
        using var tmp = new TempDir("opskit-units");
        var units = Stage(tmp);
        string[] files = [.. Programs.UnitNames.Select(n => Path.Combine(units, n)),
            Path.Combine(units, "opskit-snapshot@web1.service"), Path.Combine(units, "opskit-snapshot@web1.timer")];
        var r = Verify(tmp, files);
        Assert.True(r.ExitCode == 0 && r.StandardOutput.Length == 0 && r.StandardError.Length == 0,
            $"systemd-analyze verify: exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");

        // The same run sees a misspelt directive (it only warns, so the output must be empty, not just the exit 0).
        var bad = Path.Combine(units, "bad.service");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(units, "opskit-raid-check.service")).Replace("ProtectSystem=", "ProtectSytem=", StringComparison.Ordinal));
        Assert.Contains("Unknown key 'ProtectSytem'", Verify(tmp, [bad]).StandardError);
    }

    [Fact]
    public void Services_run_the_command_lines_the_commands_define()
    {
        Assert.Equal(["/usr/local/bin/opskit raid check --cron"], Programs.ExecStart("opskit-raid-check.service"));
        Assert.Equal(
            ["/usr/local/bin/opskit snapshot create --cron --job %i", "/usr/local/bin/opskit snapshot rotate --cron --series %i",
             "/usr/local/bin/opskit snapshot check --cron %i"],
            Programs.ExecStart("opskit-snapshot@.service"));
        Assert.Equal(["/usr/local/lib/opskit/opskit-textfile /var/lib/prometheus/node-exporter raid snapshot aoe ssh"],
            Programs.ExecStart("opskit-textfile.service"));
        // The textfile directory the script writes to is the one the sandbox leaves writable.
        Assert.Contains("ReadWritePaths=-/var/lib/prometheus/node-exporter ", File.ReadAllText(Path.Combine(Programs.UnitSource, "opskit-textfile.service")));
        foreach (var timer in Programs.UnitNames.Where(n => n.EndsWith(".timer", StringComparison.Ordinal)))
            Assert.Contains("\n[Install]\nWantedBy=timers.target\n", File.ReadAllText(Path.Combine(Programs.UnitSource, timer)));
    }

    [Theory]
    [InlineData("opskit-raid-check.service")]
    [InlineData("opskit-textfile.service")]
    public void Raid_services_run_the_tools_without_sudo_even_when_the_config_asks(string unit)
    {
        // The services run as root under NoNewPrivileges, where sudo would refuse: their Environment= overrides [raid] sudo.
        using var tmp = new TempDir("opskit-units");
        var config = tmp.Write("opskit.toml", "[raid]\nsudo = true\n");
        var env = File.ReadAllLines(Path.Combine(Programs.UnitSource, unit)).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        var show = OpskitProcess.Run(["--config", config, "config", "show"], env);
        Assert.True(show.ExitCode == 0, show.StandardError);
        Assert.Matches(@"(?m)^raid\.sudo +false +env OPSKIT_RAID_SUDO\s*$", show.StandardOutput);
        Assert.Contains("NoNewPrivileges=yes", File.ReadAllText(Path.Combine(Programs.UnitSource, unit)));
    }

    [Fact]
    public void Snapshot_service_creates_and_rotates_a_configured_series()
    {
        using var tmp = new TempDir("opskit-snapunit");
        var (config, root) = SnapshotSetup(tmp);
        var lines = Programs.ExecStart("opskit-snapshot@.service");
        foreach (var line in lines.Where(l => !l.Contains(" snapshot check ", StringComparison.Ordinal)))
        {
            var r = RunLine(line, "web1", config);
            // Under --cron a run with nothing to report prints nothing.
            Assert.True(r.ExitCode == 0 && r.StandardOutput.Length == 0 && r.StandardError.Length == 0, $"{line}: exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");
        }
        var list = OpskitProcess.Run("--config", config, "snapshot", "list", root);
        Assert.True(list.ExitCode == 0, list.StandardError);
        Assert.Matches(@"(?m)^web1 +\d{4}-\d\d-\d\dT\d{6}Z +\S+ +complete ", list.StandardOutput);
        var snapshot = Assert.Single(Directory.GetDirectories(Path.Combine(root, "web1")), d => new DirectoryInfo(d).LinkTarget is null);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(snapshot, "tree", "hello.txt")));
    }

    [CommandFact("snapshot", "check")]
    public void Snapshot_service_checks_the_series_it_just_made()
    {
        using var tmp = new TempDir("opskit-snapunit");
        var (config, _) = SnapshotSetup(tmp);
        foreach (var line in Programs.ExecStart("opskit-snapshot@.service"))
        {
            var r = RunLine(line, "web1", config);
            // A fresh snapshot is OK, and under --cron OK is silent.
            Assert.True(r.ExitCode == 0 && r.StandardOutput.Length == 0 && r.StandardError.Length == 0, $"{line}: exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");
        }
    }

    [Fact]
    public void Make_install_puts_units_and_script_beside_the_aoe_unit_not_enabled()
    {
        using var dest = new TempDir("opskit-install");
        // -o build: install what out/bin holds (make test has just built it) instead of building again.
        var make = Programs.Run("make", ["-s", "-o", "build", "install", $"DESTDIR={dest.Path}", "PREFIX=/usr"], workingDirectory: RepoPaths.Root, timeout: TimeSpan.FromMinutes(5));
        Assert.True(make.ExitCode == 0, $"make install: exit {make.ExitCode}\n{make.StandardOutput}{make.StandardError}");
        var unitDir = dest.File("usr", "lib", "systemd", "system");
        Assert.Equal(["opskit-aoe.service", .. Programs.UnitNames], Directory.GetFiles(unitDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var unit in Programs.UnitNames)
        {
            var installed = File.ReadAllText(Path.Combine(unitDir, unit));
            Assert.Equal(File.ReadAllText(Path.Combine(Programs.UnitSource, unit)).Replace("/usr/local/", "/usr/", StringComparison.Ordinal), installed);
            // Every program a unit starts is where the unit says.
            foreach (var line in installed.Split('\n').Where(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)))
            {
                var program = dest.Path + line["ExecStart=".Length..].Split(' ')[0];
                Assert.True(File.Exists(program), $"{unit}: {program} not installed");
                Assert.True((File.GetUnixFileMode(program) & UnixFileMode.UserExecute) != 0, $"{program} is not executable");
            }
        }
        Assert.False(Directory.Exists(dest.File("etc", "systemd")), "make install must not enable anything");

        var uninstall = Programs.Run("make", ["-s", "uninstall", $"DESTDIR={dest.Path}", "PREFIX=/usr"], workingDirectory: RepoPaths.Root);
        Assert.True(uninstall.ExitCode == 0, uninstall.StandardError);
        Assert.Empty(Directory.GetFiles(unitDir));
        Assert.False(File.Exists(dest.File("usr", "lib", "opskit", "opskit-textfile")));
    }

    [Fact]
    public void Rpm_spec_packages_every_unit_and_runs_the_scriptlets_for_the_timers()
    {
        var spec = File.ReadAllText(Path.Combine(RepoPaths.Root, "packaging", "opskit.spec"));
        foreach (var unit in Programs.UnitNames)
            Assert.Contains($"\n%{{_unitdir}}/{unit}\n", spec);
        foreach (var macro in new[] { "%systemd_post", "%systemd_preun", "%systemd_postun_with_restart" })
        {
            var line = spec.Split('\n').Single(l => l.StartsWith(macro + " ", StringComparison.Ordinal));
            Assert.Contains(" opskit-raid-check.timer", line);
            Assert.Contains(" opskit-textfile.timer", line);
        }
    }

    // The units with /usr/local/ moved under the temp dir, where the binary, the script and the man pages are.
    private static string Stage(TempDir tmp)
    {
        var prefix = tmp.File("usr", "local");
        Directory.CreateDirectory(Path.Combine(prefix, "bin"));
        Directory.CreateDirectory(Path.Combine(prefix, "lib", "opskit"));
        File.CreateSymbolicLink(Path.Combine(prefix, "bin", "opskit"), RepoPaths.OpskitBinary);
        File.CreateSymbolicLink(Path.Combine(prefix, "lib", "opskit", "opskit-textfile"), Path.Combine(Programs.UnitSource, "opskit-textfile"));
        foreach (var page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "man")))
        {
            var section = tmp.File("man", "man" + Path.GetExtension(page)[1..]);
            Directory.CreateDirectory(section);
            File.Copy(page, Path.Combine(section, Path.GetFileName(page)));
        }
        var units = tmp.File("units");
        Directory.CreateDirectory(units);
        foreach (var name in Programs.UnitNames)
            File.WriteAllText(Path.Combine(units, name), File.ReadAllText(Path.Combine(Programs.UnitSource, name)).Replace("/usr/local/", prefix + "/", StringComparison.Ordinal));
        return units;
    }

    private static OpsKit.Core.Processes.CommandResult Verify(TempDir tmp, IReadOnlyList<string> files) =>
        Programs.Run("systemd-analyze", ["verify", .. files], new Dictionary<string, string?> { ["MANPATH"] = tmp.File("man"), ["SYSTEMD_COLORS"] = "0" });

    private static (string Config, string Root) SnapshotSetup(TempDir tmp)
    {
        var source = tmp.File("source");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "hello.txt"), "hello\n");
        var root = tmp.File("snapshots");
        var config = tmp.Write("opskit.toml", $"""
            [log]
            syslog = false
            file = "{tmp.File("opskit.log")}"

            [snapshot.policy.three]
            keep_last = 3

            [[snapshot.job]]
            root = "{root}"
            series = "web1"
            source = "{source}"
            policy = "three"
            """);
        return (config, root);
    }

    // One ExecStart line as systemd runs it: %i is the instance, the program the built binary.
    private static OpsKit.Core.Processes.CommandResult RunLine(string line, string instance, string config)
    {
        var words = line.Replace("%i", instance, StringComparison.Ordinal).Split(' ');
        Assert.Equal("/usr/local/bin/opskit", words[0]);
        return OpskitProcess.Run(words[1..], new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config });
    }
}
