// Puts the Source0 file of an inspected source into a directory: the archive
// itself, or a directory packed as NAME-VERSION/ the way "git archive
// --prefix" or "make dist" would.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Rpm.Source;

namespace OpsKit.Rpm.Spec;

/// <summary>Source0 placement.</summary>
public static class SourcePacker
{
    /// <summary>The Source0 file name with %{name} and %{version} expanded.</summary>
    public static string FileName(Inspection source) =>
        source.Source0.Replace("%{name}", source.Name, StringComparison.Ordinal).Replace("%{version}", source.Version, StringComparison.Ordinal);

    /// <summary>Copies or packs the source into DIR; returns the file written.</summary>
    public static async Task<string> PlaceAsync(SystemContext context, Inspection source, string dir, CancellationToken ct)
    {
        var target = Path.Combine(dir, FileName(source));
        var tree = source.Tree;
        if (tree.ArchivePath is not null)
        {
            File.Copy(tree.ArchivePath, target, overwrite: true);
            return target;
        }
        var root = Path.GetFullPath(tree.Root);
        var prefix = $"{source.Name}-{source.Version}";
        // tar's --transform is a sed expression with a POSIX basic regex: escape its specials and the ',' delimiter.
        var from = System.Text.RegularExpressions.Regex.Replace(Path.GetFileName(root), @"[\\.^$*\[\],]", @"\$0");
        var r = await context.Runner.RunAsync(new CommandSpec("tar", "-czf", target, "--exclude=.git", $"--exclude={Path.GetFileName(target)}", "--sort=name",
            "-C", Path.GetDirectoryName(root)!, $"--transform=s,^{from},{prefix.Replace(",", "\\,", StringComparison.Ordinal)},", Path.GetFileName(root))
        { Timeout = TimeSpan.FromMinutes(10) }, ct).ConfigureAwait(false);
        if (!r.Succeeded) throw new OpsKitException($"cannot pack {root} as {target}: {r.StandardError.Trim()}{r.StartError}");
        return target;
    }
}
