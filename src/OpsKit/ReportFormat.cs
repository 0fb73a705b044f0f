// --format and --json of reporting commands: --json is shorthand for --format json, and both
// given with different formats is a usage error (not a silent pick of one).
using System.CommandLine;
using OpsKit.Core.Output;

namespace OpsKit;

/// <summary>The output-format options of a reporting command.</summary>
internal sealed class ReportFormat
{
    private ReportFormat(Option<OutputFormat>? format, Option<bool> json)
    {
        FormatOption = format;
        JsonOption = json;
    }

    /// <summary>--format (null for commands that print text or JSON only).</summary>
    public Option<OutputFormat>? FormatOption { get; }

    /// <summary>--json.</summary>
    public Option<bool> JsonOption { get; }

    /// <summary>--format text|json|nagios|prometheus, plus --json.</summary>
    public static ReportFormat WithFormat(string description) =>
        new(new Option<OutputFormat>("--format", "-f") { Description = description, HelpName = "FORMAT", DefaultValueFactory = _ => OutputFormat.Text },
            GlobalOptions.Json());

    /// <summary>Only --json (text otherwise).</summary>
    public static ReportFormat JsonOnly() => new(null, GlobalOptions.Json());

    /// <summary>Adds the options and the conflict check to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        if (FormatOption is { } format)
        {
            command.Options.Add(format);
            command.Validators.Add(result =>
            {
                if (result.GetValue(JsonOption) && result.GetResult(format) is { Implicit: false } given && result.GetValue(format) != OutputFormat.Json)
                    result.AddError($"--json conflicts with --format {given.GetValueOrDefault<OutputFormat>().ToString().ToLowerInvariant()}; give one of them");
            });
        }
        command.Options.Add(JsonOption);
    }

    /// <summary>The chosen format.</summary>
    public OutputFormat Get(ParseResult parse) =>
        parse.GetValue(JsonOption) ? OutputFormat.Json : FormatOption is null ? OutputFormat.Text : parse.GetValue(FormatOption);
}
