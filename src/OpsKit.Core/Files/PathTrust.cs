// Who could have changed a file on its way from / : the check OpenSSH's StrictModes
// makes for authorized_keys, for the files that decide what a restricted key may run
// (config, policies) and for folders that a tool will delete inside (snapshot roots).
using System.Runtime.InteropServices;

namespace OpsKit.Core.Files;

/// <summary>lstat(2) owner, mode and type, or null when the path does not exist.</summary>
/// <param name="Uid">st_uid.</param>
/// <param name="Mode">st_mode.</param>
public readonly record struct PathOwner(uint Uid, uint Mode)
{
    /// <summary>A symbolic link.</summary>
    public bool IsSymlink => (Mode & 0xF000) == 0xA000;

    /// <summary>A directory.</summary>
    public bool IsDirectory => (Mode & 0xF000) == 0x4000;

    /// <summary>A regular file.</summary>
    public bool IsRegular => (Mode & 0xF000) == 0x8000;

    /// <summary>What kind of file this is, in words ("a directory", "a FIFO").</summary>
    public string KindName => (Mode & 0xF000) switch
    {
        0x8000 => "a regular file",
        0x4000 => "a directory",
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        0xA000 => "a symbolic link",
        _ => "not a regular file",
    };

    /// <summary>Writable by group or others.</summary>
    public bool GroupOrOtherWritable => (Mode & 0x12) != 0;

    /// <summary>The sticky bit: only an entry's owner may rename or remove it.</summary>
    public bool Sticky => (Mode & 0x200) != 0;
}

/// <summary>Trust checks on paths.</summary>
public static class PathTrust
{
    /// <summary>The effective user id.</summary>
    public static uint EffectiveUid => GetEuid();

    /// <summary>lstat, or null when the path (or a folder on the way) does not exist.</summary>
    public static PathOwner? Lstat(string path)
    {
        var buffer = new byte[256];
        if (LStat(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is 2 or 20) return null; // ENOENT, ENOTDIR
            throw new IOException($"lstat {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
        var arm = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        return new PathOwner(BitConverter.ToUInt32(buffer, arm ? 24 : 28), BitConverter.ToUInt32(buffer, arm ? 16 : 24));
    }

    /// <summary>Null when <paramref name="path"/> and every folder above it are owned by root or us, no folder on the
    /// way is writable by group or others unless sticky, and the file itself is not writable by group or others;
    /// a symlink on the way counts only when root owns it (then its target is checked the same way). Else the reason.</summary>
    public static string? Problem(string path)
    {
        var full = Path.GetFullPath(path);
        var trusted = new[] { 0u, EffectiveUid };
        if (Chain(full, trusted, out var sawLink) is { } problem) return problem;
        if (!sawLink) return null;
        string real;
        try
        {
            real = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? RealPath(full);
        }
        catch (IOException e)
        {
            return $"{full}: {e.Message}";
        }
        return Chain(RealPath(real), trusted, out _);
    }

    private static string? Chain(string full, uint[] trusted, out bool sawLink)
    {
        sawLink = false;
        var current = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries).Prepend(""))
        {
            current = part.Length == 0 ? "/" : Path.Join(current, part);
            if (Lstat(current) is not { } st) return $"{current} does not exist";
            if (st.IsSymlink)
            {
                if (st.Uid != 0) return $"{current} is a symbolic link owned by uid {st.Uid}, not root";
                sawLink = true;
                return null;
            }
            if (!trusted.Contains(st.Uid)) return $"{current} is owned by uid {st.Uid}, not root{(EffectiveUid == 0 ? "" : $" or uid {EffectiveUid}")}";
            if (current == full)
            {
                if (st.GroupOrOtherWritable) return $"{current} is writable by group or others; chmod go-w it";
            }
            else if (st.GroupOrOtherWritable && !st.Sticky) return $"{current} (a folder above {full}) is writable by group or others";
        }
        return null;
    }

    private static string RealPath(string path)
    {
        var p = RealPathRaw(path, IntPtr.Zero);
        if (p == IntPtr.Zero) return path;
        try
        {
            return Marshal.PtrToStringUTF8(p) ?? path;
        }
        finally
        {
            Marshal.FreeHGlobal(p);
        }
    }

    /// <summary>stat(2) (follows symlinks): the file type and mode, or null when the path does not exist.</summary>
    public static PathOwner? Stat(string path)
    {
        var buffer = new byte[256];
        if (StatRaw(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is 2 or 20 or 40) return null; // ENOENT, ENOTDIR, ELOOP: nothing usable there
            throw new IOException($"stat {path}: {Marshal.GetLastPInvokeErrorMessage()}", errno);
        }
        var arm = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        return new PathOwner(BitConverter.ToUInt32(buffer, arm ? 24 : 28), BitConverter.ToUInt32(buffer, arm ? 16 : 24));
    }

    [DllImport("libc.so.6", EntryPoint = "stat", SetLastError = true)]
    private static extern int StatRaw([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc.so.6", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc.so.6", EntryPoint = "realpath")]
    private static extern IntPtr RealPathRaw([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc.so.6", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
