// The few Linux calls .NET does not expose: lstat (device and inode numbers),
// flock, FD_CLOEXEC, fsync of a directory and the IO priority of this thread.
using System.Runtime.InteropServices;

namespace OpsKit.Snapshots.Store;

/// <summary>What lstat says about a path (symlinks are not followed).</summary>
/// <param name="Device">st_dev.</param>
/// <param name="Inode">st_ino.</param>
/// <param name="Mode">st_mode (type and permission bits).</param>
/// <param name="Links">st_nlink.</param>
/// <param name="Size">st_size.</param>
public readonly record struct FileStatus(ulong Device, ulong Inode, uint Mode, ulong Links, long Size)
{
    /// <summary>st_uid.</summary>
    public uint Uid { get; init; }

    /// <summary>st_mtim seconds.</summary>
    public long MtimeSeconds { get; init; }

    /// <summary>st_mtim nanoseconds.</summary>
    public long MtimeNanoseconds { get; init; }

    /// <summary>A real directory.</summary>
    public bool IsDirectory => (Mode & 0xF000) == 0x4000;

    /// <summary>A symbolic link.</summary>
    public bool IsSymlink => (Mode & 0xF000) == 0xA000;
}

/// <summary>P/Invoke into glibc.</summary>
internal static partial class Native
{
    private const int OpenReadOnly = 0, OpenReadWrite = 2, OpenCreate = 0x40, OpenDirectory = 0x10000, OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2, LockNonBlocking = 4, LockUnlock = 8;
    private const int SetFdFlags = 2;

    // Source-generated (LibraryImport): marshalling compiled ahead of time, no stubs built at run time.
    [LibraryImport("libc", SetLastError = true, EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, [Out] byte[] buffer);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "close")]
    internal static partial int Close(int fd);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "flock")]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", SetLastError = true, EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameRaw(string from, string to);

    /// <summary>rename(2): atomic within a file system, never follows symlinks, replaces a file or symlink at the target.</summary>
    public static void Rename(string from, string to)
    {
        if (RenameRaw(from, to) != 0) throw new IOException($"rename {from} -> {to}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUid => GetEuid();

    [LibraryImport("libc", SetLastError = true, EntryPoint = "syscall")]
    private static partial long Syscall(long number, long a, long b, long c);

    /// <summary>lstat, or null when the path does not exist.</summary>
    public static FileStatus? Stat(string path)
    {
        var buffer = new byte[256];
        if (LStat(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is 2 or 20) return null; // ENOENT, ENOTDIR
            throw new IOException($"lstat {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
        var arm = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        return new FileStatus(
            BitConverter.ToUInt64(buffer, 0),
            BitConverter.ToUInt64(buffer, 8),
            BitConverter.ToUInt32(buffer, arm ? 16 : 24),
            arm ? BitConverter.ToUInt32(buffer, 20) : BitConverter.ToUInt64(buffer, 16),
            BitConverter.ToInt64(buffer, 48))
        {
            Uid = BitConverter.ToUInt32(buffer, arm ? 24 : 28),
            MtimeSeconds = BitConverter.ToInt64(buffer, 88), // st_mtim: same offset on x86_64 and aarch64
            MtimeNanoseconds = BitConverter.ToInt64(buffer, 96),
        };
    }

    [LibraryImport("libc", SetLastError = true, EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Utimensat(int dirFd, string path, long[] times, int flags);

    /// <summary>Sets a path's mtime to the nanosecond without following a symlink; atime is left alone.</summary>
    public static void SetMtime(string path, long seconds, long nanoseconds)
    {
        const int atFdCwd = -100, atSymlinkNoFollow = 0x100;
        const long utimeOmit = (1L << 30) - 2;
        if (Utimensat(atFdCwd, path, [0, utimeOmit, seconds, nanoseconds], atSymlinkNoFollow) != 0)
            throw new IOException($"utimensat {path}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>Opens (creating) a lock file and takes an exclusive flock without waiting; -1 when another holds it.</summary>
    public static int TryLock(string path)
    {
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, 0x1A4);
        if (fd < 0) throw new IOException($"open {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        if (Flock(fd, LockExclusive | LockNonBlocking) == 0) return fd;
        var message = Marshal.GetLastPInvokeErrorMessage();
        var errno = Marshal.GetLastPInvokeError();
        Close(fd);
        if (errno == 11) return -1; // EWOULDBLOCK
        throw new IOException($"flock {path}: {message}");
    }

    /// <summary>Releases a lock taken with <see cref="TryLock"/>.</summary>
    public static void Unlock(int fd)
    {
        Flock(fd, LockUnlock);
        Close(fd);
    }

    /// <summary>Lets child processes inherit the descriptor (clears FD_CLOEXEC), so a lock stays held
    /// while rsync runs even if we are killed.</summary>
    public static void Inherit(int fd)
    {
        if (Fcntl(fd, SetFdFlags, 0) != 0) throw new IOException($"fcntl: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>fsync of a file or directory by path (a directory: makes renames in it durable).</summary>
    public static void SyncPath(string path, bool directory)
    {
        var fd = Open(path, OpenReadOnly | OpenCloseOnExec | (directory ? OpenDirectory : 0), 0);
        if (fd < 0) throw new IOException($"open {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>Lowers this thread's IO priority to best-effort level 7 (ionice -c2 -n7); best effort itself.</summary>
    public static void LowerIoPriority()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        const long ioprioSet = 251, whoProcess = 1, bestEffortLowest = (2L << 13) | 7;
        Syscall(ioprioSet, whoProcess, 0, bestEffortLowest);
    }
}
