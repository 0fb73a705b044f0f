// "iowait capture": switch block_dump on, wait, switch it off again (also when
// interrupted), read the kernel ring buffer with dmesg and summarise the lines
// stamped after the switch was turned on.
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.IoWait.Summary;

namespace OpsKit.IoWait.Switch;

/// <summary>Options of a capture.</summary>
/// <param name="Duration">How long block_dump stays on.</param>
/// <param name="By">Row kind of the summary.</param>
/// <param name="Top">Rows per table.</param>
/// <param name="Json">JSON output.</param>
public sealed record CaptureOptions(TimeSpan Duration, SummaryBy By, int? Top, bool Json);

/// <summary>Runs a capture.</summary>
public sealed class CaptureRunner(SystemContext context, ILogger log)
{
    /// <summary>The command that reads the kernel log (declared for sudoers and tests).</summary>
    public static CommandSpec Dmesg { get; } = new("dmesg") { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Captures and writes the summary; returns 0, or 130 when interrupted (the summary is still printed).</summary>
    public async Task<int> RunAsync(CaptureOptions o, TextWriter output, CancellationToken ct)
    {
        var sw = new BlockDumpSwitch(context);
        sw.RequirePresent();
        if (sw.Read() != 0) throw new OpsKitException($"{BlockDumpSwitch.SysctlPath} is already on; run 'opskit iowait disable' first or summarise 'dmesg' yourself");
        foreach (var daemon in sw.LoggingDaemons())
            log.LogWarning("{Daemon} writes kernel messages to disk: that IO shows up in the capture; stop it or drop kern.debug while capturing", daemon);
        var start = ReadUptime();
        var interrupted = false;
        sw.Set(true);
        log.LogInformation("block_dump on for {Seconds} s", o.Duration.TotalSeconds);
        try
        {
            await Task.Delay(o.Duration, context.Clock, ct);
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }
        finally
        {
            sw.Set(false);
            log.LogInformation("block_dump off");
        }
        var dmesg = await context.Runner.RunAsync(Dmesg, CancellationToken.None);
        if (!dmesg.Succeeded)
            throw new OpsKitException($"{Dmesg.Display} failed (exit {dmesg.ExitCode}): {(dmesg.StartError ?? dmesg.StandardError).Trim()}", ExitCodes.Unavailable);
        var stamped = dmesg.StandardOutput.StartsWith('[');
        var filter = stamped && start is not null ? new SummaryFilter { SinceUptimeMicros = start } : SummaryFilter.None;
        if (!stamped) log.LogWarning("dmesg prints no time stamps (printk.time=0): the summary includes block_dump lines from before this capture");
        var bytes = Encoding.UTF8.GetBytes(dmesg.StandardOutput);
        var year = context.Clock.GetLocalNow().Year;
        var report = LogScanner.Scan(["-"], filter, year, () => new MemoryStream(bytes), CancellationToken.None).ToReport();
        if (o.Json) Core.Output.JsonOutput.Write(output, IoWaitSummaryJson.From(report, o.Top ?? 0), IoWaitJsonContext.Reports.IoWaitSummaryJson);
        else SummaryText.Write(report, o.By, o.Top ?? 20, output);
        return interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    private long? ReadUptime()
    {
        try
        {
            var first = File.ReadAllText(context.HostPath("/proc/uptime")).Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? (long)(s * 1_000_000) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
