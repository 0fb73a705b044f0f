// A walk over the System.CommandLine tree that the man page and completion
// generators share, so help, man and completions come from one definition.
using System.CommandLine;

namespace OpsKit.Docs;

/// <summary>One command with its full path and what it accepts.</summary>
/// <param name="Path">Words from the root, e.g. ["raid", "check"].</param>
/// <param name="Command">The command.</param>
/// <param name="Options">Its options, including recursive ones from ancestors.</param>
public sealed record CommandNode(IReadOnlyList<string> Path, Command Command, IReadOnlyList<Option> Options)
{
    /// <summary>"opskit raid check".</summary>
    public string FullName => string.Join(' ', new[] { "opskit" }.Concat(Path));

    /// <summary>Visible subcommands.</summary>
    public IEnumerable<Command> Subcommands => Command.Subcommands.Where(c => !c.Hidden);
}

/// <summary>Tree walking helpers.</summary>
public static class CommandTree
{
    /// <summary>Every visible command, depth first, in definition order (root first).</summary>
    public static IReadOnlyList<CommandNode> Walk(RootCommand root)
    {
        var list = new List<CommandNode>();
        Visit(root, [], [], list);
        return list;
    }

    private static void Visit(Command command, List<string> path, List<Option> inherited, List<CommandNode> list)
    {
        var options = inherited.Concat(command.Options.Where(o => !o.Hidden)).DistinctBy(o => o.Name).ToList();
        list.Add(new CommandNode(path.ToList(), command, options));
        var recursive = inherited.Concat(command.Options.Where(o => o.Recursive && !o.Hidden)).ToList();
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            Visit(sub, [.. path, sub.Name], recursive, list);
    }

    /// <summary>All spellings of an option: long name first, then aliases.</summary>
    public static IEnumerable<string> Names(Option o) =>
        new[] { o.Name }.Concat(o.Aliases.OrderByDescending(a => a.Length))
            .Where(n => n.StartsWith('-') && n != "-?").Distinct();

    /// <summary>True when the option takes a value.</summary>
    public static bool TakesValue(Option o) => o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool);

    /// <summary>Allowed values of an option, when it has a fixed set (AcceptOnlyFromAmong or an enum).</summary>
    public static IReadOnlyList<string> Choices(Option o)
    {
        if (!TakesValue(o)) return [];
        var type = Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType;
        if (type.IsEnum) return Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
        try
        {
            var ctx = System.CommandLine.Completions.CompletionContext.Empty;
            return o.GetCompletions(ctx).Select(c => c.Label).ToList();
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>The value placeholder for help and man: HelpName or the upper-cased option name.</summary>
    public static string ValueName(Option o) => o.HelpName ?? o.Name.TrimStart('-').ToUpperInvariant();

    /// <summary>Positional arguments of a command.</summary>
    public static IEnumerable<Argument> Arguments(Command c) => c.Arguments.Where(a => !a.Hidden);
}
