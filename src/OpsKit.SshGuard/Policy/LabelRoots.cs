// One key, one subtree: roots written with a {label} component are bound to the
// label that authorized_keys gives the hook (--label), never to anything the client sends.
namespace OpsKit.SshGuard.Policy;

/// <summary>Binds {label} in a policy's roots (and in path options' own roots) to a key label.</summary>
public static class LabelRoots
{
    /// <summary>The placeholder; it may only stand for a whole path component.</summary>
    public const string Placeholder = "{label}";

    /// <summary>True when any root of the policy names {label}.</summary>
    public static bool Uses(SshPolicy policy)
    {
        if (Names(policy.Paths.Roots)) return true;
        foreach (var rule in AllOptions(policy))
        {
            if (Names(rule.Roots)) return true;
        }
        return false;
    }

    /// <summary>The policy with {label} replaced; null and <paramref name="why"/> when the label cannot stand in a path.</summary>
    public static SshPolicy? Bind(SshPolicy policy, string? label, out string? why)
    {
        why = null;
        if (!Uses(policy)) return policy;
        if (string.IsNullOrEmpty(label))
        {
            why = "the policy's roots name {label} but the hook was given no --label";
            return null;
        }
        // Labels are already limited to letters, digits and . _ - @; these two would leave the subtree.
        if (label is "." or ".." || !label.All(WordChars.IsLabel))
        {
            why = $"key label '{ValueRules.Short(label)}' cannot name a folder";
            return null;
        }
        var paths = policy.Paths with { Roots = Replace(policy.Paths.Roots, label) };
        var rsync = policy.Rsync is { } r ? r with { Options = Replace(r.Options, label) } : null;
        var commands = policy.Commands.Select(c => c with { Options = Replace(c.Options, label) }).ToList();
        return policy with { Paths = paths, Rsync = rsync, Commands = commands };
    }

    private static bool Names(IReadOnlyList<string> roots) => roots.Any(r => r.Split('/').Contains(Placeholder));

    private static IEnumerable<OptionRule> AllOptions(SshPolicy policy) =>
        (policy.Rsync?.Options.Values ?? []).Concat(policy.Commands.SelectMany(c => c.Options.Values));

    private static List<string> Replace(IReadOnlyList<string> roots, string label) =>
        roots.Select(r => string.Join('/', r.Split('/').Select(c => c == Placeholder ? label : c))).ToList();

    private static Dictionary<string, OptionRule> Replace(IReadOnlyDictionary<string, OptionRule> options, string label) =>
        options.ToDictionary(o => o.Key, o => o.Value.Roots.Count == 0 ? o.Value : o.Value with { Roots = Replace(o.Value.Roots, label) }, StringComparer.Ordinal);
}
