// A userspace AoE initiator: discovery by broadcast Query Config, IDENTIFY, single requests with retries.
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Client;

/// <summary>A target as discovery sees it.</summary>
/// <param name="Shelf">Major.</param>
/// <param name="Slot">Minor.</param>
/// <param name="Mac">Target MAC.</param>
/// <param name="Buffers">Advertised Buffer Count.</param>
/// <param name="Firmware">Query Config firmware version.</param>
/// <param name="MaxSectors">Advertised sectors per frame (0 read as 2).</param>
/// <param name="ConfigString">The config string.</param>
public sealed record AoeTargetInfo(ushort Shelf, byte Slot, MacAddress Mac, int Buffers, int Firmware, int MaxSectors, string ConfigString)
{
    /// <summary>shelf.slot.</summary>
    public string Address => $"{Shelf}.{Slot}";
    /// <summary>Size in bytes from IDENTIFY (0 when not asked).</summary>
    public ulong SizeBytes { get; init; }
    /// <summary>IDENTIFY model.</summary>
    public string Model { get; init; } = "";
    /// <summary>Bytes per frame this client will use: min(advertised, our MTU) sectors × 512.</summary>
    public int Payload { get; init; }
}

/// <summary>An AoE client bound to one interface.</summary>
public sealed class AoeClient : IDisposable
{
    private readonly PacketBuffer[] _rx;
    private uint _tag = (uint)Random.Shared.Next();

    /// <summary>Opens a raw socket on <paramref name="iface"/>.</summary>
    public AoeClient(string iface)
    {
        Nic = NetInterface.Get(iface);
        Socket = new PacketSocket(Nic, 128 << 20, timeoutMs: 5);
        Pool = new BufferPool(Math.Max(Nic.Mtu, 1500) + 14 + 64);
        _rx = [.. Enumerable.Range(0, 64).Select(_ => Pool.Rent())];
    }

    /// <summary>The interface.</summary>
    public NetInterface Nic { get; }
    internal PacketSocket Socket { get; }
    internal BufferPool Pool { get; }
    internal PacketBuffer[] RxSlots => _rx;

    /// <summary>Sectors per frame our MTU allows.</summary>
    public int LocalSectors => Wire.SectorsForMtu(Nic.Mtu);

    /// <summary>A fresh tag with bit 31 set (userland initiator convention).</summary>
    public uint NextTag() => 0x8000_0000u | (++_tag & 0x7FFF_FFFF);

    /// <summary>Broadcasts Query Config (read) and collects answers until <paramref name="timeout"/>; optionally IDENTIFYs each.</summary>
    public IReadOnlyList<AoeTargetInfo> Discover(TimeSpan timeout, ushort shelf = Wire.AllShelves, byte slot = Wire.AllSlots, bool identify = true)
    {
        var tag = NextTag();
        var b = Pool.Rent();
        Frame.WriteHeader(b.Data, MacAddress.Broadcast, Nic.Mac, 0, AoeError.None, shelf, slot, (byte)AoeCommand.Config, tag);
        b.Length = Frame.Pad(b.Data, Frame.WriteConfig(b.Data, 0, 0, 0, ConfigCommand.Read, []));
        Socket.Send(b);
        Pool.Return(b);
        var found = new Dictionary<(ushort, byte, MacAddress), AoeTargetInfo>();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < timeout)
        {
            foreach (var f in Responses(tag))
            {
                if (Frame.Command(f) != (byte)AoeCommand.Config || f.Length < Wire.ConfigStringOffset || Frame.IsError(f)) continue;
                var info = ParseConfig(f);
                found.TryAdd((info.Shelf, info.Slot, info.Mac), info);
            }
        }
        var list = found.Values.OrderBy(t => t.Shelf).ThenBy(t => t.Slot).ToList();
        return identify ? [.. list.Select(Identify)] : list;
    }

    /// <summary>Adds IDENTIFY facts (size, model) and the usable payload to a discovered target.</summary>
    public AoeTargetInfo Identify(AoeTargetInfo t)
    {
        var payload = Math.Min(LocalSectors, t.MaxSectors == 0 ? 2 : t.MaxSectors) * Wire.Sector;
        var answer = Request(t, f => { Frame.WriteAta(f, 0, 0, 1, Ata.Identify, 0); return Wire.AtaDataOffset; }, TimeSpan.FromSeconds(1));
        if (answer is null || answer.Length < Wire.AtaDataOffset + 512) return t with { Payload = payload };
        var data = answer.AsSpan(Wire.AtaDataOffset, 512);
        return t with
        {
            SizeBytes = Protocol.Identify.Capacity(data) * Wire.Sector,
            Model = Protocol.Identify.ReadString(data, Protocol.Identify.ModelWord, 40),
            Payload = payload,
        };
    }

    /// <summary>Sends one request built by <paramref name="build"/> (returns the length after the header) and waits for its answer; 3 tries.</summary>
    public byte[]? Request(AoeTargetInfo t, Func<byte[], int> build, TimeSpan timeout, AoeCommand command = AoeCommand.Ata)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var tag = NextTag();
            var b = Pool.Rent();
            Frame.WriteHeader(b.Data, t.Mac, Nic.Mac, 0, AoeError.None, t.Shelf, t.Slot, (byte)command, tag);
            b.Length = Frame.Pad(b.Data, build(b.Data));
            Socket.Send(b);
            Pool.Return(b);
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < timeout)
                foreach (var f in Responses(tag))
                    return f;
        }
        return null;
    }

    /// <summary>Receives one batch and returns copies of the responses carrying <paramref name="tag"/>.</summary>
    private List<byte[]> Responses(uint tag)
    {
        var list = new List<byte[]>();
        var n = Socket.Receive(_rx, _rx.Length);
        for (var i = 0; i < n; i++)
        {
            var f = _rx[i].Frame;
            if (f.Length >= Wire.HeaderLength && Frame.IsResponse(f) && Frame.Tag(f) == tag && Frame.Destination(f) == Nic.Mac)
                list.Add(f.ToArray());
        }
        return list;
    }

    private static AoeTargetInfo ParseConfig(ReadOnlySpan<byte> f)
    {
        int len = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(f[30..]), Math.Max(0, f.Length - Wire.ConfigStringOffset));
        var text = Encoding.Latin1.GetString(f.Slice(Wire.ConfigStringOffset, len));
        return new AoeTargetInfo(Frame.Shelf(f), Frame.Slot(f), Frame.Source(f),
            BinaryPrimitives.ReadUInt16BigEndian(f[24..]), BinaryPrimitives.ReadUInt16BigEndian(f[26..]), f[28], text);
    }

    /// <inheritdoc />
    public void Dispose() => Socket.Dispose();
}
