// The [mail] table: where alerts go and how.
using OpsKit.Core.Config;

namespace OpsKit.Core.Mail;

/// <summary>How alerts are delivered.</summary>
public sealed record MailSettings
{
    /// <summary>Recipients; empty means alerts go to stdout and the log only.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Sender address.</summary>
    public string From { get; init; } = "";

    /// <summary>"sendmail" or "smtp".</summary>
    public string Via { get; init; } = "sendmail";

    /// <summary>The sendmail(8) program.</summary>
    public string Sendmail { get; init; } = "/usr/sbin/sendmail";

    /// <summary>SMTP server.</summary>
    public string SmtpHost { get; init; } = "localhost";

    /// <summary>SMTP port.</summary>
    public int SmtpPort { get; init; } = 25;

    /// <summary>"none", "starttls" or "tls" (implicit TLS, port 465).</summary>
    public string Tls { get; init; } = "none";

    /// <summary>Verify the server certificate.</summary>
    public bool TlsVerify { get; init; } = true;

    /// <summary>SMTP user for AUTH; empty for none.</summary>
    public string User { get; init; } = "";

    /// <summary>File holding the SMTP password (first line).</summary>
    public string PasswordFile { get; init; } = "";

    /// <summary>Seconds before a delivery attempt is given up.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Put before every subject.</summary>
    public string SubjectPrefix { get; init; } = "[opskit]";

    /// <summary>True when a recipient is configured.</summary>
    public bool Enabled => To.Count > 0;

    /// <summary>The schema of [mail].</summary>
    public static ConfigTable Schema { get; } = new("mail", "Alert delivery. Without 'to', alerts are printed and logged, which cron mails to root anyway.",
    [
        ConfigKey.StringList("to", "Recipients of alerts. Empty: print and log instead of mailing."),
        ConfigKey.String("from", "", "Sender address; empty uses root@<hostname>."),
        ConfigKey.Choice("via", "sendmail", "Delivery: pipe to sendmail(8) or speak SMTP.", "sendmail", "smtp"),
        ConfigKey.String("sendmail", "/usr/sbin/sendmail", "sendmail program, run as 'sendmail -t -oi'."),
        ConfigKey.String("smtp_host", "localhost", "SMTP server host."),
        ConfigKey.Integer("smtp_port", 25, "SMTP server port.", 1, 65535),
        ConfigKey.Choice("tls", "none", "TLS: none, starttls, or tls (implicit, usually port 465).", "none", "starttls", "tls"),
        ConfigKey.Bool("tls_verify", true, "Verify the SMTP server's certificate."),
        ConfigKey.String("user", "", "SMTP AUTH user; empty: no authentication."),
        ConfigKey.String("password_file", "", "File whose first line is the SMTP password."),
        ConfigKey.Integer("timeout", 30, "Seconds before a delivery attempt fails.", 1, 3600),
        ConfigKey.String("subject_prefix", "[opskit]", "Text put before every alert subject."),
    ]);

    /// <summary>Binds [mail].</summary>
    public static MailSettings Bind(ConfigSection s) => new()
    {
        To = s.GetStringList("to"),
        From = s.GetString("from"),
        Via = s.GetString("via"),
        Sendmail = s.GetString("sendmail"),
        SmtpHost = s.GetString("smtp_host"),
        SmtpPort = s.GetInt32("smtp_port"),
        Tls = s.GetString("tls"),
        TlsVerify = s.GetBool("tls_verify"),
        User = s.GetString("user"),
        PasswordFile = s.GetString("password_file"),
        TimeoutSeconds = s.GetInt32("timeout"),
        SubjectPrefix = s.GetString("subject_prefix"),
    };
}
