// start/stop/restart/status per alias on the builtin backend: one daemon, the enabled-alias file, SIGHUP to apply.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Target;
using OpsKit.Core;

namespace OpsKit.Aoe.Exports;

/// <summary>What status reports for one alias.</summary>
/// <param name="Spec">The configured export.</param>
/// <param name="State">running, stopped, or dead (enabled but not served).</param>
/// <param name="Pid">Daemon pid when running.</param>
/// <param name="Counters">Counters from the status file when running.</param>
public sealed record ExportStatus(ExportSpec Spec, string State, int? Pid, ExportCounters? Counters);

/// <summary>Starts and stops exports of the table on the builtin daemon without disturbing the other aliases.</summary>
/// <param name="Settings">The export table.</param>
/// <param name="Control">Daemon files.</param>
/// <param name="Log">Logger (syslog ident vbladed).</param>
public sealed record ExportManager(AoeSettings Settings, DaemonControl Control, ILogger Log) : IExportManager
{
    /// <summary>Resolves aliases (all when empty); unknown ones are a usage error naming them.</summary>
    public IReadOnlyList<ExportSpec> Select(IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0) return Settings.Exports;
        var unknown = aliases.Where(a => Settings.Exports.All(e => e.Alias != a)).ToList();
        if (unknown.Count > 0)
            throw OpsKitException.Usage($"unknown alias {string.Join(", ", unknown)} (known: {string.Join(", ", Settings.Exports.Select(e => e.Alias))})");
        return [.. Settings.Exports.Where(e => aliases.Contains(e.Alias))];
    }

    /// <summary>Enables the aliases and makes the daemon serve them (spawning it when needed).</summary>
    public IReadOnlyDictionary<string, int> Start(IReadOnlyList<string> aliases, string opskit, string? configFile)
    {
        var chosen = Select(aliases);
        if (Control.CleanStale()) Log.LogWarning("removed stale pid file {PidFile}", Control.PidFile);
        Control.SetEnabled(Control.Enabled().Union(chosen.Select(e => e.Alias)));
        var pid = Control.RunningPid(out _);
        if (pid is { } p) DaemonControl.Signal(p, 1);
        else pid = Control.Spawn(opskit, configFile, TimeSpan.FromSeconds(15));
        WaitServed(chosen.Select(e => e.Alias), served: true);
        foreach (var e in chosen)
            Log.LogInformation("started vbladed for {Alias} (pid:{Pid} file:{File} iface:{Interface} mac:{Mac})",
                e.Alias, pid, e.File, e.Interface, e.Allow.Count > 0 ? string.Join(',', e.Allow.Select(m => m.ToString().ToUpperInvariant())) : "any");
        return chosen.ToDictionary(e => e.Alias, _ => pid.Value);
    }

    /// <summary>Disables the aliases; the daemon drops them on SIGHUP and exits when none is left.</summary>
    public void Stop(IReadOnlyList<string> aliases)
    {
        var chosen = Select(aliases);
        var left = Control.Enabled().Except(chosen.Select(e => e.Alias)).ToList();
        Control.SetEnabled(left);
        var pid = Control.RunningPid(out var stale);
        if (stale && Control.CleanStale()) Log.LogWarning("removed stale pid file {PidFile}", Control.PidFile);
        if (pid is not { } p) return;
        if (left.Count == 0)
        {
            DaemonControl.Signal(p, 15);
            if (!DaemonControl.WaitExit(p, TimeSpan.FromSeconds(30))) throw new OpsKitException($"daemon {p} did not stop within 30 s");
        }
        else
        {
            DaemonControl.Signal(p, 1);
            WaitServed(chosen.Select(e => e.Alias), served: false);
        }
        foreach (var e in chosen) Log.LogInformation("stopped vbladed for {Alias} (pid:{Pid} file:{File})", e.Alias, p, e.File);
    }

    /// <summary>Status of each alias.</summary>
    public IReadOnlyList<ExportStatus> Status(IReadOnlyList<string> aliases)
    {
        var pid = Control.RunningPid(out _);
        var counters = pid is null ? new Dictionary<string, ExportCounters>() : DaemonStatus.Read(Control.StatusFile);
        var enabled = Control.Enabled();
        return [.. Select(aliases).Select(e =>
            counters.TryGetValue(e.Alias, out var c) ? new ExportStatus(e, "running", pid, c)
            : new ExportStatus(e, enabled.Contains(e.Alias) ? "dead" : "stopped", null, null))];
    }

    /// <inheritdoc />
    public IReadOnlyList<ReceiveThreadCounters> ReceiveThreads() =>
        Control.RunningPid(out _) is null ? [] : DaemonStatus.ReadThreads(Control.StatusFile);

    private void WaitServed(IEnumerable<string> aliases, bool served)
    {
        var want = aliases.ToList();
        for (var i = 0; i < 150; i++)
        {
            var now = DaemonStatus.Read(Control.StatusFile);
            if (want.All(a => now.ContainsKey(a) == served)) return;
            Thread.Sleep(100);
        }
        throw new OpsKitException($"the daemon did not {(served ? "start" : "stop")} {string.Join(", ", want)} within 15 s (see syslog, ident vbladed)");
    }
}
