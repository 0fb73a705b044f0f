// Shared by the rsync and command checkers: matching one long option word
// (--name, --name=VALUE, --name VALUE) against an option table, repeats and requirements.
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>Tracks the options seen in one command.</summary>
internal sealed class OptionTracker(IReadOnlyDictionary<string, OptionRule> rules, PathRule paths)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>Path values accepted so far, with their roots.</summary>
    public List<PathUse> Paths { get; } = [];

    /// <summary>The option named, or null.</summary>
    public OptionRule? Find(string name) => rules.TryGetValue(name, out var r) ? r : null;

    /// <summary>Checks one use of <paramref name="rule"/>; <paramref name="next"/> is the following word (for --name VALUE).
    /// Returns null when fine, else the reason; <paramref name="consumed"/> says whether the next word was the value.</summary>
    public string? Use(OptionRule rule, string? inlineValue, string? next, out bool consumed, out string meaning)
    {
        consumed = false;
        meaning = rule.Display;
        if (!rule.Repeat && _seen.ContainsKey(rule.Name)) return $"{rule.Display} given twice";
        _seen[rule.Name] = _seen.GetValueOrDefault(rule.Name) + 1;
        if (rule.Value == ValueKind.None)
        {
            return inlineValue is null ? null : $"{rule.Display} takes no value";
        }
        var value = inlineValue;
        if (value is null)
        {
            if (!rule.Separate) return $"{rule.Display} needs a value ({rule.Display}=VALUE)";
            if (next is null) return $"{rule.Display} needs a value";
            value = next;
            consumed = true;
        }
        meaning = $"{rule.Display} = {ValueRules.Short(value)} ({ValueRules.Describe(rule)})";
        var error = ValueRules.CheckValue(rule, value, paths);
        if (error is null && rule.Value == ValueKind.Path)
            Paths.Add(new PathUse(value, ValueRules.RootOf(value, ValueRules.PathsFor(rule, paths).Roots)!, Globs: false));
        return error;
    }

    /// <summary>Checks required options and "requires" links after all words were seen; null when fine.</summary>
    public string? Finish()
    {
        foreach (var rule in rules.Values)
        {
            if (rule.Required && !_seen.ContainsKey(rule.Name)) return $"{rule.Display} is required";
            if (!_seen.ContainsKey(rule.Name)) continue;
            foreach (var req in rule.Requires)
            {
                if (!_seen.ContainsKey(req)) return $"{rule.Display} is only allowed together with {rules[req].Display}";
            }
        }
        return null;
    }

    /// <summary>Splits "--name=value" into name and value (null when there is no '=').</summary>
    public static (string Name, string? Value) SplitLong(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (word[2..], null) : (word[2..eq], word[(eq + 1)..]);
    }
}
