// Parse errors in words a person can act on: the nearest command or option for a
// typo, the allowed values of a choice, the kind and range of a number; never a .NET
// type name.
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using OpsKit.Core.Config;

namespace OpsKit;

/// <summary>Turns System.CommandLine's parse errors into opskit's one-line messages.</summary>
internal static class ParseErrorText
{
    /// <summary>One line per distinct error, in order.</summary>
    public static IEnumerable<string> Lines(ParseResult parse)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // "raid chek": the unknown word says more than "raid needs a command".
        var unknownWord = parse.Errors.Any(e => e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal));
        foreach (var error in parse.Errors)
        {
            if (unknownWord && error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal)) continue;
            var line = Describe(error, parse);
            if (seen.Add(line)) yield return line;
        }
    }

    private static string Describe(ParseError error, ParseResult parse)
    {
        var message = error.Message;
        var command = parse.CommandResult.Command;
        const string unrecognized = "Unrecognized command or argument '";
        if (message.StartsWith(unrecognized, StringComparison.Ordinal))
        {
            var token = message[unrecognized.Length..].TrimEnd('.', '\'');
            var names = token.StartsWith('-') ? OptionNames(command) : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
            var what = token.StartsWith('-') ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected argument";
            return $"{what} '{token}' for '{Path(parse)}'{DidYouMean.Hint(token, names)}";
        }
        if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            return $"'{Path(parse)}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        if (message.StartsWith("Cannot parse argument", StringComparison.Ordinal) && Conversion(error) is { } conversion) return conversion;
        if (NotAmong(error) is { } among) return among;
        // Whatever else the parser says, on one line.
        return string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
    }

    // "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'" (AcceptOnlyFromAmong) as one line with a did-you-mean.
    private static string? NotAmong(ParseError error)
    {
        var m = System.Text.RegularExpressions.Regex.Match(error.Message, @"^Argument '(.*)' not recognized\. Must be one of:(.*)$",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!m.Success) return null;
        var choices = System.Text.RegularExpressions.Regex.Matches(m.Groups[2].Value, "'([^']*)'").Select(c => c.Groups[1].Value).ToList();
        var name = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            ArgumentResult a => $"<{a.Argument.Name}>",
            _ => "value",
        };
        var token = m.Groups[1].Value;
        return $"{name}: '{token}' is not one of {string.Join(", ", choices)}{DidYouMean.Hint(token, choices)}";
    }

    private static string? Conversion(ParseError error)
    {
        var option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        var argument = error.SymbolResult as ArgumentResult;
        var type = option?.Option.ValueType ?? argument?.Argument.ValueType;
        var token = (option?.Tokens ?? argument?.Tokens)?.LastOrDefault()?.Value;
        if (type is null || token is null) return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) type = type.GetElementType()!;
        var name = option is not null ? option.Option.Name : $"<{argument!.Argument.Name}>";
        var expected = Expected(type, option?.Option);
        return expected is null ? null : $"{name}: '{token}' is not {expected}";
    }

    private static string? Expected(Type type, Option? option)
    {
        if (type.IsEnum)
        {
            var choices = option?.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label.ToLowerInvariant()).ToList() ?? [];
            return choices.Count > 0 ? $"one of {string.Join(", ", choices)}" : "one of the listed values";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => Whole(int.MinValue, int.MaxValue),
            TypeCode.Int64 => Whole(long.MinValue, long.MaxValue),
            TypeCode.UInt16 => Whole(0, ushort.MaxValue),
            TypeCode.UInt32 => Whole(0, uint.MaxValue),
            TypeCode.UInt64 => "a whole number from 0 up",
            TypeCode.Byte => Whole(0, byte.MaxValue),
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            _ => type == typeof(TimeSpan) ? "a duration (hh:mm:ss)" : null,
        };
    }

    private static string Whole(long min, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");

    private static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? c = command; c is not null; c = null)
        {
            foreach (var o in c.Options.Where(o => !o.Hidden))
            {
                yield return o.Name;
                foreach (var a in o.Aliases) yield return a;
            }
        }
    }

    private static string Path(ParseResult parse)
    {
        var words = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
        {
            if (r is CommandResult cr) words.Insert(0, cr.Command is RootCommand ? "opskit" : cr.Command.Name);
        }
        return string.Join(' ', words);
    }
}
