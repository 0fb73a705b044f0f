// The client's IP as sshd reports it: SSH_CONNECTION "ip port ip port", else SSH_CLIENT "ip port port".
namespace OpsKit.SshGuard.Hook;

/// <summary>Finds the connecting client's address.</summary>
public static class ClientAddress
{
    /// <summary>The address text, or null when neither variable holds one. Kept as text: it is parsed only when a
    /// policy limits networks (the hook's start-up time matters), but it must look like an address to be logged.</summary>
    public static string? From(Func<string, string?> env)
    {
        foreach (var name in new[] { "SSH_CONNECTION", "SSH_CLIENT" })
        {
            var value = env(name);
            if (string.IsNullOrEmpty(value)) continue;
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var first = space < 0 ? value : value[..space];
            if (first.Length is > 0 and <= 45 && IsAddressText(first)) return first.StartsWith("::ffff:", StringComparison.Ordinal) && first.Contains('.', StringComparison.Ordinal) ? first[7..] : first;
        }
        return null;
    }

    private static bool IsAddressText(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c) && c is not '.' and not ':') return false;
        }
        return true;
    }
}
