// Options every command accepts (recursive on the root).
using System.CommandLine;

namespace OpsKit;

/// <summary>The global options, defined once.</summary>
public static class GlobalOptions
{
    /// <summary>--config FILE.</summary>
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Read this config file instead of /etc/opskit/opskit.toml (also: OPSKIT_CONFIG).",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>--no-config.</summary>
    public static readonly Option<bool> NoConfig = new("--no-config")
    {
        Description = "Read no config file; built-in defaults, environment and flags only.",
        Recursive = true,
    };

    /// <summary>-v/--verbose, repeatable.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Say more on stderr (info messages, stack traces of internal errors).",
        Recursive = true,
    };

    /// <summary>--debug.</summary>
    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Say everything on stderr, including debug messages and commands run.",
        Recursive = true,
    };

    /// <summary>--json, for commands that report.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the report as JSON." };

    /// <summary>--cron, for commands run from cron.</summary>
    public static Option<bool> Cron() => new("--cron")
    {
        Description = "Cron mode: print nothing when all is well, log to syslog, mail alerts per [mail].",
    };
}
