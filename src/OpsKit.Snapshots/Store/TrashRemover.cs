// Phase two of a delete (invariant 14): remove what sits in the series' .trash.
// Never follows a symlink, never descends into another file system; whatever
// it cannot remove stays in .trash and is retried on the next run.
using System.IO.Enumeration;
using Microsoft.Extensions.Logging;

namespace OpsKit.Snapshots.Store;

/// <summary>Removes trash folders.</summary>
public static class TrashRemover
{
    /// <summary>Removes every entry of a trash folder; returns problems (empty when all went).</summary>
    public static IReadOnlyList<string> Empty(string trash, ulong device, ILogger log, CancellationToken ct)
    {
        var problems = new List<string>();
        if (Native.Stat(trash) is not { IsDirectory: true } st || st.Device != device) return problems;
        Native.LowerIoPriority();
        foreach (var entry in Directory.EnumerateFileSystemEntries(trash))
        {
            ct.ThrowIfCancellationRequested();
            RemoveTree(entry, device, problems, ct);
        }
        foreach (var p in problems) log.LogWarning("Left in trash: {Problem}", p);
        return problems;
    }

    /// <summary>Removes one tree without following symlinks or crossing mounts.</summary>
    public static void RemoveTree(string path, ulong device, List<string> problems, CancellationToken ct)
    {
        var st = Native.Stat(path);
        if (st is null) return;
        if (!st.Value.IsDirectory)
        {
            File.Delete(path); // unlink: a symlink itself goes, never its target
            return;
        }
        if (st.Value.Device != device)
        {
            problems.Add($"{path} is on another file system (a mount inside a snapshot?); not descending");
            return;
        }
        var subdirs = new List<string>();
        var entries = new FileSystemEnumerable<(string Path, bool Dir)>(path,
            (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false });
        foreach (var (child, isDir) in entries)
        {
            if (isDir) subdirs.Add(child);
            else File.Delete(child);
        }
        foreach (var d in subdirs) RemoveTree(d, device, problems, ct);
        try
        {
            Directory.Delete(path, recursive: false);
        }
        catch (IOException e)
        {
            problems.Add($"{path}: {e.Message}");
        }
    }
}
