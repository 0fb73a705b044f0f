// One interface: one packet socket, one receive thread, shelf.slot demultiplexed to the export workers.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>Receives every AoE frame of an interface in batches and hands each to the export(s) it addresses.</summary>
public sealed class InterfacePort : IDisposable
{
    private const int Batch = 64;
    private readonly Thread _thread;
    private readonly ILogger _log;
    private volatile Dictionary<int, ExportWorker> _byAddress = [];
    private volatile ExportWorker[] _all = [];
    private volatile bool _stopping;
    private long _received, _ignored, _drops;

    /// <summary>Opens the socket and starts receiving.</summary>
    public InterfacePort(NetInterface nic, int rcvbuf, ILogger log)
    {
        Interface = nic;
        _log = log;
        Pool = new BufferPool(Math.Max(nic.Mtu, 1500) + 14 + 64);
        Socket = new PacketSocket(nic, rcvbuf);
        _thread = new Thread(Run) { IsBackground = true, Name = $"aoe rx {nic.Name}" };
        _thread.Start();
    }

    /// <summary>The interface.</summary>
    public NetInterface Interface { get; }
    /// <summary>The socket (workers send on it).</summary>
    public PacketSocket Socket { get; }
    /// <summary>Frame buffers of this interface's size.</summary>
    public BufferPool Pool { get; }
    /// <summary>Frames received.</summary>
    public long Received => Interlocked.Read(ref _received);
    /// <summary>Requests the kernel dropped at our socket (receive buffer full), sampled every 1024 batches.</summary>
    public long KernelDrops => Interlocked.Read(ref _drops);
    /// <summary>Frames ignored (responses, foreign addresses, too short).</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Replaces the set of exports served on this interface (atomic for the receiver).</summary>
    public void SetExports(IReadOnlyList<ExportWorker> workers)
    {
        // Taking the gate waits for the batch in progress: afterwards no frame reaches a removed worker.
        lock (_dispatchGate)
        {
            _byAddress = workers.ToDictionary(w => Key(w.Spec.Shelf, w.Spec.Slot));
            _all = [.. workers];
        }
    }

    private readonly object _dispatchGate = new();

    private static int Key(ushort shelf, byte slot) => (shelf << 8) | slot;

    private void Run()
    {
        var slots = new PacketBuffer[Batch];
        for (var i = 0; i < Batch; i++) slots[i] = Pool.Rent();
        var answers = new List<PacketBuffer>(Batch);
        var spans = new int[Batch];
        long batches = 0;
        while (!_stopping)
        {
            int n;
            try { n = Socket.Receive(slots, Batch); }
            catch (IOException e)
            {
                if (_stopping) break;
                _log.LogError("receive on {Interface}: {Error}", Interface.Name, e.Message);
                Thread.Sleep(100);
                continue;
            }
            Interlocked.Add(ref _received, n);
            if ((++batches & 1023) == 0) Interlocked.Add(ref _drops, Socket.TakeDrops());
            ReadRuns.Compute(slots, n, spans);
            lock (_dispatchGate)
            {
                for (var i = 0; i < n; i++)
                    if (Dispatch(slots[i], spans[i], answers)) slots[i] = Pool.Rent();
                foreach (var w in _all) w.Handler.EndBatch();
            }
            if (answers.Count == 0) continue;
            Socket.Send(answers);
            foreach (var b in answers) Pool.Return(b);
            answers.Clear();
        }
    }

    /// <summary>Routes one frame; true when a worker or <paramref name="answers"/> took the buffer.</summary>
    private bool Dispatch(PacketBuffer b, int span, List<PacketBuffer> answers)
    {
        var f = b.Frame;
        if (f.Length < Wire.HeaderLength || Frame.IsResponse(f)) { Interlocked.Increment(ref _ignored); return false; }
        var dst = Frame.Destination(f);
        if (dst != Interface.Mac && !dst.IsBroadcast) { Interlocked.Increment(ref _ignored); return false; }
        var shelf = Frame.Shelf(f);
        var slot = Frame.Slot(f);
        var cmd = Frame.Command(f);
        if (shelf != Wire.AllShelves && slot != Wire.AllSlots)
        {
            if (_byAddress.TryGetValue(Key(shelf, slot), out var w) && w.Handler.Addressed(shelf, slot, cmd))
            {
                var now = w.TryServeNow(b, span);
                if (now == 0) return false;
                if (now < 0)
                {
                    w.Handler.EndBatch();   // the worker may write: read-ahead of this batch is no longer trustworthy
                    return w.Enqueue(b);
                }
                b.Length = now;
                answers.Add(b);
                return true;
            }
            Interlocked.Increment(ref _ignored);
            return false;
        }
        foreach (var w in _all)
        {
            if (!w.Handler.Addressed(shelf, slot, cmd)) continue;
            var copy = Pool.Rent();
            f.CopyTo(copy.Data);
            copy.Length = b.Length;
            if (!w.Enqueue(copy)) Pool.Return(copy);
        }
        return false;
    }

    /// <summary>Stops the receive thread (within the socket's receive timeout); workers may still send.</summary>
    public void StopReceiving()
    {
        _stopping = true;
        _thread.Join();
    }

    /// <summary>Stops the receiver and closes the socket (stop the workers first).</summary>
    public void Dispose()
    {
        StopReceiving();
        Socket.Dispose();
    }
}
