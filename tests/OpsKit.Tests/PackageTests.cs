// The .deb of 'make dist' as a user gets it: built from the published binary by packaging/deb/build-deb.sh,
// lintian-clean, and (as root) installed with dpkg, run, removed leaving only the conffile, then purged.
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Tests;

/// <summary>Builds the .deb once for the tests of <see cref="DebPackageTests"/>.</summary>
public sealed class DebPackage : IDisposable
{
    private readonly TempDir _dir = new("opskit-deb");

    /// <summary>Builds the package from out/bin (make build).</summary>
    public DebPackage()
    {
        var r = DebPackageTests.Run(Path.Combine(RepoPaths.Root, "packaging", "deb", "build-deb.sh"), _dir.Path);
        Build = r;
        Path_ = r.StandardOutput.Trim().Split('\n').LastOrDefault() ?? "";
    }

    /// <summary>The build-deb.sh run.</summary>
    public CommandResult Build { get; }

    /// <summary>The .deb file.</summary>
    public string Path_ { get; }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}

public sealed class DebPackageTests(DebPackage deb) : IClassFixture<DebPackage>
{
    private static readonly string[] MultiCall = [.. Invocation.MultiCallNames.Keys];

    internal static CommandResult Run(string program, params string[] args) =>
        new ProcessRunner().RunAsync(new CommandSpec(program, args)
        {
            Timeout = TimeSpan.FromMinutes(5),
            // The test harness's own variables are not settings; the installed 'config check' would rightly call them unknown.
            Environment = new Dictionary<string, string?> { ["OPSKIT_BIN"] = null, ["OPSKIT_SHARED"] = null, ["OPSKIT_UPDATE_GOLDEN"] = null },
        }).GetAwaiter().GetResult();

    private string Built()
    {
        Assert.True(deb.Build.ExitCode == 0, $"build-deb.sh failed ({deb.Build.ExitCode}): {deb.Build.StandardError}");
        Assert.True(File.Exists(deb.Path_), $"no .deb at '{deb.Path_}'");
        return deb.Path_;
    }

    [Fact]
    public void Deb_holds_binary_symlinks_docs_unit_and_the_config_as_conffile()
    {
        var path = Built();
        Assert.Equal($"opskit_{BuildInfo.Version}-1_amd64.deb", Path.GetFileName(path));
        var listing = Run("dpkg-deb", "--contents", path).StandardOutput;
        Assert.Matches(@"(?m)^-rwxr-xr-x root/root .* \./usr/lib/opskit/opskit$", listing);
        Assert.Matches(@"(?m)^lrwxrwxrwx root/root .* \./usr/bin/opskit -> \.\./lib/opskit/opskit$", listing);
        foreach (var name in MultiCall)
            Assert.Matches($@"(?m) \./usr/bin/{name} -> \.\./lib/opskit/opskit$", listing);
        foreach (var page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "man")))
        {
            var section = Path.GetExtension(page)[1..];
            Assert.Contains($"./usr/share/man/man{section}/{Path.GetFileName(page)}.gz\n", listing);
        }
        Assert.Contains("./usr/share/bash-completion/completions/opskit\n", listing);
        Assert.Contains("./usr/share/zsh/vendor-completions/_opskit\n", listing);
        Assert.Contains("./usr/share/fish/vendor_completions.d/opskit.fish\n", listing);
        Assert.Contains("./lib/systemd/system/opskit-aoe.service\n", listing);
        foreach (var unit in new[] { "opskit-raid-check", "opskit-snapshot@", "opskit-textfile" })
        {
            Assert.Contains($"./lib/systemd/system/{unit}.service\n", listing);
            Assert.Contains($"./lib/systemd/system/{unit}.timer\n", listing);
        }
        Assert.Matches(@"(?m)^-rwxr-xr-x root/root .* \./usr/lib/opskit/opskit-textfile$", listing);
        // Installed, not enabled: no links under /etc/systemd.
        Assert.DoesNotContain("./etc/systemd/", listing);
        Assert.Contains("./usr/share/doc/opskit/copyright\n", listing);
        Assert.Contains("./usr/share/doc/opskit/changelog.Debian.gz\n", listing);
        Assert.Contains("./usr/share/doc/opskit/examples/ssh/backup-v1.toml\n", listing);
        Assert.Contains("./etc/opskit/opskit.toml\n", listing);

        Assert.Equal($"{BuildInfo.Version}-1", Run("dpkg-deb", "--field", path, "Version").StandardOutput.Trim());
        Assert.Contains("libc6", Run("dpkg-deb", "--field", path, "Depends").StandardOutput);
        using var control = new TempDir("opskit-deb-control");
        Assert.Equal(0, Run("dpkg-deb", "--control", path, control.Path).ExitCode);
        Assert.Equal("/etc/opskit/opskit.toml\n", File.ReadAllText(control.File("conffiles")));
        using var data = new TempDir("opskit-deb-data");
        Assert.Equal(0, Run("dpkg-deb", "--extract", path, data.Path).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "examples", "opskit.toml")), File.ReadAllText(data.File("etc", "opskit", "opskit.toml")));
        Assert.Contains("ExecStart=/usr/bin/opskit aoe serve", File.ReadAllText(data.File("lib", "systemd", "system", "opskit-aoe.service")));
        Assert.Contains("\nExecStart=/usr/bin/opskit raid check --cron\n", File.ReadAllText(data.File("lib", "systemd", "system", "opskit-raid-check.service")));
        Assert.Contains("\nExecStart=/usr/lib/opskit/opskit-textfile ", File.ReadAllText(data.File("lib", "systemd", "system", "opskit-textfile.service")));
        Assert.Contains("License: MIT", File.ReadAllText(data.File("usr", "share", "doc", "opskit", "copyright")));
    }

    [Fact]
    public void Lintian_reports_no_errors()
    {
        var path = Built();
        var r = Run("lintian", "--fail-on", "error", path);
        var output = r.StandardOutput + r.StandardError;
        Assert.True(r.ExitCode == 0, $"lintian exit {r.ExitCode}:\n{output}");
        Assert.DoesNotMatch(@"(?m)^E: ", output);
    }

    [RootFact]
    public void Deb_installs_runs_and_removes_leaving_only_the_conffile()
    {
        var path = Built();
        Assert.True(Run("dpkg-query", "-W", "-f=${Status}", "opskit").StandardOutput.Trim() is "" or "unknown ok not-installed",
            "a package named opskit is installed on this machine; this test would replace it");
        try
        {
            var install = Run("dpkg", "-i", path);
            Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);
            var files = Run("dpkg", "-L", "opskit").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            var version = Run("/usr/bin/opskit", "--version");
            Assert.Equal(0, version.ExitCode);
            Assert.StartsWith($"opskit {BuildInfo.Version} (", version.StandardOutput);
            Assert.EndsWith("\nMIT License, Copyright (c) 2026 The OpsKit authors\n", version.StandardOutput);
            var check = Run("/usr/bin/opskit", "--config", "/etc/opskit/opskit.toml", "config", "check");
            Assert.Equal((0, "/etc/opskit/opskit.toml: OK\n"), (check.ExitCode, check.StandardOutput));
            // A multi-call name through its /usr/bin symlink: iowait_summary = opskit iowait summary.
            var summary = Run("/usr/bin/iowait_summary", RepoPaths.TestData("iowait", "blockdump-2.6.19-dmesg-kjournald.txt"));
            Assert.True(summary.ExitCode == 0, summary.StandardError);
            Assert.Contains("kjournald", summary.StandardOutput);
            var man = Run("man", "-w", "opskit-raid");
            Assert.Equal("/usr/share/man/man8/opskit-raid.8.gz", man.StandardOutput.Trim());

            var remove = Run("dpkg", "-r", "opskit");
            Assert.True(remove.ExitCode == 0, remove.StandardOutput + remove.StandardError);
            Assert.Equal("deinstall ok config-files", Run("dpkg-query", "-W", "-f=${Status}", "opskit").StandardOutput.Trim());
            var left = files.Where(f => f != "/etc/opskit/opskit.toml" && f != "/etc/opskit")
                .Where(f => Directory.Exists(f) ? Owned(f) : File.Exists(f) || new FileInfo(f).LinkTarget is not null)
                .ToList();
            Assert.True(left.Count == 0, "left after dpkg -r: " + string.Join(", ", left));
            Assert.True(File.Exists("/etc/opskit/opskit.toml"), "the conffile must stay after dpkg -r");

            var purge = Run("dpkg", "-P", "opskit");
            Assert.True(purge.ExitCode == 0, purge.StandardOutput + purge.StandardError);
            Assert.False(File.Exists("/etc/opskit/opskit.toml"));
            Assert.False(Directory.Exists("/etc/opskit"));
            Assert.True(Run("dpkg-query", "-W", "-f=${Status}", "opskit").StandardOutput.Trim() is "" or "unknown ok not-installed");
        }
        finally
        {
            Run("dpkg", "-P", "opskit");
        }
    }

    // Directories only the package created (shared ones such as /usr/bin stay, of course).
    private static bool Owned(string dir) => dir.Contains("opskit", StringComparison.Ordinal);
}
