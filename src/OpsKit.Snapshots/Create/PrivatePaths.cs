// When rsync's per-file symlink walk can be left out: rsync 3.5 opens every component
// of the --link-dest path (and of the file's folders below it) for each file, refusing
// symlinks planted by other users; on an unchanged tree that walk is most of rsync's
// time. It only guards paths another user can change. If no untrusted user can create,
// rename or replace anything on the way to the series, nor enter the series at all,
// nothing it guards against can be planted, and --insecure-links (rsync's documented
// opt-out for trusted paths) is passed.
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Create;

/// <summary>Decides whether the paths rsync gets for a create are trusted end to end.</summary>
public static class PrivatePaths
{
    private const uint GroupOtherAll = 0x3F /* 0077 */, GroupOtherWrite = 0x12 /* 0022 */, Sticky = 0x200 /* 01000 */;

    /// <summary>Null when rsync's walk can be skipped, else the reason it cannot.</summary>
    /// <param name="seriesDir">The series folder (holds the destination and every --link-dest).</param>
    /// <param name="excludeFrom">rsync --exclude-from file, if any.</param>
    /// <param name="extraOptions">Extra rsync options (any: not trusted, they may name paths).</param>
    public static string? WhyNot(string seriesDir, string? excludeFrom, IReadOnlyList<string> extraOptions)
    {
        if (extraOptions.Count > 0) return "extra rsync options are set";
        var trusted = new[] { 0u, Native.EffectiveUid };
        if (ChainProblem(seriesDir, trusted) is { } chain) return chain;
        // Nobody else may enter the series: then no one else can reach a snapshot tree below it.
        if (!ChainHasPrivateDir(seriesDir, trusted)) return $"neither {seriesDir} nor a folder above it is private (no access for group and others)";
        if (excludeFrom is not null)
        {
            var full = Path.GetFullPath(excludeFrom);
            if (ChainProblem(full, trusted) is { } ex) return ex;
            if ((Native.Stat(full)!.Value.Mode & GroupOtherWrite) != 0) return $"{full} is writable by others";
        }
        return null;
    }

    /// <summary>Every component from / to <paramref name="path"/>: no symlink, owned by a trusted user, and each folder
    /// on the way either not writable by others or sticky (then what is inside stays its trusted owner's).</summary>
    private static string? ChainProblem(string path, uint[] trusted)
    {
        var full = Path.GetFullPath(path);
        var current = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries).Prepend(""))
        {
            current = part.Length == 0 ? "/" : Path.Combine(current, part);
            if (Native.Stat(current) is not { } st) return $"{current} does not exist";
            if (st.IsSymlink) return $"{current} is a symbolic link";
            if (!trusted.Contains(st.Uid)) return $"{current} is owned by uid {st.Uid}";
            if (current != full && (st.Mode & GroupOtherWrite) != 0 && (st.Mode & Sticky) == 0) return $"{current} is writable by others";
        }
        return null;
    }

    private static bool ChainHasPrivateDir(string seriesDir, uint[] trusted)
    {
        for (var d = Path.GetFullPath(seriesDir); d.Length > 1; d = Path.GetDirectoryName(d) ?? "/")
            if (Native.Stat(d) is { IsDirectory: true } st && trusted.Contains(st.Uid) && (st.Mode & GroupOtherAll) == 0) return true;
        return false;
    }
}
