// The forced-command hook around the pure decision: read what sshd handed us,
// decide, log, and say what to tell the client and what to execute.
using Microsoft.Extensions.Logging;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard.Hook;

/// <summary>What sshd handed the hook.</summary>
/// <param name="Command">SSH_ORIGINAL_COMMAND as raw bytes, null when unset.</param>
/// <param name="Client">Client address and key label.</param>
public sealed record HookInput(byte[]? Command, Client Client);

/// <summary>The hook's steps.</summary>
public static class ValidateHook
{
    /// <summary>Reads SSH_ORIGINAL_COMMAND raw from /proc/self/environ and the client address from SSH_CONNECTION.</summary>
    public static HookInput ReadInput(Func<string, string?> env, string? label, string environFile = "/proc/self/environ") =>
        new(RawEnvironment.Get("SSH_ORIGINAL_COMMAND", environFile), new Client(ClientAddress.From(env), label));

    /// <summary>Decides and logs the decision.</summary>
    public static Verdict Decide(SshPolicy policy, HookInput input, ILogger log)
    {
        // The text decides first; then the tree: no path may reach outside its root through a symlink.
        var verdict = Beneath.Check(Guard.Decide(policy, input.Command, input.Client));
        DecisionLog.Write(log, verdict, input.Command, input.Client);
        return verdict;
    }

    /// <summary>The one line a refused client sees on stderr.</summary>
    public static string RefusalLine(Verdict verdict) => verdict.Interactive
        ? "opskit: interactive login refused: this key may only run the commands its policy allows"
        : $"opskit: command refused: {verdict.Reason}";
}
