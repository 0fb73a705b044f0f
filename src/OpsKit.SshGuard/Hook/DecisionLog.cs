// The log lines of the hook, worded as R-fx Networks' validate-ssh.sh wrote them:
// "ssh command accepted from IP: CMD", "ssh command rejected from IP: CMD (reason)",
// "interactive shell rejected from IP"; the key label follows in brackets.
using System.Text;
using Microsoft.Extensions.Logging;

namespace OpsKit.SshGuard.Hook;

/// <summary>Logs decisions.</summary>
public static class DecisionLog
{
    /// <summary>Most characters of the command written to the log.</summary>
    public const int MaxLoggedChars = 1024;

    /// <summary>Logs one decision: accepts at Information, rejects at Warning.</summary>
    public static void Write(ILogger log, Verdict verdict, byte[]? command, Client client)
    {
        var from = client.Address ?? "unknown";
        var key = client.Label ?? "-";
        if (verdict.Interactive)
            log.LogWarning("interactive shell rejected from {Client} [key {Label}]", from, key);
        else if (verdict.Accepted)
            log.LogInformation("ssh command accepted from {Client}: {Command} [key {Label}]", from, Printable(command), key);
        else
            log.LogWarning("ssh command rejected from {Client}: {Command} ({Reason}) [key {Label}]", from, Printable(command), verdict.Reason, key);
    }

    /// <summary>The command as one printable ASCII line: other bytes as \xNN, a backslash as \\ only when
    /// followed by x (so the line stays unambiguous), cut after <see cref="MaxLoggedChars"/> characters.</summary>
    public static string Printable(byte[]? command)
    {
        if (command is null) return "";
        var sb = new StringBuilder(Math.Min(command.Length, MaxLoggedChars) + 16);
        for (var i = 0; i < command.Length; i++)
        {
            if (sb.Length >= MaxLoggedChars)
            {
                sb.Append($"... ({command.Length} bytes)");
                break;
            }
            var b = command[i];
            if (b is < 0x20 or > 0x7e) sb.Append($"\\x{b:x2}");
            else if (b == '\\' && i + 1 < command.Length && command[i + 1] == 'x') sb.Append("\\\\");
            else sb.Append((char)b);
        }
        return sb.ToString();
    }
}
