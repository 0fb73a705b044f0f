// "opskit ssh report": what the forced-command hook accepted and refused, per key label and
// client address, and the commands refused most; refusals are what an intrusion attempt looks like.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpsKit.Core.Output;

namespace OpsKit.SshGuard.Report;

/// <summary>One input read.</summary>
/// <param name="Path">File path, or "-" for stdin.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Decisions">Hook decisions found (in the window or not).</param>
/// <param name="BadLines">Lines that could not be read.</param>
/// <param name="Error">Why the input could not be read at all, else null.</param>
public sealed record ReportInput(string Path, int Lines, int Decisions, int BadLines, string? Error);

/// <summary>Counts for one key label and client address.</summary>
/// <param name="Label">Key label ("-" for none).</param>
/// <param name="Client">Client address.</param>
/// <param name="Accepted">Commands accepted.</param>
/// <param name="Refused">Commands refused (interactive shells included).</param>
/// <param name="LastSeen">Newest decision.</param>
public sealed record KeyClientCounts(string Label, string Client, int Accepted, int Refused, DateTimeOffset LastSeen);

/// <summary>A refused command and how often.</summary>
/// <param name="Command">The command as logged.</param>
/// <param name="Count">Times refused.</param>
/// <param name="Reason">The reason of its last refusal.</param>
/// <param name="LastSeen">Its last refusal.</param>
public sealed record RefusedCommand(string Command, int Count, string? Reason, DateTimeOffset LastSeen);

/// <summary>A bad line, named.</summary>
/// <param name="Input">File.</param>
/// <param name="Line">Line number.</param>
/// <param name="Why">What is wrong.</param>
public sealed record BadLineRef(string Input, int Line, string Why);

/// <summary>The report.</summary>
/// <param name="SchemaVersion">1.</param>
/// <param name="From">Start of the window (decisions before it are left out).</param>
/// <param name="Until">End of the window (the report time).</param>
/// <param name="Accepted">Commands accepted.</param>
/// <param name="Refused">Commands refused, interactive shells included.</param>
/// <param name="InteractiveRefused">Of those, interactive shells.</param>
/// <param name="HookErrors">Times the hook could not decide (and refused everything).</param>
/// <param name="Keys">Per key label and client address, most refusals first.</param>
/// <param name="TopRefused">The most refused commands (at most 10).</param>
/// <param name="Inputs">What was read.</param>
/// <param name="BadLines">Total lines that could not be read.</param>
/// <param name="BadExamples">The first few of them.</param>
public sealed record SshReport(int SchemaVersion, DateTimeOffset From, DateTimeOffset Until, int Accepted, int Refused, int InteractiveRefused,
    int HookErrors, IReadOnlyList<KeyClientCounts> Keys, IReadOnlyList<RefusedCommand> TopRefused, IReadOnlyList<ReportInput> Inputs,
    int BadLines, IReadOnlyList<BadLineRef> BadExamples)
{
    /// <summary>True when every input could be opened.</summary>
    [JsonIgnore]
    public bool AllRead => Inputs.All(i => i.Error is null);
}

/// <summary>Builds and renders the report.</summary>
public static class SshReporter
{
    /// <summary>Most refused commands listed.</summary>
    public const int TopCount = 10;

    /// <summary>Reads the inputs (path and an opener each) and counts the decisions in [until - since, until].</summary>
    public static SshReport Build(IEnumerable<(string Path, Func<TextReader> Open)> inputs, TimeSpan since, DateTimeOffset until, TimeZoneInfo zone)
    {
        var from = until - since;
        var decisions = new List<LogDecision>();
        var read = new List<ReportInput>();
        var bad = new List<BadLineRef>();
        var badTotal = 0;
        foreach (var (path, open) in inputs)
        {
            List<LogEntryText> entries;
            List<BadLine> badLines;
            int lines;
            try
            {
                using var reader = open();
                (entries, badLines, lines) = LogReader.Read(reader, until, zone);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                read.Add(new ReportInput(path, 0, 0, 0, e.Message));
                continue;
            }
            var found = 0;
            foreach (var e in entries)
            {
                if (!DecisionMessage.IsOurs(e.Message)) continue;
                var (d, why) = DecisionMessage.Parse(e.Time, e.Message);
                if (d is null) { badLines.Add(new BadLine(e.Line, why!)); continue; }
                found++;
                if (d.Time >= from && d.Time <= until) decisions.Add(d);
            }
            badTotal += badLines.Count;
            bad.AddRange(badLines.OrderBy(b => b.Line).Select(b => new BadLineRef(path, b.Line, b.Why)));
            read.Add(new ReportInput(path, lines, found, badLines.Count, null));
        }
        var keys = decisions.Where(d => d.Kind != DecisionKind.HookError)
            .GroupBy(d => (d.Label, d.Client))
            .Select(g => new KeyClientCounts(g.Key.Label, g.Key.Client, g.Count(d => d.Kind == DecisionKind.Accepted),
                g.Count(d => d.Kind != DecisionKind.Accepted), g.Max(d => d.Time)))
            .OrderByDescending(k => k.Refused).ThenBy(k => k.Label, StringComparer.Ordinal).ThenBy(k => k.Client, StringComparer.Ordinal)
            .ToList();
        var top = decisions.Where(d => d.Kind == DecisionKind.Refused)
            .GroupBy(d => d.Command, StringComparer.Ordinal)
            .Select(g => { var last = g.MaxBy(d => d.Time)!; return new RefusedCommand(g.Key, g.Count(), last.Reason, last.Time); })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Command, StringComparer.Ordinal)
            .Take(TopCount).ToList();
        return new SshReport(1, from, until,
            decisions.Count(d => d.Kind == DecisionKind.Accepted),
            decisions.Count(d => d.Kind is DecisionKind.Refused or DecisionKind.InteractiveRefused),
            decisions.Count(d => d.Kind == DecisionKind.InteractiveRefused),
            decisions.Count(d => d.Kind == DecisionKind.HookError),
            keys, top, read, badTotal, bad.Take(5).ToList());
    }

    /// <summary>The report in a format (text, json or prometheus).</summary>
    public static string Render(SshReport r, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonSerializer.Serialize(r, SshJsonContext.Reports.SshReport) + "\n",
        OutputFormat.Prometheus => Prometheus(r),
        _ => Text(r),
    };

    /// <summary>Totals, the table per key and client, the top refused commands, what could not be read.</summary>
    public static string Text(SshReport r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ssh hook decisions from {Iso(r.From)} to {Iso(r.Until)}: {r.Accepted} accepted, {r.Refused} refused");
        if (r.InteractiveRefused > 0) sb.Append(CultureInfo.InvariantCulture, $" ({r.InteractiveRefused} interactive shells)");
        if (r.HookErrors > 0) sb.Append(CultureInfo.InvariantCulture, $", {r.HookErrors} hook errors");
        sb.Append('\n');
        if (r.Keys.Count > 0)
        {
            var t = new TextTable("KEY", "CLIENT", "ACCEPTED", "REFUSED", "LAST").AlignRight(2, 3);
            foreach (var k in r.Keys) t.Add(k.Label, k.Client, k.Accepted, k.Refused, Iso(k.LastSeen));
            sb.Append('\n').Append(t);
        }
        if (r.TopRefused.Count > 0)
        {
            sb.Append("\ntop refused commands:\n");
            var t = new TextTable("COUNT", "COMMAND", "REASON").AlignRight(0);
            foreach (var c in r.TopRefused) t.Add(c.Count, Cut(c.Command, 80), c.Reason ?? "");
            sb.Append(t);
        }
        foreach (var i in r.Inputs.Where(i => i.Error is not null)) sb.Append(CultureInfo.InvariantCulture, $"\n{i.Path}: not read: {i.Error}");
        if (r.BadLines > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{r.BadLines} line(s) not understood, e.g.:\n");
            foreach (var b in r.BadExamples) sb.Append(CultureInfo.InvariantCulture, $"  {b.Input}:{b.Line}: {b.Why}\n");
        }
        return sb.ToString();
    }

    /// <summary>Textfile-collector metrics.</summary>
    public static string Prometheus(SshReport r)
    {
        var w = new PrometheusWriter();
        w.Run("ssh", r.Until, r.AllRead);
        w.Gauge("opskit_ssh_report_window_seconds", "Length of the window the decision counts cover (--since).", (r.Until - r.From).TotalSeconds);
        w.Declare("opskit_ssh_commands", "Commands the ssh hook decided in the window, by result (accepted, refused) for all keys and clients.");
        w.Add("opskit_ssh_commands", r.Accepted, ("result", "accepted"));
        w.Add("opskit_ssh_commands", r.Refused, ("result", "refused"));
        w.Gauge("opskit_ssh_interactive_refused", "Interactive logins refused in the window (included in the refused commands).", r.InteractiveRefused);
        w.Gauge("opskit_ssh_hook_errors", "Times the hook could not decide (every command refused) in the window.", r.HookErrors);
        w.Declare("opskit_ssh_key_commands", "Commands decided in the window per key label and client address, by result.");
        foreach (var k in r.Keys)
        {
            w.Add("opskit_ssh_key_commands", k.Accepted, ("label", k.Label), ("client", k.Client), ("result", "accepted"));
            w.Add("opskit_ssh_key_commands", k.Refused, ("label", k.Label), ("client", k.Client), ("result", "refused"));
        }
        w.Declare("opskit_ssh_top_refused_commands", $"The {TopCount} most refused commands in the window (command cut at 200 characters).");
        foreach (var c in r.TopRefused) w.Add("opskit_ssh_top_refused_commands", c.Count, ("command", Cut(c.Command, 200)));
        w.Gauge("opskit_ssh_bad_lines", "Log lines the report could not read.", r.BadLines);
        return w.Render();
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 3)] + "...";
}
