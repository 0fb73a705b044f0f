// Sample projects for the tests: copied from Fixtures/samples in the source
// tree into a temp directory (outside the repository) and packed as a tarball.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests;

/// <summary>Builds sample trees and tarballs.</summary>
public static class Samples
{
    /// <summary>The fixture folder of a sample in the source tree (keeps file modes).</summary>
    public static string Fixture(string sample) => Path.Combine(RepoPaths.Root, "tests", "OpsKit.Rpm.Tests", "Fixtures", "samples", sample);

    /// <summary>Copies a sample to DIR/TOPNAME and returns that path.</summary>
    public static string Tree(TempDir dir, string sample, string topName)
    {
        var target = dir.File(topName);
        Copy(Fixture(sample), target);
        return target;
    }

    /// <summary>Copies a sample to DIR/TOPNAME, optionally runs a command in it, and packs TOPNAME.tar.gz.</summary>
    public static string Tarball(TempDir dir, string sample, string topName, params string[] prepare)
    {
        var tree = Tree(dir, sample, topName);
        if (prepare.Length > 0) Run(tree, prepare[0], prepare[1..]);
        var tarball = dir.File(topName + ".tar.gz");
        Run(dir.Path, "tar", "-czf", tarball, topName);
        return tarball;
    }

    /// <summary>Runs a program and fails the test when it fails.</summary>
    public static CommandResult Run(string cwd, string program, params string[] args)
    {
        var r = new ProcessRunner().RunAsync(new CommandSpec(program, args) { WorkingDirectory = cwd, Timeout = TimeSpan.FromMinutes(5) }).GetAwaiter().GetResult();
        if (!r.Succeeded) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({r.ExitCode}): {r.StandardError}{r.StartError}");
        return r;
    }

    /// <summary>A context with a fixed clock for reproducible changelog dates.</summary>
    public static SystemContext Context() => new(clock: new FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
        foreach (var sub in Directory.EnumerateDirectories(from)) Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
