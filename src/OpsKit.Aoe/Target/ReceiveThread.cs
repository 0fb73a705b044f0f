// One receive thread of an interface: its own receive/transmit rings and send socket, answering in batches.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>
/// Reads its ring in batches of up to 64 frames, answers cached READs and non-blocking WRITEs on the spot and queues
/// the rest to the export's worker. While it works on a batch it holds the lock of every export it touched, so the
/// export's worker (or a broadcast taken by another thread) never runs that export's handler at the same time.
/// </summary>
public sealed class ReceiveThread : IDisposable
{
    private const int Batch = 64;
    private readonly InterfacePort _port;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private readonly List<ExportWorker> _held = new(Batch);
    private volatile bool _stopping;
    // Written by this thread only; readers take a torn-free 64-bit read.
    private long _received, _answered, _queued, _ignored, _drops, _batches;

    internal ReceiveThread(InterfacePort port, int index, int rxFrames, ILogger log)
    {
        _port = port;
        _log = log;
        Index = index;
        var nic = port.Interface;
        Ring = new PacketRing(nic, rxFrames, nic.Mtu <= 1500 ? 4096 : 2048);
        try { Socket = new PacketSocket(nic, 0, receive: false); }
        catch
        {
            Ring.Dispose();
            throw;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"aoe rx{index} {nic.Name}" };
    }

    /// <summary>Position in the interface's fanout group (0 when it is the only thread).</summary>
    public int Index { get; }
    /// <summary>The receive/transmit rings (owned by this thread).</summary>
    public PacketRing Ring { get; }
    /// <summary>This thread's send socket (answers that do not fit the transmit ring, mapped reads).</summary>
    public PacketSocket Socket { get; }
    /// <summary>Frames received.</summary>
    public long Received => Volatile.Read(ref _received);
    /// <summary>Requests answered by this thread on the spot (cached reads, non-blocking writes).</summary>
    public long Answered => Volatile.Read(ref _answered);
    /// <summary>Requests handed to export workers.</summary>
    public long Queued => Volatile.Read(ref _queued);
    /// <summary>Frames ignored (responses, foreign addresses, too short, unknown shelf.slot).</summary>
    public long Ignored => Volatile.Read(ref _ignored);
    /// <summary>Requests the kernel dropped because this thread's ring was full (sampled every 1024 batches and when idle).</summary>
    public long KernelDrops => Volatile.Read(ref _drops);
    /// <summary>Batches taken from the ring.</summary>
    public long Batches => Volatile.Read(ref _batches);

    internal object DispatchGate { get; } = new();

    internal void Start() => _thread.Start();

    private unsafe void Run()
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
                if (!Ring.WaitReceive(200))
                {
                    _drops += Ring.TakeDrops();
                    continue;
                }
            }
            catch (IOException e)
            {
                if (_stopping) break;
                _log.LogError("receive on {Interface}: {Error}", _port.Interface.Name, e.Message);
                Thread.Sleep(100);
                continue;
            }
            var n = 0;
            while (n < Batch && Ring.TryReceive(out frames[n])) n++;
            _received += n;
            _batches++;
            if ((++batches & 1023) == 0) _drops += Ring.TakeDrops();
            ReadRuns.Compute(frames.AsSpan(0, n), spans);
            var g = 0;
            lock (DispatchGate)
            {
                try
                {
                    for (var i = 0; i < n; i++) Dispatch(frames[i], spans[i], answers, gathered, ref g);
                }
                finally { ReleaseHeld(); }
            }
            if (g > 0) Socket.Send(gathered.AsSpan(0, g));   // before the release: their headers live in the ring
            Ring.ReleaseReceived();
            Ring.Flush();
            if (answers.Count == 0) continue;
            Socket.Send(answers);
            foreach (var b in answers) _port.Pool.Return(b);
            answers.Clear();
        }
    }

    // Takes the export's handler for the rest of the batch (once per export and batch).
    private void Hold(ExportWorker w)
    {
        if (w.Holder == this) return;
        Monitor.Enter(w.HandlerGate);
        w.Holder = this;
        _held.Add(w);
    }

    private void ReleaseHeld()
    {
        foreach (var w in _held)
        {
            w.Handler.EndBatch();
            w.Holder = null;
            Monitor.Exit(w.HandlerGate);
        }
        _held.Clear();
    }

    /// <summary>Routes one frame: answered now, queued to its worker, queued to every export (broadcast) or ignored.</summary>
    private unsafe void Dispatch(RawFrame raw, int span, List<PacketBuffer> answers, GatherFrame[] gathered, ref int g)
    {
        var f = raw.Frame;
        if (f.Length < Wire.HeaderLength || Frame.IsResponse(f)) { _ignored++; return; }
        var dst = Frame.Destination(f);
        if (dst != _port.Interface.Mac && !dst.IsBroadcast) { _ignored++; return; }
        var shelf = Frame.Shelf(f);
        var slot = Frame.Slot(f);
        var cmd = Frame.Command(f);
        if (shelf != Wire.AllShelves && slot != Wire.AllSlots)
        {
            if (_port.ByAddress.TryGetValue(InterfacePort.Key(shelf, slot), out var w) && w.Handler.Addressed(shelf, slot, cmd))
            {
                if (!w.Permits(f)) return;
                if (!w.Busy)
                {
                    // Not while the worker has requests: it may be waiting for a disk with the lock, and this
                    // thread must not wait with it (the frame queues behind the others instead).
                    Hold(w);
                    // A read of cached sectors: the answer's header is the request's slot, its data the page cache.
                    var head = w.Handler.TryAnswerMapped(raw.Slot, raw.Length, span, out var data, out var length);
                    if (head > 0)
                    {
                        gathered[g++] = new GatherFrame(raw.Pointer, head, (byte*)data, length);
                        _answered++;
                        return;
                    }
                    if (TryAnswer(w, raw, span, answers)) return;
                }
                if (w.Holder == this) w.Handler.EndBatch();   // the worker may write: this batch's read-ahead is stale
                Queue(w, f);
                return;
            }
            _ignored++;
            return;
        }
        // Wildcard Query Config: every export's worker answers (queued only: the handlers may belong to other threads).
        foreach (var w in _port.All)
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
            if (now > 0) { b.Length = now; answers.Add(b); _answered++; return true; }
            _port.Pool.Return(b);
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
        if (n > 0) { Ring.CommitSend(n); _answered++; }
        return n >= 0;
    }

    private void Queue(ExportWorker w, ReadOnlySpan<byte> f)
    {
        var b = Copy(f);
        if (w.Enqueue(b)) _queued++;
        else _port.Pool.Return(b);
    }

    private PacketBuffer Copy(ReadOnlySpan<byte> f)
    {
        var b = _port.Pool.Rent();
        f.CopyTo(b.Data);
        b.Length = f.Length;
        return b;
    }

    internal void Stop()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
    }

    /// <summary>Stops the thread and closes its rings and socket.</summary>
    public void Dispose()
    {
        Stop();
        Ring.Dispose();
        Socket.Dispose();
    }
}
