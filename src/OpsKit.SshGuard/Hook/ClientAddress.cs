// The client's IP as sshd reports it: SSH_CONNECTION "ip port ip port", else SSH_CLIENT "ip port port".
using System.Net;

namespace OpsKit.SshGuard.Hook;

/// <summary>Finds the connecting client's address.</summary>
public static class ClientAddress
{
    /// <summary>The address, or null when neither variable holds one.</summary>
    public static IPAddress? From(Func<string, string?> env)
    {
        foreach (var name in new[] { "SSH_CONNECTION", "SSH_CLIENT" })
        {
            var value = env(name);
            if (string.IsNullOrEmpty(value)) continue;
            var first = value.Split(' ', 2)[0];
            if (IPAddress.TryParse(first, out var address)) return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        }
        return null;
    }
}
