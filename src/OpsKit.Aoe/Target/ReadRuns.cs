// Finds runs of contiguous READs to the same export inside one receive batch, so one pread can serve them all.
using OpsKit.Aoe.Net;
using OpsKit.Aoe.Protocol;

namespace OpsKit.Aoe.Target;

/// <summary>Computes, for each frame of a batch, how many sectors of contiguous reads start at it.</summary>
internal static class ReadRuns
{
    /// <summary>
    /// spans[i] = sectors of frame i plus those of the frames after it that read on contiguously from the same
    /// shelf.slot (0 when frame i is not a plain READ request).
    /// </summary>
    public static void Compute(ReadOnlySpan<RawFrame> frames, Span<int> spans)
    {
        var n = frames.Length;
        for (var i = n - 1; i >= 0; i--)
        {
            var f = frames[i].Frame;
            spans[i] = 0;
            if (!IsRead(f)) continue;
            spans[i] = f[26];
            if (i + 1 >= n || spans[i + 1] == 0) continue;
            var g = frames[i + 1].Frame;
            if (Frame.Shelf(g) == Frame.Shelf(f) && Frame.Slot(g) == Frame.Slot(f) && Frame.Source(g) == Frame.Source(f)
                && Frame.AtaLba(g) == Frame.AtaLba(f) + f[26])
                spans[i] += spans[i + 1];
        }
    }

    private static bool IsRead(ReadOnlySpan<byte> f) =>
        f.Length >= Wire.AtaDataOffset && !Frame.IsResponse(f) && Frame.Command(f) == (byte)AoeCommand.Ata
        && f[27] is Ata.Read or Ata.ReadExt && f[26] > 0;
}
