// An alert: what a check found that a person must read.
namespace OpsKit.Core.Mail;

/// <summary>One alert message.</summary>
/// <param name="Tool">The tool raising it (raid, snapshot...).</param>
/// <param name="Subject">One line.</param>
/// <param name="Body">The report.</param>
public sealed record Alert(string Tool, string Subject, string Body)
{
    /// <summary>The caller has already written the body to stdout (cron mails stdout), so a failed delivery need not print it again.</summary>
    public bool Printed { get; init; }
}
