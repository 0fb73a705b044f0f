// Picks the renderer for a format and writes files atomically (node_exporter reads the
// textfile directory at any moment: write a temp file beside it, then rename).
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.Raid.Model;

namespace OpsKit.Raid.Output;

/// <summary>Renders a report in one of the output formats.</summary>
public static class ReportRenderer
{
    /// <summary>The report as text in <paramref name="format"/>.</summary>
    public static string Render(RaidReport report, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonReport.Build(report).ToJsonString(JsonOutput.Options) + "\n",
        OutputFormat.Nagios => NagiosReport.Render(report),
        OutputFormat.Prometheus => PrometheusReport.Render(report),
        _ => TextReport.Render(report),
    };

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temp file and a rename (mode 0644).</summary>
    public static void WriteAtomically(string path, string text) => AtomicFile.Write(path, text);
}
