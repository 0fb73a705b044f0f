// One export's protocol engine: turns a request frame in place into its response (or drops it).
using System.Buffers.Binary;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>Answers AoE requests for one export. Not thread-safe: one worker owns it.</summary>
public sealed partial class RequestHandler
{
    private readonly IBlockStore _store;
    private readonly ExportState _state;
    private readonly ExportIdentity _id;
    private readonly HashSet<MacAddress> _clients = [];

    /// <summary>Creates the handler.</summary>
    public RequestHandler(IBlockStore store, ExportState state, ExportIdentity identity)
    {
        _store = store;
        _state = state;
        _id = identity;
        Buffers = identity.Buffers;
    }

    /// <summary>Buffer Count advertised now (the target lowers it when many exports share an interface).</summary>
    public int Buffers { get; set; }

    /// <summary>The identity.</summary>
    public ExportIdentity Identity => _id;
    /// <summary>The persistent state.</summary>
    public ExportState State => _state;
    /// <summary>Requests answered.</summary>
    public long Answered { get; private set; }
    /// <summary>Answers carrying an AoE or ATA error.</summary>
    public long Errors { get; private set; }
    /// <summary>Requests dropped (masked, test mismatch, malformed).</summary>
    public long Dropped { get; private set; }
    /// <summary>Size of the export in sectors.</summary>
    public ulong Sectors => _store.Sectors;
    /// <summary>Distinct client MACs seen.</summary>
    public int ClientsSeen => _clients.Count;

    /// <summary>True when a frame addressed to (shelf, slot) with this command is ours to consider.</summary>
    public bool Addressed(ushort shelf, byte slot, byte command)
    {
        if (shelf == _id.Shelf && slot == _id.Slot) return true;
        return command == (byte)AoeCommand.Config
            && (shelf == _id.Shelf || shelf == Wire.AllShelves) && (slot == _id.Slot || slot == Wire.AllSlots);
    }

    /// <summary>
    /// Handles the request in <paramref name="frame"/>[..<paramref name="length"/>] and writes the response over it.
    /// The frame must be large enough for the biggest answer (36 + MaxSectors*512, and 1056).
    /// Returns the padded response length, or 0 to send nothing.
    /// </summary>
    public int Handle(Span<byte> frame, int length)
    {
        if (length < Wire.HeaderLength || Frame.IsResponse(frame)) { Dropped++; return 0; }
        var src = Frame.Source(frame);
        if (_state.Mask.Count > 0 && !_state.Mask.Contains(src)) { Dropped++; return 0; }
        if (_clients.Count < 4096) _clients.Add(src);
        var n = Frame.Version(frame) != Wire.Version ? Fail(frame, length, AoeError.UnsupportedVersion) : (AoeCommand)Frame.Command(frame) switch
        {
            AoeCommand.Ata => HandleAta(frame, length, src),
            AoeCommand.Config => HandleConfig(frame, length),
            AoeCommand.MacMask => HandleMask(frame, length),
            AoeCommand.Reserve => HandleReserve(frame, length, src),
            _ => Fail(frame, length, AoeError.BadCommand),
        };
        if (n == 0) { Dropped++; return 0; }
        Answered++;
        if (Frame.IsError(frame)) Errors++;
        return Frame.Pad(frame, n);
    }

    /// <summary>Writes the unsolicited Query Config announcement (broadcast, tag 0) into <paramref name="frame"/>.</summary>
    public int Announce(Span<byte> frame)
    {
        Frame.WriteHeader(frame, MacAddress.Broadcast, _id.Mac, Wire.FlagResponse, AoeError.None, _id.Shelf, _id.Slot, (byte)AoeCommand.Config, 0);
        var n = Frame.WriteConfig(frame, (ushort)Buffers, ExportIdentity.Firmware, (byte)_id.MaxSectors, ConfigCommand.Read, _state.ConfigString);
        return Frame.Pad(frame, n);
    }

    private int Fail(Span<byte> frame, int length, AoeError error)
    {
        Frame.MakeResponse(frame, _id.Mac, _id.Shelf, _id.Slot, error);
        return Math.Min(length, frame.Length);
    }

    private int HandleConfig(Span<byte> frame, int length)
    {
        if (length < Wire.ConfigStringOffset) return Fail(frame, length, AoeError.BadArgument);
        var ccmd = (ConfigCommand)(frame[29] & 0x0F);
        int len = BinaryPrimitives.ReadUInt16BigEndian(frame[30..]);
        if (ccmd != ConfigCommand.Read && (len > Wire.MaxConfigString || Wire.ConfigStringOffset + len > length))
            return Fail(frame, length, AoeError.BadArgument);
        var text = ccmd == ConfigCommand.Read ? [] : frame.Slice(Wire.ConfigStringOffset, len);
        var ours = _state.ConfigString;
        switch (ccmd)
        {
            case ConfigCommand.Read: break;
            case ConfigCommand.Test: if (!text.SequenceEqual(ours)) return 0; break;
            case ConfigCommand.TestPrefix: if (!ours.AsSpan().StartsWith(text)) return 0; break;
            case ConfigCommand.Set:
                if (ours.Length > 0 && !text.SequenceEqual(ours)) return ConfigAnswer(frame, ccmd, AoeError.ConfigPresent);
                SetConfig(text);
                break;
            case ConfigCommand.ForceSet: SetConfig(text); break;
            default: return Fail(frame, length, AoeError.BadArgument);
        }
        return ConfigAnswer(frame, ccmd, AoeError.None);
    }

    private void SetConfig(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual(_state.ConfigString)) return;
        _state.ConfigString = text.ToArray();
        _state.Save();
    }

    private int ConfigAnswer(Span<byte> frame, ConfigCommand ccmd, AoeError error)
    {
        Frame.MakeResponse(frame, _id.Mac, _id.Shelf, _id.Slot, error);
        return Frame.WriteConfig(frame, (ushort)Buffers, ExportIdentity.Firmware, (byte)_id.MaxSectors, ccmd, _state.ConfigString);
    }
}
