// A thread per export: takes the frames the receiver queued, answers them, sends the answers in one batch.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>Serves one export. The receiver never waits for it, so a slow disk stalls only its own export.</summary>
public sealed class ExportWorker : IDisposable
{
    private readonly RequestHandler _handler;
    private readonly PacketSocket _socket;
    private readonly BufferPool _pool;
    private readonly IBlockStore _store;
    private readonly ILogger _log;
    private readonly HashSet<MacAddress> _allow;
    private readonly object _gate = new();
    private List<PacketBuffer> _pending = [], _work = [];
    private readonly List<PacketBuffer> _out = [];
    private readonly Thread _thread;
    private bool _waiting, _stopping;
    private long _overflow, _refused;

    /// <summary>Creates and starts the worker; announces the export on the wire.</summary>
    public ExportWorker(ExportSpec spec, RequestHandler handler, IBlockStore store, PacketSocket socket, BufferPool pool, ILogger log)
    {
        Spec = spec;
        _handler = handler;
        _store = store;
        _socket = socket;
        _pool = pool;
        _log = log;
        _allow = [.. spec.Allow];
        QueueLimit = Math.Max(4 * spec.Buffers, 256);
        _thread = new Thread(Run) { IsBackground = true, Name = $"aoe {spec.Address}" };
        _thread.Start();
    }

    /// <summary>The export.</summary>
    public ExportSpec Spec { get; }
    /// <summary>The protocol engine (counters, state).</summary>
    public RequestHandler Handler => _handler;
    /// <summary>Frames dropped because the queue was full.</summary>
    public long Overflow => Interlocked.Read(ref _overflow);
    /// <summary>Frames dropped because the sender is not on the allow list.</summary>
    public long Refused => Interlocked.Read(ref _refused);
    /// <summary>Held by whoever runs the handler: the receive thread for its batch, or the worker.</summary>
    internal object HandlerGate { get; } = new();
    /// <summary>The receive thread holding <see cref="HandlerGate"/> for its current batch (set by that thread only).</summary>
    internal ReceiveThread? Holder;
    /// <summary>Most frames queued before new ones are dropped.</summary>
    public int QueueLimit { get; }

    private int _queued;

    /// <summary>True while requests wait for the worker: later ones must queue behind them to keep their order.</summary>
    public bool Busy => Volatile.Read(ref _queued) != 0;

    /// <summary>True when the frame's sender may use this export (the allow list); counts the refusals.</summary>
    public bool Permits(ReadOnlySpan<byte> frame)
    {
        if (_allow.Count == 0 || _allow.Contains(Frame.Source(frame))) return true;
        Interlocked.Increment(ref _refused);
        return false;
    }

    /// <summary>Queues a permitted request (called by the receiver); false when the queue is full and it was dropped.</summary>
    public bool Enqueue(PacketBuffer frame)
    {
        lock (_gate)
        {
            if (_pending.Count >= QueueLimit) { _overflow++; return false; }
            _pending.Add(frame);
            Interlocked.Increment(ref _queued);
            if (_waiting) Monitor.Pulse(_gate);
            return true;
        }
    }

    private void Run()
    {
        var first = _pool.Rent();
        first.Length = _handler.Announce(first.Data);
        _socket.Send(first);
        _pool.Return(first);
        while (true)
        {
            lock (_gate)
            {
                while (_pending.Count == 0 && !_stopping)
                {
                    _waiting = true;
                    Monitor.Wait(_gate);
                    _waiting = false;
                }
                if (_pending.Count == 0 && _stopping) return;
                (_pending, _work) = (_work, _pending);
            }
            var n = _work.Count;
            Serve(_work);
            _work.Clear();
            Interlocked.Add(ref _queued, -n);
        }
    }

    private void Serve(List<PacketBuffer> work)
    {
        lock (HandlerGate) Handle(work);
        if (_out.Count > 0) _socket.Send(_out);
        foreach (var b in _out) _pool.Return(b);
        _out.Clear();
    }

    private void Handle(List<PacketBuffer> work)
    {
        foreach (var b in work)
        {
            int n;
            try { n = _handler.Handle(b.Data, b.Length); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _log.LogError("export {Alias}: state file: {Error}", Spec.Alias, e.Message);
                n = 0;
            }
            if (n > 0) { b.Length = n; _out.Add(b); }
            else _pool.Return(b);
        }
    }

    /// <summary>Stops after the queued requests (in-flight writes) are done, then closes the file.</summary>
    public void Dispose()
    {
        lock (_gate) { _stopping = true; Monitor.Pulse(_gate); }
        _thread.Join();
        _store.Dispose();
    }
}
