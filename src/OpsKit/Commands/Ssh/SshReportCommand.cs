// opskit ssh report [--since 24h] [FILE...]: the hook's decisions from its log lines (OpsKit's log
// file, a syslog file, journalctl -o short/json/export output), per key label and client address.
using System.CommandLine;
using OpsKit.Core;
using OpsKit.Core.Logging;
using OpsKit.Core.Output;
using OpsKit.SshGuard.Report;

namespace OpsKit.Commands.Ssh;

/// <summary>"ssh report".</summary>
public static class SshReportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Log input: OpsKit's log file, a syslog file, or journalctl -o short/json/export output; - for stdin. [default: [log] file]", Arity = ArgumentArity.ZeroOrMore };
        var since = new Option<string>("--since") { Description = "Count the decisions of this last stretch of time (e.g. 24h, 7d).", HelpName = "AGE", DefaultValueFactory = _ => "24h" };
        var at = new Option<string?>("--at") { Description = "End the window at this time (ISO 8601) instead of now.", HelpName = "STAMP" };
        var format = new Option<OutputFormat?>("--format", "-f") { Description = "Output: text, json or prometheus (textfile metrics).", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("text", "json", "prometheus");
        var json = GlobalOptions.Json();
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE atomically (e.g. a node_exporter textfile directory) instead of stdout.", HelpName = "FILE" };
        var command = new Command("report", "Count the ssh hook's accepted and refused commands per key label and client address, and the top refused commands.")
        {
            files, since, at, format, json, output,
        };
        command.SetAction(parse =>
        {
            using var host = CommandHost.From(parse, "sshreport");
            var chosen = parse.GetValue(format);
            if (parse.GetValue(json) && chosen is { } f && f != OutputFormat.Json)
                throw OpsKitException.Usage($"--json conflicts with --format {f.ToString().ToLowerInvariant()}");
            var fmt = parse.GetValue(json) ? OutputFormat.Json : chosen ?? OutputFormat.Text;
            var window = DurationText.Parse(parse.GetValue(since)!, "--since");
            DateTimeOffset until;
            if (parse.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out until))
                    throw OpsKitException.Usage($"--at: '{text}' is not a time (e.g. 2026-12-06T10:00:00Z)");
            }
            else
            {
                until = host.Context.Clock.GetUtcNow();
            }
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given
                : LogSettings.Bind(host.Config.Section("log")).File is { Length: > 0 } logFile ? [logFile]
                : throw OpsKitException.Usage("no log to read: name FILE (or - for stdin), or set [log] file");
            var inputs = paths.Select(p => (p, p == "-" ? (Func<TextReader>)(() => new StreamReader(Console.OpenStandardInput())) : () => new StreamReader(p)));
            var report = SshReporter.Build(inputs, window, until, TimeZoneInfo.Local);
            var rendered = SshReporter.Render(report, fmt);
            if (parse.GetValue(output) is { } file) AtomicFile.Write(file, rendered);
            else parse.Out.Write(rendered);
            // Like a check: inputs that could not be read make the report incomplete.
            return report.AllRead ? ExitCodes.Ok : ExitCodes.IoError;
        });
        return command;
    }
}
