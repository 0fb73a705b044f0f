// What "iowait summary" was asked to do, as parsed by the command.
namespace OpsKit.IoWait.Summary;

/// <summary>Options of a summary run.</summary>
/// <param name="Inputs">Files; empty or "-" reads stdin.</param>
/// <param name="By">Row kind.</param>
/// <param name="Top">Rows per table; null: 20 in text, all in JSON; 0: all.</param>
/// <param name="Json">JSON output.</param>
/// <param name="Filter">Time window.</param>
public sealed record SummaryOptions(IReadOnlyList<string> Inputs, SummaryBy By, int? Top, bool Json, SummaryFilter Filter);

/// <summary>Runs a summary end to end.</summary>
public static class SummaryRunner
{
    /// <summary>Scans the inputs and writes the report; returns the exit code (0, or 1 when no block_dump line was found).</summary>
    public static int Run(SummaryOptions o, int year, Func<Stream> stdin, TextWriter output, CancellationToken ct = default)
    {
        var report = LogScanner.Scan(o.Inputs, o.Filter, year, stdin, ct).ToReport();
        if (o.Json) Core.Output.JsonOutput.Write(output, IoWaitSummaryJson.From(report, o.Top ?? 0), IoWaitJsonContext.Reports.IoWaitSummaryJson);
        else SummaryText.Write(report, o.By, o.Top ?? 20, output);
        return Core.ExitCodes.Ok;
    }
}
