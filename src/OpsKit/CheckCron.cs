// What every check (raid, hwerr, aide, snapshot) does under cron: nothing when all is well; otherwise the
// report on stdout (cron mails it) and, when [mail] has recipients, mailed too.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Core.Mail;

namespace OpsKit;

/// <summary>The cron ending of a check command.</summary>
internal static class CheckCron
{
    /// <summary>Prints and mails a report that is not OK. Exit: the status (0-3), or 69 when the mail could not
    /// be delivered (the report is on stdout either way, so nothing is lost).</summary>
    /// <param name="host">The run's host.</param>
    /// <param name="area">Tool name in the alert and the logger category, e.g. "raid".</param>
    /// <param name="title">What the subject calls the check, e.g. "RAID".</param>
    /// <param name="status">The verdict.</param>
    /// <param name="text">The report as mailed and printed.</param>
    /// <param name="mail">False when the area's own setting turns mail off.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> ReportAsync(CommandHost host, string area, string title, CheckStatus status, string text, bool mail, CancellationToken ct)
    {
        if (status == CheckStatus.Ok) return ExitCodes.Ok;
        host.Out.Write(text);
        var log = host.Logger(area);
        if (!mail || !MailSettings.Bind(host.Config.Section("mail")).Enabled)
        {
            log.LogWarning("{Title} {Status}; no mail sent (no [mail] to, or mail off for this area), the report went to stdout (cron mails it)", title, status.Label());
            return (int)status;
        }
        try
        {
            var alert = new Alert(area, $"{title} {status.Label()} on {Environment.MachineName}", text) { Printed = true };
            var where = await host.Alerter().SendAsync(alert, null, ct).ConfigureAwait(false);
            log.LogInformation("{Title} report mailed to {Where}", title, where);
            return (int)status;
        }
        catch (MailException e)
        {
            host.Error.WriteLine($"opskit: {area} alert not delivered: {e.Message}");
            return ExitCodes.Unavailable;
        }
    }
}
