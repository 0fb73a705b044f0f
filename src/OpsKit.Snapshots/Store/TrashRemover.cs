// Phase two of a delete (invariant 14): remove what sits in the series' .trash.
// Never follows a symlink, never descends into another file system; whatever
// it cannot remove stays in .trash and is retried on the next run.
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

    /// <summary>Removes one tree without following symlinks or crossing mounts (native, descriptor-relative).</summary>
    public static void RemoveTree(string path, ulong device, List<string> problems, CancellationToken ct) =>
        FastRemover.Remove(path, device, problems, ct);
}
