// Removes a directory tree through directory descriptors (openat/getdents64/unlinkat),
// never following a symlink or entering another file system. One thread: two or three
// workers measured slower than one here (unlinks of shared inodes wait on the journal).
using System.Runtime.InteropServices;

namespace OpsKit.Snapshots.Store;

/// <summary>Native recursive delete (rm -rf without crossing mounts or following links).</summary>
internal static unsafe class FastRemover
{
    private const int BufferSize = 64 * 1024;
    private const byte TypeUnknown = 0, TypeDirectory = 4;

    /// <summary>Removes <paramref name="path"/> (a directory, or anything else by unlink). Whatever could not
    /// be removed is described in <paramref name="problems"/> and stays.</summary>
    public static void Remove(string path, ulong device, List<string> problems, CancellationToken ct)
    {
        var parentPath = Path.GetDirectoryName(path) ?? "/";
        var parent = NativeFs.OpenDirectory(NativeFs.AtCwd, parentPath, followLast: true);
        if (parent < 0) throw new IOException($"open {parentPath}: {Marshal.GetLastPInvokeErrorMessage()}");
        try
        {
            var name = Path.GetFileName(path);
            var root = new Dir(parent, name, path);
            RemoveFrom(root, device, problems, ct);
        }
        finally
        {
            NativeFs.Close(parent);
        }
    }

    /// <summary>A directory still to be emptied and removed: its parent's descriptor and its name.</summary>
    private sealed record Dir(int ParentFd, string Name, string Display);

    private static void RemoveFrom(Dir root, ulong device, List<string> problems, CancellationToken ct)
    {
        if (NativeFs.IsDirectoryNoFollow(root.ParentFd, root.Name, out var exists)) RemoveDepthFirst(root, device, problems, ct);
        else if (exists && NativeFs.UnlinkAt(root.ParentFd, root.Name, directory: false) != 0) problems.Add($"{root.Display}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private static void RemoveDepthFirst(Dir dir, ulong device, List<string> problems, CancellationToken ct)
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
    private static int OpenChecked(Dir dir, ulong device, List<string> problems)
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
    private static bool RemoveEmpty(Dir dir, List<string> problems, bool retryable)
    {
        if (NativeFs.UnlinkAt(dir.ParentFd, dir.Name, directory: true) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == NativeFs.NotEmpty && retryable) return false;
        if (errno != NativeFs.NoEntry) problems.Add($"{dir.Display}: {Marshal.GetPInvokeErrorMessage(errno)}");
        return true;
    }

    /// <summary>Unlinks every non-directory entry of an open directory; hands subdirectory names to <paramref name="subdir"/>.</summary>
    private static void EmptyFiles(int fd, string display, List<string> problems, Action<string> subdir)
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
