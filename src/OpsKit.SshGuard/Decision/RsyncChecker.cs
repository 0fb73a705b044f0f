// The rsync server rule: rsync --server [--sender] OPTIONS . OPERANDS, checked
// word by word; on accept the argv to exec, with "--" before "." so no option can follow it.
using OpsKit.SshGuard.Policy;

namespace OpsKit.SshGuard;

/// <summary>Decides rsync server commands.</summary>
internal static class RsyncChecker
{
    public static Verdict Check(IReadOnlyList<string> words, RsyncRule rule, SshPolicy policy, Direction keyDirection, List<WordNote> notes)
    {
        notes.Add(new(words[0], $"rsync ({rule.Exec})"));
        if (words.Count < 2 || words[1] != "--server")
            return Refuse(notes, words.Count < 2 ? words[0] : words[1], "rsync without --server: only the server side may run");
        notes.Add(new("--server", "rsync server mode"));
        var pull = words.Count > 2 && words[2] == "--sender";
        var direction = pull ? Direction.Pull : Direction.Push;
        var i = 2;
        if (pull) notes.Add(new(words[i++], "pull: the client reads from the roots"));
        if (!Allows(rule.Direction, direction) || !Allows(keyDirection, direction))
            return Refuse(notes, pull ? "--sender" : "--server", $"{Name(direction)} is not allowed by this {(Allows(rule.Direction, direction) ? "key" : "policy")}");

        var argv = new List<string> { rule.Exec, "--server" };
        if (pull) argv.Add("--sender");
        var options = new OptionTracker(rule.Options, policy.Paths);
        string? deletes = null;
        for (; i < words.Count && words[i] != "."; i++)
        {
            var word = words[i];
            if (word.StartsWith("--delete", StringComparison.Ordinal)) deletes ??= word;
            var next = i + 1 < words.Count ? words[i + 1] : null;
            var why = CheckOption(word, next, rule, direction, options, out var consumed, out var meaning);
            if (why is not null) return Refuse(notes, word, why);
            notes.Add(new(consumed ? $"{word} {next}" : word, meaning));
            argv.Add(word);
            if (consumed) argv.Add(words[++i]);
        }
        if (i == words.Count) return Refuse(notes, words[^1], "missing the '.' separator before the paths");
        if (options.Finish() is { } missing) return Refuse(notes, ".", missing);
        notes.Add(new(".", "separator; the hook passes '-- .' so nothing after it is read as an option"));
        var dot = i;

        var operands = words.Count - i - 1;
        var max = pull ? rule.MaxPullOperands : rule.MaxPushOperands;
        if (operands == 0) return Refuse(notes, ".", "no path after '.'");
        var paths = new List<PathUse>(options.Paths);
        for (var k = i + 1; k < words.Count; k++)
        {
            var word = words[k];
            if (word.StartsWith('-')) return Refuse(notes, word, "option-like word after '.' (rsync would still parse it)");
            if (k - i > max) return Refuse(notes, word, $"{Name(direction)} takes at most {max} path{(max == 1 ? "" : "s")}");
            if (ValueRules.CheckPath(word, policy.Paths, pull && rule.PullGlobs) is { } bad) return Refuse(notes, word, bad);
            var holder = ValueRules.RootOf(word, policy.Paths.Roots)!;
            // A --delete aimed at a root itself would empty every tree below it (other clients', the snapshot store).
            if (!pull && deletes is not null && word.TrimEnd('/') == holder.TrimEnd('/'))
                return Refuse(notes, word, $"{deletes} at the root {holder} would remove everything below it; push into a folder below the root");
            notes.Add(new(word, pull ? "source path, inside the roots" : "destination path, inside the roots"));
            paths.Add(new PathUse(word, holder, pull && rule.PullGlobs));
        }
        // Run-time confinement the argv check cannot give: rsync itself keeps in-band merge files inside the root.
        if (rule.ConfineRoot && ValueRules.RootOf(words[dot + 1], policy.Paths.Roots) is { } root) argv.Add($"--confine-root={root}");
        // Symlinks a push stores are made unusable (rsyncd's "munge symlinks"): whatever a client uploads, no later
        // transfer can write or read through it. A pull un-munges them, so the client gets back what it sent.
        argv.Add("--munge-links");
        argv.AddRange(pull ? rule.AppendPull : rule.AppendPush);
        argv.Add("--");
        for (var k = dot; k < words.Count; k++) argv.Add(words[k]);
        return new Verdict(true, $"rsync {Name(direction)}", false, $"rsync {Name(direction)}", argv, notes) { Paths = paths };
    }

    private static string? CheckOption(string word, string? next, RsyncRule rule, Direction direction, OptionTracker options,
        out bool consumed, out string meaning)
    {
        consumed = false;
        meaning = word;
        if (word == "--") return "'--' is not accepted from the client (the hook places it before '.')";
        if (word is "--server" or "--sender") return $"{word} is only accepted as the first option";
        if (word.StartsWith("--", StringComparison.Ordinal) && s_followsLinks.Contains(OptionTracker.SplitLong(word).Name))
            return $"{word} follows or keeps symbolic links out of the tree; the hook never allows it, whatever the policy says";
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var (name, value) = OptionTracker.SplitLong(word);
            if (value is null && FlagVerdict(rule, word, direction) is { } flag)
            {
                meaning = flag.Meaning;
                return flag.Error;
            }
            if (name.Length < 2 || options.Find(name) is not { } opt) return $"option --{name} is not allowed";
            if (!Allows(opt.Direction, direction)) return $"{opt.Display} is allowed in a {Name(opt.Direction)} only";
            return options.Use(opt, value, next, out consumed, out meaning);
        }
        if (word.StartsWith('-'))
        {
            if (word.Length > 2 && options.Find(word[1].ToString()) is { } shortOpt)
            {
                if (!Allows(shortOpt.Direction, direction)) return $"{shortOpt.Display} is allowed in a {Name(shortOpt.Direction)} only";
                return options.Use(shortOpt, word[2..], null, out consumed, out meaning);
            }
            return CheckCluster(word, rule, out meaning);
        }
        return $"'{ValueRules.Short(word)}' where an option or the '.' separator belongs";
    }

    /// <summary>Null when the word is no flag of the rule; else its meaning, with an error when the direction is wrong.</summary>
    private static (string Meaning, string? Error)? FlagVerdict(RsyncRule rule, string word, Direction direction)
    {
        if (rule.Flags.Contains(word)) return ("flag", null);
        if (rule.PushFlags.Contains(word))
            return direction == Direction.Push ? ("flag (push only)", null) : (word, $"{word} is allowed in a push only");
        if (rule.PullFlags.Contains(word))
            return direction == Direction.Pull ? ("flag (pull only)", null) : (word, $"{word} is allowed in a pull only");
        return null;
    }

    /// <summary>-[letters]* with an optional trailing capability block e[0-9]*.[A-Za-z]*.</summary>
    private static string? CheckCluster(string word, RsyncRule rule, out string meaning)
    {
        meaning = word;
        var letters = new System.Text.StringBuilder();
        for (var j = 1; j < word.Length; j++)
        {
            var c = word[j];
            if (c == 'e' && rule.Capabilities)
            {
                var block = word[j..];
                if (!IsCapabilityBlock(block)) return $"'{block}' in {word} is not a capability block (e[digits].[letters]); -e takes a command";
                meaning = letters.Length == 0 ? $"capabilities {block}" : $"short options {letters}, capabilities {block}";
                return null;
            }
            if (c is 'L' or 'k' or 'K') return $"short option -{c} follows symbolic links; the hook never allows it, whatever the policy says";
            if (!rule.ShortLetters.Contains(c, StringComparison.Ordinal)) return $"short option -{c} is not allowed";
            letters.Append(letters.Length == 0 ? "" : " ").Append(c);
        }
        if (letters.Length == 0) return "'-' alone is not an option";
        meaning = $"short options {letters}";
        return null;
    }

    private static bool IsCapabilityBlock(string s)
    {
        var k = 1;
        while (k < s.Length && char.IsAsciiDigit(s[k])) k++;
        if (k >= s.Length || s[k] != '.') return false;
        for (k++; k < s.Length; k++)
        {
            if (!char.IsAsciiLetter(s[k])) return false;
        }
        return true;
    }

    /// <summary>Options that make rsync follow a symlink (or keep one as a directory) instead of copying it as a link;
    /// any of them would let a link in the tree lead a transfer outside the root.</summary>
    private static readonly HashSet<string> s_followsLinks =
        ["copy-links", "copy-unsafe-links", "copy-dirlinks", "keep-dirlinks", "no-munge-links"];

    private static bool Allows(Direction allowed, Direction wanted) => allowed == Direction.Both || allowed == wanted;

    private static string Name(Direction d) => d switch { Direction.Push => "push", Direction.Pull => "pull", _ => "both directions" };

    private static Verdict Refuse(List<WordNote> notes, string word, string reason)
    {
        notes.Add(new(word, reason, Refused: true));
        return Verdict.Reject(reason, notes);
    }
}
