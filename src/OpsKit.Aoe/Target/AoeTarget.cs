// The built-in AoE target: many exports, one socket per interface, reconfigurable without dropping unchanged exports.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;

namespace OpsKit.Aoe.Target;

/// <summary>Serves a set of exports; <see cref="Apply"/> adds, removes and keeps exports.</summary>
public sealed class AoeTarget : IDisposable
{
    private readonly ILogger _log;
    private readonly string? _stateDir;
    private readonly Dictionary<string, InterfacePort> _ports = [];
    private readonly Dictionary<string, ExportWorker> _workers = [];
    private readonly object _gate = new();
    private readonly int _threads;

    /// <summary>
    /// Creates an idle target; per-export state files go to <paramref name="stateDir"/> (null: not kept);
    /// <paramref name="threads"/> receive threads per interface (0: one per core, at most 4).
    /// </summary>
    public AoeTarget(ILogger log, string? stateDir, int threads = 1)
    {
        _log = log;
        _stateDir = stateDir;
        _threads = ResolveThreads(threads);
    }

    /// <summary>Receive threads per interface for a configured value: 0 means one per core, at most 4.</summary>
    public static int ResolveThreads(int configured) => configured > 0 ? configured : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Receive threads per interface.</summary>
    public int Threads => _threads;

    /// <summary>The running exports by alias.</summary>
    public IReadOnlyList<ExportWorker> Workers { get { lock (_gate) return [.. _workers.Values]; } }

    /// <summary>The open interfaces.</summary>
    public IReadOnlyList<InterfacePort> Ports { get { lock (_gate) return [.. _ports.Values]; } }

    /// <summary>
    /// Makes the served set equal to <paramref name="specs"/>: unchanged exports keep running, changed ones restart,
    /// missing ones stop after their queued requests. An export that cannot open is skipped; the
    /// aliases that failed are returned with their reasons.
    /// </summary>
    public IReadOnlyList<(string Alias, string Error)> Apply(IReadOnlyList<ExportSpec> specs)
    {
        var failed = new List<(string, string)>();
        lock (_gate)
        {
            var wanted = specs.ToDictionary(s => s.Alias);
            foreach (var (alias, w) in _workers.ToList())
            {
                if (wanted.TryGetValue(alias, out var s) && s.SameAs(w.Spec)) continue;
                _workers.Remove(alias);
                Publish(w.Spec.Interface);
                w.Dispose();
                _log.LogInformation("stopped export {Alias} ({Address})", alias, w.Spec.Address);
            }
            foreach (var spec in specs)
            {
                if (_workers.ContainsKey(spec.Alias)) continue;
                try
                {
                    _workers[spec.Alias] = Start(spec, specs.Where(x => x.Interface == spec.Interface).Sum(x => x.Buffers));
                    Publish(spec.Interface);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    // Reported by the caller: once, as a log line or as the run's one error when nothing started.
                    failed.Add((spec.Alias, $"export {spec.Alias} ({spec.Address}) not started: {e.Message}"));
                }
            }
            foreach (var name in _ports.Keys.ToList())
            {
                var mine = _workers.Values.Where(w => w.Spec.Interface == name).ToList();
                if (mine.Count > 0) { CheckRing(_ports[name], mine); continue; }
                _ports[name].Dispose();
                _ports.Remove(name);
            }
        }
        return failed;
    }

    private ExportWorker Start(ExportSpec spec, int buffersOnInterface)
    {
        var port = Port(spec.Interface, buffersOnInterface);
        var store = new FileBlockStore(spec.File, spec.Store);
        try
        {
            var statePath = _stateDir is null ? null : Path.Combine(_stateDir, $"e{spec.Shelf}.{spec.Slot}.state");
            var state = ExportState.Load(statePath);
            var nic = port.Interface;
            var serial = $"{spec.Shelf}.{spec.Slot}:{spec.Alias}";
            var id = new ExportIdentity(spec.Shelf, spec.Slot, nic.Mac, Protocol.Wire.SectorsForMtu(nic.Mtu), spec.Buffers, serial);
            var worker = new ExportWorker(spec, new RequestHandler(store, state, id), store, port.Socket, port.Pool, _log);
            _log.LogInformation("serving {Alias} as e{Address} on {Interface} ({File}, {Sectors} sectors, {Payload} bytes per frame)",
                spec.Alias, spec.Address, spec.Interface, spec.File, store.Sectors, id.MaxSectors * 512);
            return worker;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The interface's port, opened on first use. Its receive ring keeps the Buffer Count a promise: it holds every
    /// export's advertised requests at once, plus room for discovery traffic.
    /// </summary>
    private InterfacePort Port(string name, int buffers)
    {
        if (_ports.TryGetValue(name, out var p)) return p;
        var nic = NetInterface.Get(name);
        p = new InterfacePort(nic, Math.Clamp(buffers + 256, 1024, 16384), _threads, _log);
        _ports[name] = p;
        if (_threads > 1) _log.LogInformation("{Interface}: {Threads} receive threads (PACKET_FANOUT by shelf.slot)", name, _threads);
        return p;
    }

    /// <summary>Warns when a reload promised more buffers than the ring (sized when the interface opened) holds.</summary>
    private void CheckRing(InterfacePort port, IReadOnlyCollection<ExportWorker> workers)
    {
        var frames = workers.Sum(w => w.Handler.Buffers);
        if (frames > port.ReceiveCapacity)
            _log.LogWarning("exports on {Interface} advertise {Buffers} buffers but its receive ring holds {Capacity} frames; restart the server to resize it",
                port.Interface.Name, frames, port.ReceiveCapacity);
    }

    private void Publish(string iface)
    {
        if (_ports.TryGetValue(iface, out var p)) p.SetExports([.. _workers.Values.Where(w => w.Spec.Interface == iface)]);
    }

    /// <summary>Stops receiving, lets every export finish its queued requests, closes files and sockets.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var p in _ports.Values) p.StopReceiving();
            foreach (var w in _workers.Values) w.Dispose();
            foreach (var p in _ports.Values) p.Dispose();
            _ports.Clear();
            _workers.Clear();
        }
    }
}
