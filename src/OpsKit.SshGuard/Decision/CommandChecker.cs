// Other allowed programs ([command.NAME]): program word, fixed words, then
// long options from the allow-list, then at most max_operands paths.
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>Decides commands of a CommandRule.</summary>
internal static class CommandChecker
{
    /// <summary>True when the words start with the rule's program and fixed words.</summary>
    public static bool Matches(IReadOnlyList<string> words, CommandRule rule) =>
        rule.Programs.Contains(words[0]) && words.Count > rule.Words.Count
        && rule.Words.Select((w, k) => words[k + 1] == w).All(same => same);

    public static Verdict Check(IReadOnlyList<string> words, CommandRule rule, SshPolicy policy, List<WordNote> notes)
    {
        notes.Add(new(words[0], $"program of rule '{rule.Name}' ({rule.Exec})"));
        var argv = new List<string> { rule.Exec };
        var i = 1;
        foreach (var fixedWord in rule.Words)
        {
            notes.Add(new(words[i], "fixed word"));
            argv.Add(words[i++]);
        }
        var options = new OptionTracker(rule.Options, policy.Paths);
        var operands = 0;
        var paths = new List<PathUse>();
        for (; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count ? words[i + 1] : null;
            if (word.StartsWith('-'))
            {
                if (operands > 0) return Refuse(notes, word, "option after a path operand");
                if (!word.StartsWith("--", StringComparison.Ordinal) || word == "--") return Refuse(notes, word, $"'{word}' is not allowed (long options from the policy only)");
                var (name, value) = OptionTracker.SplitLong(word);
                if (options.Find(name) is not { } opt || name.Length < 2) return Refuse(notes, word, $"option --{name} is not allowed for '{rule.Name}'");
                if (options.Use(opt, value, next, out var consumed, out var meaning) is { } why) return Refuse(notes, word, why);
                notes.Add(new(consumed ? $"{word} {next}" : word, meaning));
                argv.Add(word);
                if (consumed) argv.Add(words[++i]);
                continue;
            }
            if (++operands > rule.MaxOperands) return Refuse(notes, word, rule.MaxOperands == 0 ? $"'{rule.Name}' takes no operands" : $"'{rule.Name}' takes at most {rule.MaxOperands} operands");
            if (ValueRules.CheckPath(word, policy.Paths, globs: false) is { } bad) return Refuse(notes, word, bad);
            notes.Add(new(word, "path, inside the roots"));
            paths.Add(new PathUse(word, ValueRules.RootOf(word, policy.Paths.Roots)!, Globs: false));
            argv.Add(word);
        }
        if (options.Finish() is { } missing) return Refuse(notes, words[^1], missing);
        return new Verdict(true, $"command {rule.Name}", false, $"command {rule.Name}", argv, notes) { Paths = [.. options.Paths, .. paths] };
    }

    private static Verdict Refuse(List<WordNote> notes, string word, string reason)
    {
        notes.Add(new(word, reason, Refused: true));
        return Verdict.Reject(reason, notes);
    }
}
