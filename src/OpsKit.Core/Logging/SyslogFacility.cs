// RFC 3164 facility names and numbers.
namespace OpsKit.Core.Logging;

/// <summary>Syslog facilities by name.</summary>
public static class SyslogFacility
{
    private static readonly string[] s_names =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron",
        "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    /// <summary>All names accepted in [log] facility.</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <summary>Facility number for a name, or -1.</summary>
    public static int Parse(string name) => Array.IndexOf(s_names, name.ToLowerInvariant());
}
