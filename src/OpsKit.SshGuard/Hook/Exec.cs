// Replaces this process with the allowed program (execve): it inherits the
// client's stdin/stdout/stderr and its pid; no shell, absolute path, clean environment.
using System.Runtime.InteropServices;

namespace OpsKit.SshGuard.Hook;

/// <summary>execve(2) for the hook.</summary>
public static partial class Exec
{
    /// <summary>The environment the allowed program gets: PATH fixed, HOME/USER/LOGNAME/LANG kept from ours.</summary>
    public static IReadOnlyList<string> CleanEnvironment(Func<string, string?> env)
    {
        var result = new List<string> { "PATH=/usr/local/bin:/usr/bin:/bin" };
        foreach (var name in new[] { "HOME", "USER", "LOGNAME", "LANG" })
        {
            if (env(name) is { Length: > 0 } value && !value.Contains('\0', StringComparison.Ordinal)) result.Add($"{name}={value}");
        }
        return result;
    }

    /// <summary>Executes <paramref name="argv"/> (argv[0] an absolute path). Returns only on failure, with errno's text.</summary>
    public static string Replace(IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        if (argv.Count == 0 || !argv[0].StartsWith('/')) return "program path must be absolute";
        // The runtime ignores SIGPIPE and may block signals; ignored and blocked signals survive execve,
        // and a program started by sshd expects neither.
        Signal(SigPipe, IntPtr.Zero);
        Sigprocmask(SigSetMask, new byte[128], IntPtr.Zero);
        string?[] args = [.. argv, null];
        string?[] envp = [.. environment, null];
        Execve(argv[0], args, envp);
        return Marshal.GetLastPInvokeErrorMessage();
    }

    private const int SigPipe = 13;
    private const int SigSetMask = 2;

    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve([MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string?[] envp);

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signum, IntPtr handler);

    [DllImport("libc", EntryPoint = "sigprocmask")]
    private static extern int Sigprocmask(int how, byte[] set, IntPtr oldset);
}
