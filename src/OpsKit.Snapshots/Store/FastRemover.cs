// Removes a directory tree through directory descriptors (openat/getdents64/unlinkat),
// never following a symlink or entering another file system, on up to two threads:
// the top of the tree is opened breadth-first until there is work for both, then
// each subtree is removed depth-first by one worker.
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace OpsKit.Snapshots.Store;

/// <summary>Native recursive delete (rm -rf without crossing mounts or following links).</summary>
internal static unsafe class FastRemover
{
    private const int BufferSize = 64 * 1024;
    private const byte TypeUnknown = 0, TypeDirectory = 4;

    /// <summary>Removes <paramref name="path"/> (a directory, or anything else by unlink). Whatever could not
    /// be removed is described in <paramref name="problems"/> and stays.</summary>
    public static void Remove(string path, ulong device, List<string> problems, CancellationToken ct, int workers = 2)
    {
        var parentPath = Path.GetDirectoryName(path) ?? "/";
        var parent = NativeFs.OpenDirectory(NativeFs.AtCwd, parentPath, followLast: true);
        if (parent < 0) throw new IOException($"open {parentPath}: {Marshal.GetLastPInvokeErrorMessage()}");
        var bag = new ConcurrentBag<string>();
        try
        {
            var name = Path.GetFileName(path);
            var root = new Dir(parent, name, path);
            RemoveFrom(root, device, bag, ct, workers);
        }
        finally
        {
            NativeFs.Close(parent);
        }
        problems.AddRange(bag.Order(StringComparer.Ordinal));
    }

    /// <summary>A directory still to be emptied and removed: its parent's descriptor and its name.</summary>
    private sealed record Dir(int ParentFd, string Name, string Display);

    private static void RemoveFrom(Dir root, ulong device, ConcurrentBag<string> problems, CancellationToken ct, int workers)
    {
        if (!NativeFs.IsDirectoryNoFollow(root.ParentFd, root.Name, out var exists))
        {
            if (exists && NativeFs.UnlinkAt(root.ParentFd, root.Name, directory: false) != 0) problems.Add($"{root.Display}: {Marshal.GetLastPInvokeErrorMessage()}");
            return;
        }
        // Breadth-first over the top levels: files go at once, directories are opened and kept
        // (parent descriptors must outlive their children's removal).
        var opened = new List<(Dir Dir, int Fd)>();
        var frontier = new List<Dir> { root };
        var done = false;
        try
        {
            while (frontier.Count is > 0 and < 8)
            {
                var next = new List<Dir>();
                foreach (var d in frontier)
                {
                    ct.ThrowIfCancellationRequested();
                    var fd = OpenChecked(d, device, problems);
                    if (fd < 0) continue;
                    opened.Add((d, fd));
                    EmptyFiles(fd, d.Display, problems, sub => next.Add(new Dir(fd, sub, d.Display + "/" + sub)));
                }
                frontier = next;
            }
            if (frontier.Count > 0)
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers), CancellationToken = ct };
                Parallel.ForEach(frontier, options, d => RemoveDepthFirst(d, device, problems, ct));
            }
            // Deepest first; a directory's own descriptor is closed before it goes, its parent's stays open until later.
            for (var i = opened.Count - 1; i >= 0; i--)
            {
                var (d, fd) = opened[i];
                NativeFs.Close(fd);
                opened[i] = (d, -1);
                if (!RemoveEmpty(d, problems, retryable: true)) RemoveDepthFirst(d, device, problems, ct);
            }
            done = true;
        }
        finally
        {
            if (!done)
                foreach (var (_, fd) in opened) if (fd >= 0) NativeFs.Close(fd);
        }
    }

    private static void RemoveDepthFirst(Dir dir, ulong device, ConcurrentBag<string> problems, CancellationToken ct)
    {
        // Entries unlinked while a directory is being read are never returned again, but a file
        // system may still skip a survivor: rmdir then says ENOTEMPTY and the directory is read once more.
        for (var pass = 0; ; pass++)
        {
            var fd = OpenChecked(dir, device, problems);
            if (fd < 0) return;
            try
            {
                var subdirs = new List<string>();
                EmptyFiles(fd, dir.Display, problems, subdirs.Add);
                foreach (var s in subdirs)
                {
                    ct.ThrowIfCancellationRequested();
                    RemoveDepthFirst(new Dir(fd, s, dir.Display + "/" + s), device, problems, ct);
                }
            }
            finally
            {
                NativeFs.Close(fd);
            }
            if (RemoveEmpty(dir, problems, retryable: pass < 2)) return;
        }
    }

    /// <summary>Opens a directory without following a symlink; -1 (and a problem noted) when it is on another file system.</summary>
    private static int OpenChecked(Dir dir, ulong device, ConcurrentBag<string> problems)
    {
        var fd = NativeFs.OpenDirectory(dir.ParentFd, dir.Name, followLast: false);
        if (fd < 0)
        {
            problems.Add($"{dir.Display}: {Marshal.GetLastPInvokeErrorMessage()}");
            return -1;
        }
        if (NativeFs.DeviceOf(fd) != device)
        {
            NativeFs.Close(fd);
            problems.Add($"{dir.Display} is on another file system (a mount inside a snapshot?); not descending");
            return -1;
        }
        return fd;
    }

    /// <summary>rmdir; false only when the directory was not empty and <paramref name="retryable"/> (the caller reads it again).</summary>
    private static bool RemoveEmpty(Dir dir, ConcurrentBag<string> problems, bool retryable)
    {
        if (NativeFs.UnlinkAt(dir.ParentFd, dir.Name, directory: true) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == NativeFs.NotEmpty && retryable) return false;
        if (errno != NativeFs.NoEntry) problems.Add($"{dir.Display}: {Marshal.GetPInvokeErrorMessage(errno)}");
        return true;
    }

    /// <summary>Unlinks every non-directory entry of an open directory; hands subdirectory names to <paramref name="subdir"/>.</summary>
    private static void EmptyFiles(int fd, string display, ConcurrentBag<string> problems, Action<string> subdir)
    {
        var buffer = (byte*)NativeMemory.Alloc(BufferSize);
        try
        {
            while (true)
            {
                var n = NativeFs.GetDents(fd, buffer, BufferSize);
                if (n < 0)
                {
                    problems.Add($"{display}: {Marshal.GetLastPInvokeErrorMessage()}");
                    return;
                }
                if (n == 0) return;
                for (var off = 0; off < n;)
                {
                    var entry = buffer + off;
                    var reclen = *(ushort*)(entry + 16);
                    var type = entry[18];
                    var name = entry + 19;
                    off += reclen;
                    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
                    var isDir = type == TypeDirectory || (type == TypeUnknown && NativeFs.IsDirectoryNoFollow(fd, name));
                    if (isDir)
                    {
                        subdir(Marshal.PtrToStringUTF8((nint)name)!);
                    }
                    else if (NativeFs.UnlinkAt(fd, name, directory: false) != 0 && Marshal.GetLastPInvokeError() != NativeFs.NoEntry)
                    {
                        problems.Add($"{display}/{Marshal.PtrToStringUTF8((nint)name)}: {Marshal.GetLastPInvokeErrorMessage()}");
                    }
                }
            }
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }
}
