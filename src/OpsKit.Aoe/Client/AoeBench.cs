// Windowed sequential READ/WRITE EXT against one or more targets at once, with retransmission on timeout.
using System.Diagnostics;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Client;

/// <summary>Runs a bench over an <see cref="AoeClient"/>.</summary>
public sealed class AoeBench(AoeClient client)
{
    private sealed class Stream(AoeTargetInfo t, int sectors, ulong start, long frames, int window)
    {
        public AoeTargetInfo T { get; } = t;
        public int Sectors { get; } = sectors;
        public ulong Start { get; } = start;
        public long Frames { get; } = frames;
        public int Window { get; } = window;
        public long Next;
        public int Inflight;
    }

    private readonly record struct Pending(Stream S, long Index, long SentAt);

    private const int MaxBurst = 256;   // frames per sendmmsg: bursts beyond the receiver's backlog are dropped on veth

    /// <summary>Smallest retransmission timeout (the timeout adapts to 8 × the smoothed round-trip time).</summary>
    public TimeSpan Rto { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Moves <paramref name="bytesPerTarget"/> bytes per target starting at <paramref name="startLba"/>;
    /// window 0 means each target's advertised Buffer Count.
    /// </summary>
    public BenchResult Run(IReadOnlyList<AoeTargetInfo> targets, BenchMode mode, long bytesPerTarget, ulong startLba, int window,
        IReadOnlyList<int>? serverPids = null)
    {
        var streams = targets.Select(t =>
        {
            var sectors = t.Payload / Wire.Sector;
            var avail = t.SizeBytes / Wire.Sector > startLba ? (long)(t.SizeBytes / Wire.Sector - startLba) : 0;
            var frames = Math.Min(bytesPerTarget / t.Payload, avail / sectors);
            return new Stream(t, sectors, startLba, frames, window > 0 ? window : Math.Max(1, t.Buffers));
        }).ToList();
        var pending = new Dictionary<uint, Pending>();
        var send = new List<PacketBuffer>();
        long frames = 0, retrans = 0, errors = 0, bad = 0, bytes = 0, late = 0;
        var retired = new Dictionary<uint, uint>();
        long srtt = 0;
        var total = streams.Sum(s => s.Frames);
        var serverBefore = CpuTicks(serverPids);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        client.Socket.TakeDrops();
        var sw = Stopwatch.StartNew();
        var lastScan = 0L;
        var minRto = (long)(Rto.TotalSeconds * Stopwatch.Frequency);
        var rto = minRto;
        while (frames < total)
        {
            foreach (var s in streams)
                while (s.Inflight < s.Window && s.Next < s.Frames && send.Count < MaxBurst)
                {
                    send.Add(Build(s, s.Next, mode, pending));
                    s.Next++;
                    s.Inflight++;
                }
            Flush(send);
            var n = client.Socket.Receive(client.RxSlots, client.RxSlots.Length);
            for (var i = 0; i < n; i++)
            {
                var f = client.RxSlots[i].Frame;
                if (f.Length < Wire.AtaDataOffset || !Frame.IsResponse(f) || Frame.Destination(f) != client.Nic.Mac) continue;
                // A late answer to a request already sent again completes it: the newer tag is forgotten instead.
                if (!pending.Remove(Frame.Tag(f), out var p))
                {
                    if (!retired.Remove(Frame.Tag(f), out var newer) || !pending.Remove(newer, out p)) continue;
                    late++;
                }
                else srtt += ((Stopwatch.GetTimestamp() - p.SentAt) - srtt) / 8;
                frames++;
                p.S.Inflight--;
                bytes += p.S.Sectors * Wire.Sector;
                if (Frame.IsError(f) || (f[27] & 0xA9) != 0) { errors++; continue; }
                if (mode == BenchMode.Verify)
                {
                    var lba = p.S.Start + (ulong)(p.Index * p.S.Sectors);
                    bad += f.Length < Wire.AtaDataOffset + p.S.Sectors * 512 ? p.S.Sectors
                        : CheckPattern.CountBad(f[Wire.AtaDataOffset..], lba, p.S.Sectors);
                }
            }
            var now = Stopwatch.GetTimestamp();
            if (now - lastScan > rto / 4)
            {
                lastScan = now;
                rto = Math.Max(minRto, 8 * srtt);   // adaptive: a loaded host answers late rather than never
                foreach (var (tag, p) in pending.Where(kv => now - kv.Value.SentAt > rto).ToList())
                {
                    pending.Remove(tag);
                    var again = Build(p.S, p.Index, mode, pending);
                    retired[tag] = Frame.Tag(again.Frame);
                    send.Add(again);
                    retrans++;
                }
                Flush(send);
            }
        }
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds;
        var result = new BenchResult(mode, streams.Count, bytes, sw.Elapsed.TotalSeconds, frames, retrans, errors, bad,
            streams.Count > 0 ? streams[0].Window : 0, streams.Count > 0 ? streams[0].T.Payload : 0)
        {
            ClientCpuUsPerFrame = frames > 0 ? cpu / frames : 0,
            ClientDrops = client.Socket.TakeDrops(),
            LateAnswers = late,
            ServerCpuUsPerFrame = serverPids is { Count: > 0 } && frames > 0
                ? (CpuTicks(serverPids) - serverBefore) * 1e6 / TicksPerSecond / frames : null,
        };
        return result;
    }

    private PacketBuffer Build(Stream s, long index, BenchMode mode, Dictionary<uint, Pending> pending)
    {
        var b = client.Pool.Rent();
        var tag = client.NextTag();
        var lba = s.Start + (ulong)(index * s.Sectors);
        var write = mode == BenchMode.Write;
        Frame.WriteHeader(b.Data, s.T.Mac, client.Nic.Mac, 0, AoeError.None, s.T.Shelf, s.T.Slot, (byte)AoeCommand.Ata, tag);
        Frame.WriteAta(b.Data, (byte)(Ata.FlagExtended | (write ? Ata.FlagWrite : 0)), 0, (byte)s.Sectors, write ? Ata.WriteExt : Ata.ReadExt, lba);
        var len = Wire.AtaDataOffset;
        if (write)
        {
            CheckPattern.Fill(b.Data.AsSpan(Wire.AtaDataOffset), lba, s.Sectors);
            len += s.Sectors * Wire.Sector;
        }
        b.Length = Frame.Pad(b.Data, len);
        pending[tag] = new Pending(s, index, Stopwatch.GetTimestamp());
        return b;
    }

    private void Flush(List<PacketBuffer> send)
    {
        if (send.Count == 0) return;
        client.Socket.Send(send);
        foreach (var b in send) client.Pool.Return(b);
        send.Clear();
    }

    private const double TicksPerSecond = 100;   // USER_HZ

    private static long CpuTicks(IReadOnlyList<int>? pids)
    {
        if (pids is null) return 0;
        long sum = 0;
        foreach (var pid in pids)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                sum += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                     + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        return sum;
    }
}
