// Descriptor-relative file calls (openat, fstatat, unlinkat, getdents64, utimensat)
// as source-generated P/Invokes: compiled ahead of time with the rest, no marshalling
// stubs built at run time, names passed as NUL-terminated bytes straight from getdents.
using System.Runtime.InteropServices;

namespace OpsKit.Snapshots.Store;

/// <summary>Linux *at() calls over directory descriptors.</summary>
internal static unsafe partial class NativeFs
{
    /// <summary>AT_FDCWD.</summary>
    public const int AtCwd = -100;

    /// <summary>ENOENT.</summary>
    public const int NoEntry = 2;

    /// <summary>ENOTEMPTY.</summary>
    public const int NotEmpty = 39;

    private const int OpenDirectoryFlags = 0x10000 /* O_DIRECTORY */ | 0x80000 /* O_CLOEXEC */, OpenNoFollow = 0x20000;
    private const int AtSymlinkNoFollow = 0x100, AtRemoveDir = 0x200, AtEmptyPath = 0x1000;
    private const int StatBufferSize = 256;

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAt(int dirFd, string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static partial int OpenAt(int dirFd, byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseRaw(int fd);

    [LibraryImport("libc", EntryPoint = "getdents64", SetLastError = true)]
    private static partial nint GetDents64(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkAtRaw(int dirFd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    private static partial int UnlinkAtRaw(int dirFd, byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "fstatat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int FStatAt(int dirFd, string path, byte* buffer, int flags);

    [LibraryImport("libc", EntryPoint = "fstatat", SetLastError = true)]
    private static partial int FStatAt(int dirFd, byte* path, byte* buffer, int flags);

    private static int ModeOffset => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 16 : 24;

    /// <summary>Opens a directory (O_DIRECTORY, close-on-exec); without <paramref name="followLast"/> a symlink is refused (ELOOP/ENOTDIR).</summary>
    public static int OpenDirectory(int dirFd, string path, bool followLast) =>
        OpenAt(dirFd, path, OpenDirectoryFlags | (followLast ? 0 : OpenNoFollow), 0);

    /// <summary>close(2).</summary>
    public static void Close(int fd) => CloseRaw(fd);

    /// <summary>getdents64(2): fills <paramref name="buffer"/> with linux_dirent64 records; bytes used, 0 at the end, -1 on error.</summary>
    public static int GetDents(int fd, byte* buffer, int size) => (int)GetDents64(fd, buffer, (nuint)size);

    /// <summary>unlinkat(2) of a NUL-terminated name.</summary>
    public static int UnlinkAt(int dirFd, byte* name, bool directory) => UnlinkAtRaw(dirFd, name, directory ? AtRemoveDir : 0);

    /// <summary>unlinkat(2).</summary>
    public static int UnlinkAt(int dirFd, string name, bool directory) => UnlinkAtRaw(dirFd, name, directory ? AtRemoveDir : 0);

    /// <summary>The st_dev of an open descriptor (fstatat with AT_EMPTY_PATH); ulong.MaxValue on error.</summary>
    public static ulong DeviceOf(int fd)
    {
        var st = stackalloc byte[StatBufferSize];
        byte empty = 0;
        return FStatAt(fd, &empty, st, AtEmptyPath) == 0 ? *(ulong*)st : ulong.MaxValue;
    }

    /// <summary>True when the entry is a real directory (lstat semantics).</summary>
    public static bool IsDirectoryNoFollow(int dirFd, byte* name)
    {
        var st = stackalloc byte[StatBufferSize];
        return FStatAt(dirFd, name, st, AtSymlinkNoFollow) == 0 && (*(uint*)(st + ModeOffset) & 0xF000) == 0x4000;
    }

    /// <summary>True when the entry is a real directory (lstat semantics); <paramref name="exists"/> says whether there is an entry at all.</summary>
    public static bool IsDirectoryNoFollow(int dirFd, string name, out bool exists)
    {
        var st = stackalloc byte[StatBufferSize];
        exists = FStatAt(dirFd, name, st, AtSymlinkNoFollow) == 0;
        return exists && (*(uint*)(st + ModeOffset) & 0xF000) == 0x4000;
    }
}
