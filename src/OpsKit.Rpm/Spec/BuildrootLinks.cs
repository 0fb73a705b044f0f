// "make install DESTDIR=..." that links with the staging root in the target
// (units 2.22: "ln -sf $(DESTDIR)/var/lib/units/currency.units $(DESTDIR)/usr/share/units/")
// leaves a symlink rpmbuild refuses ("Symlink points to BuildRoot") when it packages.
// The probe sees the link in its buildroot, so %install re-points it, relative.
namespace OpsKit.Rpm.Spec;

/// <summary>Symlinks into the buildroot, found after the trial install.</summary>
public static class BuildrootLinks
{
    /// <summary>Adds an "ln -sfn RELATIVE %{buildroot}LINK" line to %install (and a review note) for every symlink below
    /// <paramref name="buildRoot"/> whose target starts with it; returns <paramref name="plan"/>.</summary>
    public static FilesPlan Repair(string buildRoot, FilesPlan plan)
    {
        if (!Directory.Exists(buildRoot)) return plan;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(buildRoot));
        var links = Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(p => (Path: p, Target: new FileInfo(p).LinkTarget))
            .Where(l => l.Target is not null && (l.Target == root || l.Target.StartsWith(root + "/", StringComparison.Ordinal)))
            .OrderBy(l => l.Path, StringComparer.Ordinal).ToList();
        foreach (var (path, target) in links)
        {
            var link = "/" + Path.GetRelativePath(root, path);
            var to = "/" + Path.GetRelativePath(root, target!);
            var relative = Path.GetRelativePath(Path.GetDirectoryName(link)!, to);
            plan.InstallExtras.Add($"ln -sfn {relative} %{{buildroot}}{PathMacros.ToMacro(link)}");
            plan.Notes.Add($"make install linked {link} to the staging folder ({to} inside it): %install re-points it to {relative}");
        }
        return plan;
    }
}
