// "iowait summary F --fromat json": System.CommandLine hands an unknown option after a positional argument to
// that argument as a value (here a file name), and the user gets "--fromat: no such file". Every argument
// refuses values that look like options, with the nearest real option; "--" before them lets such a value through.
using System.CommandLine;
using System.CommandLine.Parsing;
using OpsKit.Core.Config;

namespace OpsKit;

/// <summary>The validator that keeps unknown options out of positional arguments.</summary>
internal static class OptionLikeArguments
{
    /// <summary>True when the command line has "--": values after it are taken as they are.</summary>
    [ThreadStatic]
    public static bool DoubleDash;

    /// <summary>Adds the validator to every argument of the tree (hidden commands included).</summary>
    public static void Refuse(Command command)
    {
        foreach (var argument in command.Arguments) argument.Validators.Add(Validate);
        foreach (var sub in command.Subcommands) Refuse(sub);
    }

    private static void Validate(ArgumentResult result)
    {
        if (DoubleDash) return;
        foreach (var token in result.Tokens)
        {
            var v = token.Value;
            // "-" is stdin; "-5" and "-0.5" are numbers.
            if (v.Length < 2 || v[0] != '-' || char.IsAsciiDigit(v[1]) || v[1] == '.') continue;
            var command = (result.Parent as CommandResult)?.Command;
            var names = command is null ? new List<string>() : Names(result);
            result.AddError($"unknown option '{v}' for '{command?.Name}'{DidYouMean.Hint(v, names)} (a value starting with '-' goes after '--')");
            return;
        }
    }

    private static List<string> Names(ArgumentResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result.Parent; r is not null; r = r.Parent)
        {
            if (r is not CommandResult cr) continue;
            foreach (var o in cr.Command.Options.Where(o => !o.Hidden && (o.Recursive || ReferenceEquals(cr, result.Parent))))
            {
                names.Add(o.Name);
                names.AddRange(o.Aliases);
            }
        }
        return names;
    }
}
