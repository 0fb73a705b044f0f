// One interface: one ring socket, one receive thread, shelf.slot demultiplexed to the export workers.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>
/// Takes every AoE frame of an interface from the receive ring in batches. A READ or WRITE the page cache can serve
/// is answered on the spot, built straight into the transmit ring; everything else goes to its export's worker.
/// </summary>
public sealed class InterfacePort : IDisposable
{
    private const int Batch = 64;
    private readonly Thread _thread;
    private readonly ILogger _log;
    private readonly object _dispatchGate = new();
    private volatile Dictionary<int, ExportWorker> _byAddress = [];
    private volatile ExportWorker[] _all = [];
    private volatile bool _stopping;
    private long _received, _ignored, _drops;

    /// <summary>Opens the ring socket (room for <paramref name="rxFrames"/> requests) and starts receiving.</summary>
    public InterfacePort(NetInterface nic, int rxFrames, ILogger log)
    {
        Interface = nic;
        _log = log;
        Pool = new BufferPool(Math.Max(nic.Mtu, 1500) + 14 + 64);
        Ring = new PacketRing(nic, rxFrames, nic.Mtu <= 1500 ? 4096 : 2048);
        try { Socket = new PacketSocket(nic, 0, receive: false); }
        catch
        {
            Ring.Dispose();
            throw;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"aoe rx {nic.Name}" };
        _thread.Start();
    }

    /// <summary>The interface.</summary>
    public NetInterface Interface { get; }
    /// <summary>The receive/transmit rings (owned by the receive thread).</summary>
    public PacketRing Ring { get; }
    /// <summary>A send-only socket for the workers (and for answers when the transmit ring is full).</summary>
    public PacketSocket Socket { get; }
    /// <summary>Frame buffers of this interface's size.</summary>
    public BufferPool Pool { get; }
    /// <summary>Frames received.</summary>
    public long Received => Interlocked.Read(ref _received);
    /// <summary>Requests the kernel dropped because the receive ring was full, sampled every 1024 batches.</summary>
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

    private static int Key(ushort shelf, byte slot) => (shelf << 8) | slot;

    private void Run()
    {
        var frames = new RawFrame[Batch];
        var spans = new int[Batch];
        var answers = new List<PacketBuffer>(Batch);
        var gathered = new GatherFrame[Batch];
        long batches = 0;
        while (!_stopping)
        {
            try
            {
                if (!Ring.WaitReceive(200)) continue;
            }
            catch (IOException e)
            {
                if (_stopping) break;
                _log.LogError("receive on {Interface}: {Error}", Interface.Name, e.Message);
                Thread.Sleep(100);
                continue;
            }
            var n = 0;
            while (n < Batch && Ring.TryReceive(out frames[n])) n++;
            Interlocked.Add(ref _received, n);
            if ((++batches & 1023) == 0) Interlocked.Add(ref _drops, Ring.TakeDrops());
            ReadRuns.Compute(frames.AsSpan(0, n), spans);
            var g = 0;
            lock (_dispatchGate)
            {
                for (var i = 0; i < n; i++) Dispatch(frames[i], spans[i], answers, gathered, ref g);
                foreach (var w in _all) w.Handler.EndBatch();
            }
            if (g > 0) Socket.Send(gathered.AsSpan(0, g));   // before the release: their headers live in the ring
            Ring.ReleaseReceived();
            Ring.Flush();
            if (answers.Count == 0) continue;
            Socket.Send(answers);
            foreach (var b in answers) Pool.Return(b);
            answers.Clear();
        }
    }

    /// <summary>Routes one frame: answered now, queued to its worker, copied to every export (broadcast) or ignored.</summary>
    private unsafe void Dispatch(RawFrame raw, int span, List<PacketBuffer> answers, GatherFrame[] gathered, ref int g)
    {
        var f = raw.Frame;
        if (f.Length < Wire.HeaderLength || Frame.IsResponse(f)) { Interlocked.Increment(ref _ignored); return; }
        var dst = Frame.Destination(f);
        if (dst != Interface.Mac && !dst.IsBroadcast) { Interlocked.Increment(ref _ignored); return; }
        var shelf = Frame.Shelf(f);
        var slot = Frame.Slot(f);
        var cmd = Frame.Command(f);
        if (shelf != Wire.AllShelves && slot != Wire.AllSlots)
        {
            if (_byAddress.TryGetValue(Key(shelf, slot), out var w) && w.Handler.Addressed(shelf, slot, cmd))
            {
                if (!w.Permits(f)) return;
                if (!w.Busy)
                {
                    // A read of cached sectors: the answer's header is the request's slot, its data the page cache.
                    var head = w.Handler.TryAnswerMapped(raw.Slot, raw.Length, span, out var data, out var length);
                    if (head > 0) { gathered[g++] = new GatherFrame(raw.Pointer, head, (byte*)data, length); return; }
                    if (TryAnswer(w, raw, span, answers)) return;
                }
                Queue(w, f);
                return;
            }
            Interlocked.Increment(ref _ignored);
            return;
        }
        foreach (var w in _all)
            if (w.Handler.Addressed(shelf, slot, cmd) && w.Permits(f)) Queue(w, f);
    }

    /// <summary>
    /// Answers a READ/WRITE whose I/O cannot block. A read is answered in a transmit slot (the file data lands there
    /// directly); a write is done from the receive slot and only its short answer is copied. False: the worker must.
    /// </summary>
    private bool TryAnswer(ExportWorker w, RawFrame raw, int span, List<PacketBuffer> answers)
    {
        var f = raw.Frame;
        var tx = Ring.ClaimSend();
        if (tx.IsEmpty)   // transmit ring full: answer in a pool buffer, sent by copy
        {
            var b = Copy(f);
            var now = w.Handler.TryHandleNow(b.Data, b.Length, span);
            if (now > 0) { b.Length = now; answers.Add(b); return true; }
            Pool.Return(b);
            return now == 0;
        }
        int n;
        if (f.Length > Wire.OffAtaCommand && f[Wire.OffAtaCommand] is Ata.Write or Ata.WriteExt)
        {
            n = w.Handler.TryHandleNow(raw.Slot, raw.Length, span);
            if (n > 0) raw.Slot[..n].CopyTo(tx);
        }
        else
        {
            f.CopyTo(tx);
            n = w.Handler.TryHandleNow(tx, f.Length, span);
        }
        if (n > 0) Ring.CommitSend(n);
        return n >= 0;
    }

    private void Queue(ExportWorker w, ReadOnlySpan<byte> f)
    {
        w.Handler.EndBatch();   // the worker may write: read-ahead of this batch is no longer trustworthy
        var b = Copy(f);
        if (!w.Enqueue(b)) Pool.Return(b);
    }

    private PacketBuffer Copy(ReadOnlySpan<byte> f)
    {
        var b = Pool.Rent();
        f.CopyTo(b.Data);
        b.Length = f.Length;
        return b;
    }

    /// <summary>Stops the receive thread (within 200 ms); workers may still send.</summary>
    public void StopReceiving()
    {
        _stopping = true;
        _thread.Join();
    }

    /// <summary>Stops the receiver and closes the sockets (stop the workers first).</summary>
    public void Dispose()
    {
        StopReceiving();
        Ring.Dispose();
        Socket.Dispose();
    }
}
