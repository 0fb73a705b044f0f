// Picks the renderer for an output format and writes report files atomically.
using OpsKit.Core;
using OpsKit.Core.Output;
using OpsKit.HwErr.Model;

namespace OpsKit.HwErr.Output;

/// <summary>Renders a report in a format.</summary>
public static class ReportRenderer
{
    /// <summary>The report as text in <paramref name="format"/>.</summary>
    public static string Render(HwErrReport report, OutputFormat format) => format switch
    {
        OutputFormat.Json => JsonReport.Build(report).ToJsonString(JsonOutput.Options) + "\n",
        OutputFormat.Nagios => NagiosReport.Render(report),
        OutputFormat.Prometheus => PrometheusReport.Render(report),
        _ => TextReport.Render(report),
    };

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temp file and a rename (mode 0644).</summary>
    public static void WriteAtomically(string path, string text) => AtomicFile.Write(path, text);
}
