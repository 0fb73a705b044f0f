// One sample through the whole tool: spec --probe, build, payload, lint.
using System.Text.RegularExpressions;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

/// <summary>Runs opskit rpm spec --probe and opskit rpm build on a sample tarball.</summary>
public static class ShapeBuild
{
    /// <summary>The environment of a packager: a fresh HOME so the host's ~/.rpmmacros is not read.</summary>
    public static Dictionary<string, string?> Env(TempDir dir) => new() { ["HOME"] = dir.Path };

    /// <summary>Runs opskit in DIR.</summary>
    public static CommandResult Opskit(TempDir dir, params string[] args) =>
        OpskitProcess.Run(args, Env(dir), timeout: TimeSpan.FromMinutes(5), workingDirectory: dir.Path);

    /// <summary>Generates and builds; asserts every step and returns the payload of the binary packages.
    /// The spec and the payload are compared with Golden/probed/GOLDEN.spec and Golden/payload/GOLDEN.txt.</summary>
    public static string Run(string golden, string sample, string top, string name, params string[] prepare)
    {
        using var dir = new TempDir("rpm-e2e");
        var tarball = Samples.Tarball(dir, sample, top, prepare);
        var spec = Opskit(dir, "rpm", "spec", tarball, "--probe", "--packager", "Ops Kit <ops@example.org>", "-o", $"{name}.spec");
        Assert.True(spec.ExitCode == 0, $"spec failed ({spec.ExitCode}): {spec.StandardError}");
        var text = File.ReadAllText(dir.File($"{name}.spec"));
        Golden.Assert($"probed/{golden}.spec", Regex.Replace(text, @"^\* \w{3} \w{3} \d{2} \d{4} ", "* DATE ", RegexOptions.Multiline));

        var build = Opskit(dir, "rpm", "build", $"{name}.spec", "--topdir", dir.File("top"));
        Assert.True(build.ExitCode == 0, $"build failed ({build.ExitCode}):\n{build.StandardOutput}\n{build.StandardError}");
        Assert.Contains("rpmlint: 0 errors, 0 warnings", build.StandardOutput);
        var written = Regex.Matches(build.StandardOutput, @"^wrote: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(written, w => w.EndsWith(".src.rpm", StringComparison.Ordinal));
        var binaries = written.Where(w => !w.EndsWith(".src.rpm", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(binaries);
        foreach (var w in written) Assert.True(File.Exists(w), w);

        var payload = new List<string>();
        foreach (var rpm in binaries)
        {
            var q = Samples.Run(dir.Path, "rpm", "-qlp", rpm);
            payload.Add($"# {Path.GetFileName(rpm)}");
            payload.AddRange(q.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("/usr/lib/.build-id", StringComparison.Ordinal)));
        }
        var listing = string.Join('\n', payload) + "\n";
        Golden.Assert($"payload/{golden}.txt", listing);
        return listing;
    }
}
