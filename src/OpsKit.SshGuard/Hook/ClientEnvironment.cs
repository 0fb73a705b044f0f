// Under a forced command the environment is partly the client's: sshd passes what
// AcceptEnv names, PermitUserEnvironment reads ~/.ssh/environment (which a key that
// can write its home could fill), and the .NET runtime reads DOTNET_* settings before
// Main. None of it may steer the hook: a process that finds such variables starts
// itself again without them, so neither our code nor the runtime ever sees them.
using System.Runtime.InteropServices;
using System.Text;

namespace OpsKit.SshGuard.Hook;

/// <summary>Drops the variables a client could use to steer opskit.</summary>
public static class ClientEnvironment
{
    private static readonly string[] s_prefixes = ["OPSKIT_", "DOTNET_", "COMPlus_", "CORECLR_"];

    /// <summary>True for a variable that opskit or the .NET runtime reads as a setting.</summary>
    public static bool IsSetting(ReadOnlySpan<byte> entry)
    {
        foreach (var prefix in s_prefixes)
        {
            if (entry.StartsWith(Encoding.ASCII.GetBytes(prefix))) return true;
        }
        return false;
    }

    /// <summary>The entries of a NUL-separated environ block, those that are settings left out; null when none was.</summary>
    public static List<byte[]>? WithoutSettings(byte[] environ)
    {
        var kept = new List<byte[]>();
        var dropped = false;
        foreach (var entry in Split(environ))
        {
            if (IsSetting(entry)) dropped = true;
            else kept.Add(entry);
        }
        return dropped ? kept : null;
    }

    /// <summary>Starts this program again with the same arguments and without the settings, when there are any.
    /// Returns null when there was nothing to drop; otherwise returns only when execve failed, with its error.</summary>
    public static string? RestartWithoutSettings(string environFile = "/proc/self/environ")
    {
        if (WithoutSettings(File.ReadAllBytes(environFile)) is not { } kept) return null;
        var argv = Split(File.ReadAllBytes("/proc/self/cmdline"));
        if (argv.Count == 0) return "cannot read /proc/self/cmdline";
        return Exec.ReplaceRaw("/proc/self/exe", argv, kept);
    }

    private static List<byte[]> Split(byte[] block)
    {
        var result = new List<byte[]>();
        var start = 0;
        while (start < block.Length)
        {
            var end = Array.IndexOf(block, (byte)0, start);
            if (end < 0) end = block.Length;
            if (end > start) result.Add(block[start..end]);
            start = end + 1;
        }
        return result;
    }
}
