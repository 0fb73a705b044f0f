// What a bench run measured, and the check pattern shared with tools/aoe_bench.py.
using System.Buffers.Binary;
using System.Globalization;

namespace OpsKit.Aoe.Client;

/// <summary>Bench operation.</summary>
public enum BenchMode
{
    /// <summary>Sequential READ EXT.</summary>
    Read,
    /// <summary>Sequential WRITE EXT of the check pattern.</summary>
    Write,
    /// <summary>Read and check the pattern sector by sector.</summary>
    Verify,
}

/// <summary>Figures of one bench run.</summary>
/// <param name="Mode">What was done.</param>
/// <param name="Targets">How many targets at once.</param>
/// <param name="Bytes">Payload bytes moved.</param>
/// <param name="Seconds">Wall time.</param>
/// <param name="Frames">Answered READ/WRITE frames.</param>
/// <param name="Retransmits">Requests sent again after a timeout.</param>
/// <param name="Errors">Answers with an AoE or ATA error.</param>
/// <param name="BadSectors">Sectors whose pattern did not match (verify).</param>
/// <param name="Window">Outstanding requests per target.</param>
/// <param name="Payload">Bytes per frame.</param>
public sealed record BenchResult(BenchMode Mode, int Targets, long Bytes, double Seconds, long Frames, long Retransmits,
    long Errors, long BadSectors, int Window, int Payload)
{
    /// <summary>10^6 bytes per second.</summary>
    public double MBps => Seconds > 0 ? Bytes / Seconds / 1e6 : 0;
    /// <summary>Answered frames per second.</summary>
    public double FramesPerSecond => Seconds > 0 ? Frames / Seconds : 0;
    /// <summary>Answers that arrived after their request had been sent again (slow, not lost).</summary>
    public long LateAnswers { get; init; }
    /// <summary>Answers the kernel dropped at this client's socket (receive buffer full).</summary>
    public long ClientDrops { get; init; }
    /// <summary>CPU µs per frame of this client process.</summary>
    public double ClientCpuUsPerFrame { get; init; }
    /// <summary>CPU µs per frame of the given server processes (null when no pid was given).</summary>
    public double? ServerCpuUsPerFrame { get; init; }

    /// <summary>One line for humans.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Mode.ToString().ToLowerInvariant()}: {Bytes / 1e6:F1} MB in {Seconds:F3} s = {MBps:F1} MB/s, {FramesPerSecond:F0} frames/s, ")
        + FormattableString.Invariant($"payload {Payload} B, window {Window}, targets {Targets}, retransmits {Retransmits} (late answers {LateAnswers}), client drops {ClientDrops}, errors {Errors}")
        + (Mode == BenchMode.Verify ? FormattableString.Invariant($", bad sectors {BadSectors}") : "")
        + FormattableString.Invariant($", client CPU {ClientCpuUsPerFrame:F2} us/frame")
        + (ServerCpuUsPerFrame is { } s ? FormattableString.Invariant($", server CPU {s:F2} us/frame") : "");
}

/// <summary>The check pattern: sector L starts with (u64 LE L, "AOEBENCH") and the other 496 bytes are (L &amp; 0xff).</summary>
public static class CheckPattern
{
    private static ReadOnlySpan<byte> Magic => "AOEBENCH"u8;

    /// <summary>Fills <paramref name="sectors"/> sectors starting at <paramref name="lba"/>.</summary>
    public static void Fill(Span<byte> data, ulong lba, int sectors)
    {
        for (var i = 0; i < sectors; i++)
        {
            var s = data.Slice(i * 512, 512);
            var l = lba + (ulong)i;
            BinaryPrimitives.WriteUInt64LittleEndian(s, l);
            Magic.CopyTo(s[8..]);
            s[16..].Fill((byte)l);
        }
    }

    /// <summary>Counts sectors that do not carry the pattern.</summary>
    public static int CountBad(ReadOnlySpan<byte> data, ulong lba, int sectors)
    {
        Span<byte> want = stackalloc byte[512];
        var bad = 0;
        for (var i = 0; i < sectors; i++)
        {
            Fill(want, lba + (ulong)i, 1);
            if (!data.Slice(i * 512, 512).SequenceEqual(want)) bad++;
        }
        return bad;
    }
}
