// The decision as a pure function: policy + raw SSH_ORIGINAL_COMMAND bytes
// (null = unset) + who connects -> Verdict. No I/O, no clock, no environment.
using System.Net;
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>Who is asking: the client address (from SSH_CONNECTION) and the key label (from the command= line).</summary>
/// <param name="Address">Client IP as sshd wrote it, or null when unknown (parsed only when a rule needs it).</param>
/// <param name="Label">Key label, or null.</param>
public sealed record Client(string? Address, string? Label)
{
    /// <summary>Nobody in particular (no address, no label).</summary>
    public static Client Unknown { get; } = new(null, null);
}

/// <summary>Decides whether a command may run under a policy.</summary>
public static class Guard
{
    /// <summary>Decides. <paramref name="raw"/> is the exact bytes of SSH_ORIGINAL_COMMAND, null when unset.</summary>
    public static Verdict Decide(SshPolicy policy, ReadOnlySpan<byte> raw, bool isSet, Client client)
    {
        if (!isSet || raw.Length == 0) return Verdict.Reject("interactive shell", interactive: true);
        if (LabelRoots.Bind(policy, client.Label, out var labelWhy) is not { } bound) return Verdict.Reject(labelWhy!);
        policy = bound;
        var key = FindKey(policy, client, out var keyWhy);
        if (keyWhy is not null) return Verdict.Reject(keyWhy);
        var addressWhy = CheckAddress(policy.From, client.Address, "policy") ?? CheckAddress(key?.From ?? [], client.Address, $"key {key?.Label}");
        if (addressWhy is not null) return Verdict.Reject(addressWhy);

        var words = CommandTokenizer.Split(raw, policy.MaxCommandBytes, out var splitWhy);
        if (words is null) return Verdict.Reject(splitWhy);
        if (words.Count == 0) return Verdict.Reject("empty command");
        var notes = new List<WordNote>();
        foreach (var word in words)
        {
            foreach (var c in word)
            {
                if (!WordChars.IsSafe(c) && !WordChars.IsGlob(c) && c != ' ')
                {
                    notes.Add(new(word, $"character {WordChars.Describe(c)} is not allowed", Refused: true));
                    return Verdict.Reject($"character {WordChars.Describe(c)} is not allowed", notes);
                }
            }
        }
        var program = words[0];
        if (policy.Rsync is { } rsync && rsync.Programs.Contains(program))
        {
            if (!KeyAllows(key, "rsync")) return Refused(notes, program, $"key {key!.Label} may not run rsync");
            return RsyncChecker.Check(words, rsync, policy, key?.Direction ?? Direction.Both, notes);
        }
        var candidates = new List<CommandRule>();
        foreach (var c in policy.Commands)
        {
            if (c.Programs.Contains(program)) candidates.Add(c);
        }
        if (candidates.Count == 0) return Refused(notes, program, $"program '{ValueRules.Short(program)}' is not allowed");
        var rule = candidates.FirstOrDefault(c => CommandChecker.Matches(words, c));
        if (rule is null)
        {
            var allowed = string.Join(", ", candidates.Select(c => string.Join(' ', [program, .. c.Words])));
            return Refused(notes, program, $"only {allowed} is allowed");
        }
        if (!KeyAllows(key, rule.Name)) return Refused(notes, program, $"key {key!.Label} may not run '{rule.Name}'");
        return CommandChecker.Check(words, rule, policy, notes);
    }

    /// <summary>Decides over a byte array, null meaning unset.</summary>
    public static Verdict Decide(SshPolicy policy, byte[]? raw, Client client) => Decide(policy, raw, raw is not null, client);

    private static KeyRule? FindKey(SshPolicy policy, Client client, out string? why)
    {
        why = null;
        if (policy.Keys.Count == 0) return null;
        if (client.Label is null)
        {
            why = "the policy names keys but the hook was given no --label";
            return null;
        }
        if (policy.Keys.TryGetValue(client.Label, out var key)) return key;
        why = $"key label '{client.Label}' is not in the policy";
        return null;
    }

    private static string? CheckAddress(IReadOnlyList<Cidr> from, string? text, string whose)
    {
        if (from.Count == 0) return null;
        return InNetworks(from, text, whose);
    }

    // Separate so that IPAddress (and its assembly) is only touched when a policy limits networks.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string? InNetworks(IReadOnlyList<Cidr> from, string? text, string whose)
    {
        if (text is null || !IPAddress.TryParse(text, out var address)) return $"client address unknown (no SSH_CONNECTION) and the {whose} limits clients";
        return from.Any(n => n.Contains(address)) ? null : $"client {address} is not in the {whose}'s networks ({string.Join(", ", from)})";
    }

    private static bool KeyAllows(KeyRule? key, string rule) => key is null || key.Commands.Count == 0 || key.Commands.Contains(rule);

    private static Verdict Refused(List<WordNote> notes, string word, string reason)
    {
        notes.Add(new(word, reason, Refused: true));
        return Verdict.Reject(reason, notes);
    }
}
