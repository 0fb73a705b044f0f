// Mac Mask List (command 2) and Reserve/Release (command 3); both lists persist with the export state.
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

public sealed partial class RequestHandler
{
    private int HandleMask(Span<byte> frame, int length)
    {
        if (length < 28) return Fail(frame, length, AoeError.BadArgument);
        var mcmd = frame[25];
        int dirs = frame[27];
        if (mcmd > 1 || length < 28 + 8 * dirs) return Fail(frame, length, AoeError.BadArgument);
        byte merror = 0;
        var failedAt = 0;
        if (mcmd == 1)
        {
            var list = new List<MacAddress>(_state.Mask);
            for (var i = 0; i < dirs && merror == 0; i++)
            {
                var d = frame.Slice(28 + 8 * i, 8);
                var mac = MacAddress.Read(d[2..]);
                switch (d[1])
                {
                    case 0: break;
                    case 1 when list.Contains(mac): break;
                    case 1 when list.Count >= ExportState.MaxMask: merror = 3; failedAt = i; break;
                    case 1: list.Add(mac); break;
                    case 2: list.Remove(mac); break;
                    default: merror = 2; failedAt = i; break;
                }
            }
            if (!list.SequenceEqual(_state.Mask))
            {
                _state.Mask.Clear();
                _state.Mask.AddRange(list);
                _state.Save();
            }
        }
        Frame.MakeResponse(frame, _id.Mac, _id.Shelf, _id.Slot);
        frame[24] = 0;
        frame[26] = merror;
        if (merror != 0) { frame[27] = (byte)failedAt; return 28; }
        frame[27] = (byte)_state.Mask.Count;
        for (var i = 0; i < _state.Mask.Count; i++)
        {
            var d = frame.Slice(28 + 8 * i, 8);
            d[0] = 0;
            d[1] = 0;
            _state.Mask[i].Write(d[2..]);
        }
        return 28 + 8 * _state.Mask.Count;
    }

    private int HandleReserve(Span<byte> frame, int length, MacAddress src)
    {
        if (length < 26) return Fail(frame, length, AoeError.BadArgument);
        var rcmd = frame[24];
        int nmacs = frame[25];
        var max = Math.Min(ExportState.MaxReserve, (frame.Length - 26) / 6);
        if (rcmd > 2 || length < 26 + 6 * nmacs || nmacs > max) return Fail(frame, length, AoeError.BadArgument);
        if (rcmd == 1 && _state.Reserve.Count > 0 && !_state.Reserve.Contains(src))
            return Fail(frame, length, AoeError.Reserved);
        if (rcmd is 1 or 2)
        {
            var list = new List<MacAddress>(nmacs);
            for (var i = 0; i < nmacs; i++)
            {
                var m = MacAddress.Read(frame[(26 + 6 * i)..]);
                if (!list.Contains(m)) list.Add(m);
            }
            if (!list.SequenceEqual(_state.Reserve))
            {
                _state.Reserve.Clear();
                _state.Reserve.AddRange(list);
                _state.Save();
            }
        }
        Frame.MakeResponse(frame, _id.Mac, _id.Shelf, _id.Slot);
        frame[25] = (byte)_state.Reserve.Count;
        for (var i = 0; i < _state.Reserve.Count; i++) _state.Reserve[i].Write(frame[(26 + 6 * i)..]);
        return 26 + 6 * _state.Reserve.Count;
    }
}
