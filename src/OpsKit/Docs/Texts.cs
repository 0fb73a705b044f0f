// Long texts of opskit(1) that do not belong to one option.
namespace OpsKit.Docs;

/// <summary>Prose sections of the main man page.</summary>
public static class Texts
{
    /// <summary>DESCRIPTION.</summary>
    public const string Description = """
        opskit holds the small tools an admin of storage and backup servers reaches for:
        serving disks over ATA-over-Ethernet, checking hardware RAID, locking a backup key
        down to the commands it needs, rotating rsync snapshots, scaffolding RPM specs and
        finding who causes IO wait. Results go to stdout; messages go to stderr when run
        from a shell and to syslog when run from cron, as a daemon or as an ssh hook.
        """;

    /// <summary>RUN MODES.</summary>
    public const string RunModes = """
        opskit decides how it was started before anything else. From a shell it logs to stderr.
        Started through a symlink it runs one tool, so it can live in /etc/cron.daily
        (symlink names carry no dots, since run-parts skips them). The name is read from
        /proc/self/cmdline. When SSH_ORIGINAL_COMMAND is set and the command is
        "ssh validate" (an authorized_keys command= hook), nothing of opskit's own reaches
        the client but a one-line refusal. Symlink names:
        """;

    /// <summary>CONFIGURATION.</summary>
    public const string Configuration = """
        /etc/opskit/opskit.toml, or the file named by --config or OPSKIT_CONFIG, then the
        drop-ins beside it, /etc/opskit/opskit.d/*.toml (for FILE.toml: FILE.d/*.toml), in name
        order; --no-config reads none. Values are merged in this order, later winning: built-in
        defaults, the main file, the drop-ins, environment variables OPSKIT_<TABLE>_<KEY>,
        command-line flags. A drop-in adds [[aoe.export]] entries and replaces single values.
        Unknown keys and wrong types are errors reported as FILE:LINE:COL of the file at fault,
        with exit status 78. "opskit config check" reports every error in one run, including
        time zones and paths the enabled areas need and unknown OPSKIT_* variables;
        "opskit config show" prints every value with the file, line and column it came from.
        Each tool documents its own table in its page.
        """;

    /// <summary>EXIT STATUS.</summary>
    public const string ExitStatus = """
        Checks (raid check, iowait check, aoe status) use the monitoring-plugin convention,
        and the worst result wins (CRITICAL above UNKNOWN above WARNING). Actions use 0 and 1
        and the sysexits codes for misuse. Errors are printed once as "opskit: what: why".
        """;
}
