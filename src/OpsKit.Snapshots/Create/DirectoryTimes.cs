// The directory-times pass for local sources, done natively: walk the source's
// directories (readdir only, no stat per file) and give each existing directory
// of the new snapshot the source's mtime to the nanosecond.
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Create;

/// <summary>Copies directory mtimes from a local source tree onto a fresh snapshot tree.</summary>
public static class DirectoryTimes
{
    /// <summary>For every directory under <paramref name="source"/> that exists in <paramref name="dest"/>, sets
    /// the destination's mtime to the source's. Symlinks are not followed; with <paramref name="oneFileSystem"/>
    /// directories on other file systems are skipped, as rsync -x skips them.</summary>
    public static void Copy(string source, string dest, bool oneFileSystem, CancellationToken ct)
    {
        var root = Native.Stat(source) ?? throw new IOException($"{source} vanished");
        var stack = new Stack<string>();
        stack.Push("");
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        while (stack.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var rel = stack.Pop();
            var from = rel.Length == 0 ? source : Path.Combine(source, rel);
            var st = Native.Stat(from);
            if (st is not { IsDirectory: true } s || (oneFileSystem && s.Device != root.Device)) continue;
            var to = rel.Length == 0 ? dest : Path.Combine(dest, rel);
            if (Native.Stat(to) is { IsDirectory: true })
            {
                foreach (var child in Directory.EnumerateDirectories(from, "*", options))
                    stack.Push(rel.Length == 0 ? Path.GetFileName(child) : Path.Combine(rel, Path.GetFileName(child)));
                Native.SetMtime(to, s.MtimeSeconds, s.MtimeNanoseconds);
            }
        }
    }
}
