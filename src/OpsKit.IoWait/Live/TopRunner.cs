// "iowait top": samples /proc at an interval (or walks a fixture sequence
// ROOT/0, ROOT/1, ... whose /proc/uptime gives the interval) and prints each
// interval as a table, or all of them as one JSON document.
using OpsKit.Core;
using OpsKit.Core.Output;

namespace OpsKit.IoWait.Live;

/// <summary>Options of "iowait top".</summary>
/// <param name="Interval">Time between samples (live only).</param>
/// <param name="Count">Intervals to print; 0 = until interrupted (text) or 1 (JSON).</param>
/// <param name="Top">Process rows per interval (0 = all).</param>
/// <param name="Json">JSON output.</param>
public sealed record TopOptions(TimeSpan Interval, int Count, int Top, bool Json);

/// <summary>Runs "iowait top".</summary>
public sealed class TopRunner(SystemContext context)
{
    /// <summary>Samples and writes; returns 0 (Ctrl-C ends a text run normally).</summary>
    public async Task<int> RunAsync(TopOptions o, TextWriter output, CancellationToken ct)
    {
        var roots = SequenceRoots();
        var count = o.Count > 0 ? o.Count : o.Json ? 1 : int.MaxValue;
        if (roots is not null) count = Math.Min(count, roots.Count - 1);
        var users = UserNames.Load(context);
        var samples = new List<IoWaitSampleJson>();
        var before = Take(roots, 0);
        for (var i = 1; i <= count; i++)
        {
            if (roots is null)
            {
                try { await Task.Delay(o.Interval, context.Clock, ct); }
                catch (OperationCanceledException) { break; }
            }
            var now = Take(roots, i);
            var sample = TopDiff.Between(before, now);
            before = now;
            if (o.Json) samples.Add(IoWaitSampleJson.From(sample, o.Top, users));
            else TopText.Write(sample, o.Top, users, output, showNotes: i == 1);
            output.Flush();
        }
        if (o.Json) JsonOutput.Write(output, new IoWaitTopJson(JsonOutput.SchemaVersion, o.Interval.TotalSeconds, samples), IoWaitJsonContext.Reports.IoWaitTopJson);
        return ExitCodes.Ok;
    }

    private ProcSnapshot Take(IReadOnlyList<string>? roots, int i) =>
        ProcSnapshot.Take(roots is null ? context : context.With(rootPath: roots[i]));

    /// <summary>ROOT/0, ROOT/1, ... when the root holds numbered snapshot trees; null for a live /proc.</summary>
    private List<string>? SequenceRoots()
    {
        if (context.RootPath == "/" || Directory.Exists(Path.Combine(context.RootPath, "proc"))) return null;
        var list = new List<string>();
        for (var i = 0; Directory.Exists(Path.Combine(context.RootPath, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "proc")); i++)
            list.Add(Path.Combine(context.RootPath, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (list.Count < 2)
            throw OpsKitException.Usage($"--root {context.RootPath}: expected DIR/proc, or snapshot trees DIR/0/proc, DIR/1/proc, ...");
        return list;
    }
}
