// Builds an SshPolicy from TOML: [ssh.policy.NAME] of opskit.toml or the top
// level of a standalone policy file. Every error names FILE:LINE:COL (exit 78).
using OpsKit.Core;
using OpsKit.Core.Toml;

namespace OpsKit.SshGuard.Policy;

/// <summary>Reads policies.</summary>
public static class PolicyReader
{
    /// <summary>Reads a standalone policy file; the policy is named after the file (without .toml).</summary>
    public static SshPolicy ReadFile(string path, bool compilePatterns = true)
    {
        byte[] bytes;
        try
        {
            bytes = OpsKit.Core.Files.IoErrors.ReadInput(path, $"{path}: cannot read policy");
        }
        catch (OpsKitException e)
        {
            // A policy is configuration: whatever is wrong with the file, the hook refuses as for a bad config (78).
            throw OpsKitException.Config(e.Message);
        }
        return ReadText(bytes, path, System.IO.Path.GetFileNameWithoutExtension(path), compilePatterns);
    }

    /// <summary>Reads a standalone policy from bytes.</summary>
    public static SshPolicy ReadText(ReadOnlySpan<byte> utf8, string source, string name, bool compilePatterns = true)
    {
        TomlTable root;
        try
        {
            root = TomlReader.Parse(utf8, source);
        }
        catch (TomlException e)
        {
            throw OpsKitException.Config(e.Message);
        }
        return Read(root, source, name, "policy", compilePatterns);
    }

    /// <summary>Reads a policy table.</summary>
    /// <param name="table">The table (the file root or [ssh.policy.NAME]).</param>
    /// <param name="source">The file, for messages.</param>
    /// <param name="name">The policy name.</param>
    /// <param name="path">The table path for messages ("policy" or "ssh.policy.NAME").</param>
    /// <param name="compilePatterns">Compile value patterns now, so a broken one is reported at once. The hook passes
    /// false: most commands need no pattern, and a broken one then refuses the command that needs it.</param>
    public static SshPolicy Read(TomlTable table, string source, string name, string path, bool compilePatterns = true)
    {
        var view = TableView.Open(table, SshSchema.Policy, source, path, table.Position);
        // Plain loops in this file: the hook reads a policy on every connection, and LINQ over tuples
        // would be compiled at run time (it is not in the ReadyToRun image).
        var roots = new List<string>();
        foreach (var root in view.List("roots")) roots.Add(Root(view, root));
        var paths = new PathRule(roots, (int)view.Integer("max_path_bytes"), (int)view.Integer("max_component_bytes"));
        var rsync = view.Table("rsync") is { } r ? ReadRsync(r, compilePatterns) : null;
        var commands = new List<CommandRule>();
        var names = new HashSet<string>(StringComparer.Ordinal) { "rsync" };
        var needsRoots = rsync is not null;
        foreach (var (commandName, commandView) in view.Map("command"))
        {
            var command = ReadCommand(commandName, commandView, compilePatterns);
            commands.Add(command);
            names.Add(commandName);
            foreach (var o in command.Options.Values) needsRoots |= o.Value == ValueKind.Path;
        }
        var keys = new Dictionary<string, KeyRule>(StringComparer.Ordinal);
        foreach (var (label, keyView) in view.Map("key")) keys[label] = ReadKey(label, keyView, names);
        if (needsRoots && roots.Count == 0) throw view.Error("roots", "at least one root is needed for path operands and path values");
        var where = path == "policy" ? source : $"{source}: [{path}]";
        return new SshPolicy(name, where, view.String("description"), paths, (int)view.Integer("max_command_bytes"),
            Networks(view, "from"), rsync, commands, keys);
    }

    private static RsyncRule ReadRsync(TableView v, bool compilePatterns)
    {
        var shortLetters = v.String("short");
        foreach (var c in shortLetters)
        {
            if (!char.IsAsciiLetter(c) && c != '@') throw v.Error("short", $"'{c}' is not an option letter");
            if (c == 'e' && v.Bool("capabilities")) throw v.Error("short", "'e' starts the capability block; it cannot also be an option letter");
        }
        var options = Options(v, compilePatterns);
        return new RsyncRule(Programs(v), Exec(v), ParseDirection(v.String("direction")), shortLetters, v.Bool("capabilities"),
            Flags(v, "flags"), Flags(v, "push_flags"), Flags(v, "pull_flags"), options,
            (int)v.Integer("max_push_operands"), (int)v.Integer("max_pull_operands"), v.Bool("pull_globs"),
            v.Bool("confine_root"), Appended(v, "append_push"), Appended(v, "append_pull"));
    }

    private static CommandRule ReadCommand(string name, TableView v, bool compilePatterns)
    {
        foreach (var w in v.List("words"))
        {
            if (w.Length == 0 || w.StartsWith('-') || !w.All(WordChars.IsSafe)) throw v.Error("words", $"'{w}' is not a plain word");
        }
        return new CommandRule(name, Programs(v), Exec(v), v.List("words"), Options(v, compilePatterns), (int)v.Integer("max_operands"));
    }

    private static KeyRule ReadKey(string label, TableView v, HashSet<string> rules)
    {
        if (!label.All(WordChars.IsLabel)) throw v.Error($"key label '{label}' may only hold letters, digits and . _ - @");
        foreach (var c in v.List("commands"))
        {
            if (!rules.Contains(c)) throw v.Error("commands", $"no rule named '{c}' (known: {string.Join(", ", rules.Order())})");
        }
        return new KeyRule(label, Networks(v, "from"), v.List("commands"), ParseDirection(v.String("direction")));
    }

    private static Dictionary<string, OptionRule> Options(TableView parent, bool compilePatterns)
    {
        var result = new Dictionary<string, OptionRule>(StringComparer.Ordinal);
        foreach (var (name, v) in parent.Map("option"))
        {
            if (name.Length == 0 || name.StartsWith('-') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '@'))
                throw v.Error($"option name '{name}' must be written without dashes (timeout, link-dest, B)");
            var kind = v.String("value") switch
            {
                "integer" => ValueKind.Integer,
                "pattern" => ValueKind.Pattern,
                "choice" => ValueKind.Choice,
                "list" => ValueKind.List,
                "path" => ValueKind.Path,
                "component" => ValueKind.Component,
                _ => ValueKind.None,
            };
            var rule = new OptionRule(name, kind, v.Integer("min"), v.Integer("max"), Pattern(v, kind, compilePatterns), v.List("choices"),
                (int)v.Integer("max_items"), ParseDirection(v.String("direction")), v.Bool("separate"), v.Bool("required"),
                v.Bool("repeat"), v.List("requires"), OptionRoots(v, kind));
            if (kind == ValueKind.Integer && rule.Min > rule.Max) throw v.Error("min", $"min {rule.Min} is above max {rule.Max}");
            if (kind is ValueKind.Choice or ValueKind.List && rule.Choices.Count == 0) throw v.Error("choices", $"value = \"{v.String("value")}\" needs choices");
            if (name.Length == 1 && (kind == ValueKind.None || rule.Separate))
                throw v.Error("value", $"short option -{name} takes its value attached (-{name}VALUE); give it a value rule and no 'separate'");
            if (kind == ValueKind.None && rule.Separate) throw v.Error("separate", "a flag has no value to separate");
            result[name] = rule;
        }
        foreach (var rule in result.Values)
        {
            foreach (var req in rule.Requires)
            {
                if (!result.ContainsKey(req)) throw parent.Error($"option {rule.Display} requires '{req}', which is not an allowed option");
            }
        }
        return result;
    }

    private static ValuePattern? Pattern(TableView v, ValueKind kind, bool compilePatterns)
    {
        var text = v.String("pattern");
        if (kind != ValueKind.Pattern)
        {
            if (text.Length > 0) throw v.Error("pattern", "pattern is only used with value = \"pattern\"");
            return null;
        }
        if (text.Length == 0) throw v.Error("pattern", "value = \"pattern\" needs a pattern");
        var pattern = new ValuePattern(text, v.Error("pattern", "").Message.TrimEnd(' ', ':'));
        if (compilePatterns) pattern.Check();
        return pattern;
    }

    private static HashSet<string> Flags(TableView v, string key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in v.List(key))
        {
            if (!f.StartsWith("--", StringComparison.Ordinal) || f.Length < 3 || f.Contains('=', StringComparison.Ordinal) || !f.All(WordChars.IsSafe))
                throw v.Error(key, $"'{f}' is not a long option without a value (--name)");
            set.Add(f);
        }
        return set;
    }

    private static List<string> Appended(TableView v, string key)
    {
        foreach (var o in v.List(key))
        {
            if (!o.StartsWith("--", StringComparison.Ordinal) || o == "--" || !o.All(WordChars.IsSafe)) throw v.Error(key, $"'{o}' is not a long option");
        }
        return new List<string>(v.List(key));
    }

    private static List<string> Programs(TableView v)
    {
        var programs = v.List("programs");
        if (programs.Count == 0) throw v.Error("programs", "name at least one program word");
        foreach (var p in programs)
        {
            if (p.Length == 0 || !p.All(WordChars.IsSafe) || p.StartsWith('-')) throw v.Error("programs", $"'{p}' is not a program name");
        }
        return new List<string>(programs);
    }

    private static string Exec(TableView v)
    {
        var exec = v.String("exec");
        if (!exec.StartsWith('/') || exec.Split('/').Contains("..")) throw v.Error("exec", $"'{exec}' must be an absolute path (no shell, no PATH lookup)");
        return exec;
    }

    private static string Root(TableView v, string root)
    {
        var parts = root.Split('/');
        if (!root.StartsWith('/') || parts.Any(c => c is ".." or ".") || !parts.All(c => c == LabelRoots.Placeholder || c.All(WordChars.IsSafe)))
            throw v.Error("roots", $"'{root}' must be an absolute path without '.' or '..' components ({LabelRoots.Placeholder} may stand for a whole component)");
        var trimmed = root.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static List<string> OptionRoots(TableView v, ValueKind kind)
    {
        var roots = new List<string>();
        foreach (var root in v.List("roots")) roots.Add(Root(v, root));
        if (roots.Count > 0 && kind != ValueKind.Path) throw v.Error("roots", "roots are only used with value = \"path\"");
        return roots;
    }

    private static List<Cidr> Networks(TableView v, string key)
    {
        var result = new List<Cidr>();
        foreach (var text in v.List(key)) result.Add(Cidr.TryParse(text, out var error) ?? throw v.Error(key, error));
        return result;
    }

    /// <summary>The schema allows only these three words.</summary>
    private static Direction ParseDirection(string text) => text switch
    {
        "push" => Direction.Push,
        "pull" => Direction.Pull,
        _ => Direction.Both,
    };
}
