// How OpsKit was started; decided once, first, in Program (Invocation).
namespace OpsKit.Core;

/// <summary>The way the process was started, which picks log sinks and output habits.</summary>
public enum RunMode
{
    /// <summary>From a shell: logs on stderr.</summary>
    Interactive,
    /// <summary>From cron (a cron.daily symlink or --cron): syslog, silence when all is well.</summary>
    Cron,
    /// <summary>As an authorized_keys command= hook: nothing but the allowed program's streams reach the client.</summary>
    ForcedCommand,
    /// <summary>A long-running service (aoe serve): syslog.</summary>
    Daemon,
}
