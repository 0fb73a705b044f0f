// opskit rpm build: sources in place, rpmbuild -ba, output scanned for
// errors whatever the exit status, then rpmlint with OpsKit's profile.
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Rpm.Build;

/// <summary>Options of "rpm build".</summary>
/// <param name="Spec">The spec file.</param>
/// <param name="TopDir">Build tree; null: rpm's %_topdir (from ~/.rpmmacros).</param>
/// <param name="Extra">Arguments passed on to rpmbuild.</param>
/// <param name="Lint">Run rpmlint afterwards.</param>
public sealed record BuildOptions(string Spec, string? TopDir, IReadOnlyList<string> Extra, bool Lint = true)
{
    /// <summary>Told each phase ("rpmbuild -ba hello.spec", "rpmlint"), e.g. a progress line on a terminal.</summary>
    public IProgress<string>? Phase { get; init; }
}

/// <summary>What a build produced.</summary>
public sealed record BuildReport
{
    /// <summary>The build tree used.</summary>
    public required string TopDir { get; init; }
    /// <summary>The host facts.</summary>
    public required HostRpm Host { get; init; }
    /// <summary>Sources copied into SOURCES.</summary>
    public IReadOnlyList<string> Placed { get; init; } = [];
    /// <summary>rpmbuild's output, scanned.</summary>
    public required BuildOutput Output { get; init; }
    /// <summary>rpmlint's verdict, or null when not run.</summary>
    public LintResult? Lint { get; init; }
    /// <summary>Plain-language explanations of the errors.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when rpmbuild printed no error and rpmlint found none.</summary>
    public bool Ok => Output.Ok && Lint is not { Errors: > 0 };
}

/// <summary>Builds packages from a spec.</summary>
public static class PackageBuilder
{
    /// <summary>Builds; usage problems (no spec, no rpmbuild, missing source) throw, build failures are in the report.</summary>
    public static async Task<BuildReport> BuildAsync(SystemContext context, BuildOptions options, CancellationToken ct = default)
    {
        if (OpsKit.Core.Files.IoErrors.NotARegularFile(options.Spec) is { } problem)
            throw new OpsKitException($"{options.Spec}: {problem.Why}", problem.Code);
        var host = await HostRpm.ProbeAsync(context, ct).ConfigureAwait(false);
        var topDir = Path.GetFullPath(options.TopDir ?? await EvalTopDir(context, ct).ConfigureAwait(false));
        foreach (var sub in Setup.BuildTreeSetup.Subdirectories) Directory.CreateDirectory(Path.Combine(topDir, sub));
        using var support = SupportFiles.Create(debianHost: !host.IsRpmDistro);
        options.Phase?.Report("placing sources");
        var placed = await SourceFetcher.PlaceAsync(context, options.Spec, topDir, host, support, ct).ConfigureAwait(false);
        var run = new RpmBuildRun(Path.GetFullPath(options.Spec), topDir, "-ba", options.Extra);
        options.Phase?.Report($"rpmbuild -ba {Path.GetFileName(options.Spec)}");
        var (_, output) = await run.RunAsync(context, host, support, ct).ConfigureAwait(false);
        LintResult? lint = null;
        var packages = output.Written.Where(p => p.EndsWith(".rpm", StringComparison.Ordinal) && File.Exists(p)).ToList();
        if (output.Ok && options.Lint && packages.Count > 0)
        {
            options.Phase?.Report("rpmlint");
            lint = await RpmLint.RunAsync(context, packages, support, ct).ConfigureAwait(false);
        }
        return new BuildReport { TopDir = topDir, Host = host, Placed = placed, Output = output, Lint = lint, Problems = Explain(output) };
    }

    /// <summary>Turns rpmbuild's errors into what the packager should do (the troubleshooting cases of the old rpmbuild how-to).</summary>
    public static IReadOnlyList<string> Explain(BuildOutput output)
    {
        var problems = new List<string>();
        if (output.Unpackaged.Count > 0)
            problems.Add("installed but unpackaged files: the install put these in the buildroot and %files does not list them "
                + "(add them to %files, or regenerate with 'opskit rpm spec --probe'):\n    " + string.Join("\n    ", output.Unpackaged));
        foreach (var e in output.Errors)
        {
            if (e.StartsWith("Installed (but unpackaged)", StringComparison.Ordinal)) continue;
            if (e.StartsWith("File not found: ", StringComparison.Ordinal))
                problems.Add($"%files lists something the install did not create: {e[16..]}");
            else if (e.StartsWith("File ", StringComparison.Ordinal) && e.EndsWith("No such file or directory", StringComparison.Ordinal) || e.StartsWith("Bad file:", StringComparison.Ordinal))
                problems.Add($"missing source: {e}");
            else if (e.StartsWith("Bad exit status from", StringComparison.Ordinal))
                problems.Add($"{e}; the last output was:\n    " + string.Join("\n    ", output.Context.Select(l => l.Trim())));
            else problems.Add(e);
        }
        return problems;
    }

    private static async Task<string> EvalTopDir(SystemContext context, CancellationToken ct)
    {
        var r = await context.Runner.RunAsync(new CommandSpec("rpm", "--eval", "%{_topdir}") { Timeout = TimeSpan.FromSeconds(30) }, ct).ConfigureAwait(false);
        var dir = r.StandardOutput.Trim();
        if (!r.Succeeded || dir.Length == 0 || dir.Contains('%'))
            throw OpsKitException.Unavailable("cannot find the build tree: pass --topdir or run 'opskit rpm setup'");
        return dir;
    }
}
