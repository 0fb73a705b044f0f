// opskit rpm spec: open, inspect, choose the recipe, optionally probe, write.
using OpsKit.Core;
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Spec;

/// <summary>Options of "rpm spec".</summary>
/// <param name="Input">Tarball or directory.</param>
/// <param name="Overrides">--name, --version, --license, --summary.</param>
/// <param name="Packager">--packager, or null.</param>
/// <param name="Target">Target distribution.</param>
/// <param name="Probe">Run a trial build to compute %files.</param>
/// <param name="NoCheck">Leave out %check (for projects whose test target needs more than the build does).</param>
/// <param name="PackInto">For a directory input: pack it as the Source0 tarball into this directory (null: do not).</param>
public sealed record SpecOptions(string Input, InspectOptions Overrides, string? Packager, Target Target, bool Probe, bool NoCheck = false, string? PackInto = null);

/// <summary>The generated spec and what the packager should know.</summary>
/// <param name="Name">Package name.</param>
/// <param name="Text">The spec.</param>
/// <param name="Shape">Detected build system.</param>
/// <param name="Evidence">Where the fields came from.</param>
/// <param name="Notes">Review items.</param>
/// <param name="PackagerSource">Where the changelog identity came from.</param>
/// <param name="Packed">The Source0 tarball packed from a directory input, or null.</param>
public sealed record SpecResult(string Name, string Text, Shape Shape, IReadOnlyList<string> Evidence, IReadOnlyList<string> Notes, string PackagerSource, string? Packed = null);

/// <summary>Generates specs.</summary>
public static class SpecGenerator
{
    /// <summary>Generates; all input errors throw before anything is written.</summary>
    public static async Task<SpecResult> GenerateAsync(SystemContext context, SpecOptions options, CancellationToken ct = default)
    {
        using var tree = await SourceArchive.OpenAsync(context, options.Input, ct).ConfigureAwait(false);
        var source = SourceInspector.Inspect(tree, options.Input, options.Overrides);
        var recipe = RecipeBook.For(source);
        if (options.NoCheck) recipe.Check.Clear();
        FilesPlan? files = null;
        var notes = new List<string>(source.Notes);
        if (options.Probe)
        {
            files = await Prober.ProbeAsync(context, source, recipe, options.Target, ct).ConfigureAwait(false);
            notes.AddRange(files.Notes.Distinct());
            if (files.CheckFailed) recipe.Check.Clear();
        }
        else if (recipe.InstallFromBuild) notes.Add("the Makefile has no install target: rerun with --probe, so that %install copies the programs and man pages the build produces");
        else if (recipe.KnownFiles is null) notes.Add("%files is a guess: rerun with --probe to compute it from a trial build");
        var (packager, from) = await Packager.ResolveAsync(context, options.Packager, ct).ConfigureAwait(false);
        // SOURCE_DATE_EPOCH (reproducible-builds.org) pins the changelog date for regenerated specs.
        var now = long.TryParse(context.Env("SOURCE_DATE_EPOCH"), out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch) : context.Clock.GetUtcNow();
        var date = DateOnly.FromDateTime(now.UtcDateTime);
        var text = SpecWriter.Write(new SpecDocument(source, recipe, files, options.Target, packager, date));
        string? packed = null;
        if (options.PackInto is not null && tree.ArchivePath is null)
        {
            if (File.Exists(Path.Combine(options.PackInto, SourcePacker.FileName(source))))
                notes.Add($"{SourcePacker.FileName(source)} already exists beside the spec; left as it is");
            else packed = await SourcePacker.PlaceAsync(context, source, options.PackInto, ct).ConfigureAwait(false);
        }
        return new SpecResult(source.Name, text, source.Shape, source.Evidence, notes, from, packed);
    }
}
