// Turns the exceptions of file and stream calls into the "why" of "opskit: <what>: <why>" and an exit code.
// .NET's own messages are resource text (or bare resource keys in a trimmed build) with the type's wording;
// a person wants strerror's words, and a directory given as a file is not a permission problem.
using System.Runtime.InteropServices;

namespace OpsKit.Core.Files;

/// <summary>Readable reasons and exit codes for IO failures.</summary>
public static class IoErrors
{
    /// <summary>The reason in words (no path, no type names) and the exit code for an IO failure on <paramref name="path"/>.</summary>
    public static (string Why, int Code) Describe(Exception e, string? path = null)
    {
        switch (e)
        {
            case FileNotFoundException or DirectoryNotFoundException:
                return ("no such file or directory", ExitCodes.NoInput);
            case PathTooLongException:
                return ("file name too long", ExitCodes.NoInput);
            case UnauthorizedAccessException:
                // .NET reports "is a directory" and EACCES/EPERM alike: look again.
                if (path is not null && Kind(path) is { IsDirectory: true }) return ("is a directory, not a file", ExitCodes.NoInput);
                return ("permission denied", ExitCodes.NoPermission);
            case IOException io when io.HResult is > 0 and < 200:
                // On Unix the HResult of an errno-based IOException is the errno itself.
                return (Strerror(io.HResult), io.HResult switch
                {
                    2 or 20 or 21 or 36 or 40 => ExitCodes.NoInput, // ENOENT ENOTDIR EISDIR ENAMETOOLONG ELOOP
                    1 or 13 or 30 => ExitCodes.NoPermission, // EPERM EACCES EROFS
                    _ => ExitCodes.IoError,
                });
            case IOException:
                return ("input/output error", ExitCodes.IoError);
            default:
                return ("input/output error", ExitCodes.IoError);
        }
    }

    /// <summary>An OpsKitException "<paramref name="what"/>: why" with the matching exit code.</summary>
    public static OpsKitException Error(Exception e, string what, string? path = null)
    {
        var (why, code) = Describe(e, path);
        return new OpsKitException($"{what}: {why}", code, e);
    }

    /// <summary>True for the exceptions file calls throw on the way to the disk.</summary>
    public static bool IsIo(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>Null when <paramref name="path"/> is a regular file we may try to read, else why it is not
    /// (checked before opening, so a FIFO or a device never blocks the open).</summary>
    public static (string Why, int Code)? NotARegularFile(string path)
    {
        if (path.Length == 0) return ("empty file name", ExitCodes.Usage);
        if (path.Contains('\0')) return ("file name contains a NUL byte", ExitCodes.Usage);
        PathOwner? st;
        try
        {
            st = PathTrust.Stat(path);
        }
        catch (IOException e)
        {
            return Describe(e, path);
        }
        if (st is null) return ("no such file or directory", ExitCodes.NoInput);
        if (st.Value.IsDirectory) return ("is a directory, not a file", ExitCodes.NoInput);
        if (!st.Value.IsRegular) return ($"is {st.Value.KindName}, not a regular file", ExitCodes.NoInput);
        return null;
    }

    /// <summary>Reads a whole input file the user named; errors are "<paramref name="what"/>: why"
    /// (what defaults to the path) with 66/77/74. A FIFO, device or directory is refused before it is opened.</summary>
    public static byte[] ReadInput(string path, string? what = null)
    {
        what ??= path;
        if (NotARegularFile(path) is { } problem) throw new OpsKitException($"{what}: {problem.Why}", problem.Code);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (IsIo(e))
        {
            throw Error(e, what, path);
        }
    }

    private static PathOwner? Kind(string path)
    {
        try { return PathTrust.Stat(path); }
        catch (IOException) { return null; }
    }

    private static string Strerror(int errno)
    {
        var text = Marshal.GetPInvokeErrorMessage(errno);
        return text.Length == 0 ? $"error {errno}" : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
