// Replaces this process with the allowed program (execve): it inherits the
// client's stdin/stdout/stderr and its pid; no shell, absolute path, clean environment.
using System.Runtime.InteropServices;

namespace OpsKit.SshGuard.Hook;

/// <summary>execve(2) for the hook.</summary>
public static partial class Exec
{
    /// <summary>The environment the allowed program gets: PATH fixed, HOME/USER/LOGNAME kept from ours (sshd sets
    /// them), LANG only when it is a locale name (a client may send it: AcceptEnv LANG is Debian's default).</summary>
    public static IReadOnlyList<string> CleanEnvironment(Func<string, string?> env)
    {
        var result = new List<string> { "PATH=/usr/local/bin:/usr/bin:/bin" };
        foreach (var name in new[] { "HOME", "USER", "LOGNAME" })
        {
            if (env(name) is { Length: > 0 } value && !value.Contains('\0', StringComparison.Ordinal)) result.Add($"{name}={value}");
        }
        if (env("LANG") is { } lang && IsLocaleName(lang)) result.Add($"LANG={lang}");
        return result;
    }

    /// <summary>C, POSIX, or language[_TERRITORY][.codeset][@modifier] in ASCII letters and digits.</summary>
    public static bool IsLocaleName(string value)
    {
        if (value is "C" or "POSIX" or "C.UTF-8" or "C.utf8") return true;
        if (value.Length is < 2 or > 64) return false;
        var i = 0;
        while (i < value.Length && char.IsAsciiLetterLower(value[i])) i++;
        if (i is < 2 or > 3) return false;
        if (i < value.Length && value[i] == '_')
        {
            var start = ++i;
            while (i < value.Length && char.IsAsciiLetterUpper(value[i])) i++;
            if (i - start != 2) return false;
        }
        if (i < value.Length && value[i] == '.')
        {
            var start = ++i;
            while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || value[i] == '-')) i++;
            if (i == start) return false;
        }
        if (i < value.Length && value[i] == '@')
        {
            var start = ++i;
            while (i < value.Length && char.IsAsciiLetterOrDigit(value[i])) i++;
            if (i == start) return false;
        }
        return i == value.Length;
    }

    /// <summary>Executes <paramref name="argv"/> (argv[0] an absolute path). Returns only on failure, with errno's text.</summary>
    public static string Replace(IReadOnlyList<string> argv, IReadOnlyList<string> environment)
    {
        if (argv.Count == 0 || !argv[0].StartsWith('/')) return "program path must be absolute";
        // The runtime ignores SIGPIPE and may block signals; ignored and blocked signals survive execve,
        // and a program started by sshd expects neither.
        Signal(SigPipe, IntPtr.Zero);
        Sigprocmask(SigSetMask, new byte[128], IntPtr.Zero);
        var args = ToCArray(argv);
        var envp = ToCArray(environment);
        Execve(argv[0], args, envp);
        var error = Marshal.GetLastPInvokeErrorMessage();
        foreach (var p in args.Concat(envp)) Marshal.FreeCoTaskMem(p);
        return error;
    }

    /// <summary>execve with arguments and environment as raw bytes (a client's SSH_ORIGINAL_COMMAND need not be UTF-8).
    /// Returns only on failure, with errno's text.</summary>
    public static string ReplaceRaw(string path, IReadOnlyList<byte[]> argv, IReadOnlyList<byte[]> environment)
    {
        var args = ToCArray(argv);
        var envp = ToCArray(environment);
        Execve(path, args, envp);
        var error = Marshal.GetLastPInvokeErrorMessage();
        foreach (var p in args.Concat(envp)) Marshal.FreeCoTaskMem(p);
        return error;
    }

    private static IntPtr[] ToCArray(IReadOnlyList<byte[]> items)
    {
        var result = new IntPtr[items.Count + 1];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = Marshal.AllocCoTaskMem(items[i].Length + 1);
            Marshal.Copy(items[i], 0, result[i], items[i].Length);
            Marshal.WriteByte(result[i], items[i].Length, 0);
        }
        return result;
    }

    // "libc" alone resolves to the glibc linker script libc.so, which dlopen cannot load.
    private const int SigPipe = 13;

    /// <summary>A NULL-terminated char*[] of UTF-8 strings (freed by the caller when execve returns).</summary>
    private static IntPtr[] ToCArray(IReadOnlyList<string> strings)
    {
        var result = new IntPtr[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++) result[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
        return result;
    }
    private const int SigSetMask = 2;

    [DllImport("libc.so.6", EntryPoint = "execve", SetLastError = true)]
    private static extern int Execve([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc.so.6", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signum, IntPtr handler);

    [DllImport("libc.so.6", EntryPoint = "sigprocmask")]
    private static extern int Sigprocmask(int how, byte[] set, IntPtr oldset);
}
