// One interface: one or more receive threads (a PACKET_FANOUT group of ring sockets), shelf.slot demultiplexed to the
// export workers.
using Microsoft.Extensions.Logging;
using OpsKit.Aoe.Net;

namespace OpsKit.Aoe.Target;

/// <summary>
/// Takes every AoE frame of an interface from receive rings in batches. With more than one thread the rings form a
/// fanout group keyed on shelf + slot: all frames of one export reach the same thread, in order. A READ or WRITE the
/// page cache can serve is answered on the spot; everything else goes to its export's worker.
/// </summary>
public sealed class InterfacePort : IDisposable
{
    private readonly ReceiveThread[] _threads;

    /// <summary>
    /// Opens <paramref name="threads"/> ring sockets (each with room for <paramref name="rxFrames"/> requests: which
    /// exports land on a thread depends on their addresses) and starts receiving.
    /// </summary>
    public InterfacePort(NetInterface nic, int rxFrames, int threads, ILogger log)
    {
        Interface = nic;
        Pool = new BufferPool(Math.Max(nic.Mtu, 1500) + 14 + 64);
        Socket = new PacketSocket(nic, 0, receive: false);
        var list = new List<ReceiveThread>();
        try
        {
            ushort group = 0;
            for (var i = 0; i < Math.Max(1, threads); i++)
            {
                var t = new ReceiveThread(this, i, rxFrames, log);
                list.Add(t);
                if (threads > 1) group = t.Ring.JoinFanout(group);
            }
        }
        catch
        {
            foreach (var t in list) t.Dispose();
            Socket.Dispose();
            throw;
        }
        _threads = [.. list];
        foreach (var t in _threads) t.Start();
    }

    /// <summary>The interface.</summary>
    public NetInterface Interface { get; }
    /// <summary>The receive threads, each with its own rings and send socket.</summary>
    public IReadOnlyList<ReceiveThread> Threads => _threads;
    /// <summary>Frames one receive ring holds (every thread's ring is this size).</summary>
    public int ReceiveCapacity => _threads[0].Ring.ReceiveCapacity;
    /// <summary>A send-only socket for the workers.</summary>
    public PacketSocket Socket { get; }
    /// <summary>Frame buffers of this interface's size.</summary>
    public BufferPool Pool { get; }
    /// <summary>Frames received by all threads.</summary>
    public long Received => _threads.Sum(t => t.Received);
    /// <summary>Requests the kernel dropped because a receive ring was full.</summary>
    public long KernelDrops => _threads.Sum(t => t.KernelDrops);
    /// <summary>Frames ignored (responses, foreign addresses, too short).</summary>
    public long Ignored => _threads.Sum(t => t.Ignored);

    // The served exports, swapped whole; each receive thread holds its gate for a batch.
    internal volatile Dictionary<int, ExportWorker> ByAddress = [];
    internal volatile ExportWorker[] All = [];

    /// <summary>Replaces the set of exports served on this interface (atomic for the receivers).</summary>
    public void SetExports(IReadOnlyList<ExportWorker> workers)
    {
        // Taking every thread's gate waits for the batches in progress: afterwards no frame reaches a removed worker.
        var taken = 0;
        try
        {
            foreach (var t in _threads) { Monitor.Enter(t.DispatchGate); taken++; }
            ByAddress = workers.ToDictionary(w => Key(w.Spec.Shelf, w.Spec.Slot));
            All = [.. workers];
        }
        finally
        {
            for (var i = 0; i < taken; i++) Monitor.Exit(_threads[i].DispatchGate);
        }
    }

    internal static int Key(ushort shelf, byte slot) => (shelf << 8) | slot;

    /// <summary>Stops the receive threads (within 200 ms); workers may still send.</summary>
    public void StopReceiving()
    {
        foreach (var t in _threads) t.Stop();
    }

    /// <summary>Stops the receivers and closes the sockets (stop the workers first).</summary>
    public void Dispose()
    {
        StopReceiving();
        foreach (var t in _threads) t.Dispose();
        Socket.Dispose();
    }
}
