// Reads environment variables as raw bytes from /proc/self/environ: .NET's
// GetEnvironmentVariable turns invalid UTF-8 into U+FFFD, which would hide what sshd passed.
namespace OpsKit.SshGuard.Hook;

/// <summary>The process environment as the kernel holds it.</summary>
public static class RawEnvironment
{
    /// <summary>The bytes of <paramref name="name"/>'s value, or null when it is not set.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="environFile">Tests may point this at another NUL-separated file.</param>
    public static byte[]? Get(string name, string environFile = "/proc/self/environ")
    {
        var all = File.ReadAllBytes(environFile);
        var prefix = System.Text.Encoding.ASCII.GetBytes(name + "=");
        var start = 0;
        while (start < all.Length)
        {
            var end = all.AsSpan(start).IndexOf((byte)0);
            end = end < 0 ? all.Length : start + end;
            var entry = all.AsSpan(start, end - start);
            if (entry.StartsWith(prefix)) return entry[prefix.Length..].ToArray();
            start = end + 1;
        }
        return null;
    }
}
