// The [aide] config table and its binding; command-line flags override some of these values.
using OpsKit.Core.Config;

namespace OpsKit.Aide;

/// <summary>Settings of the aide verbs.</summary>
public sealed record AideSettings
{
    /// <summary>The aide program: a name looked up on PATH, or a full path.</summary>
    public string Program { get; init; } = "aide";

    /// <summary>AIDE's own config file (selection lines and rules).</summary>
    public string ConfigFile { get; init; } = "/etc/aide/aide.conf";

    /// <summary>Where the current database (aide.db) and its archives live.</summary>
    public string DatabaseDirectory { get; init; } = "/var/lib/aide";

    /// <summary>Where the current report (aide.log) and its archives live.</summary>
    public string LogDirectory { get; init; } = "/var/log/aide";

    /// <summary>The file that records the database digest, kept apart from the database.</summary>
    public string StateFile { get; init; } = "/var/lib/opskit/aide.state";

    /// <summary>Archived reports and databases older than this are deleted by rotate.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Mail the short report per [mail] when a cron check finds changes.</summary>
    public bool Mail { get; init; } = true;

    /// <summary>Niceness for the aide run (0: as we run).</summary>
    public int Nice { get; init; } = 10;

    /// <summary>I/O class for the aide run: idle, best-effort or none.</summary>
    public string IoNice { get; init; } = "idle";

    /// <summary>Kill aide after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A change at or under one of these paths is CRITICAL, elsewhere WARNING.</summary>
    public IReadOnlyList<string> CriticalPaths { get; init; } = DefaultCriticalPaths;

    /// <summary>How many changed paths the cron mail lists.</summary>
    public int MailPaths { get; init; } = 50;

    /// <summary>The default critical paths.</summary>
    public static readonly string[] DefaultCriticalPaths = ["/etc/ssh", "/bin", "/sbin", "/usr/bin", "/usr/sbin", "/boot", "/lib/modules", "/etc/pam.d", "/etc/sudoers", "/etc/sudoers.d"];

    /// <summary>The current database.</summary>
    public string DatabasePath => Path.Combine(DatabaseDirectory, "aide.db");

    /// <summary>Where aide writes a new database before it is promoted.</summary>
    public string NewDatabasePath => Path.Combine(DatabaseDirectory, "aide.db.new");

    /// <summary>The current report.</summary>
    public string ReportPath => Path.Combine(LogDirectory, "aide.log");

    /// <summary>The lock that keeps two runs apart.</summary>
    public string LockPath => Path.Combine(DatabaseDirectory, ".opskit-aide.lock");

    /// <summary>The schema of [aide].</summary>
    public static ConfigTable Schema { get; } = new("aide", "File-integrity checks with AIDE: program, config, database and report places, retention, alerts.",
    [
        ConfigKey.String("aide", "aide", "The aide program: a name looked up on PATH, or a full path."),
        ConfigKey.String("config", "/etc/aide/aide.conf", "AIDE's config file (rules and paths; 'opskit aide config' prints a starting one).") with { MustExist = ConfigPathKind.File },
        ConfigKey.String("database_dir", "/var/lib/aide", "Directory of the current database aide.db and its time-stamped archives.") with { MustExist = ConfigPathKind.Directory },
        ConfigKey.String("log_dir", "/var/log/aide", "Directory of the current report aide.log and its time-stamped archives.") with { MustExist = ConfigPathKind.Directory },
        ConfigKey.String("state_file", "/var/lib/opskit/aide.state", "Where init and accept record the database's SHA-256 and size; check refuses a database that no longer matches."),
        ConfigKey.Integer("max_age", 90, "Days an archived report or database is kept before rotate deletes it.", 1, 36500),
        ConfigKey.Bool("mail", true, "Mail the short report per [mail] when a cron check finds changes."),
        ConfigKey.Integer("mail_paths", 50, "How many changed paths the cron mail lists.", 1, 10000),
        ConfigKey.Integer("nice", 10, "Niceness of the aide run (0: unchanged).", 0, 19),
        ConfigKey.Choice("ionice", "idle", "I/O scheduling class of the aide run.", "idle", "best-effort", "none"),
        ConfigKey.Integer("timeout", 7200, "Seconds before aide is killed (the check then says UNKNOWN; nothing is promoted).", 1, 604800),
        ConfigKey.StringList("critical_paths", "A change at or under one of these paths is CRITICAL, elsewhere WARNING.", DefaultCriticalPaths),
    ]);

    /// <summary>Binds [aide]; semantic errors name the file, line and key.</summary>
    public static AideSettings Bind(ConfigSection s)
    {
        foreach (var key in new[] { "config", "database_dir", "log_dir", "state_file" })
        {
            if (!s.GetString(key).StartsWith('/')) throw s.Error(key, $"'{s.GetString(key)}' is not an absolute path");
        }
        foreach (var p in s.GetStringList("critical_paths"))
        {
            if (!p.StartsWith('/')) throw s.Error("critical_paths", $"'{p}' is not an absolute path");
        }
        if (s.GetString("aide").Length == 0) throw s.Error("aide", "is empty");
        return new AideSettings
        {
            Program = s.GetString("aide"),
            ConfigFile = s.GetString("config"),
            DatabaseDirectory = s.GetString("database_dir"),
            LogDirectory = s.GetString("log_dir"),
            StateFile = s.GetString("state_file"),
            MaxAge = TimeSpan.FromDays(s.GetInteger("max_age")),
            Mail = s.GetBool("mail"),
            MailPaths = s.GetInt32("mail_paths"),
            Nice = s.GetInt32("nice"),
            IoNice = s.GetString("ionice"),
            Timeout = TimeSpan.FromSeconds(s.GetInteger("timeout")),
            CriticalPaths = s.GetStringList("critical_paths").Select(p => p.Length > 1 ? p.TrimEnd('/') : p).ToList(),
        };
    }
}
