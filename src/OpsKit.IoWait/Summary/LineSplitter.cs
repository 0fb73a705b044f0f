// Splits a byte stream into lines with a fixed 1 MiB buffer and feeds them to an
// aggregator: memory stays constant whatever the input size. Longer lines are
// skipped (counted) rather than buffered without bound.
using System.Runtime.CompilerServices;
using OpsKit.IoWait.BlockDump;

namespace OpsKit.IoWait.Summary;

/// <summary>Reads lines from a stream into a <see cref="SummaryAggregator"/>.</summary>
internal static class LineSplitter
{
    /// <summary>Buffer size; also the longest line kept.</summary>
    public const int BufferSize = 1 << 20;

    /// <summary>Feeds every line of <paramref name="read"/> (a Stream.Read-like function) to <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Feed(Func<byte[], int, int, int> read, SummaryAggregator into, CancellationToken ct)
    {
        var buf = new byte[BufferSize];
        int start = 0, end = 0;
        var skipping = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var n = read(buf, end, buf.Length - end);
            if (n <= 0)
            {
                if (end > start && !skipping) into.AddLine(buf.AsSpan(start, end - start));
                return;
            }
            end += n;
            var span = buf.AsSpan(start, end - start);
            while (true)
            {
                var nl = Bytes.IndexOf(span, (byte)'\n');
                if (nl < 0) break;
                if (skipping) skipping = false;
                else into.AddLine(span[..nl]);
                span = span[(nl + 1)..];
            }
            start = end - span.Length;
            if (start == 0 && end == buf.Length)
            {
                // A line longer than the buffer: count it once and drop bytes until its newline.
                if (!skipping) { into.Lines++; into.Overlong++; }
                skipping = true;
                start = end = 0;
                continue;
            }
            span.CopyTo(buf);
            end = span.Length;
            start = 0;
        }
    }
}
