// The file-system half of path confinement. The decision checks paths as text; the
// tree may hold symlinks (planted through an earlier transfer, or made on the server),
// and rsync follows a symlink in an operand or a --link-dest/--backup-dir value. Before
// exec every path of an accepted command is resolved below its root with openat2(2)
// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS: one symlink component anywhere, the last one
// included, refuses the command. Components that do not exist yet (a push creating its
// folder) are fine: nothing can be followed there.
using System.Runtime.InteropServices;

namespace OpsKit.SshGuard.Hook;

/// <summary>Checks that paths stay below their roots without passing a symbolic link.</summary>
public static partial class Beneath
{
    /// <summary>Most directory entries a glob operand may make us look at before the command is refused.</summary>
    public const int MaxGlobEntries = 10_000;

    /// <summary>The accepted verdict, or a rejection naming the first path that crosses a symlink.</summary>
    public static Verdict Check(Verdict verdict)
    {
        if (!verdict.Accepted) return verdict;
        foreach (var use in verdict.Paths)
        {
            if (Problem(use) is { } why)
                return Verdict.Reject(why, [.. verdict.Notes, new WordNote(use.Path, why, Refused: true)]);
        }
        return verdict;
    }

    /// <summary>Null when <paramref name="use"/> reaches only real folders below its root, else the reason.</summary>
    public static string? Problem(PathUse use)
    {
        var rel = use.Path.Length > use.Root.Length ? use.Path[use.Root.Length..].Trim('/') : "";
        if (rel.Length == 0 || use.Root == "/" && use.Path.Trim('/').Length == 0) return null;
        if (use.Root == "/") rel = use.Path.Trim('/');
        var parts = rel.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var firstGlob = use.Globs ? Array.FindIndex(parts, p => p.AsSpan().IndexOfAny("*?[]") >= 0) : -1;
        if (firstGlob < 0) return Walk(use.Root, parts, use.Path);
        if (Walk(use.Root, parts[..firstGlob], use.Path) is { } prefix) return prefix;
        var budget = MaxGlobEntries;
        return Expand(Path.Join([use.Root, .. parts[..firstGlob]]), parts[firstGlob..], use.Path, ref budget);
    }

    /// <summary>Resolves root/parts one existing prefix at a time; the longest existing prefix must be symlink-free.</summary>
    private static string? Walk(string root, string[] parts, string shown)
    {
        if (parts.Length == 0) return null;
        var rootFd = Open(root, ODirectory);
        if (rootFd < 0) return null; // no root yet: rsync creates it (or fails) below a folder the admin owns
        try
        {
            for (var n = parts.Length; n > 0; n--)
            {
                var rel = string.Join('/', parts, 0, n);
                var (fd, errno) = OpenBeneath(rootFd, rel);
                if (fd >= 0)
                {
                    Close(fd);
                    return null;
                }
                switch (errno)
                {
                    case ENOENT: continue;
                    case ELOOP: return $"'{ValueRules.Short(shown)}' passes through a symbolic link ({root}/{FirstLink(root, parts, n)}); refused so nothing outside {root} is reached";
                    case EXDEV: return $"'{ValueRules.Short(shown)}' resolves outside {root}";
                    case ENOSYS or EPERM: return WalkByLstat(root, parts, shown);
                    default: return null; // EACCES, ENOTDIR...: rsync cannot get there either and reports it
                }
            }
            return null;
        }
        finally
        {
            Close(rootFd);
        }
    }

    /// <summary>Without openat2 (older kernels, seccomp filters): lstat each component.</summary>
    private static string? WalkByLstat(string root, string[] parts, string shown)
    {
        var current = root;
        foreach (var part in parts)
        {
            current = Path.Join(current, part);
            FileSystemInfo info = new FileInfo(current);
            if (!info.Exists && !Directory.Exists(current) && info.LinkTarget is null) return null;
            if (info.LinkTarget is not null) return $"'{ValueRules.Short(shown)}' passes through a symbolic link ({current}); refused so nothing outside {root} is reached";
        }
        return null;
    }

    private static string FirstLink(string root, string[] parts, int n)
    {
        var current = root;
        for (var k = 0; k < n; k++)
        {
            current = Path.Join(current, parts[k]);
            if (new FileInfo(current).LinkTarget is not null) return string.Join('/', parts, 0, k + 1);
        }
        return string.Join('/', parts, 0, n);
    }

    /// <summary>Follows a glob the way rsync's sender will, over-matching ([...] as any one character): any symlink it
    /// could match refuses the command.</summary>
    private static string? Expand(string dir, string[] rest, string shown, ref int budget)
    {
        if (rest.Length == 0) return null;
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(dir).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        foreach (var entry in entries)
        {
            if (--budget < 0) return $"'{ValueRules.Short(shown)}' matches more than {MaxGlobEntries} entries to check; name the folders";
            var name = Path.GetFileName(entry);
            if (!GlobMatches(rest[0], name)) continue;
            var info = new FileInfo(entry);
            if (info.LinkTarget is not null) return $"'{ValueRules.Short(shown)}' can match the symbolic link {entry}; refused so nothing outside the root is reached";
            if (rest.Length > 1 && Directory.Exists(entry) && Expand(entry, rest[1..], shown, ref budget) is { } deeper) return deeper;
        }
        return null;
    }

    /// <summary>* ? and [...] (taken as any one character: it may only over-match), dot files matched only by a leading dot.</summary>
    internal static bool GlobMatches(string pattern, string name)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.')) return false;
        return Match(pattern, 0, name, 0);
    }

    private static bool Match(string p, int i, string s, int j)
    {
        while (i < p.Length)
        {
            switch (p[i])
            {
                case '*':
                    for (var k = j; k <= s.Length; k++)
                    {
                        if (Match(p, i + 1, s, k)) return true;
                    }
                    return false;
                case '?':
                    if (j >= s.Length) return false;
                    i++;
                    j++;
                    break;
                case '[':
                    var close = p.IndexOf(']', i + 2);
                    if (close < 0) goto default;
                    if (j >= s.Length) return false;
                    i = close + 1;
                    j++;
                    break;
                default:
                    if (j >= s.Length || s[j] != p[i]) return false;
                    i++;
                    j++;
                    break;
            }
        }
        return j == s.Length;
    }

    private const int ENOENT = 2, EPERM = 1, ELOOP = 40, EXDEV = 18, ENOSYS = 38;
    private const int OPath = 0x200000, OCloexec = 0x80000, ODirectory = 0x10000;
    private const ulong ResolveNoMagicLinks = 0x02, ResolveNoSymlinks = 0x04, ResolveBeneath = 0x08;
    private const long SysOpenat2 = 437;

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    private static int Open(string path, int flags) => OpenAt(-100 /* AT_FDCWD */, path, OPath | OCloexec | flags);

    private static (int Fd, int Errno) OpenBeneath(int dirFd, string rel)
    {
        var how = new OpenHow { Flags = OPath | OCloexec, Resolve = ResolveBeneath | ResolveNoSymlinks | ResolveNoMagicLinks };
        var fd = (int)Syscall(SysOpenat2, dirFd, rel, ref how, (nuint)Marshal.SizeOf<OpenHow>());
        return fd >= 0 ? (fd, 0) : (-1, Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc.so.6", EntryPoint = "syscall", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial long Syscall(long number, int dirFd, string path, ref OpenHow how, nuint size);

    [LibraryImport("libc.so.6", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAt(int dirFd, string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int fd);
}
