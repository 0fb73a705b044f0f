// The probe build (research 4.3): the generated spec with an empty %files is
// run through "rpmbuild -bi" in a throw-away tree; the buildroot it leaves
// is what the project installs, and FileMapper turns it into %files.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Rpm.Build;
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Spec;

/// <summary>Trial build and install.</summary>
public static class Prober
{
    /// <summary>Runs the probe and maps the installed files. Failures before %files throw with rpmbuild's context.</summary>
    public static async Task<FilesPlan> ProbeAsync(SystemContext context, Inspection source, Recipe recipe, Target target, CancellationToken ct = default)
    {
        var host = await HostRpm.ProbeAsync(context, ct).ConfigureAwait(false);
        BuildTools.Require(context, recipe.BuildRequires);
        await BuildTools.RequireModulesAsync(context, recipe.BuildRequires, ct).ConfigureAwait(false);
        using var support = SupportFiles.Create(debianHost: !host.IsRpmDistro);
        var top = Path.Combine(support.Directory, "top");
        foreach (var sub in Setup.BuildTreeSetup.Subdirectories) Directory.CreateDirectory(Path.Combine(top, sub));
        await SourcePacker.PlaceAsync(context, source, Path.Combine(top, "SOURCES"), ct).ConfigureAwait(false);

        // No %license/%doc: rpm would copy them into the buildroot and they would look installed by upstream.
        var bare = source with { LicenseFiles = [], DocFiles = [] };
        var text = SpecWriter.Write(new SpecDocument(bare, recipe, new FilesPlan(), target, "OpsKit probe <probe@localhost>", new DateOnly(2000, 1, 1)));
        var spec = Path.Combine(top, "SPECS", source.Name + ".spec");
        await File.WriteAllTextAsync(spec, text, ct).ConfigureAwait(false);
        var buildRoot = Path.Combine(support.Directory, "buildroot");
        var (_, output) = await new RpmBuildRun(spec, top, "-bi", [], buildRoot).RunAsync(context, host, support, ct).ConfigureAwait(false);
        var real = output.Errors.Where(e => !e.StartsWith("Installed (but unpackaged)", StringComparison.Ordinal)).ToList();
        // %check runs after %install: when only upstream's tests failed, the buildroot is complete. The spec then
        // leaves %check out and says so, rather than refusing a package that builds and installs.
        var checkOnly = real.Count > 0 && real.All(e => e.StartsWith("Bad exit status from", StringComparison.Ordinal) && e.EndsWith("(%check)", StringComparison.Ordinal));
        if (checkOnly && (recipe.InstallFromBuild || Directory.Exists(buildRoot) && Directory.EnumerateFileSystemEntries(buildRoot).Any()))
        {
            var plan = recipe.InstallFromBuild ? FromBuild(source, top) : BuildrootLinks.Repair(buildRoot, FileMapper.Map(buildRoot));
            plan.CheckFailed = true;
            var last = output.Context.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('+')).TakeLast(3);
            plan.Notes.Add($"upstream's tests ({string.Join("; ", recipe.Check)}) failed in the trial build, so %check is left out: run them by hand and restore %check when they pass (last output: {string.Join(" | ", last)})");
            return plan;
        }
        if (real.Count > 0)
        {
            var explained = PackageBuilder.Explain(output).Where(p => !p.StartsWith("installed but unpackaged", StringComparison.Ordinal));
            throw new OpsKitException("trial build failed: " + string.Join("\n", explained));
        }
        if (recipe.InstallFromBuild) return FromBuild(source, top);
        if (!Directory.Exists(buildRoot) || !Directory.EnumerateFileSystemEntries(buildRoot).Any())
            throw new OpsKitException("trial build installed nothing: the install step put no files in the buildroot");
        return BuildrootLinks.Repair(buildRoot, FileMapper.Map(buildRoot));
    }

    /// <summary>A Makefile without an install target: the %install lines and %files for what the trial build produced.</summary>
    private static FilesPlan FromBuild(Inspection source, string top)
    {
        var marker = ShapeDetector.MakefileName(source.Tree) ?? "Makefile";
        var dir = BuildOutputInstaller.FindBuildDir(Path.Combine(top, "BUILD"), marker)
            ?? throw new OpsKitException($"trial build: cannot find the unpacked sources with {marker} below {Path.Combine(top, "BUILD")}");
        var result = BuildOutputInstaller.Plan(dir, source.Tree.Root, source.Tree.ArchiveName ?? source.Name);
        result.Files.InstallExtras.InsertRange(0, result.Install);
        return result.Files;
    }
}
