// One decision of the ssh hook, read back from a log line (see Hook/DecisionLog.cs for the wording).
namespace OpsKit.SshGuard.Report;

/// <summary>What the hook decided.</summary>
public enum DecisionKind
{
    /// <summary>"ssh command accepted from ...".</summary>
    Accepted,
    /// <summary>"ssh command rejected from ...".</summary>
    Refused,
    /// <summary>"interactive shell rejected from ...".</summary>
    InteractiveRefused,
    /// <summary>"ssh hook cannot decide, every command is refused: ...".</summary>
    HookError,
}

/// <summary>A decision read from the log.</summary>
/// <param name="Time">When it was logged.</param>
/// <param name="Kind">Accepted, refused, interactive shell refused, hook error.</param>
/// <param name="Client">Client address as logged ("unknown" when sshd gave none).</param>
/// <param name="Label">Key label ("-" when the key has none).</param>
/// <param name="Command">The command as logged (printable form), "" for shells and errors.</param>
/// <param name="Reason">Why it was refused, else null.</param>
public sealed record LogDecision(DateTimeOffset Time, DecisionKind Kind, string Client, string Label, string Command, string? Reason);

/// <summary>Parses the hook's messages (the text after "ident[pid]: ").</summary>
public static class DecisionMessage
{
    private const string Accepted = "ssh command accepted from ";
    private const string Rejected = "ssh command rejected from ";
    private const string Shell = "interactive shell rejected from ";
    private const string HookError = "ssh hook cannot decide, every command is refused: ";

    /// <summary>True when the message is one of the hook's decision lines (parsed or not).</summary>
    public static bool IsOurs(string message) =>
        message.StartsWith(Accepted, StringComparison.Ordinal) || message.StartsWith(Rejected, StringComparison.Ordinal)
        || message.StartsWith(Shell, StringComparison.Ordinal) || message.StartsWith(HookError, StringComparison.Ordinal);

    /// <summary>The decision in a message, or an error text saying what is wrong with it.</summary>
    public static (LogDecision? Decision, string? Error) Parse(DateTimeOffset time, string message)
    {
        if (message.StartsWith(HookError, StringComparison.Ordinal))
            return (new LogDecision(time, DecisionKind.HookError, "unknown", "-", "", message[HookError.Length..]), null);
        var (rest, label) = SplitLabel(message);
        if (label is null) return (null, "no [key LABEL] at the end");
        if (rest.StartsWith(Shell, StringComparison.Ordinal))
        {
            var client = rest[Shell.Length..];
            return client.Length == 0 || client.Contains(' ', StringComparison.Ordinal)
                ? (null, "no client address")
                : (new LogDecision(time, DecisionKind.InteractiveRefused, client, label, "", "interactive shell"), null);
        }
        var accepted = rest.StartsWith(Accepted, StringComparison.Ordinal);
        if (!accepted && !rest.StartsWith(Rejected, StringComparison.Ordinal)) return (null, "not a decision of the ssh hook");
        rest = rest[Accepted.Length..]; // both prefixes have the same length
        // An IPv6 address has colons but never ": ", and the hook writes ": " right after the address.
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return (null, "no 'ADDRESS: ' after 'from'");
        var address = rest[..colon];
        var command = rest[(colon + 2)..];
        if (accepted) return (new LogDecision(time, DecisionKind.Accepted, address, label, command, null), null);
        var open = ReasonStart(command);
        if (open < 0) return (null, "no (reason) after the refused command");
        return (new LogDecision(time, DecisionKind.Refused, address, label, command[..open], command[(open + 2)..^1]), null);
    }

    /// <summary>Splits " [key LABEL]" off the end.</summary>
    private static (string Text, string? Label) SplitLabel(string message)
    {
        if (!message.EndsWith(']')) return (message, null);
        var at = message.LastIndexOf(" [key ", StringComparison.Ordinal);
        if (at < 0) return (message, null);
        return (message[..at], message[(at + 6)..^1]);
    }

    /// <summary>Index of the space before the "(" that opens the final balanced "(...)", or -1.</summary>
    private static int ReasonStart(string text)
    {
        if (!text.EndsWith(')')) return -1;
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')') depth++;
            else if (text[i] == '(' && --depth == 0) return i > 0 && text[i - 1] == ' ' ? i - 1 : -1;
        }
        return -1;
    }
}
