// The [log] table.
using Microsoft.Extensions.Logging;
using OpsKit.Core.Config;

namespace OpsKit.Core.Logging;

/// <summary>Settings of the [log] table.</summary>
public sealed record LogSettings
{
    /// <summary>Lowest level sent to syslog and the file.</summary>
    public LogLevel Level { get; init; } = LogLevel.Information;

    /// <summary>Send to syslog in cron, daemon and forced-command runs.</summary>
    public bool Syslog { get; init; } = true;

    /// <summary>Also send to syslog in interactive runs.</summary>
    public bool SyslogInteractive { get; init; }

    /// <summary>The syslog datagram socket.</summary>
    public string SyslogSocket { get; init; } = "/dev/log";

    /// <summary>Syslog facility number.</summary>
    public int Facility { get; init; } = 1;

    /// <summary>Optional log file; empty for none.</summary>
    public string File { get; init; } = "";

    /// <summary>The schema of [log].</summary>
    public static ConfigTable Schema { get; } = new("log", "Where OpsKit logs: stderr when interactive, syslog under cron, daemons and ssh hooks, and an optional file.",
    [
        ConfigKey.Choice("level", "info", "Lowest level written to syslog and the file.", "debug", "info", "warning", "error"),
        ConfigKey.Bool("syslog", true, "Log to syslog when run from cron, as a daemon or as an ssh forced command."),
        ConfigKey.Bool("syslog_interactive", false, "Also log to syslog when run from a shell."),
        ConfigKey.String("syslog_socket", "/dev/log", "Unix datagram socket of the local syslog daemon."),
        ConfigKey.Choice("facility", "user", "Syslog facility.", [.. SyslogFacility.Names]),
        ConfigKey.String("file", "", "Also append lines to this file, as 'May 04 11:36:15 host ident(pid): message'. Empty: no file."),
    ]);

    /// <summary>Binds [log].</summary>
    public static LogSettings Bind(ConfigSection s) => new()
    {
        Level = ParseLevel(s.GetString("level")),
        Syslog = s.GetBool("syslog"),
        SyslogInteractive = s.GetBool("syslog_interactive"),
        SyslogSocket = s.GetString("syslog_socket"),
        Facility = SyslogFacility.Parse(s.GetString("facility")),
        File = s.GetString("file"),
    };

    private static LogLevel ParseLevel(string text) => text switch
    {
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
