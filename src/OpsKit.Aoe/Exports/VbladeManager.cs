// The vblade backend: one vblade process per export of the same table, pid files per alias, output to a log file.
using System.Globalization;
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Target;
using OpsKit.Core;
using OpsKit.Core.Processes;

namespace OpsKit.Aoe.Exports;

/// <summary>Runs each export as "vblade [-r] [-d] [-s] [-b N] [-m MACS] [-o S] [-l S] shelf slot iface file".</summary>
/// <param name="Settings">The export table.</param>
/// <param name="Log">Logger (syslog ident vbladed).</param>
public sealed record VbladeManager(AoeSettings Settings, ILogger Log) : IExportManager
{
    private ExportManager Builtin => new(Settings, new DaemonControl(Settings.RunDir), Log);

    /// <inheritdoc />
    public IReadOnlyList<ExportSpec> Select(IReadOnlyList<string> aliases) => Builtin.Select(aliases);

    /// <summary>The vblade command line of an export.</summary>
    public static IReadOnlyList<string> Arguments(ExportSpec e)
    {
        var a = new List<string>();
        if (e.Store.ReadOnly) a.Add("-r");
        if (e.Store.Direct) a.Add("-d");
        if (e.Store.Sync) a.Add("-s");
        a.AddRange(["-b", e.Buffers.ToString(CultureInfo.InvariantCulture)]);
        if (e.Allow.Count > 0) a.AddRange(["-m", string.Join(',', e.Allow)]);
        if (e.Store.Offset > 0) a.AddRange(["-o", (e.Store.Offset / 512).ToString(CultureInfo.InvariantCulture)]);
        if (e.Store.Length > 0) a.AddRange(["-l", (e.Store.Length / 512).ToString(CultureInfo.InvariantCulture)]);
        a.AddRange([e.Shelf.ToString(CultureInfo.InvariantCulture), e.Slot.ToString(CultureInfo.InvariantCulture), e.Interface, e.File]);
        return a;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, int> Start(IReadOnlyList<string> aliases, string opskit, string? configFile)
    {
        var vblade = ExecutableLocator.Find("vblade")
            ?? throw OpsKitException.Unavailable("[aoe] backend = \"vblade\" but vblade is not installed (apt-get install vblade, or use backend = \"builtin\")");
        Directory.CreateDirectory(Settings.RunDir);
        var pids = new Dictionary<string, int>();
        foreach (var e in Select(aliases))
        {
            if (Running(e, out var stale) is { } running) { pids[e.Alias] = running; continue; }
            if (stale) { File.Delete(PidFile(e)); Log.LogWarning("removed stale pid file {PidFile}", PidFile(e)); }
            var log = Path.Combine(Settings.RunDir, $"vblade-{e.Alias}.log");
            var p = ProcessRunner.StartDetached(new CommandSpec(vblade, Arguments(e)), log);
            File.WriteAllText(PidFile(e), $"{p.Pid}\n");
            Thread.Sleep(100);
            if (p.HasExited) throw new OpsKitException($"vblade for {e.Alias} exited at once (see {log})");
            pids[e.Alias] = p.Pid;
            Log.LogInformation("started vbladed for {Alias} (pid:{Pid} file:{File} iface:{Interface} mac:{Mac})", e.Alias, p.Pid, e.File, e.Interface,
                e.Allow.Count > 0 ? string.Join(',', e.Allow.Select(m => m.ToString().ToUpperInvariant())) : "any");
        }
        return pids;
    }

    /// <inheritdoc />
    public void Stop(IReadOnlyList<string> aliases)
    {
        foreach (var e in Select(aliases))
        {
            var pid = Running(e, out var stale);
            if (pid is { } p)
            {
                DaemonControl.Signal(p, 15);
                if (!DaemonControl.WaitExit(p, TimeSpan.FromSeconds(10))) throw new OpsKitException($"vblade {p} ({e.Alias}) did not stop");
                Log.LogInformation("stopped vbladed for {Alias} (pid:{Pid} file:{File})", e.Alias, p, e.File);
            }
            if (pid is not null || stale) File.Delete(PidFile(e));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ExportStatus> Status(IReadOnlyList<string> aliases) =>
        [.. Select(aliases).Select(e => Running(e, out var stale) is { } pid ? new ExportStatus(e, "running", pid, null)
            : new ExportStatus(e, stale ? "dead" : "stopped", null, null))];

    private string PidFile(ExportSpec e) => Path.Combine(Settings.RunDir, $"vblade-{e.Alias}.pid");

    private int? Running(ExportSpec e, out bool stale)
    {
        stale = false;
        if (!File.Exists(PidFile(e))) return null;
        if (int.TryParse(File.ReadAllText(PidFile(e)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                var cmd = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
                if (cmd.Length > 0 && Path.GetFileName(cmd[0]) == "vblade" && cmd.Contains(e.File)) return pid;
            }
            catch (IOException) { }
        }
        stale = true;
        return null;
    }
}
