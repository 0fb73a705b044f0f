// What start/stop/restart/status need from a backend: builtin (one daemon) or vblade (one process per export).
using OpsKit.Aoe.Target;

namespace OpsKit.Aoe.Exports;

/// <summary>Starts and stops exports of the table by alias.</summary>
public interface IExportManager
{
    /// <summary>Resolves aliases (all when empty); unknown ones are a usage error.</summary>
    IReadOnlyList<ExportSpec> Select(IReadOnlyList<string> aliases);

    /// <summary>Starts the aliases; returns the pid serving each.</summary>
    IReadOnlyDictionary<string, int> Start(IReadOnlyList<string> aliases, string opskit, string? configFile);

    /// <summary>Stops the aliases; others keep running.</summary>
    void Stop(IReadOnlyList<string> aliases);

    /// <summary>Status of each alias.</summary>
    IReadOnlyList<ExportStatus> Status(IReadOnlyList<string> aliases);

    /// <summary>Counters per receive thread of the serving process (empty when none runs or the backend has none).</summary>
    IReadOnlyList<ReceiveThreadCounters> ReceiveThreads() => [];
}
