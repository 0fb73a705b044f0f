// snapshot list: every series of a root and its entries with their states; with
// sizes, the bytes each snapshot holds and how many of them it alone added (new inodes).
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Listing;

/// <summary>One listed entry.</summary>
/// <param name="Series">Series.</param>
/// <param name="Snapshot">Name, time, state.</param>
/// <param name="Bytes">Apparent size of its files, when sizes were asked for.</param>
/// <param name="NewBytes">Bytes in inodes not shared with the next older snapshot, when sizes were asked for.</param>
public sealed record ListedSnapshot(string Series, SnapshotRecord Snapshot, long? Bytes, long? NewBytes);

/// <summary>Lists a root.</summary>
public static class SnapshotLister
{
    /// <summary>Lists every series (or one) of a root, newest first within a series.</summary>
    public static (IReadOnlyList<ListedSnapshot> Snapshots, IReadOnlyList<string> Foreign) List(string rootPath, string? only, bool sizes, CancellationToken ct)
    {
        var root = SnapshotRoot.Open(rootPath);
        var (all, foreign) = root.ListSeries();
        var list = new List<ListedSnapshot>();
        foreach (var name in all.Where(n => only is null || n == only))
        {
            var scanned = root.OpenSeries(name).Scan();
            if (!sizes)
            {
                list.AddRange(scanned.Select(s => new ListedSnapshot(name, s.Record, null, null)));
                continue;
            }
            // Oldest first, so "new" means: not present in the previous snapshot of the series.
            HashSet<ulong>? previous = null;
            var sized = new List<ListedSnapshot>();
            foreach (var s in scanned.Reverse())
            {
                ct.ThrowIfCancellationRequested();
                if (s.Record.State == SnapshotState.Foreign) { sized.Add(new ListedSnapshot(name, s.Record, null, null)); continue; }
                var (bytes, fresh, inodes) = Measure(Path.Combine(s.Path, Create.SnapshotCreator.TreeName), root.Device, previous);
                sized.Add(new ListedSnapshot(name, s.Record, bytes, fresh));
                previous = inodes;
            }
            sized.Reverse();
            list.AddRange(sized);
        }
        return (list, foreign);
    }

    internal static (long Bytes, long New, HashSet<ulong> Inodes) Measure(string tree, ulong device, HashSet<ulong>? previous)
    {
        long bytes = 0, fresh = 0;
        var inodes = new HashSet<ulong>();
        var stack = new Stack<string>();
        if (Directory.Exists(tree)) stack.Push(tree);
        while (stack.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(stack.Pop()))
            {
                if (Native.Stat(entry) is not { } st || st.Device != device) continue;
                if (st.IsDirectory) { stack.Push(entry); continue; }
                if (!inodes.Add(st.Inode)) continue; // hard links inside one snapshot count once
                bytes += st.Size;
                if (previous is null || !previous.Contains(st.Inode)) fresh += st.Size;
            }
        }
        return (bytes, fresh, inodes);
    }
}
