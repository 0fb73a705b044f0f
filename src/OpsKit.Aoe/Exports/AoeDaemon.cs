// The serve loop: apply the export table, reload on SIGHUP, stop on SIGTERM/SIGINT, keep the status file fresh.
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Target;

namespace OpsKit.Aoe.Exports;

/// <summary>Runs the built-in target until a stop signal.</summary>
/// <param name="Log">Logger (syslog ident vbladed in daemon mode).</param>
/// <param name="StateDir">Per-export state directory (null: not kept).</param>
/// <param name="StatusFile">Status file written every second (null: none).</param>
/// <param name="PidFile">Pid file written at start and removed at stop (null: none).</param>
public sealed record AoeDaemon(ILogger Log, string? StateDir, string? StatusFile, string? PidFile)
{
    /// <summary>Receive threads per interface (0: one per core, at most 4).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Serves the exports <paramref name="load"/> returns; on SIGHUP calls it again and applies the difference (a failing
    /// reload keeps the old table). Returns when SIGTERM/SIGINT arrive or <paramref name="stop"/> is cancelled,
    /// after queued requests have finished.
    /// </summary>
    public int Run(Func<IReadOnlyList<ExportSpec>> load, CancellationToken stop)
    {
        using var target = new AoeTarget(Log, StateDir, Threads);
        var initial = load();
        var failed = target.Apply(initial);
        if (failed.Count == initial.Count && initial.Count > 0)
            throw new IOException(failed.Count == 1 ? failed[0].Error : $"no export could be started: {string.Join("; ", failed.Select(f => f.Error))}");
        foreach (var f in failed) Log.LogError("{Error}", f.Error);
        var reload = new AutoResetEvent(false);
        using var quit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        void Stop(PosixSignalContext c) { c.Cancel = true; quit.Cancel(); reload.Set(); }
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; reload.Set(); });
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var reg = quit.Token.Register(() => reload.Set());
        WritePid();
        var started = DateTimeOffset.UtcNow;
        WriteStatus(target, started);
        try
        {
            while (!quit.IsCancellationRequested)
            {
                var signalled = reload.WaitOne(TimeSpan.FromSeconds(1));
                if (quit.IsCancellationRequested) break;
                if (signalled) Reload(target, load);
                WriteStatus(target, started);
            }
            Log.LogInformation("stopping: finishing queued requests");
        }
        finally
        {
            target.Dispose();
            TryDelete(StatusFile);
            TryDelete(PidFile);
        }
        return 0;
    }

    private void Reload(AoeTarget target, Func<IReadOnlyList<ExportSpec>> load)
    {
        try
        {
            var specs = load();
            foreach (var f in target.Apply(specs)) Log.LogError("{Error}", f.Error);
            Log.LogInformation("reloaded: {Count} exports", specs.Count);
        }
        catch (Exception e) when (e is Core.OpsKitException or IOException)
        {
            Log.LogError("reload failed, keeping the running exports: {Error}", e.Message);
        }
    }

    private void WritePid()
    {
        if (PidFile is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(PidFile))!);
        File.WriteAllText(PidFile, $"{Environment.ProcessId}\n");
    }

    private void WriteStatus(AoeTarget target, DateTimeOffset started)
    {
        if (StatusFile is null) return;
        try { DaemonStatus.Write(StatusFile, target, started); }
        catch (IOException e) { Log.LogWarning("status file {File}: {Error}", StatusFile, e.Message); }
    }

    private static void TryDelete(string? path)
    {
        if (path is null) return;
        try { File.Delete(path); } catch (IOException) { }
    }
}
